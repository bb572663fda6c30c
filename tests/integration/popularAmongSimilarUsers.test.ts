/** popularAmongSimilarUsers: Jaccard neighbours and similarity-weighted follows, computed here by hand. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshPopularAmongSimilarUsers } from '../../src/analytics/popularAmongSimilarUsers.js';
import { follow } from '../../src/domain/follow.js';
import { popularAmongSimilarUsers } from '../../src/domain/popularAmongSimilarUsers.js';
import { unfollow } from '../../src/domain/unfollow.js';
import { isHubgraphError } from '../../src/errors.js';
import { loadCypher } from '../../src/neo4j/cypher.js';
import type { Db } from '../../src/neo4j/db.js';
import { assertPlain, follows, graphqlRunner } from './creatorFixtures.js';
import { cleanup, testDb, uniquePrefix } from './neo4j.js';

describe('popularAmongSimilarUsers', () => {
  let db: Db;
  const p = uniquePrefix('cf');

  beforeAll(async () => {
    db = testDb();
    // F(me) = {c1, c2}
    // F(v1) = {c1, c2, c3, me, c6}: |∩| = 2, |∪| = 5 → 0.4
    // F(v2) = {c1, c4, c6}:          |∩| = 1, |∪| = 4 → 0.25
    // F(v3) = {c5}:                  no overlap, not a neighbour
    await follows(db, p, [
      ['me', 'c1'], ['me', 'c2'],
      ['v1', 'c1'], ['v1', 'c2'], ['v1', 'c3'], ['v1', 'me'], ['v1', 'c6'],
      ['v2', 'c1'], ['v2', 'c4'], ['v2', 'c6'],
      ['v3', 'c5'],
    ]);
  });
  afterAll(async () => {
    await cleanup(db, p);
    await db.close();
  });

  it('scores creators by the summed similarity of the neighbours following them', async () => {
    const recs = await popularAmongSimilarUsers(db, { userId: p + 'me' });
    expect(recs.map((r) => r.creator.id)).toEqual([p + 'c6', p + 'c3', p + 'c4']);
    expect(recs[0]!.score).toBeCloseTo(0.4 + 0.25, 12);
    expect(recs[1]!.score).toBeCloseTo(0.4, 12);
    expect(recs[2]!.score).toBeCloseTo(0.25, 12);
    expect(recs.map((r) => r.reason.count)).toEqual([2, 1, 1]);
    // The reason names the neighbours who follow the creator, most similar first: v1 (0.4), v2 (0.25).
    expect(recs[0]!.reason).toMatchObject({
      kind: 'POPULAR_AMONG_SIMILAR_USERS',
      text: `Followed by /${p}v1 and /${p}v2, whose follows resemble yours`,
      via: [{ type: 'CREATOR', id: p + 'v1' }, { type: 'CREATOR', id: p + 'v2' }],
    });
    // A count of one reads as the one neighbour it is.
    expect(recs[1]!.reason.text).toBe(`Followed by /${p}v1, whose follows resemble yours`);
    expect(recs[2]!.reason.via).toEqual([{ type: 'CREATOR', id: p + 'v2' }]);
    assertPlain(recs);
  });

  it('keeps only the k most similar neighbours', async () => {
    const recs = await popularAmongSimilarUsers(db, { userId: p + 'me' }, { neighbours: 1 });
    // Only v1 (0.4) remains: c3 and c6 tie at 0.4, ordered by id.
    expect(recs.map((r) => [r.creator.id, r.score])).toEqual([
      [p + 'c3', 0.4],
      [p + 'c6', 0.4],
    ]);
  });

  it('walks at most maxWalk follows, from the followees with fewest followers', async () => {
    // c2 has 2 followers (me, v1), c1 has 3: a budget of 2 keeps c2 only, so v1 is the one
    // neighbour, sharing 1 followee: similarity 1 / (2 + 5 − 1).
    const recs = await popularAmongSimilarUsers(db, { userId: p + 'me' }, { maxWalk: 2 });
    expect(recs.map((r) => [r.creator.id, r.reason.count])).toEqual([
      [p + 'c3', 1],
      [p + 'c6', 1],
    ]);
    expect(recs[0]!.score).toBeCloseTo(1 / 6, 12);
  });

  it('rejects an unknown user; answers through GraphQL', async () => {
    const e = await popularAmongSimilarUsers(db, { userId: p + 'ghost' }).catch((x: unknown) => x);
    expect(isHubgraphError(e) && e.code).toBe('BAD_USER_INPUT');
    const gql = await graphqlRunner(db);
    try {
      const res = await gql.run('query($u: ID!) { popularAmongSimilarUsers(userId: $u, first: 2) { creator { id } reason { count } } }', { u: p + 'me' });
      expect(res.data.popularAmongSimilarUsers).toEqual([
        { creator: { id: p + 'c6' }, reason: { count: 2 } },
        { creator: { id: p + 'c3' }, reason: { count: 1 } },
      ]);
    } finally {
      await gql.stop();
    }
  });

  describe('stored lists', () => {
    // The refresh projects only this suite's users and follows (ids starting with the prefix).
    const refresh = (minWalk = 0) => refreshPopularAmongSimilarUsers(db, { minWalk, scope: p });
    const storedAt = async (name: string) => {
      const [row] = await db.read<{ at: string | null }>('MATCH (u:User {id: $id}) RETURN u.popularAmongSimilarAt AS at', { id: p + name });
      return row?.at ?? null;
    };
    const answer = async () =>
      (await popularAmongSimilarUsers(db, { userId: p + 'me' })).map((r) => [r.creator.id.slice(p.length), r.score, r.reason.count, r.reason.text, r.reason.computedAt ?? null]);
    // Asked with any other setting, the question is answered live: the reference answer.
    const live = async () =>
      (await popularAmongSimilarUsers(db, { userId: p + 'me' }, { maxWalk: 2001 })).map((r) => [r.creator.id.slice(p.length), r.score, r.reason.count, r.reason.text]);
    afterAll(async () => {
      // Leave the fixtures answered live for the other tests of this file, whatever their order.
      await refresh(Number.MAX_SAFE_INTEGER);
    });

    it('answers a user with a stored list from it: the live answer (the neighbours its reasons name too), stamped computedAt', async () => {
      const r = await refresh();
      // v3 shares no followee with anyone, so has no neighbour and no list.
      expect(r.stored).toBe(3);
      const at = await storedAt('me');
      expect(at).toBe(r.computedAt);
      const stored = await answer();
      expect(stored).toEqual((await live()).map((x) => [...x, at]));
      expect(stored.map((x) => x[0])).toEqual(['c6', 'c3', 'c4']);
      // It is the stored list that answers: a doctored list shows.
      await db.write('MATCH (u:User {id: $id}) SET u.popularAmongSimilarScores = [9.0, 8.0, 7.0]', { id: p + 'me' });
      expect((await answer()).map((x) => x[1])).toEqual([9, 8, 7]);
    });

    it('does not read the list after a follow or unfollow (socialVersion), so the next answer is live and leaves out the new follow', async () => {
      await refresh();
      expect((await answer())[0]![0]).toBe('c6');
      await follow(db, { userId: p + 'me', creatorId: p + 'c6' });
      expect((await answer()).every((x) => x[4] === null)).toBe(true);
      const after = await answer();
      expect(after.map((x) => x[0])).not.toContain('c6');
      expect(after.every((x) => x[4] === null)).toBe(true);
      await refresh();
      expect(await storedAt('me')).not.toBeNull();
      await unfollow(db, { userId: p + 'me', creatorId: p + 'c6' });
      expect((await answer()).every((x) => x[4] === null)).toBe(true);
      expect((await answer()).map((x) => x[0])).toEqual(['c6', 'c3', 'c4']);
    });

    it('does not read the list after a bulkFollow', async () => {
      await refresh();
      await db.write(loadCypher('api/bulk-follow'), { userId: p + 'me', creatorIds: [p + 'c4'] });
      expect((await answer()).every((x) => x[4] === null)).toBe(true);
      expect((await answer()).map((x) => x[0])).toEqual(['c6', 'c3']);
      await unfollow(db, { userId: p + 'me', creatorId: p + 'c4' });
    });

    it('is not read once the user’s follows changed some other way (the evaluation harness hides follows)', async () => {
      await refresh();
      await db.write('MATCH (:User {id: $u})-[r:FOLLOWS]->(:Creator {id: $c}) DELETE r', { u: p + 'me', c: p + 'c2' });
      try {
        expect(await storedAt('me')).not.toBeNull();
        const hidden = await answer();
        expect(hidden.every((x) => x[4] === null)).toBe(true);
        expect(hidden.map((x) => x.slice(0, 4))).toEqual(await live());
        // Without c2, v1 shares c1 only: 1 / (1 + 5 − 1); v2 shares c1: 1 / (1 + 3 − 1).
        expect(hidden.map((x) => x[0])).toContain('c2');
      } finally {
        await db.write('MATCH (u:User {id: $u}), (c:Creator {id: $c}) MERGE (u)-[:FOLLOWS]->(c)', { u: p + 'me', c: p + 'c2' });
      }
      expect((await answer()).every((x) => x[4] !== null)).toBe(true);
    });

    it('clears the lists a later refresh no longer stores', async () => {
      await refresh();
      const r = await refresh(Number.MAX_SAFE_INTEGER);
      expect([r.stored, r.cleared]).toEqual([0, 3]);
      expect((await answer()).every((x) => x[4] === null)).toBe(true);
      expect((await answer()).every((x) => x[4] === null)).toBe(true);
    });
  });
});
