/**
 * Issue 18, outcomes 1 and 2: after a user's own write, their next answers reflect it AND come from
 * stored lists (recomputed right after the write, src/stored/refreshUser.ts) — not from the live
 * path until the next batch. Each stored list equals the live answer it replaces. And an analytics
 * run leaves no one on the live path: it refreshes recommendedCreators itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalytics } from '../../src/analytics/run.js';
import { follow } from '../../src/domain/follow.js';
import { followOfFollow } from '../../src/domain/followOfFollow.js';
import { followTopic } from '../../src/domain/followTopic.js';
import { popularAmongSimilarUsers } from '../../src/domain/popularAmongSimilarUsers.js';
import { recommendedCreators } from '../../src/domain/recommendedCreators.js';
import { secondDegree } from '../../src/domain/secondDegree.js';
import { unfollow } from '../../src/domain/unfollow.js';
import { silentLogger } from '../../src/log.js';
import type { Db } from '../../src/neo4j/db.js';
import { scopedSettings } from './analyticsFixtures.js';
import { follows } from './creatorFixtures.js';
import { cleanup, testDb, uniquePrefix } from './neo4j.js';

describe('stored lists after the user’s own write', () => {
  let db: Db;
  const p = uniquePrefix('afterwrite');
  const me = p + 'me';
  const after = { log: silentLogger() };

  beforeAll(async () => {
    db = testDb();
    // me follows a. a follows c and d; b follows c and e; twin (like me) follows a, b and f.
    await follows(db, p, [
      ['me', 'a'],
      ['a', 'c'], ['a', 'd'], ['b', 'c'], ['b', 'e'],
      ['twin', 'a'], ['twin', 'b'], ['twin', 'f'],
    ]);
    await db.write(`MERGE (t:Task {id: $t}) SET t.name = $t`, { t: p + 'task' });
  });
  afterAll(async () => {
    await cleanup(db, p);
    await db.close();
  });

  const questions = {
    followOfFollow: () => followOfFollow(db, { userId: me }),
    secondDegree: () => secondDegree(db, { userId: me }),
    popularAmongSimilarUsers: () => popularAmongSimilarUsers(db, { userId: me }),
    recommendedCreators: () => recommendedCreators(db, { userId: me }),
  };

  /** Every question's answer, and whether it came from a stored list (recommendedCreators' fallback tier past it is live). */
  async function answers() {
    const out: Record<string, { ids: string[]; scores: number[]; stored: boolean }> = {};
    for (const [q, ask] of Object.entries(questions)) {
      const recs = await ask();
      out[q] = { ids: recs.map((r) => r.creator.id), scores: recs.map((r) => r.score), stored: recs[0]?.reason.computedAt !== undefined };
    }
    return out;
  }

  /** The same answers live: the user's lists invalidated by hand, as a write would. */
  async function liveAnswers() {
    await db.write('MATCH (u:User {id: $me}) SET u.socialVersion = coalesce(u.socialVersion, 0) + 1', { me });
    return answers();
  }

  it('a follow stores every list at once, reflecting it, equal to the live answer', async () => {
    await follow(db, { userId: me, creatorId: p + 'b' }, after);
    const stored = await answers();
    for (const [q, a] of Object.entries(stored)) {
      expect({ q, stored: a.stored }).toEqual({ q, stored: true });
      expect(a.ids).not.toContain(p + 'b');
    }
    // b's followee e is now a follow-of-follow; the followed b is gone from every answer.
    expect(stored.followOfFollow!.ids).toContain(p + 'e');
    const live = await liveAnswers();
    for (const [q, a] of Object.entries(live)) {
      expect({ q, stored: a.stored }).toEqual({ q, stored: false });
      expect({ q, ids: a.ids }).toEqual({ q, ids: stored[q]!.ids });
      a.scores.forEach((s, i) => expect(s).toBeCloseTo(stored[q]!.scores[i]!, 10));
    }
  });

  it('an unfollow does the same', async () => {
    await unfollow(db, { userId: me, creatorId: p + 'b' }, after);
    const stored = await answers();
    expect(stored.followOfFollow).toMatchObject({ stored: true });
    expect(stored.followOfFollow!.ids).not.toContain(p + 'e');
    const live = await liveAnswers();
    expect(live.followOfFollow!.ids).toEqual(stored.followOfFollow!.ids);
  });

  it('a follow that changes nothing leaves the lists as they are; without `after` they are only invalidated', async () => {
    await follow(db, { userId: me, creatorId: p + 'b' });
    const invalidated = await answers();
    for (const a of Object.values(invalidated)) expect(a.stored).toBe(false);
    await follow(db, { userId: me, creatorId: p + 'b' }, after);
    expect((await answers()).followOfFollow).toMatchObject({ stored: false });
  });

  it('a topic follow stores the walk lists, but no blend (its topic-leader signal is live only)', async () => {
    await followTopic(db, { userId: me, taskId: p + 'task' }, after);
    const a = await answers();
    expect(a.followOfFollow).toMatchObject({ stored: true });
    // Not read from the answer: a followed topic's leaders carry their own list's computedAt.
    const [row] = await db.read<{ current: boolean | null }>(
      'MATCH (u:User {id: $me}) RETURN u.recommendedVersion = [coalesce(u.socialVersion, 0), coalesce(u.followersVersion, 0)] AS current',
      { me },
    );
    expect(row?.current ?? false).toBe(false);
  });

  it('an analytics run leaves the lists stored, recommendedCreators recomputed with its authority (regression)', async () => {
    // Before, the stored blend was keyed to the runs current when it was computed: after a run
    // every user's recommendedCreators went live until the next `ingest derived`. (twin follows no
    // topic, so the batch stores its blend.)
    const twin = p + 'twin';
    const blend = async () => {
      const [row] = await db.read<{ at: string | null; current: boolean | null }>(
        `MATCH (u:User {id: $twin})
         RETURN u.recommendedAt AS at, u.recommendedVersion = [coalesce(u.socialVersion, 0), coalesce(u.followersVersion, 0)] AS current`,
        { twin },
      );
      const recs = await recommendedCreators(db, { userId: twin });
      return { at: row?.at ?? null, current: row?.current ?? false, served: recs[0]?.reason.computedAt ?? null };
    };
    await follow(db, { userId: twin, creatorId: p + 'c' }, after);
    const before = await blend();
    expect(before).toEqual({ at: expect.any(String), current: true, served: before.at });
    const run = await runAnalytics(db, scopedSettings(p), silentLogger(), { gcGraceMs: 0 });
    const afterRun = await blend();
    expect(afterRun).toEqual({ at: expect.any(String), current: true, served: afterRun.at });
    expect(afterRun.at! > run.run.computedAt).toBe(true);
  });
});
