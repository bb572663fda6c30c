/** followOfFollow on a hand-made follow graph whose Adamic–Adar scores are computed here by hand. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshFollowOfFollow } from '../../src/analytics/followOfFollow.js';
import { follow } from '../../src/domain/follow.js';
import { followOfFollow } from '../../src/domain/followOfFollow.js';
import { unfollow } from '../../src/domain/unfollow.js';
import { isHubgraphError } from '../../src/errors.js';
import { loadCypher } from '../../src/neo4j/cypher.js';
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

  it('names the two most prominent intermediaries in the reason and lists them in via', async () => {
    const [c, e] = await followOfFollow(db, { userId: p + 'me' });
    expect(c!.reason).toMatchObject({ kind: 'FOLLOWED_BY', text: `Followed by /${p}a and /${p}b, whom you follow`, countIsLowerBound: false });
    expect(c!.reason.via).toEqual([{ type: 'CREATOR', id: p + 'a' }, { type: 'CREATOR', id: p + 'b' }]);
    expect(e!.reason.text).toBe(`Followed by /${p}b, whom you follow`);
  });

  it('walks at most maxWalk follows, intermediaries who follow fewest first, and always at least one', async () => {
    // x follows nobody, so is no intermediary; by cost b (2), a (4). A budget of 2 keeps b: a's
    // paths are not walked.
    const cheap = await followOfFollow(db, { userId: p + 'me' }, { maxWalk: 2 });
    expect(cheap.map((r) => [r.creator.id, r.reason.count])).toEqual([
      [p + 'c', 1],
      [p + 'e', 1],
    ]);
    expect(cheap[0]!.score).toBeCloseTo(wB, 10);
    // a was not walked (c is followed by a too): the count is a lower bound, and says so once it
    // counts beyond the names.
    expect(cheap[0]!.reason).toMatchObject({ text: `Followed by /${p}b, whom you follow`, count: 1, countIsLowerBound: true });
    // A budget covering all 6 follows answers as if there were none.
    const all = await followOfFollow(db, { userId: p + 'me' }, { maxWalk: 6 });
    expect(all).toEqual(await followOfFollow(db, { userId: p + 'me' }, { maxWalk: 1_000_000 }));
    expect(all.map((r) => r.creator.id)).toEqual([p + 'c', p + 'e', p + 'd']);
    expect(all.every((r) => !r.reason.countIsLowerBound)).toBe(true);
    // Regression: x, who follows nobody, used to be the "at least one" kept under a budget below
    // every intermediary's cost, and the walk was empty. The cheapest who follows someone is kept.
    const tight = await followOfFollow(db, { userId: p + 'me' }, { maxWalk: 1 });
    expect(tight.map((r) => r.creator.id)).toEqual([p + 'c', p + 'e']);
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
      expect(list[0].reason.text).toBe(`Followed by /${p}a and /${p}b, whom you follow`);
      const bad = await gql.run('{ followOfFollow(userId: "x", first: 101) { score } }');
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    } finally {
      await gql.stop();
    }
  });

  describe('stored lists', () => {
    // The refresh projects only this suite's users and follows (ids starting with the prefix).
    const refresh = (minWalk = 0) => refreshFollowOfFollow(db, { minWalk, scope: p });
    const storedAt = async (name: string) => {
      const [row] = await db.read<{ at: string | null }>('MATCH (u:User {id: $id}) RETURN u.followOfFollowAt AS at', { id: p + name });
      return row?.at ?? null;
    };
    // Scores to 12 digits: Java's and V8's logarithms may differ in the last bit.
    const shape = (recs: Awaited<ReturnType<typeof followOfFollow>>) =>
      recs.map((r) => [r.creator.id.slice(p.length), Math.round(r.score * 1e12) / 1e12, r.reason.count, r.reason.via.map((v) => v.id.slice(p.length)), r.reason.text]);
    const answer = async () => shape(await followOfFollow(db, { userId: p + 'me' }));
    const computedAt = async () => (await followOfFollow(db, { userId: p + 'me' })).map((r) => r.reason.computedAt ?? null);
    // Asked with any other setting, the question is answered live: the reference answer.
    const live = async () => shape(await followOfFollow(db, { userId: p + 'me' }, { maxWalk: 2001 }));
    afterAll(async () => {
      await refresh(Number.MAX_SAFE_INTEGER);
    });

    it('answers a user with a stored list from it: the live answer, via and reason included, stamped computedAt', async () => {
      const r = await refresh();
      expect(r.stored).toBe(3);
      expect(await answer()).toEqual(await live());
      expect((await answer()).map((x) => x[0])).toEqual(['c', 'e', 'd']);
      expect(new Set(await computedAt())).toEqual(new Set([r.computedAt]));
      // It is the stored list that answers: a doctored one shows.
      await db.write(`MATCH (u:User {id: $id}) SET u.followOfFollowVia = [$v, $v, $v]`, { id: p + 'me', v: `${p}solo ${p}b` });
      expect((await answer())[0]![3]).toEqual(['solo', 'b']);
    });

    it('a follow, unfollow or bulkFollow invalidates the list (socialVersion); the next answer is live and leaves out the new follow', async () => {
      await refresh();
      await follow(db, { userId: p + 'me', creatorId: p + 'c' });
      expect(new Set(await computedAt())).toEqual(new Set([null]));
      expect((await answer()).map((x) => x[0])).toEqual(['e', 'd']);
      expect(new Set(await computedAt())).toEqual(new Set([null]));
      await refresh();
      await unfollow(db, { userId: p + 'me', creatorId: p + 'c' });
      expect(new Set(await computedAt())).toEqual(new Set([null]));
      expect((await answer()).map((x) => x[0])).toEqual(['c', 'e', 'd']);
      await refresh();
      await db.write(loadCypher('api/bulk-follow'), { userId: p + 'me', creatorIds: [p + 'e'] });
      expect(new Set(await computedAt())).toEqual(new Set([null]));
      expect((await answer()).map((x) => x[0])).toEqual(['c', 'd']);
      await unfollow(db, { userId: p + 'me', creatorId: p + 'e' });
    });

    it('is not read once the user’s follows changed some other way', async () => {
      await refresh();
      await db.write('MATCH (:User {id: $u})-[r:FOLLOWS]->(:Creator {id: $c}) DELETE r', { u: p + 'me', c: p + 'b' });
      try {
        expect(await storedAt('me')).not.toBeNull();
        expect(new Set(await computedAt())).toEqual(new Set([null]));
        expect(await answer()).toEqual(await live());
        // Without b, only a's follows remain: c and d (a does not follow b).
        expect((await answer()).map((x) => x[0])).toEqual(['c', 'd']);
      } finally {
        await db.write('MATCH (u:User {id: $u}), (c:Creator {id: $c}) MERGE (u)-[:FOLLOWS]->(c)', { u: p + 'me', c: p + 'b' });
      }
      expect(new Set(await computedAt())).not.toContain(null);
    });
  });
});
