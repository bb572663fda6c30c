/**
 * What every command needs, built once per invocation from the validated config: the logger and,
 * on demand, a Db. Commands receive it; nothing is a module singleton.
 */
import { loadConfig, type Config } from '../config.js';
import { createLogger, type Logger } from '../log.js';
import { createDb, type Db } from '../neo4j/db.js';

export interface CliContext {
  config: Config;
  log: Logger;
  /** Opens a Db for the configured Neo4j (NEO4J_URI, else the local one), verified, and closes it after `work`. */
  withDb<T>(work: (db: Db) => Promise<T>): Promise<T>;
}

export function createCliContext(env: NodeJS.ProcessEnv = process.env): CliContext {
  const config = loadConfig(env);
  const log = createLogger({ level: config.log.level, ...(config.log.pretty === undefined ? {} : { pretty: config.log.pretty }) });
  return {
    config,
    log,
    async withDb(work) {
      const db = openDb(config, log);
      try {
        await db.verify();
        return await work(db);
      } finally {
        await db.close();
      }
    },
  };
}

export function openDb(config: Config, log: Logger): Db {
  return createDb({ connection: config.neo4j, log, local: config.neo4jUri === undefined });
}
