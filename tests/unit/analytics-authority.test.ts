/**
 * PageRank and HITS on small graphs with known answers: PageRank against an independent power
 * iteration written here (dense matrices, dangling mass spread uniformly) and a closed form; HITS
 * on a bipartite star and against graphology-metrics' own implementation.
 */
import { describe, expect, it } from 'vitest';
import { computeHits, computePagerank, hitsCsr } from '../../src/analytics/authority.js';
import { DirectedGraph, hits, type Graph } from '../../src/analytics/graphology.js';
import { seededRng } from '../../src/analytics/rng.js';
import { ErrorCodes, HubgraphError } from '../../src/errors.js';

function directed(edges: [string, string, number?][], nodes: string[] = []): Graph {
  const g = new DirectedGraph();
  for (const n of nodes) g.mergeNode(n);
  for (const [a, b, w] of edges) {
    g.mergeNode(a);
    g.mergeNode(b);
    g.addDirectedEdge(a, b, w === undefined ? {} : { weight: w });
  }
  return g;
}

/** PageRank by dense power iteration: x' = α Σ_j x_j w_ji / W_j + (α Σ_dangling x + 1 − α)/N, to 1e-15. */
function referencePagerank(nodes: string[], edges: [string, string, number?][], alpha: number): Record<string, number> {
  const n = nodes.length;
  const at = new Map(nodes.map((id, i) => [id, i]));
  const w = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const [a, b, weight] of edges) w[at.get(a)!]![at.get(b)!]! += weight ?? 1;
  const out = w.map((row) => row.reduce((s, x) => s + x, 0));
  let x = new Array<number>(n).fill(1 / n);
  for (let it = 0; it < 10_000; it++) {
    const dangling = x.reduce((s, xi, i) => (out[i] === 0 ? s + xi : s), 0);
    const next = new Array<number>(n).fill((alpha * dangling + 1 - alpha) / n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (w[i]![j]! > 0) next[j]! += (alpha * x[i]! * w[i]![j]!) / out[i]!;
    const change = next.reduce((s, v, i) => s + Math.abs(v - x[i]!), 0);
    x = next;
    if (change < 1e-15) break;
  }
  return Object.fromEntries(nodes.map((id, i) => [id, x[i]!]));
}

const EDGES: [string, string][] = [
  ['a', 'b'], ['a', 'c'], ['b', 'c'], ['c', 'a'], ['d', 'c'], ['e', 'a'], ['e', 'd'], ['f', 'e'], ['b', 'g'],
];
const NODES = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']; // g follows nobody (dangling), h is isolated

describe('PageRank', () => {
  it('matches an independent power iteration within 1e-6 (dangling and isolated nodes included)', () => {
    for (const alpha of [0.85, 0.5, 0.95]) {
      const got = computePagerank(directed(EDGES, NODES), { damping: alpha });
      const want = referencePagerank(NODES, EDGES, alpha);
      for (const n of NODES) expect(Math.abs(got[n]! - want[n]!)).toBeLessThan(1e-6);
      expect(Object.values(got).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 9);
    }
  });

  it('uses edge weights when told to', () => {
    const weighted: [string, string, number][] = [['a', 'b', 3], ['a', 'c', 1], ['b', 'c', 1], ['c', 'a', 2], ['c', 'b', 0.5]];
    const got = computePagerank(directed(weighted), { damping: 0.85, weightAttribute: 'weight' });
    const want = referencePagerank(['a', 'b', 'c'], weighted, 0.85);
    for (const n of ['a', 'b', 'c']) expect(Math.abs(got[n]! - want[n]!)).toBeLessThan(1e-6);
    const unweighted = computePagerank(directed(weighted), { damping: 0.85 });
    expect(Math.abs(unweighted.b! - got.b!)).toBeGreaterThan(1e-3);
  });

  it('gives the closed form on a two-node graph a → b (b dangling)', () => {
    // x_a = (1 − α + α x_b)/2, x_b = x_a·α + (1 − α + α x_b)/2 ⇒ x_a = 1/(2 + α), x_b = (1 + α)/(2 + α).
    const alpha = 0.85;
    const got = computePagerank(directed([['a', 'b']]), { damping: alpha });
    expect(got.a).toBeCloseTo(1 / (2 + alpha), 9);
    expect(got.b).toBeCloseTo((1 + alpha) / (2 + alpha), 9);
  });

  it('fails loudly when it does not converge', () => {
    const run = () => computePagerank(directed(EDGES, NODES), { pagerankMaxIterations: 2 });
    expect(run).toThrow(HubgraphError);
    expect(run).toThrow(/PageRank did not converge in 2 iterations/);
    try {
      run();
    } catch (error) {
      expect((error as HubgraphError).code).toBe(ErrorCodes.ANALYTICS_NOT_CONVERGED);
    }
  });

  it('refuses a damping outside (0, 1)', () => {
    expect(() => computePagerank(directed(EDGES), { damping: 1 })).toThrow(/strictly between 0 and 1/);
  });
});

