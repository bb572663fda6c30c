/** oneRead: several reads in one managed read transaction, on a real Neo4j. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneRead, type Db } from '../../src/neo4j/db.js';
import { testDb } from './neo4j.js';

// tx.getMetaData() answers for the transaction a query runs in: a read that ran in a transaction
// of its own would carry its own metadata, not the one oneRead gave.
const METADATA_OP = 'CALL tx.getMetaData() YIELD metadata RETURN metadata.op AS op';

describe('oneRead', () => {
  let db: Db;
  beforeAll(() => {
    db = testDb();
  });
  afterAll(async () => {
    await db.close();
  });

  it('runs every read, concurrent and nested ones too, in the one transaction it names', async () => {
    const ops = await oneRead(db, 'probe', async (tx) => {
      const [a, b] = await Promise.all([tx.read<{ op: string }>(METADATA_OP, {}, { op: 'ignored' }), tx.read<{ op: string }>(METADATA_OP)]);
      const nested = await oneRead(tx, 'nested', (inner) => inner.read<{ op: string }>(METADATA_OP));
      return [a[0]!.op, b[0]!.op, nested[0]!.op];
    });
    expect(ops).toEqual(['probe', 'probe', 'probe']);
    // A plain read is its own transaction, with its own metadata.
    expect((await db.read<{ op: string }>(METADATA_OP, {}, { op: 'alone' }))[0]!.op).toBe('alone');
  });

  it('returns plain values (no neo4j Integers) and passes parameters', async () => {
    const rows = await oneRead(db, 'probe', (tx) => tx.read<{ n: number; xs: number[] }>('RETURN $n + 1 AS n, [1, 2] AS xs', { n: 41 }));
    expect(rows).toEqual([{ n: 42, xs: [1, 2] }]);
  });

  it('refuses writes through the read transaction', async () => {
    await expect(oneRead(db, 'probe', (tx) => tx.write('CREATE (:OneReadProbe)'))).rejects.toThrow(/read-only/);
    expect((await db.read<{ n: number }>('MATCH (n:OneReadProbe) RETURN count(n) AS n'))[0]!.n).toBe(0);
  });

  it('passes an error thrown by the work through unchanged', async () => {
    const boom = new Error('unknown user');
    await expect(oneRead(db, 'probe', async (tx) => {
      await tx.read('RETURN 1');
      throw boom;
    })).rejects.toBe(boom);
  });
});
