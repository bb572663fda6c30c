/**
 * recommendedCreators: one graph where each signal proposes a different creator, so the blended
 * scores (weight × normalised score) and the kept reasons are known by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshRecommendedCreators } from '../../src/analytics/recommendedCreators.js';
import { follow } from '../../src/domain/follow.js';
import { followTopic } from '../../src/domain/followTopic.js';
import { blend, creatorSignals, DEFAULTS, recommendedCreators, withFallback } from '../../src/domain/recommendedCreators.js';
import { unfollow } from '../../src/domain/unfollow.js';
import { isHubgraphError } from '../../src/errors.js';
import { loadCypher } from '../../src/neo4j/cypher.js';
import type { Db } from '../../src/neo4j/db.js';
import { assertPlain, follows, graphqlRunner, model, setProps, users } from './creatorFixtures.js';
import { cleanup, testDb, uniquePrefix } from './neo4j.js';

describe('recommendedCreators', () => {
  let db: Db;
  const p = uniquePrefix('rec');

  beforeAll(async () => {
    db = testDb();
    // followOfFollow: me → a → c. followBack: e → me. sameOrganization: me, d ∈ org.
    // Cold start: me follows the topic T, led by L (proposed) and by L2 (already followed: dropped).
    // a also follows me (the user: never proposed). Nobody else follows a or L2, so no user is
    // similar to me and popularAmongSimilarUsers proposes nothing.
    await follows(db, p, [['me', 'a'], ['me', 'L2'], ['a', 'c'], ['a', 'me'], ['e', 'me']]);
    await users(db, p, ['d', 'newbie', 'blank', 'fan']);
    // The fallback tier ranks every creator of the database: star outranks them all whichever
    // standing it ranks by (authority once any creator has one, else follower count). fan follows
    // star (so star is never proposed to fan).
    await follows(db, p, [['fan', 'star']]);
    await setProps(db, p, 'star', { followers: 1e9, authority: 1e9 });
    await db.write(
      `MERGE (o:Creator:Organization {id: $p + 'org'}) SET o.kind = 'organization'
       WITH o MATCH (u:User) WHERE u.id IN [$p + 'me', $p + 'd'] MERGE (u)-[:MEMBER_OF]->(o)`,
      { p },
    );
    await model(db, p, { name: 'l1', creator: 'L', task: 'T', downloads: 100 });
    await model(db, p, { name: 'l2', creator: 'L2', task: 'T', downloads: 1000 });
    await db.write(
      `MATCH (me:User {id: $p + 'me'}), (nb:User {id: $p + 'newbie'}), (t:Task {id: $p + 'T'})
       MERGE (me)-[:FOLLOWS_TOPIC {since: datetime()}]->(t) MERGE (nb)-[:FOLLOWS_TOPIC {since: datetime()}]->(t)`,
      { p },
    );
  });
  afterAll(async () => {
    await cleanup(db, p);
    await db.close();
  });

  it('blends the signals with the default weights and keeps each creator’s strongest reason', async () => {
    // first 4: exactly the blended creators (a longer list is filled by the fallback tier, below).
    const recs = await recommendedCreators(db, { userId: p + 'me', first: 4 });
    // Each creator has one signal, at its best (normalised 1): its score is that signal's weight,
    // and the list is in the order of the (tuned) default weights.
    const expected = [
      [p + 'c', DEFAULTS.weights.followOfFollow, 'FOLLOWED_BY'],
      [p + 'd', DEFAULTS.weights.sameOrganization, 'SAME_ORGANIZATION'],
      [p + 'e', DEFAULTS.weights.followBack, 'FOLLOWS_YOU'],
      [p + 'L', DEFAULTS.weights.topicTopContributors, 'FOLLOWED_TOPIC_LEADER'],
    ].sort((a, b) => (b[1] as number) - (a[1] as number));
    expect(recs.map((r) => [r.creator.id, r.score, r.reason.kind])).toEqual(expected);
    expect(recs.find((r) => r.creator.id === p + 'c')!.reason.text).toBe(`Followed by /${p}a, whom you follow`);
    // The task is named by its name ("T"), not its id.
    expect(recs.find((r) => r.creator.id === p + 'L')!.reason.text).toBe('Top contributor in T, a topic you follow');
    expect(recs.find((r) => r.creator.id === p + 'd')!.reason.text).toBe(`Member of /${p}org, like you`);
    expect(recs.find((r) => r.creator.id === p + 'e')!.reason).toMatchObject({ text: 'Follows you', via: [] });
    assertPlain(recs);
  });

  it('fills a short list with the most authoritative creators overall, after every blended one, saying so', async () => {
    const recs = await recommendedCreators(db, { userId: p + 'me', first: 6 });
    expect(recs.slice(0, 4).map((r) => r.reason.kind)).not.toContain('POPULAR_CREATOR');
    expect(recs[4]!.creator.id).toBe(p + 'star');
    expect(recs.slice(4).map((r) => [r.score, r.reason.kind, r.reason.via])).toEqual([
      [0, 'POPULAR_CREATOR', []],
      [0, 'POPULAR_CREATOR', []],
    ]);
    expect(recs[4]!.reason.text).toMatch(/^One of the most (authoritative creators in the follow graph|followed creators \(1000000000 followers\))$/);
    assertPlain(recs);
  });

  it('never proposes the user or a creator they follow, even when a topic leads with them', async () => {
    const ids = (await recommendedCreators(db, { userId: p + 'me', first: 100 })).map((r) => r.creator.id);
    expect(ids).not.toContain(p + 'me');
    expect(ids).not.toContain(p + 'a');
    expect(ids).not.toContain(p + 'L2');
  });

  it('sums the signals that agree and takes the reason of the largest contribution', async () => {
    const recs = await recommendedCreators(db, { userId: p + 'me', first: 3 }, { weights: { sameOrganization: 0, followBack: 2 } });
    expect(recs.map((r) => r.creator.id)).toEqual([p + 'e', p + 'c', p + 'L']);
    expect(recs[0]!.score).toBe(2);
  });

  it('answers a cold-start user who follows only topics with the topics’ leaders first, then the fallback', async () => {
    const recs = await recommendedCreators(db, { userId: p + 'newbie', first: 3 });
    // Topic scores: L2 = ln(1001) + 2 · 1/1 (its one follower is the topic's most), L = ln(101).
    // Normalised by the best (L2) and weighted 0.4.
    expect(recs.map((r) => [r.creator.id, r.reason.kind])).toEqual([
      [p + 'L2', 'FOLLOWED_TOPIC_LEADER'],
      [p + 'L', 'FOLLOWED_TOPIC_LEADER'],
      [p + 'star', 'POPULAR_CREATOR'],
    ]);
    expect(recs[0]!.score).toBeCloseTo(0.4, 12);
    expect(recs[1]!.score).toBeCloseTo((0.4 * Math.log(101)) / (Math.log(1001) + 2), 12);
    expect(recs[0]!.reason.text).toBe('Top contributor in T, a topic you follow');
  });

  it('takes the most recently followed topics first, an undated topic follow last', async () => {
    // Regression: ORDER BY since DESC put a follow with no `since` first, crowding out the newest topic.
    await model(db, p, { name: 'u1', creator: 'U', task: 'TU', downloads: 5000 });
    await users(db, p, ['dated']);
    await db.write(
      `MATCH (u:User {id: $p + 'dated'}), (t:Task {id: $p + 'T'}), (tu:Task {id: $p + 'TU'})
       MERGE (u)-[:FOLLOWS_TOPIC {since: datetime()}]->(t) MERGE (u)-[:FOLLOWS_TOPIC]->(tu)`,
      { p },
    );
    const recs = await recommendedCreators(db, { userId: p + 'dated', first: 2 }, { maxTopics: 1 });
    expect(recs.map((r) => [r.creator.id, r.reason.kind])).toEqual([
      [p + 'L2', 'FOLLOWED_TOPIC_LEADER'],
      [p + 'L', 'FOLLOWED_TOPIC_LEADER'],
    ]);
  });

  it('answers a user who follows no one and no topic from the fallback tier, never the user or whom they follow', async () => {
    // Regression (issue #16): such a user got [].
    const blank = await recommendedCreators(db, { userId: p + 'blank', first: 5 });
    expect(blank).toHaveLength(5);
    expect(blank[0]!.creator.id).toBe(p + 'star');
    expect(new Set(blank.map((r) => r.reason.kind))).toEqual(new Set(['POPULAR_CREATOR']));
    expect(blank.map((r) => r.creator.id)).not.toContain(p + 'blank');
    // Creators with an authority first, by authority; then the others by follower count, as each
    // reason says (ANALYTICS: "most authoritative", FOLLOWER_COUNT: "most followed (N followers)").
    const sources = blank.map((r) => r.reason.authoritySource);
    expect([...sources].sort()).toEqual(sources);
    for (const source of ['ANALYTICS', 'FOLLOWER_COUNT'] as const) {
      const part = blank.filter((r) => r.reason.authoritySource === source);
      const standing = part.map((r) => (source === 'ANALYTICS' ? r.creator.authority! : r.reason.count!));
      expect([...standing].sort((x, y) => y - x)).toEqual(standing);
      for (const r of part) {
        expect(r.reason.text).toBe(
          source === 'ANALYTICS' ? 'One of the most authoritative creators in the follow graph' : `One of the most followed creators (${r.reason.count} follower${r.reason.count === 1 ? '' : 's'})`,
        );
      }
    }
    // fan follows star: never proposed to fan, and the rest shift up.
    const fan = await recommendedCreators(db, { userId: p + 'fan', first: 4 });
    expect(fan.map((r) => r.creator.id)).not.toContain(p + 'star');
    expect(fan.map((r) => r.creator.id)).not.toContain(p + 'fan');
    expect(fan.map((r) => r.creator.id)).toEqual(blank.map((r) => r.creator.id).filter((id) => id !== p + 'star' && id !== p + 'fan').slice(0, 4));
  });

  it('rejects an unknown user and a bad first, also through GraphQL', async () => {
    const e = await recommendedCreators(db, { userId: p + 'ghost' }).catch((x: unknown) => x);
    expect(isHubgraphError(e) && e.code).toBe('BAD_USER_INPUT');
    const gql = await graphqlRunner(db);
    try {
      const bad = await gql.run('query($u: ID!) { recommendedCreators(userId: $u, first: 500) { score } }', { u: p + 'me' });
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const ok = await gql.run('query($u: ID!) { recommendedCreators(userId: $u, first: 2) { score creator { id } reason { kind text } } }', { u: p + 'me' });
      const direct = (await recommendedCreators(db, { userId: p + 'me', first: 2 })).map((r) => ({
        score: r.score,
        creator: { id: r.creator.id },
        reason: { kind: r.reason.kind, text: r.reason.text },
      }));
      expect(direct).toHaveLength(2);
      expect(ok.data.recommendedCreators).toEqual(direct);
    } finally {
      await gql.stop();
    }
  });

  describe('stored lists', () => {
    // The refresh projects only this suite's users and follows (ids starting with the prefix).
    const refresh = () => refreshRecommendedCreators(db, { minWalk: 0, scope: p });
    const storedAt = async (name: string) => {
      const [row] = await db.read<{ at: string | null }>('MATCH (u:User {id: $id}) RETURN u.recommendedAt AS at', { id: p + name });
      return row?.at ?? null;
    };
    const shape = (recs: Awaited<ReturnType<typeof recommendedCreators>>) =>
      recs.map((r) => ({ ...r, score: Math.round(r.score * 1e12) / 1e12, reason: { ...r.reason, computedAt: undefined } }));
    // first 3: e's whole blended list (the fallback tier fills longer ones; it is always live).
    const answer = async (name: string, first = 3) => recommendedCreators(db, { userId: p + name, first });
    // The blend of the signals asked one by one, then the fallback: the live answer, the reference.
    const live = async (name: string, first = 3) => {
      const { signals, exclude } = await creatorSignals(db, p + name, { candidates: DEFAULTS.candidatesPerSignal, maxTopics: DEFAULTS.maxTopics, weights: DEFAULTS.weights });
      return withFallback(db, p + name, blend(signals, DEFAULTS.weights, exclude, first), first);
    };
    const computedAt = async (name: string) =>
      new Set((await answer(name)).filter((r) => r.reason.kind !== 'POPULAR_CREATOR').map((r) => r.reason.computedAt ?? null));
    afterAll(async () => {
      await db.write(loadCypher('recommend/recommended-creators-clear'), { computedAt: '', scope: p, limit: 1000 });
    });

    it('answers a user with a stored list from it: the live blend, reasons included, stamped computedAt', async () => {
      const r = await refresh();
      // a and e follow someone; me too, but follows a topic and is in an organization: live.
      expect(r.stored).toBe(2);
      expect(await storedAt('me')).toBeNull();
      // e follows me. followOfFollow: me follows a and L2 (one path each: normalised 1, × 0.5).
      // popularAmongSimilarUsers: a shares me with e (Jaccard 1/2) and follows c (normalised 1, × 1).
      const e = await answer('e');
      expect(e.map((x) => [x.creator.id.slice(p.length), x.score, x.reason.kind, x.reason.text])).toEqual([
        ['c', 1, 'POPULAR_AMONG_SIMILAR_USERS', `Followed by /${p}a, whose follows resemble yours`],
        ['L2', 0.5, 'FOLLOWED_BY', `Followed by /${p}me, whom you follow`],
        ['a', 0.5, 'FOLLOWED_BY', `Followed by /${p}me, whom you follow`],
      ]);
      expect(e[0]!.reason.via).toEqual([{ type: 'CREATOR', id: p + 'a' }]);
      expect(shape(e)).toEqual(shape(await live('e')));
      expect(shape(await answer('a'))).toEqual(shape(await live('a')));
      expect(await computedAt('e')).toEqual(new Set([r.computedAt]));
      // It is the stored list that answers: a doctored one shows.
      await db.write('MATCH (u:User {id: $id}) SET u.recommendedScores = [7.0, 6.0, 5.0]', { id: p + 'e' });
      expect((await answer('e')).map((x) => x.score)).toEqual([7, 6, 5]);
      // Past the stored list, the fallback tier (live, no computedAt).
      expect((await answer('e', 4))[3]!.reason).toMatchObject({ kind: 'POPULAR_CREATOR' });
      expect((await answer('e', 4))[3]!.reason.computedAt).toBeUndefined();
      expect((await recommendedCreators(db, { userId: p + 'e', first: 2 })).map((x) => x.score)).toEqual([7, 6]);
    });

    it('is not read with other settings or for more than 50', async () => {
      await refresh();
      await db.write('MATCH (u:User {id: $id}) SET u.recommendedScores = [7.0, 6.0, 5.0]', { id: p + 'e' });
      const weights = { popularAmongSimilarUsers: 0.9 };
      expect((await recommendedCreators(db, { userId: p + 'e' }, { weights })).map((x) => x.score)).not.toContain(7);
      expect(new Set((await recommendedCreators(db, { userId: p + 'e', first: 51 })).map((x) => x.reason.computedAt ?? null))).toEqual(new Set([null]));
    });

    it('does not read the user’s list after their follow or unfollow (socialVersion); the next answer is live and leaves out the new follow', async () => {
      await refresh();
      await follow(db, { userId: p + 'e', creatorId: p + 'c' });
      try {
        expect(await computedAt('e')).toEqual(new Set([null]));
        expect((await answer('e')).map((x) => x.creator.id)).not.toContain(p + 'c');
        await refresh();
      } finally {
        await unfollow(db, { userId: p + 'e', creatorId: p + 'c' });
      }
      expect(await computedAt('e')).toEqual(new Set([null]));
      expect((await answer('e')).map((x) => x.creator.id)).toContain(p + 'c');
    });

    it('does not read the list of the creator followed (followersVersion): their followBack changed', async () => {
      await refresh();
      await follow(db, { userId: p + 'd', creatorId: p + 'e' });
      try {
        expect(await computedAt('e')).toEqual(new Set([null]));
        const back = (await answer('e')).find((x) => x.creator.id === p + 'd');
        expect(back?.reason.kind).toBe('FOLLOWS_YOU');
        await refresh();
        expect(await storedAt('e')).not.toBeNull();
        expect(shape(await answer('e'))).toEqual(shape(await live('e')));
      } finally {
        await unfollow(db, { userId: p + 'd', creatorId: p + 'e' });
      }
      expect(await computedAt('e')).toEqual(new Set([null]));
    });

    it('does not read the list after the user follows a topic; a refresh leaves them live; a refresh leaves them live', async () => {
      await refresh();
      await followTopic(db, { userId: p + 'e', taskId: p + 'T' });
      try {
        expect(await computedAt('e')).toEqual(new Set([null]));
        expect((await answer('e', 20)).map((x) => x.reason.kind)).toContain('FOLLOWED_TOPIC_LEADER');
        await refresh();
        expect(await storedAt('e')).toBeNull();
      } finally {
        await db.write('MATCH (:User {id: $u})-[r:FOLLOWS_TOPIC]->() DELETE r', { u: p + 'e' });
      }
    });

    it('is not read once the user’s follows changed some other way; is still read once another analytics run is current', async () => {
      await refresh();
      expect(await computedAt('a')).not.toContain(null);
      await db.write('MATCH (:User {id: $u})-[r:FOLLOWS]->(:Creator {id: $c}) DELETE r', { u: p + 'a', c: p + 'c' });
      try {
        expect(await storedAt('a')).not.toBeNull();
        expect(await computedAt('a')).toEqual(new Set([null]));
      } finally {
        await db.write('MATCH (u:User {id: $u}), (c:Creator {id: $c}) MERGE (u)-[:FOLLOWS]->(c)', { u: p + 'a', c: p + 'c' });
      }
      expect(await computedAt('a')).not.toContain(null);
      // A new run changes how followBack ranks, never whether a reason holds: no one falls to the
      // live path (issue 18); `hubgraph analytics run` refreshes the lists itself.
      await db.write("CREATE (:AnalyticsRun {id: $id, scope: $p, current: true, computedAt: datetime()})", { id: p + 'run', p });
      try {
        expect(await computedAt('e')).not.toContain(null);
      } finally {
        await db.write('MATCH (r:AnalyticsRun {id: $id}) DELETE r', { id: p + 'run' });
      }
      expect(await computedAt('e')).not.toContain(null);
    });
  });
});
