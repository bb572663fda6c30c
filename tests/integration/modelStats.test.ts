/**
 * The exploration fields on hand-made data: modelStats buckets (as differences before/after adding
 * known models, so other data in the database does not matter), topCitedPapers, subgraph.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/neo4j/db.js';
import { errorCode, gqlClient, type Gql } from './modelFixtures.js';
import { cleanup, testDb, uniquePrefix } from './neo4j.js';

type Bucket = { key: string; count: number; downloads: number; min: number | null; max: number | null };

describe('exploration: modelStats, topCitedPapers, subgraph', () => {
  let db: Db;
  let gql: Gql;
  const p = uniquePrefix('explore');
  const stats = async (groupBy: string): Promise<Map<string, Bucket>> => {
    const res = await gql('query ($g: ModelStatsGroup!) { modelStats(groupBy: $g) { key count downloads min max } }', { g: groupBy });
    expect(res.errors).toBeUndefined();
    return new Map(res.data.modelStats.map((b: Bucket) => [b.key, b]));
  };
  const delta = (before: Map<string, Bucket>, after: Map<string, Bucket>, key: string) => ({
    count: (after.get(key)?.count ?? 0) - (before.get(key)?.count ?? 0),
    downloads: (after.get(key)?.downloads ?? 0) - (before.get(key)?.downloads ?? 0),
  });
  let before: Record<string, Map<string, Bucket>> = {};

  beforeAll(async () => {
    db = testDb();
    gql = gqlClient(db);
    before = {
      DOWNLOAD_RANGE: await stats('DOWNLOAD_RANGE'),
      LIKE_RANGE: await stats('LIKE_RANGE'),
      LIBRARY: await stats('LIBRARY'),
    };
    // Downloads 0, 5, 50, 5000, none; likes 0, 12, none…; a task of two models; a model with two
    // libraries; papers cited by 3 and 2 models; lineage b → a.
    await db.write(
      `CREATE (c:Creator {id: $p + 'c', name: 'c'}),
              (a:Model {id: $p + 'c/a', downloads: 2100000050, likes: 0, pipelineTag: $p + 'task'}),
              (b:Model {id: $p + 'c/b', downloads: 2100000005, likes: 12}),
              (m0:Model {id: $p + 'c/m0', downloads: 0}), (m5:Model {id: $p + 'c/m5', downloads: 5}),
              (m50:Model {id: $p + 'c/m50', downloads: 50}), (mx:Model {id: $p + 'c/mx'}),
              (t:Task {id: $p + 'task', name: 'Test task'}),
              (l1:Library {id: $p + 'lib1'}), (l2:Library {id: $p + 'lib2'}),
              (p3:Paper {id: $p + 'p3', title: 'Three'}), (p2:Paper {id: $p + 'p2', title: 'Two'}),
              (c)-[:CREATED]->(a), (c)-[:CREATED]->(b), (c)-[:CREATED]->(m0),
              (a)-[:HAS_TASK]->(t), (b)-[:HAS_TASK]->(t), (b)-[:DERIVED_FROM {kind: 'finetune'}]->(a),
              (m5)-[:USES_LIBRARY]->(l1), (m5)-[:USES_LIBRARY]->(l2), (m50)-[:USES_LIBRARY]->(l1),
              (a)-[:CITES]->(p3), (b)-[:CITES]->(p3), (m0)-[:CITES]->(p3), (a)-[:CITES]->(p2), (m5)-[:CITES]->(p2)`,
      { p },
    );
  });
  afterAll(async () => {
    await gql.stop();
    await cleanup(db, p);
    await db.close();
  });

  it('buckets downloads by decade, with `unknown` for models without a count', async () => {
    const after = await stats('DOWNLOAD_RANGE');
    const d = (key: string) => delta(before.DOWNLOAD_RANGE!, after, key);
    expect(d('0')).toEqual({ count: 1, downloads: 0 });
    expect(d('1–9')).toEqual({ count: 1, downloads: 5 });
    expect(d('10–99')).toEqual({ count: 1, downloads: 50 });
    expect(d('1000000000–9999999999')).toEqual({ count: 2, downloads: 4200000055 });
    expect(d('unknown')).toEqual({ count: 1, downloads: 0 });
    expect(after.get('10–99')).toMatchObject({ min: 10, max: 99 });
    // Range buckets come in range order, `unknown` last.
    const keys = [...after.keys()];
    expect(keys.indexOf('0')).toBeLessThan(keys.indexOf('1–9'));
    expect(keys.indexOf('1–9')).toBeLessThan(keys.indexOf('10–99'));
    expect(keys.at(-1)).toBe('unknown');
  });

  it('buckets likes the same way', async () => {
    const after = await stats('LIKE_RANGE');
    const d = (key: string) => delta(before.LIKE_RANGE!, after, key);
    expect(d('0').count).toBe(1);
    expect(d('10–99')).toEqual({ count: 1, downloads: 2100000005 });
    expect(d('unknown').count).toBe(4);
  });

  it('groups by task and counts a model in each of its libraries', async () => {
    const tasks = await stats('TASK');
    expect(tasks.get(`${p}task`)).toEqual({ key: `${p}task`, count: 2, downloads: 4200000055, min: null, max: null });
    const libs = await stats('LIBRARY');
    expect(libs.get(`${p}lib1`)).toMatchObject({ count: 2, downloads: 55 });
    expect(libs.get(`${p}lib2`)).toMatchObject({ count: 1, downloads: 5 });
    expect(delta(before.LIBRARY!, libs, 'none').count).toBe(4);
  });

  it('lists the most cited papers with their model counts', async () => {
    const q = 'query ($first: Int) { topCitedPapers(first: $first) { paper { id title } modelCount } }';
    const res = await gql(q, { first: 100 });
    expect(res.errors).toBeUndefined();
    const counts = res.data.topCitedPapers.map((x: any) => x.modelCount);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
    // The database may hold other papers (the demo corpus cites one from 423 models, and more than
    // 100 from 3 or more), so this suite's papers are made the most cited of all: cited by one and
    // two models more than the current top paper, two of them tied (ties go by id).
    const most: number = counts[0] ?? 0;
    const hot = [
      { id: `${p}hot-b`, title: 'Hot B', citers: most + 1 },
      { id: `${p}hot-a`, title: 'Hot A', citers: most + 1 },
      { id: `${p}hot`, title: 'Hot', citers: most + 2 },
    ];
    await db.write(
      `UNWIND $hot AS h
       CREATE (paper:Paper {id: h.id, title: h.title})
       WITH paper, h
       UNWIND range(1, toInteger(h.citers)) AS i
       CREATE (:Model {id: h.id + '/citer-' + i})-[:CITES]->(paper)`,
      { hot },
    );
    try {
      const top = await gql(q, { first: 3 });
      expect(top.errors).toBeUndefined();
      expect(top.data.topCitedPapers).toEqual([
        { paper: { id: `${p}hot`, title: 'Hot' }, modelCount: most + 2 },
        { paper: { id: `${p}hot-a`, title: 'Hot A' }, modelCount: most + 1 },
        { paper: { id: `${p}hot-b`, title: 'Hot B' }, modelCount: most + 1 },
      ]);
      // The fixture's own papers (cited by 3 and 2 models), where the list still reaches them.
      const all = (await gql(q, { first: 100 })).data.topCitedPapers;
      const mine = all.filter((x: any) => x.paper.id === `${p}p3` || x.paper.id === `${p}p2`);
      if (all.length < 100) {
        expect(mine).toEqual([
          { paper: { id: `${p}p3`, title: 'Three' }, modelCount: 3 },
          { paper: { id: `${p}p2`, title: 'Two' }, modelCount: 2 },
        ]);
      }
    } finally {
      await db.write('MATCH (n) WHERE n.id STARTS WITH $hot DETACH DELETE n', { hot: `${p}hot` });
    }
    expect(errorCode(await gql('{ topCitedPapers(first: 0) { modelCount } }'))).toBe('BAD_USER_INPUT');
  });

  it('returns a drawable subgraph above the thresholds', async () => {
    const q = `query ($d: Int, $l: Int, $limit: Int) {
      subgraph(downloadsAtLeast: $d, likesAtLeast: $l, limit: $limit) { nodes { id label properties } edges { source target type } }
    }`;
    const res = await gql(q, { d: 2100000000 });
    expect(res.errors).toBeUndefined();
    const { nodes, edges } = res.data.subgraph;
    expect(nodes.map((n: any) => `${n.label}:${n.id}`).sort()).toEqual(
      [`Model:${p}c/a`, `Model:${p}c/b`, `Creator:${p}c`, `Task:${p}task`].sort(),
    );
    expect(JSON.parse(nodes.find((n: any) => n.id === `${p}c/b`).properties)).toMatchObject({ downloads: 2100000005, likes: 12 });
    const edgeKeys = edges.map((e: any) => `${e.type}:${e.source}>${e.target}`).sort();
    expect(edgeKeys).toEqual(
      [
        `CREATED:${p}c>${p}c/a`,
        `CREATED:${p}c>${p}c/b`,
        `HAS_TASK:${p}c/a>${p}task`,
        `HAS_TASK:${p}c/b>${p}task`,
        `DERIVED_FROM:${p}c/b>${p}c/a`,
      ].sort(),
    );
    const liked = await gql(q, { d: 2100000000, l: 10 });
    expect(liked.data.subgraph.nodes.filter((n: any) => n.label === 'Model').map((n: any) => n.id)).toEqual([`${p}c/b`]);
    const one = await gql(q, { d: 2100000000, limit: 1 });
    expect(one.data.subgraph.nodes.filter((n: any) => n.label === 'Model').map((n: any) => n.id)).toEqual([`${p}c/a`]);
    expect(one.data.subgraph.edges.some((e: any) => e.type === 'DERIVED_FROM')).toBe(false);
    expect(errorCode(await gql(q, { limit: 2001 }))).toBe('BAD_USER_INPUT');
  });
});
