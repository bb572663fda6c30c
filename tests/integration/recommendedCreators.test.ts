/**
 * recommendedCreators: one graph where each signal proposes a different creator, so the blended
 * scores (weight × normalised score) and the kept reasons are known by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS, recommendedCreators } from '../../src/domain/recommendedCreators.js';
import { isHubgraphError } from '../../src/errors.js';
import type { Db } from '../../src/neo4j/db.js';
import { assertPlain, follows, graphqlRunner, model, users } from './creatorFixtures.js';
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
    await users(db, p, ['d', 'newbie']);
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
    const recs = await recommendedCreators(db, { userId: p + 'me' });
    // Each creator has one signal, at its best (normalised 1): its score is that signal's weight,
    // and the list is in the order of the (tuned) default weights.
    const expected = [
      [p + 'c', DEFAULTS.weights.followOfFollow, 'FOLLOWED_BY'],
      [p + 'd', DEFAULTS.weights.sameOrganization, 'SAME_ORGANIZATION'],
      [p + 'e', DEFAULTS.weights.followBack, 'FOLLOWS_YOU'],
      [p + 'L', DEFAULTS.weights.topicTopContributors, 'TOPIC_LEADER'],
    ].sort((a, b) => (b[1] as number) - (a[1] as number));
    expect(recs.map((r) => [r.creator.id, r.score, r.reason.kind])).toEqual(expected);
    expect(recs.find((r) => r.creator.id === p + 'c')!.reason.text).toBe(`Followed by /${p}a`);
    expect(recs.find((r) => r.creator.id === p + 'L')!.reason.text).toBe(`Top contributor in ${p}T`);
    assertPlain(recs);
  });

  it('never proposes the user or a creator they follow, even when a topic leads with them', async () => {
    const ids = (await recommendedCreators(db, { userId: p + 'me', first: 100 })).map((r) => r.creator.id);
    expect(ids).not.toContain(p + 'me');
    expect(ids).not.toContain(p + 'a');
    expect(ids).not.toContain(p + 'L2');
  });

  it('sums the signals that agree and takes the reason of the largest contribution', async () => {
    const recs = await recommendedCreators(db, { userId: p + 'me' }, { weights: { sameOrganization: 0, followBack: 2 } });
    expect(recs.map((r) => r.creator.id)).toEqual([p + 'e', p + 'c', p + 'L']);
    expect(recs[0]!.score).toBe(2);
  });

  it('answers a cold-start user from the topics they follow, with both leaders', async () => {
    const recs = await recommendedCreators(db, { userId: p + 'newbie' });
    // Topic scores: L2 = ln(1001) + 2 · 1/1 (its one follower is the topic's most), L = ln(101).
    // Normalised by the best (L2) and weighted 0.4.
    expect(recs.map((r) => r.creator.id)).toEqual([p + 'L2', p + 'L']);
    expect(recs[0]!.score).toBeCloseTo(0.4, 12);
    expect(recs[1]!.score).toBeCloseTo((0.4 * Math.log(101)) / (Math.log(1001) + 2), 12);
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
});
