/** secondDegree: head-counts of the user's followees following each candidate, known by construction. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshSecondDegree } from '../../src/analytics/secondDegree.js';
import { follow } from '../../src/domain/follow.js';
import { secondDegree } from '../../src/domain/secondDegree.js';
import { unfollow } from '../../src/domain/unfollow.js';
import { isHubgraphError } from '../../src/errors.js';
import type { Db } from '../../src/neo4j/db.js';
import { assertPlain, follows, graphqlRunner, setProps } from './creatorFixtures.js';
import { cleanup, testDb, uniquePrefix } from './neo4j.js';

describe('secondDegree', () => {
  let db: Db;
  const p = uniquePrefix('second');

  beforeAll(async () => {
    db = testDb();
    await follows(db, p, [
      ['me', 'f1'], ['me', 'f2'], ['me', 'f3'], ['me', 'w'],
      // t: followed by all three followees; u: by two; v: by one (below the minimum of 2)
      ['f1', 't'], ['f2', 't'], ['f3', 't'],
      ['f1', 'u'], ['f2', 'u'],
      ['f1', 'v'],
      // w: already followed by me; me: the user themself
      ['f1', 'w'], ['f2', 'w'], ['f3', 'w'],
      ['f1', 'me'], ['f2', 'me'],
    ]);
    await setProps(db, p, 'f3', { followers: 30 });
    await setProps(db, p, 'f2', { followers: 20 });
    await setProps(db, p, 'f1', { followers: 10 });
  });
  afterAll(async () => {
    await cleanup(db, p);
    await db.close();
  });

  it('counts how many followees follow each candidate, at least two, never followed creators or the user', async () => {
    const recs = await secondDegree(db, { userId: p + 'me' });
    expect(recs.map((r) => [r.creator.id, r.score, r.reason.count])).toEqual([
      [p + 't', 3, 3],
      [p + 'u', 2, 2],
    ]);
    assertPlain(recs);
  });

  it('walks at most maxWalk follows, from the followees who follow fewest', async () => {
    // w follows nobody, so is no intermediary; by cost f3 (2), f2 (4), f1 (5). A budget of 6
    // keeps f3 and f2: t is followed by two of them, u by one (below the minimum).
    const recs = await secondDegree(db, { userId: p + 'me' }, { maxWalk: 6 });
    expect(recs.map((r) => [r.creator.id, r.score, r.reason.count])).toEqual([[p + 't', 2, 2]]);
    expect(recs[0]!.reason.via).toEqual([{ type: 'CREATOR', id: p + 'f3' }, { type: 'CREATOR', id: p + 'f2' }]);
    // f1 (left out) follows t too: the head-count is a lower bound, and the text says so.
    expect(recs[0]!.reason).toMatchObject({ countIsLowerBound: true, text: `Followed by at least 2 creators you follow, including /${p}f3 and /${p}f2` });
    await expect(secondDegree(db, { userId: p + 'me' }, { maxWalk: 2 })).resolves.toEqual([]);
    // Regression: w, who follows nobody, used to be the "at least one" kept under a budget below
    // every followee's cost, and the walk was empty. The cheapest who follows someone is kept.
    const tight = await secondDegree(db, { userId: p + 'me' }, { maxWalk: 1, minCount: 1 });
    expect(tight.map((r) => [r.creator.id, r.reason.count])).toEqual([[p + 't', 1]]);
  });

  it('words the reason with the count and the recommended creator, via the most prominent followees', async () => {
    const [t, u] = await secondDegree(db, { userId: p + 'me' });
    expect(t!.reason.kind).toBe('FOLLOWED_BY_MANY_YOU_FOLLOW');
    expect(t!.reason.text).toBe(`Followed by 3 creators you follow, including /${p}f3 and /${p}f2`);
    expect(t!.reason.countIsLowerBound).toBe(false);
    expect(t!.reason.via.map((v) => v.id)).toEqual([p + 'f3', p + 'f2', p + 'f1']);
    expect(u!.reason.via.map((v) => v.id)).toEqual([p + 'f2', p + 'f1']);
  });

  it('with minCount 1 also proposes a creator one followee follows, as the single intermediary it is (not "many")', async () => {
    const recs = await secondDegree(db, { userId: p + 'me' }, { minCount: 1 });
    const v = recs.find((r) => r.creator.id === p + 'v');
    expect(v?.reason).toMatchObject({ kind: 'FOLLOWED_BY', count: 1, text: `Followed by /${p}f1, whom you follow` });
    expect(recs.map((r) => r.creator.id)).not.toContain(p + 'w');
  });

  it('rejects an unknown user and a bad first with BAD_USER_INPUT (domain and GraphQL)', async () => {
    const e = await secondDegree(db, { userId: p + 'ghost' }).catch((x: unknown) => x);
    expect(isHubgraphError(e) && e.code).toBe('BAD_USER_INPUT');
    const gql = await graphqlRunner(db);
    try {
      const res = await gql.run('query($u: ID!) { secondDegree(userId: $u, first: 0) { score } }', { u: p + 'me' });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const ok = await gql.run('query($u: ID!) { secondDegree(userId: $u, first: 1) { score creator { id } reason { text count } } }', { u: p + 'me' });
      expect(ok.data.secondDegree).toEqual([{ score: 3, creator: { id: p + 't' }, reason: { text: `Followed by 3 creators you follow, including /${p}f3 and /${p}f2`, count: 3 } }]);
    } finally {
      await gql.stop();
    }
  });

  describe('stored lists', () => {
    const refresh = (minWalk = 0) => refreshSecondDegree(db, { minWalk, scope: p });
    const storedAt = async () => {
      const [row] = await db.read<{ at: string | null }>('MATCH (u:User {id: $id}) RETURN u.secondDegreeAt AS at', { id: p + 'me' });
      return row?.at ?? null;
    };
    const shape = (recs: Awaited<ReturnType<typeof secondDegree>>) =>
      recs.map((r) => [r.creator.id.slice(p.length), r.score, r.reason.count, r.reason.via.map((v) => v.id.slice(p.length)), r.reason.text]);
    const answer = async () => shape(await secondDegree(db, { userId: p + 'me' }));
    const computedAt = async () => (await secondDegree(db, { userId: p + 'me' })).map((r) => r.reason.computedAt ?? null);
    // Asked with any other setting, the question is answered live: the reference answer.
    const live = async () => shape(await secondDegree(db, { userId: p + 'me' }, { maxWalk: 2001 }));
    afterAll(async () => {
      await refresh(Number.MAX_SAFE_INTEGER);
    });

    it('answers from the stored list: the live answer, via and reason included, stamped computedAt', async () => {
      const r = await refresh();
      expect(await answer()).toEqual(await live());
      expect((await answer()).map((x) => x[0])).toEqual(['t', 'u']);
      expect(new Set(await computedAt())).toEqual(new Set([r.computedAt]));
      // It is the stored list that answers: a doctored one shows.
      await db.write('MATCH (u:User {id: $id}) SET u.secondDegreeCounts = [7, 6]', { id: p + 'me' });
      expect((await answer()).map((x) => x[2])).toEqual([7, 6]);
    });

    it('does not read the list after a follow or unfollow (socialVersion), and ignores it once the follow count changed another way', async () => {
      await refresh();
      await follow(db, { userId: p + 'me', creatorId: p + 't' });
      expect(new Set(await computedAt())).toEqual(new Set([null]));
      expect((await answer()).map((x) => x[0])).toEqual(['u']);
      await unfollow(db, { userId: p + 'me', creatorId: p + 't' });
      await refresh();
      await db.write('MATCH (:User {id: $u})-[r:FOLLOWS]->(:Creator {id: $c}) DELETE r', { u: p + 'me', c: p + 'f3' });
      try {
        expect(await storedAt()).not.toBeNull();
        expect(new Set(await computedAt())).toEqual(new Set([null]));
        // Without f3, t is followed by f1 and f2 only.
        expect((await answer()).map((x) => [x[0], x[2]])).toEqual([['t', 2], ['u', 2]]);
      } finally {
        await db.write('MATCH (u:User {id: $u}), (c:Creator {id: $c}) MERGE (u)-[:FOLLOWS]->(c)', { u: p + 'me', c: p + 'f3' });
      }
      expect(new Set(await computedAt())).not.toContain(null);
    });
  });
});
