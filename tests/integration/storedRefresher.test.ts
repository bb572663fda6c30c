/**
 * Issue 18, outcome 1, the other owners: a creator followed or unfollowed through the API gets its
 * stored commonly-followed-with list recomputed just behind the write (src/stored/refresher.ts),
 * equal to the live answer — before, it kept the list of the last batch until the next
 * `ingest derived`. And a list computed before the creator's followers last changed is not stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshCommonlyFollowedWith } from '../../src/analytics/commonlyFollowedWith.js';
import { projectFollowCsr } from '../../src/analytics/projection.js';
import { commonlyFollowedWith } from '../../src/domain/commonlyFollowedWith.js';
import { follow } from '../../src/domain/follow.js';
import { popularAmongSimilarUsers } from '../../src/domain/popularAmongSimilarUsers.js';
import { followOfFollow } from '../../src/domain/followOfFollow.js';
import { recommendedCreators } from '../../src/domain/recommendedCreators.js';
import { unfollow } from '../../src/domain/unfollow.js';
import { silentLogger } from '../../src/log.js';
import { loadCypher } from '../../src/neo4j/cypher.js';
import type { Db } from '../../src/neo4j/db.js';
import { refreshStoredAnswers } from '../../src/stored/refresh.js';
import { StoredRefresher } from '../../src/stored/refresher.js';
import { follows } from './creatorFixtures.js';
import { cleanup, testDb, uniquePrefix } from './neo4j.js';

describe('the refresher: creators’ lists just behind a follow', () => {
  let db: Db;
  const p = uniquePrefix('refresher');
  const log = silentLogger();
  const stored = (x: string) =>
    db.read<{ ids: string[] | null; at: string | null; current: boolean }>(
      'MATCH (x:Creator {id: $x}) RETURN x.coFollowIds AS ids, x.coFollowedAt AS at, x.coFollowVersion = coalesce(x.followersVersion, 0) AS current',
      { x },
    );
  const answer = async (x: string) => (await commonlyFollowedWith(db, { creatorId: x, first: 100 })).map((r) => r.creator.id);
  const live = async (x: string) => (await commonlyFollowedWith(db, { creatorId: x, first: 100, live: true })).map((r) => r.creator.id);

  beforeAll(async () => {
    db = testDb();
    // u1 and u2 follow hub and a; u3 follows hub and b; new follows only c.
    await follows(db, p, [
      ['u1', 'hub'], ['u1', 'a'],
      ['u2', 'hub'], ['u2', 'a'],
      ['u3', 'hub'], ['u3', 'b'],
      ['new', 'c'],
    ]);
    await refreshCommonlyFollowedWith(db, { minWalk: 0, scope: p });
  });
  afterAll(async () => {
    await cleanup(db, p);
    await db.close();
  });

  it('recomputes a followed creator’s list, coalescing its follows, and stores it equal to the live answer', async () => {
    const delays: number[] = [];
    // A delay no test waits out: flush() runs the queue.
    const refresher = new StoredRefresher(db, log, { delayMs: 60_000, onRefreshed: (_, seconds, ok) => ok && delays.push(seconds) });
    const after = { log, refresher };
    const [before] = await stored(p + 'hub');
    expect(before?.ids).toEqual([p + 'a', p + 'b']);
    await follow(db, { userId: p + 'new', creatorId: p + 'hub' }, after);
    await unfollow(db, { userId: p + 'u3', creatorId: p + 'hub' }, after);
    expect(refresher.pending).toBe(1);
    await refresher.flush();
    const [now] = await stored(p + 'hub');
    // new's c joins; u3 left, so b (followed only by u3 among hub's followers) goes.
    expect(now).toEqual({ ids: [p + 'a', p + 'c'], at: expect.any(String), current: true });
    expect(now!.at! > before!.at!).toBe(true);
    expect(await answer(p + 'hub')).toEqual(await live(p + 'hub'));
    expect(delays).toHaveLength(1);
    await refresher.close();
  });

  it('stores no list computed before the creator’s followers last changed (batch or refresher)', async () => {
    // The batch: its snapshot is older than u3's follow, so hub's list is not stored (and the
    // previous one is cleared: hub is answered live until the next refresh).
    const snapshot = await projectFollowCsr(db, { scope: p });
    await follow(db, { userId: p + 'u3', creatorId: p + 'hub' });
    await refreshCommonlyFollowedWith(db, { minWalk: 0, scope: p, follow: snapshot });
    expect((await stored(p + 'hub'))[0]).toMatchObject({ ids: null, at: null });
    expect(await answer(p + 'hub')).toEqual([p + 'a', p + 'b', p + 'c']);
    // The refresher's store: a row read at an older followersVersion is refused the same way.
    await refreshCommonlyFollowedWith(db, { minWalk: 0, scope: p });
    const [version] = await db.read<{ v: number }>('MATCH (x:Creator {id: $x}) RETURN x.followersVersion AS v', { x: p + 'hub' });
    const row = { id: p + 'hub', followersVersion: version!.v - 1, ids: [p + 'b'], scores: [1], overlaps: [1] };
    const { summary } = await db.write(loadCypher('recommend/commonly-followed-with-store'), { rows: [row], computedAt: new Date().toISOString() });
    expect(summary.propertiesSet).toBe(0);
    expect((await stored(p + 'hub'))[0]).toMatchObject({ ids: [p + 'a', p + 'b', p + 'c'], current: true });
  });

  it('recomputes a followed user’s blend (their followBack changed), stamped as old as its stored signals', async () => {
    // hub now follows a, who follows d: hub is a user with a follow-of-follow list (d, via a).
    await follows(db, p, [['hub', 'a'], ['a', 'd']]);
    await refreshStoredAnswers(db, 'social', { scope: p });
    const current = async () =>
      (
        await db.read<{ at: string | null; current: boolean }>(
          `MATCH (u:User {id: $u})
           RETURN u.recommendedAt AS at, u.recommendedVersion = [coalesce(u.socialVersion, 0), coalesce(u.followersVersion, 0)] AS current`,
          { u: p + 'hub' },
        )
      )[0]!;
    const signals = [...(await followOfFollow(db, { userId: p + 'hub', first: 100 })), ...(await popularAmongSimilarUsers(db, { userId: p + 'hub', first: 100 }))];
    expect(signals.map((r) => r.creator.id)).toContain(p + 'd');
    const oldest = signals.map((r) => r.reason.computedAt!).sort()[0]!;
    expect(await current()).toMatchObject({ current: true });
    const refresher = new StoredRefresher(db, log, { delayMs: 60_000 });
    await unfollow(db, { userId: p + 'u1', creatorId: p + 'hub' }, { log, refresher });
    expect((await current()).current).toBe(false);
    await refresher.flush();
    // Stored again at the new followersVersion; its signals came from hub's stored lists, so it is as old as they are.
    expect(await current()).toEqual({ at: oldest, current: true });
    const recs = await recommendedCreators(db, { userId: p + 'hub' });
    // The stored blend, then the live fallback tier that fills a short list (no computedAt; it may
    // name any creator, u1 too, once an earlier suite's analytics run gave this suite's creators authority).
    const blended = recs.filter((r) => r.reason.kind !== 'POPULAR_CREATOR');
    expect(blended.map((r) => r.creator.id)).toContain(p + 'd');
    expect(new Set(blended.map((r) => r.reason.computedAt))).toEqual(new Set([oldest]));
    // u1 no longer follows hub: followBack does not propose them.
    expect(blended.map((r) => r.creator.id)).not.toContain(p + 'u1');
    await refresher.close();
  });

  it('leaves a creator without a stored list to the live path', async () => {
    await db.write('MATCH (x:Creator {id: $x}) REMOVE x.coFollowIds, x.coFollowScores, x.coFollowOverlaps, x.coFollowVersion, x.coFollowedAt', { x: p + 'a' });
    const refresher = new StoredRefresher(db, log, { delayMs: 0 });
    await follow(db, { userId: p + 'new', creatorId: p + 'a' }, { log, refresher });
    await refresher.flush();
    expect((await stored(p + 'a'))[0]).toEqual({ ids: null, at: null, current: null });
    await refresher.close();
  });
});
