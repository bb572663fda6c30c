/**
 * The stored profile lists of similarCreators: a refresh stores exactly what the live profile walk
 * answers, the query reads them only under the cap they were computed with, creators created since
 * are answered live, and a later refresh clears what it did not replace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshCreatorProfileSimilarity } from '../../src/analytics/creatorProfileSimilarity.js';
import { DEFAULTS, similarCreators } from '../../src/domain/similarCreators.js';
import type { CreatorRecommendation } from '../../src/domain/creatorCommon.js';
import type { Db } from '../../src/neo4j/db.js';
import { follows, model } from './creatorFixtures.js';
import { cleanup, testDb, uniquePrefix } from './neo4j.js';

describe('similarCreators: stored profile lists', () => {
  let db: Db;
  const p = uniquePrefix('profilesim');
  const refresh = (maxItemModels: number = DEFAULTS.maxItemModels) => refreshCreatorProfileSimilarity(db, { maxItemModels, scope: p });
  const stored = async (id: string) => {
    const [row] = await db.read<{ ids: string[] | null; scores: number[] | null; cap: number | null; at: string | null }>(
      'MATCH (x:Creator {id: $id}) RETURN x.profileSimIds AS ids, x.profileSimScores AS scores, x.profileSimMaxItemModels AS cap, x.profileSimAt AS at',
      { id },
    );
    return row!;
  };
  const ask = (name: string, maxItemModels?: number) => similarCreators(db, { creatorId: p + name }, maxItemModels === undefined ? {} : { maxItemModels });
  /** Same creators in the same order, same counts, scores within 1e-9. */
  const expectSame = (actual: CreatorRecommendation[], expected: CreatorRecommendation[]) => {
    expect(actual.map((r) => [r.creator.id, r.reason.count])).toEqual(expected.map((r) => [r.creator.id, r.reason.count]));
    actual.forEach((r, i) => expect(Math.abs(r.score - expected[i]!.score)).toBeLessThan(1e-9));
  };
  const names = ['X', 'Y', 'Z', 'V', 'W', 'E'];

  beforeAll(async () => {
    db = testDb();
    // Followers: X ← {u1, u2}; Y ← {u2}; W ← {u1}.
    await follows(db, p, [['u1', 'X'], ['u2', 'X'], ['u2', 'Y'], ['u1', 'W']]);
    // Profiles (`c` is on three models, so a cap of 2 leaves it out):
    //   P(X) = {t1, g1, g2, c}; P(Y) = {t1, g1, c}; P(Z) = {g2, g3, c}; P(V) = {g3, g4};
    //   P(E) = {lonely} (shared with nobody); W publishes nothing.
    await model(db, p, { name: 'x1', creator: 'X', task: 't1', tags: ['g1', 'c'] });
    await model(db, p, { name: 'x2', creator: 'X', tags: ['g2'] });
    await model(db, p, { name: 'y1', creator: 'Y', task: 't1', tags: ['g1', 'c'] });
    await model(db, p, { name: 'z1', creator: 'Z', tags: ['g2', 'g3', 'c'] });
    await model(db, p, { name: 'v1', creator: 'V', tags: ['g3', 'g4'] });
    await model(db, p, { name: 'e1', creator: 'E', tags: ['lonely'] });
  });
  afterAll(async () => {
    await cleanup(db, p);
    await db.close();
  });

  it('stores for every creator with a profile exactly what the live query answers', async () => {
    const live = await Promise.all(names.map((n) => ask(n)));
    const r = await refresh();
    expect(r).toMatchObject({ stored: 5, cleared: 0, items: 7 });
    // X: Y shares {t1, g1, c} of 4 ∪ … = 3/4; Z shares {g2, c}, union {t1, g1, g2, c, g3}: 2/5.
    expect(await stored(p + 'X')).toEqual({ ids: [p + 'Y', p + 'Z'], scores: [3 / 4, 2 / 5], cap: DEFAULTS.maxItemModels, at: r.computedAt });
    // V: Z shares g3 of {g2, g3, c, g4}: 1/4. E has a profile nobody shares: an empty list. W has none.
    expect(await stored(p + 'V')).toMatchObject({ ids: [p + 'Z'], scores: [1 / 4] });
    expect(await stored(p + 'E')).toMatchObject({ ids: [], scores: [], at: r.computedAt });
    expect(await stored(p + 'W')).toEqual({ ids: null, scores: null, cap: null, at: null });
    const fromLists = await Promise.all(names.map((n) => ask(n)));
    fromLists.forEach((answer, i) => expectSame(answer, live[i]!));
    // With the follower half: Y ½·½ + ½·¾, W ½·½, Z ½·⅖.
    expect(fromLists[0]!.map((x) => x.creator.id)).toEqual([p + 'Y', p + 'W', p + 'Z']);
    expect(fromLists[0]![0]!.score).toBeCloseTo(0.5 * 0.5 + 0.5 * 0.75, 12);
  });

  it('reads the stored list (not a walk) only when it was computed under the cap asked for', async () => {
    await refresh();
    const honest = await ask('X');
    // A doctored list shows which path answered: the stored one, under the default cap …
    await db.write('MATCH (x:Creator {id: $id}) SET x.profileSimScores = [0.125, 0.0625]', { id: p + 'X' });
    const doctored = await ask('X');
    expect(doctored.find((x) => x.creator.id === p + 'Y')!.score).toBeCloseTo(0.5 * 0.5 + 0.5 * 0.125, 12);
    // … but not when asked with another cap: then X is walked live.
    const capped = await ask('X', 2);
    // Under a cap of 2, c is a stop-word: P(X) = {t1, g1, g2}, P(Y) = {t1, g1}: 2/3; P(Z) = {g2, g3}: 1/4.
    expect(capped.map((x) => [x.creator.id, x.score])).toEqual([
      [p + 'Y', 0.5 * 0.5 + 0.5 * (2 / 3)],
      [p + 'W', 0.25],
      [p + 'Z', 0.5 * 0.25],
    ]);
    // Lists computed under a cap of 2 answer cap-2 questions as the live walk does, and are ignored
    // by default-cap questions.
    const liveCapped = await Promise.all(names.map((n) => ask(n, 2)));
    const r2 = await refresh(2);
    expect(await stored(p + 'X')).toMatchObject({ ids: [p + 'Y', p + 'Z'], scores: [2 / 3, 1 / 4], cap: 2, at: r2.computedAt });
    (await Promise.all(names.map((n) => ask(n, 2)))).forEach((answer, i) => expectSame(answer, liveCapped[i]!));
    await db.write('MATCH (x:Creator {id: $id}) SET x.profileSimScores = [0.125, 0.0625]', { id: p + 'X' });
    expectSame(await ask('X'), honest);
    await refresh();
    expectSame(await ask('X'), honest);
  });

  it('answers a creator created after the refresh live, and stores it at the next refresh', async () => {
    await refresh();
    // P(N) = {t1, g1}: Y {t1, g1, c} → 2/3, X {t1, g1, g2, c} → 2/4.
    await model(db, p, { name: 'n1', creator: 'N', task: 't1', tags: ['g1'] });
    expect(await stored(p + 'N')).toMatchObject({ at: null });
    const recs = await ask('N');
    expect(recs.map((x) => [x.creator.id, x.score])).toEqual([
      [p + 'Y', 0.5 * (2 / 3)],
      [p + 'X', 0.5 * (2 / 4)],
    ]);
    // X's stored list predates N (and t1, g1 now have more models, which the formula does not
    // see): N reaches it at the next refresh, and the stored answer equals the live one again.
    expect((await ask('X')).map((x) => x.creator.id)).not.toContain(p + 'N');
    const r = await refresh();
    expect(r.stored).toBe(6);
    expectSame(await ask('N'), recs);
    expect((await stored(p + 'X')).ids).toEqual([p + 'Y', p + 'N', p + 'Z']);
    await db.write('MATCH (m:Model {id: $id}) DETACH DELETE m', { id: p + 'n1' });
    await db.write('MATCH (c:Creator {id: $id}) DETACH DELETE c', { id: p + 'N' });
    await refresh();
  });

  it('clears, at the next refresh, the list of a creator that lost all its models', async () => {
    await refresh();
    expect((await stored(p + 'V')).ids).toEqual([p + 'Z']);
    // Z: X shares {g2, c} → 2/5, V {g3} → 1/4, Y {c} → 1/5.
    expect((await stored(p + 'Z')).ids).toEqual([p + 'X', p + 'V', p + 'Y']);
    await db.write('MATCH (m:Model {id: $id}) DETACH DELETE m', { id: p + 'v1' });
    const r = await refresh();
    expect(r.stored).toBe(4);
    expect(r.cleared).toBe(1);
    expect(await stored(p + 'V')).toEqual({ ids: null, scores: null, cap: null, at: null });
    expect(await ask('V')).toEqual([]);
    // Z no longer lists V either.
    expect((await stored(p + 'Z')).ids).toEqual([p + 'X', p + 'Y']);
  });
});
