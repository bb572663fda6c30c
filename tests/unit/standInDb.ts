/**
 * A Db for unit tests that need one but no database (the real Db is tested against a real Neo4j):
 * reads answer nothing, writes report nothing written, transactions are not expected; a test
 * overrides what it uses.
 */
import type { Db, WriteSummary } from '../../src/neo4j/db.js';

export const EMPTY_SUMMARY: WriteSummary = {
  nodesCreated: 0,
  nodesDeleted: 0,
  relationshipsCreated: 0,
  relationshipsDeleted: 0,
  propertiesSet: 0,
  constraintsAdded: 0,
  indexesAdded: 0,
};

export function standInDb(overrides: Partial<Db> = {}): Db {
  const notUsed = async (): Promise<never> => {
    throw new Error('not used');
  };
  return {
    uri: 'bolt://stand-in',
    database: 'neo4j',
    read: async () => [],
    write: async () => ({ rows: [], summary: EMPTY_SUMMARY }),
    readTx: notUsed,
    writeTx: notUsed,
    verify: async () => ({ version: '5.26', edition: 'community' }),
    outage: () => null,
    close: async () => undefined,
    ...overrides,
  };
}
