/**
 * A seeded analytics run depends on the graph, not on how the store laid it out: the same follows
 * written in two different orders project to the same adjacency, in the same order, and Louvain with
 * one seed gives the same partition and the same community numbers (issue: two `analytics run
 * --seed 7` on an unchanged graph once labelled communities differently).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectCommunities } from '../../src/analytics/communities.js';
import { coFollowGraph, projectFollowGraph } from '../../src/analytics/projection.js';
import type { Db } from '../../src/neo4j/db.js';
import { namespacePrefix } from './ingestFixtures.js';
import { testDb } from './neo4j.js';

/** A follow graph with a few overlapping groups: users u0..u59 follow creators c0..c19. */
function follows(): [string, string][] {
  const edges: [string, string][] = [];
  for (let u = 0; u < 60; u++) {
    const group = u % 4;
    for (let k = 0; k < 5; k++) edges.push([`u${u}`, `c${(group * 5 + ((u * 7 + k * 3) % 5) + (k === 4 ? 3 : 0)) % 20}`]);
  }
  return edges;
}

describe('seeded analytics are repeatable whatever the insertion order', () => {
  let db: Db;
  const [a, b] = [namespacePrefix(), namespacePrefix()];

  async function load(p: string, edges: [string, string][]): Promise<void> {
    // One transaction per edge, in the given order: the store's relationship chains follow it.
    for (const [from, to] of edges) {
      await db.write('MERGE (f:Creator {id: $from}) MERGE (t:Creator {id: $to}) MERGE (f)-[:FOLLOWS]->(t)', { from: p + from, to: p + to });
    }
  }

  beforeAll(async () => {
    db = testDb();
    const edges = follows();
    await load(a, edges);
    await load(b, [...edges].reverse());
  }, 300_000);
  afterAll(async () => {
    await db.write('MATCH (n:Creator) WHERE n.id STARTS WITH $a OR n.id STARTS WITH $b DETACH DELETE n', { a, b });
    await db.close();
  });

  const strip = (p: string, s: string) => s.split(p).join('');

  it('projects the same adjacency, in the same order', async () => {
    // Regression: each creator's follows came in the store's order, which differed between the two.
    const [ga, gb] = [await projectFollowGraph(db, { scope: a }), await projectFollowGraph(db, { scope: b })];
    const edges = (g: typeof ga, p: string) => g.mapEdges((_e, _attr, s, t) => `${strip(p, s)}>${strip(p, t)}`);
    expect(edges(gb, b)).toEqual(edges(ga, a));
    expect(ga.size).toBe(new Set(follows().map(([f, t]) => `${f}>${t}`)).size);
  });

  it('gives the same partition and the same community numbers for one seed', async () => {
    const run = async (p: string) => {
      const partition = detectCommunities(coFollowGraph(await projectFollowGraph(db, { scope: p })), { seed: 7 });
      return partition.communities.map((c) => c.members.map((m) => strip(p, m)));
    };
    const [pa, pb] = [await run(a), await run(b)];
    expect(pb).toEqual(pa);
    expect(pa.length).toBeGreaterThan(1);
  });
});
