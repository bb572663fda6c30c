/**
 * The refresher (src/stored/refresher.ts) through an outage: a refresh that fails while Neo4j is
 * down keeps its creator queued (drained once Neo4j is back) instead of dropping the list's
 * refresh; a failure with Neo4j up drops it (the next batch recomputes the list). Its behaviour
 * against a real Neo4j is tests/integration/storedRefresher.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import type { Outage } from '../../src/neo4j/outage.js';
import { StoredRefresher } from '../../src/stored/refresher.js';
import { standInDb } from './standInDb.js';

function failingDb(outage: { now: Outage | null }) {
  let calls = 0;
  const db = standInDb({
    readTx: async () => {
      calls++;
      throw new Error('Neo4j is unavailable');
    },
    outage: () => outage.now,
  });
  return { db, calls: () => calls };
}

describe('the refresher through an outage', () => {
  it('keeps a creator queued while Neo4j is down, and reports nothing refreshed', async () => {
    const outage = { now: { since: new Date(), reason: 'connection refused' } as Outage | null };
    const { db, calls } = failingDb(outage);
    const refreshed: boolean[] = [];
    const refresher = new StoredRefresher(db, silentLogger(), { delayMs: 60_000, onRefreshed: (_, __, ok) => refreshed.push(ok) });
    refresher.followersChanged('a');
    refresher.followersChanged('b');
    await refresher.flush();
    // One attempt, then the whole queue waits: b is not tried against a database that is down.
    expect(calls()).toBe(1);
    expect(refresher.pending).toBe(2);
    expect(refreshed).toEqual([]);
    await refresher.close();
  });

  it('drops a refresh that failed with Neo4j up, and goes on with the queue', async () => {
    const { db, calls } = failingDb({ now: null });
    const refreshed: boolean[] = [];
    const refresher = new StoredRefresher(db, silentLogger(), { delayMs: 60_000, onRefreshed: (_, __, ok) => refreshed.push(ok) });
    refresher.followersChanged('a');
    refresher.followersChanged('b');
    await refresher.flush();
    expect(calls()).toBe(2);
    expect(refresher.pending).toBe(0);
    expect(refreshed).toEqual([false, false]);
    await refresher.close();
  });
});
