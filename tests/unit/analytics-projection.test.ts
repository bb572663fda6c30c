/**
 * The co-follow graph (b), computed in memory from a follow graph, against hand-counted Jaccard
 * values; and the follow projection (a) as compressed adjacency, against graphology's.
 */
import { describe, expect, it } from 'vitest';
import { DirectedGraph } from '../../src/analytics/graphology.js';
import { coFollowGraph, FollowCsrBuilder, toCsr } from '../../src/analytics/projection.js';
import { seededRng } from '../../src/analytics/rng.js';

function follows(edges: Record<string, string[]>) {
  const g = new DirectedGraph();
  for (const [u, targets] of Object.entries(edges)) {
    g.mergeNode(u);
    for (const t of targets) {
      g.mergeNode(t);
      g.mergeDirectedEdge(u, t);
    }
  }
  return g;
}

const weight = (g: ReturnType<typeof coFollowGraph>, a: string, b: string) =>
  g.hasEdge(a, b) ? (g.getEdgeAttributes(g.edge(a, b)!) as { weight: number; common: number }) : null;

describe('co-follow graph', () => {
  // Followers of A: u1 u2 u3; of B: u1 u2 u4; of C: u3; of D: u5 (alone).
  const graph = follows({ u1: ['A', 'B'], u2: ['A', 'B'], u3: ['A', 'C'], u4: ['B'], u5: ['D'] });

  it('links creators by the Jaccard similarity of their follower sets', () => {
    const g = coFollowGraph(graph, { minCommon: 1, minJaccard: 0, maxFollowing: 100 });
    expect(weight(g, 'A', 'B')).toEqual({ weight: 2 / 4, common: 2 });
    expect(weight(g, 'A', 'C')).toEqual({ weight: 1 / 3, common: 1 });
    expect(weight(g, 'B', 'C')).toBeNull();
    expect(g.hasNode('D')).toBe(false);
    expect(g.size).toBe(2);
  });

  it('prunes pairs below minCommon and minJaccard', () => {
    expect(coFollowGraph(graph, { minCommon: 2, minJaccard: 0, maxFollowing: 100 }).size).toBe(1);
    expect(coFollowGraph(graph, { minCommon: 1, minJaccard: 0.4, maxFollowing: 100 }).size).toBe(1);
    expect(coFollowGraph(graph, { minCommon: 1, minJaccard: 0.6, maxFollowing: 100 }).size).toBe(0);
  });

  it('leaves out followers who follow more than maxFollowing creators, from counts and set sizes alike', () => {
    // With maxFollowing 1, u1..u3 (2 follows each) no longer count: A keeps no follower, B keeps u4.
    expect(coFollowGraph(graph, { minCommon: 1, minJaccard: 0, maxFollowing: 1 }).size).toBe(0);
    const g = follows({ u1: ['A', 'B'], u2: ['A', 'B'], hub: ['A', 'B', 'C', 'D'], x: ['C', 'D'] });
    const pruned = coFollowGraph(g, { minCommon: 1, minJaccard: 0, maxFollowing: 3 });
    expect(weight(pruned, 'A', 'B')).toEqual({ weight: 1, common: 2 });
    expect(weight(pruned, 'A', 'C')).toBeNull();
    expect(weight(pruned, 'C', 'D')).toEqual({ weight: 1, common: 1 });
  });
});

describe('the follow projection as compressed adjacency (FollowCsrBuilder)', () => {
  /** The graph projectFollowGraph builds from rows (its loop, on plain rows). */
  const viaGraphology = (rows: Array<[string, string[]]>) => {
    const g = new DirectedGraph({ allowSelfLoops: false });
    for (const [id, targets] of rows) {
      g.mergeNode(id);
      for (const f of targets) {
        if (f === id) continue;
        g.mergeNode(f);
        g.mergeDirectedEdge(id, f);
      }
    }
    return toCsr(g);
  };
  const direct = (rows: Array<[string, string[]]>) => {
    const b = new FollowCsrBuilder();
    for (const [id, targets] of rows) b.add(id, targets);
    return b.build();
  };

  it('equals toCsr of the graphology graph: nodes, order, both adjacencies; self-loops and repeats dropped', () => {
    const rows: Array<[string, string[]]> = [
      ['a', ['b', 'c', 'b', 'a']],
      ['b', ['c']],
      ['c', []],
      ['d', ['a', 'x', 'c']],
    ];
    const csr = direct(rows);
    expect(csr).toEqual(viaGraphology(rows));
    expect(csr.nodes).toEqual(['a', 'b', 'c', 'd', 'x']);
    // a → b, c; b → c; d → a, x, c (indices: a 0, b 1, c 2, d 3, x 4).
    expect(Array.from(csr.outStart)).toEqual([0, 2, 3, 3, 6, 6]);
    expect(Array.from(csr.out)).toEqual([1, 2, 2, 0, 4, 2]);
    // Followers: a ← d; b ← a; c ← a, b, d; x ← d.
    expect(Array.from(csr.inStart)).toEqual([0, 1, 2, 5, 5, 6]);
    expect(Array.from(csr.in)).toEqual([3, 0, 0, 1, 3, 3]);
  });

  it('equals it on a random graph', () => {
    const rng = seededRng(11);
    const ids = Array.from({ length: 200 }, (_, i) => `u${i}`);
    const rows = ids.map((id): [string, string[]] => [id, ids.filter(() => rng() < 0.05).concat(rng() < 0.1 ? [id] : [])]);
    expect(direct(rows)).toEqual(viaGraphology(rows));
  });
});
