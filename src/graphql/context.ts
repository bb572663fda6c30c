/** The per-request context: dependencies resolvers may use. */
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Db } from '../neo4j/db.js';
import type { Loaders } from './loaders.js';

export interface GraphQLContext {
  db: Db;
  log: Logger;
  config: Config;
  /** Per-request DataLoaders (batching and caching for relationship fields). */
  loaders: Loaders;
}
