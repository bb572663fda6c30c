/**
 * similarModels on a hand-made graph whose PathSims are worked out here by hand:
 *
 *   X: tags {t1, t2}, task k,  cites P,        derived from B
 *   Y: tags {t1, t3}, task k,                  derived from B     (downloads 5)
 *   Z: tags {t1, t2}, task k2                                     (downloads 1)
 *   W:                         cites P and P2                     (downloads 100)
 *   B: the base model, no tags                                    (downloads 10)
 *   V: tags {t1}                                                  (downloads 0)
 *
 *   TAG:     s(X,Y) = 2·1/(2+2) = 0.5   s(X,Z) = 2·2/(2+2) = 1   s(X,V) = 2·1/(2+1) = 2/3
 *   TASK:    s(X,Y) = 2·1/(1+1) = 1
 *   PAPER:   s(X,W) = 2·1/(1+2) = 2/3
 *   LINEAGE: anchors A(X) = {X, B}, A(Y) = {Y, B}, A(B) = {B}:
 *            s(X,Y) = 2·1/(2+2) = 0.5   s(X,B) = 2·1/(2+1) = 2/3
 * X takes part in TAG (w 1), TASK (0.5), PAPER (2) and LINEAGE (2): Σw = 5.5, so with the default
 * weights score(Y) = (0.5·1 + 1·0.5 + 0.5·2)/5.5 = 2/5.5, score(W) = score(B) = (2/3·2)/5.5,
 * score(Z) = 1/5.5, score(V) = (2/3)/5.5.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { similarModels } from '../../src/domain/similarModels.js';
import type { Db } from '../../src/neo4j/db.js';
import { errorCode, gqlClient, type Gql } from './modelFixtures.js';
import { cleanup, testDb, uniquePrefix } from './neo4j.js';

describe('similarModels (PathSim)', () => {
  let db: Db;
  let gql: Gql;
  const p = uniquePrefix('similar');
  const id = (name: string) => `${p}${name}`;

  beforeAll(async () => {
    db = testDb();
    gql = gqlClient(db);
    await db.write(
      `CREATE (x:Model {id: $p + 'X', downloads: 1000}), (y:Model {id: $p + 'Y', downloads: 5}),
              (z:Model {id: $p + 'Z', downloads: 1}), (w:Model {id: $p + 'W', downloads: 100}),
              (b:Model {id: $p + 'B', downloads: 10}), (v:Model {id: $p + 'V', downloads: 0}),
              (t1:Tag {id: $p + 't1'}), (t2:Tag {id: $p + 't2'}), (t3:Tag {id: $p + 't3'}),
              (k:Task {id: $p + 'k'}), (k2:Task {id: $p + 'k2'}),
              (pp:Paper {id: $p + 'P'}), (p2:Paper {id: $p + 'P2'}),
              (x)-[:TAGGED]->(t1), (x)-[:TAGGED]->(t2), (y)-[:TAGGED]->(t1), (y)-[:TAGGED]->(t3),
              (z)-[:TAGGED]->(t1), (z)-[:TAGGED]->(t2), (v)-[:TAGGED]->(t1),
              (x)-[:HAS_TASK]->(k), (y)-[:HAS_TASK]->(k), (z)-[:HAS_TASK]->(k2),
              (x)-[:CITES]->(pp), (w)-[:CITES]->(pp), (w)-[:CITES]->(p2),
              (x)-[:DERIVED_FROM {kind: 'finetune'}]->(b), (y)-[:DERIVED_FROM {kind: 'finetune'}]->(b)`,
      { p },
    );
  });
  afterAll(async () => {
    await gql.stop();
    await cleanup(db, p);
    await db.close();
  });

  it('computes PathSim along one meta-path exactly (2·1/(2+2) = 0.5 for one shared tag of two each)', async () => {
    const res = await similarModels(db, { modelId: id('X'), metaPaths: ['TAG'] });
    expect(res.map((r) => r.model.id)).toEqual([id('Z'), id('V'), id('Y')]);
    expect(res.map((r) => r.score)).toEqual([1, expect.closeTo(2 / 3, 12), 0.5]);
    const y = res.find((r) => r.model.id === id('Y'))!;
    expect(y.metaPaths).toEqual([{ metaPath: 'TAG', pathSim: 0.5, weight: 1, sharedPaths: 1 }]);
  });

  // The hand computations use these weights (the defaults are tuned on the harness: docs/eval.md).
  const HAND = { weights: { TAG: 1, TASK: 0.5, PAPER: 2, DATASET: 1.5, LIBRARY: 0.25, LINEAGE: 2 } };

  it('combines the meta-paths as a weighted mean, listing each contribution', async () => {
    const res = await similarModels(db, { modelId: id('X') }, HAND);
    expect(res.map((r) => r.model.id)).toEqual([id('Y'), id('W'), id('B'), id('Z'), id('V')]);
    const score = Object.fromEntries(res.map((r) => [r.model.id, r.score]));
    expect(score[id('Y')]).toBeCloseTo(2 / 5.5, 12);
    expect(score[id('W')]).toBeCloseTo(4 / 3 / 5.5, 12);
    expect(score[id('B')]).toBeCloseTo(4 / 3 / 5.5, 12); // a tie with W, broken by downloads (100 > 10)
    expect(score[id('Z')]).toBeCloseTo(1 / 5.5, 12);
    expect(score[id('V')]).toBeCloseTo(2 / 3 / 5.5, 12);
    const y = res[0]!;
    expect(y.metaPaths).toEqual([
      { metaPath: 'LINEAGE', pathSim: 0.5, weight: 2, sharedPaths: 1 },
      { metaPath: 'TAG', pathSim: 0.5, weight: 1, sharedPaths: 1 },
      { metaPath: 'TASK', pathSim: 1, weight: 0.5, sharedPaths: 1 },
    ]);
    // The parent is similar through lineage alone: anchors {X, B} and {B}.
    expect(res[2]!.metaPaths).toEqual([{ metaPath: 'LINEAGE', pathSim: expect.closeTo(2 / 3, 12), weight: 2, sharedPaths: 1 }]);
  });

  it('explains with SIMILAR_MODEL via the source model and the shared nodes, most specific first', async () => {
    const [y] = await similarModels(db, { modelId: id('X'), first: 1 }, HAND);
    expect(y!.reason.kind).toBe('SIMILAR_MODEL');
    expect(y!.reason.text).toBe(`Similar to ${id('X')}`);
    expect(y!.reason.count).toBe(3);
    // Task k and base B have 2 models each, tag t1 has 4: the rarer shared nodes come first.
    expect(y!.reason.via).toEqual([
      { type: 'MODEL', id: id('X') },
      { type: 'MODEL', id: id('B') },
      { type: 'TASK', id: id('k') },
      { type: 'TAG', id: id('t1') },
    ]);
  });

  it('applies configured weights', async () => {
    const res = await similarModels(db, { modelId: id('X') }, { weights: { ...HAND.weights, TAG: 10 } });
    // Σw = 10 + 0.5 + 2 + 2 = 14.5: Z (10·1) now beats Y (10·0.5 + 0.5·1 + 2·0.5 = 6.5).
    expect(res[0]!.model.id).toBe(id('Z'));
    expect(res[0]!.score).toBeCloseTo(10 / 14.5, 12);
  });

  it('samples hub nodes for candidates but scores candidates exactly', async () => {
    // t1 (4 models) is a hub above degree 2: only its most downloaded other model (Y, 5) is a
    // candidate through it; Z still comes through t2. V (only t1, 0 downloads) is not proposed.
    const res = await similarModels(db, { modelId: id('X'), metaPaths: ['TAG'] }, { maxSharedDegree: 2, hubSample: 1 });
    expect(res.map((r) => r.model.id)).toEqual([id('Z'), id('Y')]);
    expect(res[1]!.metaPaths[0]!.pathSim).toBe(0.5); // the hub path still counts in Y's PathSim
  });

  it('answers through GraphQL, with sortBy DOWNLOADS reordering the same top results', async () => {
    const q = `query ($id: ID!, $sort: SimilarSort) {
      similarModels(modelId: $id, first: 3, sortBy: $sort) {
        model { id downloads } score reason { kind text via { type id } } metaPaths { metaPath pathSim weight sharedPaths }
      }
    }`;
    const byScore = await gql(q, { id: id('X') });
    expect(byScore.errors).toBeUndefined();
    expect(byScore.data.similarModels.map((r: any) => r.model.id)).toEqual([id('Y'), id('W'), id('B')]);
    expect(byScore.data.similarModels[0].metaPaths[0]).toEqual({ metaPath: 'LINEAGE', pathSim: 0.5, weight: 2, sharedPaths: 1 });
    const byDownloads = await gql(q, { id: id('X'), sort: 'DOWNLOADS' });
    expect(byDownloads.data.similarModels.map((r: any) => r.model.id)).toEqual([id('W'), id('B'), id('Y')]);
  });

  it('refuses an unknown model, a bad first and an empty meta-path list with BAD_USER_INPUT', async () => {
    const q = 'query ($id: ID!, $first: Int, $paths: [MetaPath!]) { similarModels(modelId: $id, first: $first, metaPaths: $paths) { score } }';
    expect(errorCode(await gql(q, { id: id('nope') }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(q, { id: id('X'), first: 0 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(q, { id: id('X'), first: 51 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(q, { id: id('X'), paths: [] }))).toBe('BAD_USER_INPUT');
    // A known model with nothing in common with anything is an empty answer, not an error.
    const lonely = await gql(q, { id: id('W'), paths: ['DATASET'] });
    expect(lonely.errors).toBeUndefined();
    expect(lonely.data.similarModels).toEqual([]);
  });
});
