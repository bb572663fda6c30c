/** The per-request context: dependencies resolvers may use. */
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { AfterWrite } from '../domain/mutationCommon.js';
import type { Db } from '../neo4j/db.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface GraphQLContext {
  db: Db;
  log: Logger;
  config: Config;
  /** Per-request DataLoaders (batching and caching for relationship fields). */
  loaders: Loaders;
  /** What a social mutation refreshes after its write: the user's lists, and the refresher for the creators' (one per server). */
  afterWrite: AfterWrite;
}

/** A request's context; without `afterWrite`, a mutation refreshes the user's lists but no creator's. */
export function createContext(deps: { db: Db; log: Logger; config: Config; afterWrite?: AfterWrite }): GraphQLContext {
  return { db: deps.db, log: deps.log, config: deps.config, loaders: createLoaders(deps.db), afterWrite: deps.afterWrite ?? { log: deps.log } };
}