describe('HITS', () => {
  it('on a bipartite star: the centre is the only hub, the leaves share authority equally', () => {
    const star = directed([['hub', 'l1'], ['hub', 'l2'], ['hub', 'l3'], ['hub', 'l4']]);
    const { hub, hitsAuthority } = computeHits(star);
    expect(hub.hub).toBeCloseTo(1, 12);
    for (const l of ['l1', 'l2', 'l3', 'l4']) {
      expect(hub[l]).toBe(0);
      expect(hitsAuthority[l]).toBeCloseTo(0.25, 12);
    }
    expect(hitsAuthority.hub).toBe(0);
  });

  it('on two hubs sharing a leaf: the shared leaf is the top authority, the bigger hub the top hub', () => {
    // Hubs h1 → {a, b, c}, h2 → {a}.
    const g = directed([['h1', 'a'], ['h1', 'b'], ['h1', 'c'], ['h2', 'a']]);
    const { hub, hitsAuthority } = computeHits(g);
    expect(hitsAuthority.a!).toBeGreaterThan(hitsAuthority.b!);
    expect(hitsAuthority.b).toBeCloseTo(hitsAuthority.c!, 12);
    expect(hub.h1!).toBeGreaterThan(hub.h2!);
    // AAᵀ on hubs = [[3, 1], [1, 1]]: eigenvector for λ = 2 + √2 is (1 + √2, 1).
    expect(hub.h1! / hub.h2!).toBeCloseTo(1 + Math.SQRT2, 6);
  });

  it('agrees with graphology-metrics’ hits to 1e-12 on random graphs', () => {
    const rng = seededRng(3);
    for (let trial = 0; trial < 5; trial++) {
      const edges: [string, string][] = [];
      for (let i = 0; i < 300; i++) {
        const a = `n${Math.floor(rng() * 60)}`;
        const b = `n${Math.floor(rng() * 60)}`;
        if (a !== b) edges.push([a, b]);
      }
      const g = new DirectedGraph();
      for (const [a, b] of edges) {
        g.mergeNode(a);
        g.mergeNode(b);
        g.mergeDirectedEdge(a, b);
      }
      const mine = hitsCsr(g, { maxIterations: 1000, tolerance: 1e-10, weightAttribute: null });
      const reference = hits(g, { maxIterations: 1000, tolerance: 1e-10, getEdgeWeight: null, normalize: true });
      for (const n of g.nodes()) {
        expect(Math.abs(mine.hubs[n]! - reference.hubs[n]!)).toBeLessThan(1e-12);
        expect(Math.abs(mine.authorities[n]! - reference.authorities[n]!)).toBeLessThan(1e-12);
      }
    }
  });

  it('fails loudly when it does not converge', () => {
    const g = directed([['h1', 'a'], ['h1', 'b'], ['h1', 'c'], ['h2', 'a'], ['h3', 'c'], ['a', 'h3']]);
    expect(() => computeHits(g, { hitsMaxIterations: 1 })).toThrow(/HITS did not converge in 1 iterations/);
  });
});
