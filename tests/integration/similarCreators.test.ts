/** similarCreators: ½ follower Jaccard + ½ task/tag-profile Jaccard, on sets chosen so the values are known. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshCommonlyFollowedWith } from '../../src/analytics/commonlyFollowedWith.js';
import { similarCreators } from '../../src/domain/similarCreators.js';
import { isHubgraphError } from '../../src/errors.js';
import type { Db } from '../../src/neo4j/db.js';
import { assertPlain, follows, graphqlRunner, model } from './creatorFixtures.js';
import { cleanup, testDb, uniquePrefix } from './neo4j.js';

describe('similarCreators', () => {
  let db: Db;
  const p = uniquePrefix('similar');

  beforeAll(async () => {
    db = testDb();
    // Followers: X ← {u1, u2}; Y ← {u2} (Jaccard 1/2); W ← {u1} (1/2); Z ← nobody.
    await follows(db, p, [['u1', 'X'], ['u2', 'X'], ['u2', 'Y'], ['u1', 'W']]);
    // Profiles: P(X) = {t1, g1, g2}; P(Y) = {t1, g1} (2/3); P(Z) = {g2, g3} (1/4); W publishes nothing.
    await model(db, p, { name: 'x1', creator: 'X', task: 't1', tags: ['g1'] });
    await model(db, p, { name: 'x2', creator: 'X', tags: ['g2'] });
    await model(db, p, { name: 'y1', creator: 'Y', task: 't1', tags: ['g1'] });
    await model(db, p, { name: 'z1', creator: 'Z', tags: ['g2', 'g3'] });
  });
  afterAll(async () => {
    await cleanup(db, p);
    await db.close();
  });

  it('combines follower and profile Jaccard with weights ½ and ½', async () => {
    const recs = await similarCreators(db, { creatorId: p + 'X' });
    expect(recs.map((r) => r.creator.id)).toEqual([p + 'Y', p + 'W', p + 'Z']);
    expect(recs[0]!.score).toBeCloseTo(0.5 * (1 / 2) + 0.5 * (2 / 3), 12);
    expect(recs[1]!.score).toBeCloseTo(0.5 * (1 / 2), 12);
    expect(recs[2]!.score).toBeCloseTo(0.5 * (1 / 4), 12);
    expect(recs.map((r) => r.reason.count)).toEqual([1, 1, 0]);
    expect(recs[0]!.reason).toMatchObject({ kind: 'SIMILAR_CREATOR', text: `Similar to /${p}X`, via: [{ type: 'CREATOR', id: p + 'X' }] });
    assertPlain(recs);
  });

  it('follows the weights it is given, dropping creators with nothing in common on the weighted measures', async () => {
    const profileOnly = await similarCreators(db, { creatorId: p + 'X' }, { followWeight: 0, profileWeight: 1 });
    expect(profileOnly.map((r) => [r.creator.id, Number(r.score.toFixed(6))])).toEqual([
      [p + 'Y', Number((2 / 3).toFixed(6))],
      [p + 'Z', 0.25],
    ]);
  });

  it('leaves tasks and tags on more than maxItemModels models out of profiles', async () => {
    // With a cap of 1 model, t1, g1 and g2 (two models each) are stop-words: X has no profile left,
    // so only the follower part remains (Y and W at ½ · ½, ordered by id) and Z drops out.
    const recs = await similarCreators(db, { creatorId: p + 'X' }, { maxItemModels: 1 });
    expect(recs.map((r) => [r.creator.id, r.score])).toEqual([
      [p + 'W', 0.25],
      [p + 'Y', 0.25],
    ]);
  });

  it('gives a hub the same answer from its stored commonly-followed-with list as live', async () => {
    const live = await similarCreators(db, { creatorId: p + 'X' });
    // X's walk: u1 (X, W) + u2 (X, Y) = 4 rows; a threshold of 4 stores X's list.
    const r = await refreshCommonlyFollowedWith(db, { minWalk: 4, scope: p });
    try {
      const [row] = await db.read<{ ids: string[] }>('MATCH (x:Creator {id: $id}) RETURN x.coFollowIds AS ids', { id: p + 'X' });
      expect(row!.ids).toEqual([p + 'W', p + 'Y']);
      expect(r.stored).toBeGreaterThanOrEqual(1);
      expect(await similarCreators(db, { creatorId: p + 'X' })).toEqual(live);
    } finally {
      await refreshCommonlyFollowedWith(db, { minWalk: Number.MAX_SAFE_INTEGER, scope: p });
    }
  });

  it('rejects an unknown creator (domain and GraphQL)', async () => {
    const e = await similarCreators(db, { creatorId: p + 'nobody' }).catch((x: unknown) => x);
    expect(isHubgraphError(e) && e.code).toBe('BAD_USER_INPUT');
    const gql = await graphqlRunner(db);
    try {
      const res = await gql.run('query($c: ID!) { similarCreators(creatorId: $c, first: 1) { creator { id } reason { text } } }', { c: p + 'X' });
      expect(res.data.similarCreators).toEqual([{ creator: { id: p + 'Y' }, reason: { text: `Similar to /${p}X` } }]);
    } finally {
      await gql.stop();
    }
  });
});
