/**
 * The graph's nodes and relationship fields through GraphQL: lookups, facets, lineage, stable
 * keyset pagination, BAD_USER_INPUT for bad arguments, and DataLoader batching checked by counting
 * the queries that reach the Db.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/neo4j/db.js';
import { assertPlain, follows, graphqlRunner } from './creatorFixtures.js';
import { cleanup, testDb, uniquePrefix } from './neo4j.js';

/** The Db with every read counted (by its `op`), to check batching. */
function countingDb(db: Db): { db: Db; ops: string[] } {
  const ops: string[] = [];
  return {
    ops,
    db: {
      ...db,
      read: (cypher, params, options) => {
        ops.push(options?.op ?? 'unnamed');
        return db.read(cypher, params, options);
      },
    },
  };
}

describe('entities', () => {
  let db: Db;
  let gql: Awaited<ReturnType<typeof graphqlRunner>>;
  const p = uniquePrefix('entities');

  beforeAll(async () => {
    db = testDb();
    gql = await graphqlRunner(db);
    // Organization K publishes five models; downloads 50, 40, 40, 10 and none (sorted last).
    await db.write(
      `CREATE (k:Creator:Organization {id: $p + 'K', name: 'Kay', kind: 'organization'})
       CREATE (z:Creator {id: $p + 'Z', name: 'Zed'})
       CREATE (b:Model {id: $p + 'Z/base', name: 'base', downloads: 999})
       CREATE (z)-[:CREATED]->(b)
       WITH k, b
       UNWIND [['k50', 50], ['k40b', 40], ['k40a', 40], ['k10', 10], ['knull', null]] AS row
       CREATE (k)-[:CREATED]->(:Model {id: $p + 'K/' + row[0], name: row[0], downloads: row[1], createdAt: datetime('2024-01-02T03:04:05Z')})`,
      { p },
    );
    await db.write(
      `MATCH (k50:Model {id: $p + 'K/k50'}), (k40a:Model {id: $p + 'K/k40a'}), (k10:Model {id: $p + 'K/k10'}), (b:Model {id: $p + 'Z/base'})
       CREATE (t:Task {id: $p + 'T', name: 'Tee', modality: 'nlp'})
       CREATE (k50)-[:HAS_TASK]->(t), (k40a)-[:HAS_TASK]->(t)
       CREATE (k50)-[:TAGGED]->(:Tag {id: $p + 'g2'}), (k50)-[:TAGGED]->(:Tag {id: $p + 'g1'})
       CREATE (k50)-[:USES_LIBRARY]->(:Library {id: $p + 'lib', name: 'Lib'})
       CREATE (k50)-[:TRAINED_ON]->(:Dataset {id: $p + 'ds'})
       CREATE (k50)-[:HAS_LICENSE]->(:License {id: $p + 'lic'})
       CREATE (paper:Paper {id: $p + 'P', title: 'A paper', categories: ['cs.CL']})
       CREATE (k50)-[:CITES]->(paper), (k10)-[:CITES]->(paper)
       CREATE (paper)-[:AUTHORED_BY {position: 1}]->(:Author {id: $p + 'au2', name: 'Second'})
       CREATE (paper)-[:AUTHORED_BY {position: 0}]->(:Author {id: $p + 'au1', name: 'First'})
       CREATE (k50)-[:DERIVED_FROM {kind: 'finetune'}]->(b)
       CREATE (k40a)-[:DERIVED_FROM {kind: 'quantized'}]->(b)
       CREATE (k10)-[:DERIVED_FROM {kind: 'finetune'}]->(b)`,
      { p },
    );
    await follows(db, p, [['u1', 'K'], ['u2', 'K'], ['u1', 'Z']]);
  });
  afterAll(async () => {
    await gql.stop();
    await cleanup(db, p);
    await db.close();
  });

  it('looks nodes up by id, and answers null for unknown ids', async () => {
    const res = await gql.run(
      `query($m: ID!, $c: ID!, $t: ID!, $p: ID!, $x: ID!) {
         model(id: $m) { id name downloads createdAt }
         creator(id: $c) { id name kind followers following authority }
         task(id: $t) { id name modality }
         paper(id: $p) { id title categories authors { id name } }
         noModel: model(id: $x) { id } noCreator: creator(id: $x) { id } noTask: task(id: $x) { id } noPaper: paper(id: $x) { id }
       }`,
      { m: p + 'K/k50', c: p + 'K', t: p + 'T', p: p + 'P', x: p + 'missing' },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      model: { id: p + 'K/k50', name: 'k50', downloads: 50, createdAt: '2024-01-02T03:04:05Z' },
      creator: { id: p + 'K', name: 'Kay', kind: 'organization', followers: 2, following: 0, authority: null },
      task: { id: p + 'T', name: 'Tee', modality: 'nlp' },
      paper: { id: p + 'P', title: 'A paper', categories: ['cs.CL'], authors: [{ id: p + 'au1', name: 'First' }, { id: p + 'au2', name: 'Second' }] },
      noModel: null,
      noCreator: null,
      noTask: null,
      noPaper: null,
    });
    assertPlain(res.data);
  });

  it('resolves a model’s relationships', async () => {
    const res = await gql.run(
      `query($m: ID!) { model(id: $m) {
         creator { id } task { id } tags { id } libraries { id name } datasets { id } licenses
         papers { id } baseModels { kind model { id downloads } }
       } }`,
      { m: p + 'K/k50' },
    );
    expect(res.data.model).toEqual({
      creator: { id: p + 'K' },
      task: { id: p + 'T' },
      tags: [{ id: p + 'g1' }, { id: p + 'g2' }],
      libraries: [{ id: p + 'lib', name: 'Lib' }],
      datasets: [{ id: p + 'ds' }],
      licenses: [p + 'lic'],
      papers: [{ id: p + 'P' }],
      baseModels: [{ kind: 'finetune', model: { id: p + 'Z/base', downloads: 999 } }],
    });
  });

  it('lists derivatives most downloaded first, capped and filtered by kind', async () => {
    const res = await gql.run(
      `query($b: ID!) { model(id: $b) {
         top2: derivatives(first: 2) { kind model { id } }
         finetunes: derivatives(kind: "finetune") { kind model { id } }
       } }`,
      { b: p + 'Z/base' },
    );
    expect(res.data.model.top2).toEqual([
      { kind: 'finetune', model: { id: p + 'K/k50' } },
      { kind: 'quantized', model: { id: p + 'K/k40a' } },
    ]);
    expect(res.data.model.finetunes.map((d: any) => d.model.id)).toEqual([p + 'K/k50', p + 'K/k10']);
  });

  const page = async (after: string | null, first: number) => {
    const res = await gql.run(
      'query($c: ID!, $first: Int, $after: String) { creator(id: $c) { models(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } } }',
      { c: p + 'K', first, after },
    );
    expect(res.errors).toBeUndefined();
    return res.data.creator.models;
  };

  it('pages a creator’s models by downloads then id; pages concatenate to one big page, no duplicates', async () => {
    const all = await page(null, 5);
    const ids = all.edges.map((e: any) => e.node.id);
    expect(ids).toEqual(['k50', 'k40a', 'k40b', 'k10', 'knull'].map((m) => `${p}K/${m}`));
    expect(all.pageInfo.hasNextPage).toBe(false);

    const p1 = await page(null, 2);
    const p2 = await page(p1.pageInfo.endCursor, 2);
    const p3 = await page(p2.pageInfo.endCursor, 2);
    expect([p1, p2, p3].map((x) => x.totalCount)).toEqual([5, 5, 5]);
    expect([p1, p2, p3].map((x) => x.pageInfo.hasNextPage)).toEqual([true, true, false]);
    const paged = [...p1.edges, ...p2.edges, ...p3.edges].map((e: any) => e.node.id);
    expect(paged).toEqual(ids);
    expect(new Set(paged).size).toBe(5);
    // Any edge's cursor continues right after that edge.
    const fromSecond = await page(all.edges[1].cursor, 2);
    expect(fromSecond.edges.map((e: any) => e.node.id)).toEqual(ids.slice(2, 4));
  });

  it('pages a task’s and a paper’s models the same way', async () => {
    const res = await gql.run(
      'query($t: ID!, $p: ID!) { task(id: $t) { models(first: 1) { totalCount pageInfo { hasNextPage } edges { node { id } } } } paper(id: $p) { models { totalCount edges { node { id } } } } }',
      { t: p + 'T', p: p + 'P' },
    );
    expect(res.data.task.models).toEqual({ totalCount: 2, pageInfo: { hasNextPage: true }, edges: [{ node: { id: p + 'K/k50' } }] });
    expect(res.data.paper.models).toEqual({ totalCount: 2, edges: [{ node: { id: p + 'K/k50' } }, { node: { id: p + 'K/k10' } }] });
  });

  it('rejects a bad first or cursor with BAD_USER_INPUT', async () => {
    for (const [first, after] of [[0, null], [101, null], [2, 'not-a-cursor']] as const) {
      const res = await gql.run('query($c: ID!, $first: Int, $after: String) { creator(id: $c) { models(first: $first, after: $after) { totalCount } } }', {
        c: p + 'K',
        first,
        after,
      });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const res = await gql.run('query($b: ID!) { model(id: $b) { derivatives(first: 500) { kind } } }', { b: p + 'Z/base' });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('DataLoader batching', () => {
  let db: Db;
  const p = uniquePrefix('loaders');
  const n = 50;

  beforeAll(async () => {
    db = testDb();
    // me → hub → 50 creators, each with one model: 50 recommendations and 50 models to resolve.
    const names = Array.from({ length: n }, (_, i) => `c${String(i).padStart(2, '0')}`);
    await follows(db, p, [['me', 'hub'], ...names.map((c) => ['hub', c] as [string, string])]);
    await db.write(
      `UNWIND $names AS c
       MATCH (cr:Creator {id: $p + c})
       CREATE (cr)-[:CREATED]->(:Model {id: $p + c + '/m', downloads: 1})`,
      { p, names },
    );
    await db.write(
      `MATCH (k:Creator {id: $p + 'c00'}) UNWIND range(1, $n) AS i CREATE (k)-[:CREATED]->(:Model {id: $p + 'c00/x' + i, downloads: i})`,
      { p, n },
    );
  });
  afterAll(async () => {
    await cleanup(db, p);
    await db.close();
  });

  it('resolves followers/following of 50 recommended creators with one more query, not 50', async () => {
    const counted = countingDb(db);
    const gql = await graphqlRunner(counted.db);
    try {
      const res = await gql.run('query($u: ID!) { followOfFollow(userId: $u, first: 50) { creator { id followers following authority } } }', { u: p + 'me' });
      expect(res.errors).toBeUndefined();
      expect(res.data.followOfFollow).toHaveLength(n);
      expect(res.data.followOfFollow[0].creator).toEqual({ id: p + 'c00', followers: 1, following: 0, authority: null });
      expect(counted.ops).toEqual(['followOfFollow', 'creatorStats']);
    } finally {
      await gql.stop();
    }
  });

  it('resolves model.creator, tags and task for a page of 50 models in one query', async () => {
    const counted = countingDb(db);
    const gql = await graphqlRunner(counted.db);
    try {
      const res = await gql.run(
        'query($c: ID!) { creator(id: $c) { models(first: 50) { edges { node { id creator { id followers } tags { id } task { id } } } } } }',
        { c: p + 'c00' },
      );
      expect(res.errors).toBeUndefined();
      const edges = res.data.creator.models.edges;
      expect(edges).toHaveLength(50);
      expect(edges.every((e: any) => e.node.creator.id === p + 'c00' && e.node.creator.followers === 1)).toBe(true);
      expect(counted.ops).toEqual(['creatorsById', 'creatorModels', 'modelFacets', 'creatorStats']);
    } finally {
      await gql.stop();
    }
  });
});
