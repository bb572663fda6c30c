/**
 * Communities by Louvain (Blondel, Guillaume, Lambiotte & Lefebvre, "Fast unfolding of
 * communities in large networks", J. Stat. Mech. 2008; graphology-communities-louvain), on a
 * weighted undirected graph, with the resolution γ of Reichardt & Bornholdt and a seeded random
 * generator for the node visit order, so the same graph and seed give the same partition.
 *
 * Communities are numbered by size (largest first; ties by their smallest member id), so the
 * numbering does not depend on Louvain's internal labels. Each community's contribution to the
 * modularity (weights w, m = Σ w over edges, Σin_c = weight of the edges inside c, Σtot_c = sum of
 * the weighted degrees of c's members):
 *     Q_c = Σin_c / m − γ · (Σtot_c / 2m)²,     Q = Σ_c Q_c
 * (equal to the modularity Louvain reports; a unit test checks it).
 */
import { louvain, type Graph } from './graphology.js';
import { seededRng } from './rng.js';

export const LOUVAIN_DEFAULTS = {
  /** γ: above 1 favours more, smaller communities; below 1 fewer, larger ones. */
  resolution: 1,
  /** Seed of the random node order. */
  seed: 42,
  /** Edge attribute holding the weight (missing: 1). */
  weightAttribute: 'weight',
};

export type LouvainRunOptions = typeof LOUVAIN_DEFAULTS;

export interface CommunityStats {
  /** 0 = the largest. */
  index: number;
  size: number;
  /** Member node keys, sorted. */
  members: string[];
  /** Σin_c: weight of the edges inside. */
  internalWeight: number;
  /** Number of edges inside. */
  internalEdges: number;
  /** internalEdges / (size·(size−1)/2); 0 for a single node. */
  density: number;
  /** Σtot_c: sum of the members' weighted degrees. */
  totalDegree: number;
  /** Q_c (see the module comment). */
  modularityContribution: number;
}

export interface CommunityLink {
  /** Community indices, a < b. */
  a: number;
  b: number;
  /** Weight of the edges between the two. */
  weight: number;
  edges: number;
}

export interface Partition {
  /** Node key → community index. */
  membership: Map<string, number>;
  communities: CommunityStats[];
  links: CommunityLink[];
  /** Q of the whole partition. */
  modularity: number;
  resolution: number;
  seed: number;
  /** Σ w over edges. */
  totalWeight: number;
}

/** Louvain on `graph`, then the partition described community by community. */
export function detectCommunities(graph: Graph, options: Partial<LouvainRunOptions> = {}): Partition {
  const o = { ...LOUVAIN_DEFAULTS, ...options };
  const raw =
    graph.order === 0
      ? {}
      : louvain(graph, { getEdgeWeight: o.weightAttribute, resolution: o.resolution, rng: seededRng(o.seed) });
  return describePartition(graph, raw, o);
}

/** Numbers the communities of a node → label map by size and computes their statistics. */
export function describePartition(
  graph: Graph,
  labels: Record<string, number | string>,
  options: { resolution: number; seed: number; weightAttribute: string | null },
): Partition {
  const groups = new Map<string, string[]>();
  for (const node of graph.nodes()) {
    const label = String(labels[node]);
    let g = groups.get(label);
    if (!g) groups.set(label, (g = []));
    g.push(node);
  }
  const ordered = [...groups.values()].map((m) => m.sort()).sort((x, y) => y.length - x.length || (x[0]! < y[0]! ? -1 : x[0]! > y[0]! ? 1 : 0));
  const membership = new Map<string, number>();
  ordered.forEach((members, i) => members.forEach((node) => membership.set(node, i)));

  const k = ordered.length;
  const internalWeight = new Float64Array(k);
  const internalEdges = new Float64Array(k);
  const totalDegree = new Float64Array(k);
  const between = new Map<number, { weight: number; edges: number }>();
  let m = 0;
  const wa = options.weightAttribute;
  graph.forEachEdge((_e, attr, s, t) => {
    const x = wa === null ? 1 : (attr as Record<string, unknown>)[wa];
    const w = typeof x === 'number' ? x : 1;
    const cs = membership.get(s)!;
    const ct = membership.get(t)!;
    m += w;
    totalDegree[cs]! += w;
    totalDegree[ct]! += w;
    if (cs === ct) {
      internalWeight[cs]! += w;
      internalEdges[cs]!++;
    } else {
      const key = Math.min(cs, ct) * k + Math.max(cs, ct);
      const link = between.get(key) ?? { weight: 0, edges: 0 };
      link.weight += w;
      link.edges++;
      between.set(key, link);
    }
  });
  const communities: CommunityStats[] = ordered.map((members, i) => {
    const size = members.length;
    const contribution = m === 0 ? 0 : internalWeight[i]! / m - options.resolution * (totalDegree[i]! / (2 * m)) ** 2;
    return {
      index: i,
      size,
      members,
      internalWeight: internalWeight[i]!,
      internalEdges: internalEdges[i]!,
      density: size < 2 ? 0 : internalEdges[i]! / ((size * (size - 1)) / 2),
      totalDegree: totalDegree[i]!,
      modularityContribution: contribution,
    };
  });
  const links = [...between.entries()]
    .map(([key, v]) => ({ a: Math.floor(key / k), b: key % k, weight: v.weight, edges: v.edges }))
    .sort((x, y) => x.a - y.a || x.b - y.b);
  return {
    membership,
    communities,
    links,
    modularity: communities.reduce((s, c) => s + c.modularityContribution, 0),
    resolution: options.resolution,
    seed: options.seed,
    totalWeight: m,
  };
}
