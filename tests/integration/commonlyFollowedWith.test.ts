/** commonlyFollowedWith: Jaccard of follower sets, on sets chosen so the values are known. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
      authoritySource: null,
      text: `Commonly followed with /${p}A`,
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
      expect(res.data.commonlyFollowedWith[0]).toEqual({ score: 0.5, reason: { text: `Commonly followed with /${p}A`, count: 2 }, creator: { id: p + 'B', followers: 3 } });
    } finally {
      await gql.stop();
    }
  });
});
