/** popularAmongSimilarUsers: Jaccard neighbours and similarity-weighted follows, computed here by hand. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { popularAmongSimilarUsers } from '../../src/domain/popularAmongSimilarUsers.js';
import { isHubgraphError } from '../../src/errors.js';
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
    expect(recs[0]!.reason).toMatchObject({ kind: 'POPULAR_AMONG_SIMILAR_USERS', text: 'Popular amongst people like you', via: [] });
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
});
