/** commonlyFollowedWith: Jaccard of follower sets, on sets chosen so the values are known. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshCommonlyFollowedWith } from '../../src/analytics/commonlyFollowedWith.js';
import { commonlyFollowedWith } from '../../src/domain/commonlyFollowedWith.js';
import { isHubgraphError } from '../../src/errors.js';
import type { Db } from '../../src/neo4j/db.js';
import { assertPlain, follows, graphqlRunner, users } from './creatorFixtures.js';
import { cleanup, testDb, uniquePrefix } from './neo4j.js';

describe('commonlyFollowedWith', () => {
  let db: Db;
  const p = uniquePrefix('cfw');

  beforeAll(async () => {
    db = testDb();
    // A ← {u1, u2, u3}; B ← {u2, u3, u4}: |A∩B| = 2, |A∪B| = 4 → 0.5.
    // C ← {u1}: 1 / 3. D ← {u4}: no follower in common, never a candidate.
    await follows(db, p, [
      ['u1', 'A'], ['u2', 'A'], ['u3', 'A'],
      ['u2', 'B'], ['u3', 'B'], ['u4', 'B'],
      ['u1', 'C'],
      ['u4', 'D'],
    ]);
    await users(db, p, ['alone']);
  });
  afterAll(async () => {
    await cleanup(db, p);
    await db.close();
  });

  it('scores by |A∩B| / |A∪B| with the overlap as count', async () => {
    const recs = await commonlyFollowedWith(db, { creatorId: p + 'A' });
    expect(recs.map((r) => r.creator.id)).toEqual([p + 'B', p + 'C']);
    expect(recs[0]!.score).toBeCloseTo(0.5, 12);
    expect(recs[1]!.score).toBeCloseTo(1 / 3, 12);
    expect(recs.map((r) => r.reason.count)).toEqual([2, 1]);
    assertPlain(recs);
  });

  it('gives the reason via the creator asked about', async () => {
    const [b] = await commonlyFollowedWith(db, { creatorId: p + 'A', first: 1 });
    expect(b!.reason).toEqual({
      kind: 'COMMONLY_FOLLOWED_WITH',
      via: [{ type: 'CREATOR', id: p + 'A' }],
      count: 2,
      countIsLowerBound: false,
      authoritySource: null,
      text: `Shares 2 followers with /${p}A`,
    });
  });

  it('is symmetric in its score', async () => {
    const fromB = await commonlyFollowedWith(db, { creatorId: p + 'B' });
    expect(fromB.find((r) => r.creator.id === p + 'A')?.score).toBeCloseTo(0.5, 12);
  });

  it('answers empty for a known creator without followers, BAD_USER_INPUT for an unknown one', async () => {
    await expect(commonlyFollowedWith(db, { creatorId: p + 'alone' })).resolves.toEqual([]);
    const e = await commonlyFollowedWith(db, { creatorId: p + 'nobody' }).catch((x: unknown) => x);
    expect(isHubgraphError(e) && e.code).toBe('BAD_USER_INPUT');
    const gql = await graphqlRunner(db);
    try {
      const res = await gql.run('query($c: ID!) { commonlyFollowedWith(creatorId: $c) { score reason { text count } creator { id followers } } }', { c: p + 'A' });
      expect(res.data.commonlyFollowedWith[0]).toEqual({ score: 0.5, reason: { text: `Shares 2 followers with /${p}A`, count: 2 }, creator: { id: p + 'B', followers: 3 } });
    } finally {
      await gql.stop();
    }
  });
  describe('stored lists (creators with a large walk)', () => {
    // The refresh projects only this suite's creators and follows (ids starting with the prefix).
    const refresh = (minWalk: number) => refreshCommonlyFollowedWith(db, { minWalk, scope: p });
    const stored = async (id: string) => {
      const [row] = await db.read<{ ids: string[] | null; scores: number[] | null; overlaps: number[] | null }>(
        'MATCH (x:Creator {id: $id}) RETURN x.coFollowIds AS ids, x.coFollowScores AS scores, x.coFollowOverlaps AS overlaps',
        { id },
      );
      return (row?.ids ?? []).map((c, rank) => ({ c, rank, score: row!.scores![rank], overlap: row!.overlaps![rank] }));
    };
    afterAll(async () => {
      // Leave the fixtures answered live for the other tests of this file, whatever their order.
      await refresh(Number.MAX_SAFE_INTEGER);
    });

    it('answers from the stored list exactly what the live query answers, saying when it was computed', async () => {
      const live = await commonlyFollowedWith(db, { creatorId: p + 'A' });
      expect(live[0]!.reason.computedAt).toBeUndefined();
      // A's walk is u1 (follows A, C) + u2 (A, B) + u3 (A, B) = 6 rows: a threshold of 6 stores A's list.
      const r = await refresh(6);
      expect(r.stored).toBeGreaterThanOrEqual(1);
      expect(await stored(p + 'A')).toEqual([
        { c: p + 'B', rank: 0, score: 0.5, overlap: 2 },
        { c: p + 'C', rank: 1, score: 1 / 3, overlap: 1 },
      ]);
      const fromList = await commonlyFollowedWith(db, { creatorId: p + 'A' });
      expect(fromList.map((x) => ({ ...x, reason: { ...x.reason, computedAt: undefined } }))).toEqual(live);
      expect(fromList[0]!.reason.computedAt).toBe(r.computedAt);
      expect(await commonlyFollowedWith(db, { creatorId: p + 'A', first: 1 })).toHaveLength(1);
      // D's walk (u4 follows B and D) is 2: below the threshold, answered live.
      expect(await stored(p + 'D')).toEqual([]);
      expect((await commonlyFollowedWith(db, { creatorId: p + 'D' }))[0]!.reason.computedAt).toBeUndefined();
    });

    it('replaces a list on refresh (no duplicates) and picks up follows made since', async () => {
      await refresh(6);
      await refresh(6);
      expect(await stored(p + 'A')).toHaveLength(2);
      // u4 now follows A too: A ← {u1..u4}, B ← {u2, u3, u4}: 3 / 4.
      await follows(db, p, [['u4', 'A']]);
      expect((await commonlyFollowedWith(db, { creatorId: p + 'A', first: 1 }))[0]!.score).toBeCloseTo(0.5, 12);
      await refresh(6);
      const [top] = await commonlyFollowedWith(db, { creatorId: p + 'A', first: 1 });
      expect(top!.score).toBeCloseTo(0.75, 12);
      expect(top!.reason.count).toBe(3);
      await db.write('MATCH (:Creator {id: $u})-[f:FOLLOWS]->(:Creator {id: $a}) DELETE f', { u: p + 'u4', a: p + 'A' });
    });

    it('drops a list when the walk falls below the threshold, and answers live again', async () => {
      await refresh(6);
      expect(await stored(p + 'A')).toHaveLength(2);
      const r = await refresh(1000);
      expect(r.stored).toBe(0);
      expect(r.cleared).toBeGreaterThanOrEqual(1);
      expect(await stored(p + 'A')).toEqual([]);
      const [top] = await commonlyFollowedWith(db, { creatorId: p + 'A', first: 1 });
      expect(top!.score).toBeCloseTo(0.5, 12);
      expect(top!.reason.computedAt).toBeUndefined();
    });
  });
});
