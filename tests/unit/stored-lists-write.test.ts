/**
 * writeStoredLists (src/analytics/storedLists.ts): its batches, at most `concurrency` transactions in
 * flight, every list written once, progress up to the total, and the clear only after every batch
 * — never after a failed one, after which no further batch starts. A stand-in Db records the calls (the refreshes that use it are
 * tested against a real Neo4j in their own suites).
 */
import { describe, expect, it } from 'vitest';
import { writeStoredLists } from '../../src/analytics/storedLists.js';
import { EMPTY_SUMMARY, standInDb } from './standInDb.js';

/** A Db whose store writes take a few ms each and may fail for one batch; it records what ran. */
function recordingDb(failOnBatchStartingWith?: number) {
  const log: string[] = [];
  const stored: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const db = standInDb({
    write: async <T>(_cypher: string, params: Record<string, unknown> = {}, options: { op?: string } = {}) => {
      if (options.op?.endsWith('.clear')) {
        log.push('clear');
        return { rows: [{ cleared: 0 } as T], summary: EMPTY_SUMMARY };
      }
      const rows = params.rows as number[];
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      if (rows[0] === failOnBatchStartingWith) throw new Error(`batch ${rows[0]} failed`);
      stored.push(...rows);
      log.push(`store ${rows[0]}`);
      return { rows: [], summary: EMPTY_SUMMARY };
    },
  });
  return { db, log, stored, maxInFlight: () => maxInFlight };
}

const options = (lists: number[], concurrency?: number) => ({
  store: 'recommend/follow-of-follow-store',
  clear: 'recommend/follow-of-follow-clear',
  op: 'test',
  lists,
  computedAt: '2026-01-01T00:00:00Z',
  scope: '',
  batchSize: 10,
  ...(concurrency === undefined ? {} : { concurrency }),
});

describe('writeStoredLists', () => {
  const lists = Array.from({ length: 95 }, (_, i) => i);

  it('writes every list once, two batches in flight by default, then clears', async () => {
    const { db, log, stored, maxInFlight } = recordingDb();
    const progress: number[] = [];
    const r = await writeStoredLists(db, { ...options(lists), onProgress: (done) => progress.push(done) });
    expect(stored.sort((a, b) => a - b)).toEqual(lists);
    expect(maxInFlight()).toBe(2);
    expect(r.transactions).toBe(10 + 1);
    expect(log.at(-1)).toBe('clear');
    expect(log.filter((l) => l === 'clear')).toHaveLength(1);
    expect(progress.at(-1)).toBe(95);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('keeps to the concurrency it is given', async () => {
    const { db, maxInFlight } = recordingDb();
    await writeStoredLists(db, options(lists, 1));
    expect(maxInFlight()).toBe(1);
  });

  it('fails when a batch fails, starts no batch after it, and never clears (regression)', async () => {
    // With Neo4j gone every queued batch used to wait out the driver's retries in turn: a job sat
    // for minutes. Batches 0–20 went before; 40 was in flight beside 30; none after starts.
    const { db, log, stored } = recordingDb(30);
    await expect(writeStoredLists(db, options(lists))).rejects.toThrow('batch 30 failed');
    expect(log).not.toContain('clear');
    expect(stored.filter((x) => x < 30)).toHaveLength(30);
    expect(stored.filter((x) => x >= 50)).toEqual([]);
  });
});
