/** followOfFollow on a hand-made follow graph whose Adamic–Adar scores are computed here by hand. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followOfFollow } from '../../src/domain/followOfFollow.js';
import { isHubgraphError } from '../../src/errors.js';
import type { Db } from '../../src/neo4j/db.js';
import { assertPlain, follows, graphqlRunner, setProps, users } from './creatorFixtures.js';
import { cleanup, testDb, uniquePrefix } from './neo4j.js';

describe('followOfFollow', () => {
  let db: Db;
  const p = uniquePrefix('fof');

  beforeAll(async () => {
    db = testDb();
    // me follows a, b and x. a follows 4 creators (c, d, x, me); b follows 2 (c, e).
    await follows(db, p, [
      ['me', 'a'], ['me', 'b'], ['me', 'x'],
      ['a', 'c'], ['a', 'd'], ['a', 'x'], ['a', 'me'],
      ['b', 'c'], ['b', 'e'],
      // solo follows only a (4 follows): the budget test's "always at least one intermediary".
      ['solo', 'a'],
    ]);
    await users(db, p, ['loner']);
    // a is more prominent than b, so a is named first.
    await setProps(db, p, 'a', { followers: 10 });
    await setProps(db, p, 'b', { followers: 5 });
  });
  afterAll(async () => {
    await cleanup(db, p);
    await db.close();
  });

  const wA = 1 / Math.log(2 + 4);
  const wB = 1 / Math.log(2 + 2);

  it('scores each candidate by Σ 1/ln(2 + |following(intermediary)|) and excludes followed creators and the user', async () => {
    const recs = await followOfFollow(db, { userId: p + 'me' });
    expect(recs.map((r) => r.creator.id)).toEqual([p + 'c', p + 'e', p + 'd']);
    expect(recs[0]!.score).toBeCloseTo(wA + wB, 10);
    expect(recs[1]!.score).toBeCloseTo(wB, 10);
    expect(recs[2]!.score).toBeCloseTo(wA, 10);
    expect(recs.map((r) => r.reason.count)).toEqual([2, 1, 1]);
  });

  it('names the most prominent intermediary in the reason and lists the others in via', async () => {
    const [c, e] = await followOfFollow(db, { userId: p + 'me' });
    expect(c!.reason).toMatchObject({ kind: 'FOLLOWED_BY', text: `Followed by /${p}a` });
    expect(c!.reason.via).toEqual([{ type: 'CREATOR', id: p + 'a' }, { type: 'CREATOR', id: p + 'b' }]);
    expect(e!.reason.text).toBe(`Followed by /${p}b`);
  });

  it('walks at most maxWalk follows, intermediaries who follow fewest first, and always at least one', async () => {
    // By cost: x (0 follows), b (2), a (4). A budget of 2 keeps x and b: a's paths are not walked.
    const cheap = await followOfFollow(db, { userId: p + 'me' }, { maxWalk: 2 });
    expect(cheap.map((r) => [r.creator.id, r.reason.count])).toEqual([
      [p + 'c', 1],
      [p + 'e', 1],
    ]);
    expect(cheap[0]!.score).toBeCloseTo(wB, 10);
    expect(cheap[0]!.reason.text).toBe(`Followed by /${p}b`);
    // A budget covering all 6 follows answers as if there were none.
    const all = await followOfFollow(db, { userId: p + 'me' }, { maxWalk: 6 });
    expect(all).toEqual(await followOfFollow(db, { userId: p + 'me' }, { maxWalk: 1_000_000 }));
    expect(all.map((r) => r.creator.id)).toEqual([p + 'c', p + 'e', p + 'd']);
    // solo's only followee costs more than the budget and is walked anyway.
    const solo = await followOfFollow(db, { userId: p + 'solo' }, { maxWalk: 1 });
    expect(solo.map((r) => r.creator.id)).toEqual([p + 'c', p + 'd', p + 'me', p + 'x']);
    expect(solo.every((r) => Math.abs(r.score - wA) < 1e-10)).toBe(true);
  });

  it('honours first and returns plain JS values', async () => {
    const recs = await followOfFollow(db, { userId: p + 'me', first: 2 });
    expect(recs.map((r) => r.creator.id)).toEqual([p + 'c', p + 'e']);
    assertPlain(recs);
    expect(typeof recs[0]!.reason.count).toBe('number');
  });

  it('answers an empty list for a known user who follows no one', async () => {
    await expect(followOfFollow(db, { userId: p + 'loner' })).resolves.toEqual([]);
  });

  it('rejects an unknown user and a bad first with BAD_USER_INPUT', async () => {
    const unknown = await followOfFollow(db, { userId: p + 'nobody' }).catch((e: unknown) => e);
    expect(isHubgraphError(unknown) && unknown.code).toBe('BAD_USER_INPUT');
    expect((unknown as Error).message).toContain(p + 'nobody');
    for (const first of [0, 101, 2.5]) {
      const bad = await followOfFollow(db, { userId: p + 'me', first }).catch((e: unknown) => e);
      expect(isHubgraphError(bad) && bad.code).toBe('BAD_USER_INPUT');
    }
  });

  it('answers through GraphQL with the default first and numbers, not Integers', async () => {
    const gql = await graphqlRunner(db);
    try {
      const res = await gql.run('query($u: ID!) { followOfFollow(userId: $u) { score creator { id followers following } reason { kind text count via { type id } } } }', {
        u: p + 'me',
      });
      expect(res.errors).toBeUndefined();
      const list = res.data.followOfFollow;
      expect(list).toHaveLength(3);
      expect(list[0].creator).toEqual({ id: p + 'c', followers: 2, following: 0 });
      expect(list[0].reason.text).toBe(`Followed by /${p}a`);
      const bad = await gql.run('{ followOfFollow(userId: "x", first: 101) { score } }');
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    } finally {
      await gql.stop();
    }
  });
});
