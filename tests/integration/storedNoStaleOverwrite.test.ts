/**
 * Issue 18, defect 3: a refresh computed from a snapshot older than the user's last write must
 * never be stored, nor served. Seen before the fix: `ingest derived` ran while a user unfollowed one
 * creator and followed MIT; the lists it then stored (from the older snapshot) proposed MIT, and
 * were served because the user's follow count happened to match again.
 *
 * Here the snapshot is taken (the projection), the user then unfollows b and follows mit (two
 * follows before, two after), and the refresh stores from the snapshot. Every question must leave
 * MIT out, answered live (no `computedAt`) — and a refresh from a fresh snapshot stores again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshFollowOfFollow, type FollowOfFollowList } from '../../src/analytics/followOfFollow.js';
import { refreshPopularAmongSimilarUsers } from '../../src/analytics/popularAmongSimilarUsers.js';
import { projectFollowCsr, type Csr } from '../../src/analytics/projection.js';
import { refreshRecommendedCreators } from '../../src/analytics/recommendedCreators.js';
import { refreshSecondDegree } from '../../src/analytics/secondDegree.js';
import { follow } from '../../src/domain/follow.js';
import { followOfFollow } from '../../src/domain/followOfFollow.js';
import { popularAmongSimilarUsers } from '../../src/domain/popularAmongSimilarUsers.js';
import { recommendedCreators } from '../../src/domain/recommendedCreators.js';
import { secondDegree } from '../../src/domain/secondDegree.js';
import { unfollow } from '../../src/domain/unfollow.js';
import type { Db } from '../../src/neo4j/db.js';
import { follows } from './creatorFixtures.js';
import { cleanup, testDb, uniquePrefix } from './neo4j.js';

describe('a stored list computed before the owner’s last write (regression)', () => {
  let db: Db;
  const p = uniquePrefix('stale');
  const me = p + 'me';
  const mit = p + 'mit';

  beforeAll(async () => {
    db = testDb();
    // me follows a and b; both follow mit and x. twin follows a and b too (a similar user) and mit.
    await follows(db, p, [
      ['me', 'a'], ['me', 'b'],
      ['a', 'mit'], ['a', 'x'], ['b', 'mit'], ['b', 'x'],
      ['twin', 'a'], ['twin', 'b'], ['twin', 'mit'], ['twin', 'x'],
    ]);
  });
  afterAll(async () => {
    await cleanup(db, p);
    await db.close();
  });

  /** The snapshot, then the writes: follow count 2 before and after. */
  async function snapshotThenWrite(): Promise<Csr> {
    const snapshot = await projectFollowCsr(db, { scope: p });
    await unfollow(db, { userId: me, creatorId: p + 'b' });
    await follow(db, { userId: me, creatorId: mit });
    return snapshot;
  }

  it('is neither stored nor served, for every question that excludes followed creators', async () => {
    const snapshot = await snapshotThenWrite();
    let fof: FollowOfFollowList[] = [];
    await refreshFollowOfFollow(db, { minWalk: 0, scope: p, follow: snapshot }, (l) => (fof = l));
    await refreshSecondDegree(db, { minWalk: 0, scope: p, follow: snapshot });
    await refreshPopularAmongSimilarUsers(db, { minWalk: 0, scope: p, follow: snapshot });
    await refreshRecommendedCreators(db, { minWalk: 0, scope: p, follow: snapshot });
    // The snapshot did propose mit to me: the refresh had a stale list to store.
    expect(fof.find((l) => l.id === me)?.ids).toContain(mit);

    const answers = {
      followOfFollow: await followOfFollow(db, { userId: me }),
      secondDegree: await secondDegree(db, { userId: me }),
      popularAmongSimilarUsers: await popularAmongSimilarUsers(db, { userId: me }),
      recommendedCreators: await recommendedCreators(db, { userId: me }),
    };
    for (const [question, recs] of Object.entries(answers)) {
      expect({ question, ids: recs.map((r) => r.creator.id) }).not.toEqual(expect.objectContaining({ ids: expect.arrayContaining([mit]) }));
      expect({ question, computedAt: recs.map((r) => r.reason.computedAt ?? null) }).toEqual({ question, computedAt: recs.map(() => null) });
    }
    const [stored] = await db.read<{ fof: unknown; sd: unknown; rec: unknown }>(
      'MATCH (u:User {id: $me}) RETURN u.followOfFollowAt AS fof, u.secondDegreeAt AS sd, u.recommendedAt AS rec',
      { me },
    );
    expect(stored).toEqual({ fof: null, sd: null, rec: null });
  });

  it('is stored again from a snapshot taken after the write', async () => {
    await refreshFollowOfFollow(db, { minWalk: 0, scope: p });
    const recs = await followOfFollow(db, { userId: me });
    expect(recs.map((r) => r.creator.id)).not.toContain(mit);
    expect(recs[0]?.reason.computedAt).toEqual(expect.any(String));
  });
});
