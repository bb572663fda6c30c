/** The co-follow graph (b), computed in memory from a follow graph, against hand-counted Jaccard values. */
import { describe, expect, it } from 'vitest';
import { DirectedGraph } from '../../src/analytics/graphology.js';
import { coFollowGraph } from '../../src/analytics/projection.js';

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
