/**
 * Louvain through detectCommunities: two cliques joined by one edge split in two; the same graph
 * and seed give the same partition; the per-community modularity contributions add up to the
 * modularity computed independently from its definition.
 */
import { describe, expect, it } from 'vitest';
import { detectCommunities, describePartition } from '../../src/analytics/communities.js';
import { UndirectedGraph, louvain, type Graph } from '../../src/analytics/graphology.js';
import { seededRng } from '../../src/analytics/rng.js';

function cliques(k: number, size: number): Graph {
  const g = new UndirectedGraph();
  for (let c = 0; c < k; c++) {
    for (let i = 0; i < size; i++) g.addNode(`c${c}-${i}`);
    for (let i = 0; i < size; i++) for (let j = i + 1; j < size; j++) g.addUndirectedEdge(`c${c}-${i}`, `c${c}-${j}`, { weight: 1 });
  }
  for (let c = 0; c + 1 < k; c++) g.addUndirectedEdge(`c${c}-0`, `c${c + 1}-0`, { weight: 1 });
  return g;
}

/** A planted-partition graph: 8 groups of 25, edges inside with probability pIn, across with pOut (seeded). */
function planted(seed: number, pIn = 0.5, pOut = 0.01): Graph {
  const rng = seededRng(seed);
  const g = new UndirectedGraph();
  const n = 200;
  for (let i = 0; i < n; i++) g.addNode(`v${i}`);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const same = Math.floor(i / 25) === Math.floor(j / 25);
      if (rng() < (same ? pIn : pOut)) g.addUndirectedEdge(`v${i}`, `v${j}`, { weight: 0.5 + rng() });
    }
  return g;
}

/** Q = 1/(2m) Σ_ij [A_ij − γ k_i k_j / 2m] δ(c_i, c_j), straight from the definition. */
function modularityByDefinition(g: Graph, membership: Map<string, number>, gamma: number): number {
  const nodes = g.nodes();
  const k = new Map(nodes.map((n) => [n, 0]));
  let m = 0;
  g.forEachEdge((_e, a, s, t) => {
    const w = (a as { weight: number }).weight;
    m += w;
    k.set(s, k.get(s)! + w);
    k.set(t, k.get(t)! + w);
  });
  let q = 0;
  for (const i of nodes)
    for (const j of nodes) {
      if (membership.get(i) !== membership.get(j)) continue;
      const aij = g.hasEdge(i, j) ? (g.getEdgeAttributes(g.edge(i, j)!) as { weight: number }).weight : 0;
      q += aij - (gamma * k.get(i)! * k.get(j)!) / (2 * m);
    }
  return q / (2 * m);
}

describe('Louvain communities', () => {
  it('splits two cliques joined by one edge into the two cliques', () => {
    const p = detectCommunities(cliques(2, 6), { seed: 1 });
    expect(p.communities).toHaveLength(2);
    const groups = p.communities.map((c) => c.members).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
    expect(groups[0]).toEqual(['c0-0', 'c0-1', 'c0-2', 'c0-3', 'c0-4', 'c0-5']);
    expect(groups[1]).toEqual(['c1-0', 'c1-1', 'c1-2', 'c1-3', 'c1-4', 'c1-5']);
    expect(p.communities.every((c) => c.density === 1)).toBe(true);
    expect(p.links).toEqual([{ a: 0, b: 1, weight: 1, edges: 1 }]);
  });

  it('gives the same partition for the same graph and seed (and the seed matters)', () => {
    // A fuzzy graph (weak groups), where the node visit order changes the outcome.
    const fuzzy = () => planted(11, 0.15, 0.05);
    const partition = (seed: number) => JSON.stringify([...detectCommunities(fuzzy(), { seed }).membership.entries()]);
    expect(partition(7)).toBe(partition(7));
    expect(detectCommunities(fuzzy(), { seed: 7 }).modularity).toBe(detectCommunities(fuzzy(), { seed: 7 }).modularity);
    const others = new Set([1, 2, 3, 4, 5, 6, 8, 9].map(partition));
    expect(others.size).toBeGreaterThan(1);
  });

  it('reports per-community modularity contributions that sum to Q from its definition and to Louvain’s own Q', () => {
    for (const gamma of [1, 0.5, 2]) {
      const g = planted(5);
      const p = detectCommunities(g, { seed: 3, resolution: gamma });
      const byDefinition = modularityByDefinition(g, p.membership, gamma);
      expect(Math.abs(p.modularity - byDefinition)).toBeLessThan(1e-9);
      const reported = louvain.detailed(g, { getEdgeWeight: 'weight', resolution: gamma, rng: seededRng(3) }).modularity;
      expect(Math.abs(p.modularity - reported)).toBeLessThan(1e-9);
    }
  });

  it('finds the planted groups and numbers communities largest first', () => {
    const p = detectCommunities(planted(11), { seed: 7 });
    expect(p.modularity).toBeGreaterThan(0.5);
    const sizes = p.communities.map((c) => c.size);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(p.communities.length).toBe(8);
    for (const c of p.communities) expect(new Set(c.members.map((m) => Math.floor(Number(m.slice(1)) / 25))).size).toBe(1);
  });

  it('numbers equal-sized communities by their smallest member id', () => {
    const g = new UndirectedGraph();
    for (const n of ['x', 'y', 'a', 'b']) g.addNode(n);
    g.addUndirectedEdge('x', 'y', { weight: 1 });
    g.addUndirectedEdge('a', 'b', { weight: 1 });
    const p = describePartition(g, { x: 9, y: 9, a: 4, b: 4 }, { resolution: 1, seed: 0, weightAttribute: 'weight' });
    expect(p.communities.map((c) => c.members)).toEqual([['a', 'b'], ['x', 'y']]);
    expect(p.modularity).toBeCloseTo(0.5, 12);
  });
});
