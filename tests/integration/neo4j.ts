/** Shared helpers for integration tests: the Neo4j found by globalSetup, a Db on it, and cleanup by id prefix. */
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import type { LocalNeo4jConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { createDb, type Db } from '../../src/neo4j/db.js';

export interface TestNeo4j {
  mode: 'external' | 'testcontainers' | 'local';
  uri: string;
  user: string;
  password: string;
  database: string;
  /** The local instance's config when mode is `local`. */
  local: LocalNeo4jConfig | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}

/** The local test instance: its own ports and home, never the developer's. */
export const TEST_LOCAL_NEO4J: Omit<LocalNeo4jConfig, 'home'> = {
  boltPort: 17687,
  httpPort: 17474,
  heap: '1g',
  pagecache: '256m',
  password: 'hubgraph-test',
  startTimeoutSeconds: 180,
};

export function testNeo4j(): TestNeo4j {
  return inject('neo4j');
}

export function testDb(): Db {
  const n = testNeo4j();
  return createDb({ connection: { uri: n.uri, user: n.user, password: n.password, database: n.database }, log: silentLogger() });
}

/** A unique id prefix for one suite's data, so suites never see each other's nodes. */
export function uniquePrefix(name: string): string {
  return `test-${name}-${randomUUID().slice(0, 8)}/`;
}

/** Deletes every node whose id starts with the prefix (and its relationships). */
export async function cleanup(db: Db, prefix: string): Promise<void> {
  await db.write('MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix });
}
