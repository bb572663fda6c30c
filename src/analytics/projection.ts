/**
 * Projections from Neo4j into graphology, streamed page by page (keyset pagination on the unique
 * `id` index: `WHERE id > $after ORDER BY id LIMIT $limit`), so no query result is ever larger
 * than one page and nothing is held twice: each page goes straight into the graph or the pair
 * accumulator and is dropped.
 *
 * (a) Follow graph — directed: (User/Creator)-[:FOLLOWS]->(Creator), every Creator a node,
 *     unweighted. Input of PageRank and HITS.
 * (b) Co-follow graph — undirected, computed IN MEMORY from (a) (not in Cypher): creators a, b
 *     are linked when they share followers. Followers who follow more than `maxFollowing`
 *     creators are left out (a follow from someone who follows thousands says little, and they
 *     would make the pair count quadratic); with F′(x) the remaining followers of x,
 *       common = |F′(a) ∩ F′(b)|,  weight = Jaccard = common / (|F′(a)| + |F′(b)| − common),
 *     and the edge is kept when common ≥ `minCommon` and weight ≥ `minJaccard`. Creators with
 *     no kept edge are not in the graph (they get no creator community). Computed one creator at
 *     a time (a counting array over its followers' follows), so memory is the output graph only.
 * (c) Model graph — undirected, weighted: models sharing a task, tag, library, dataset or paper,
 *     plus base-model lineage. A shared node with d models (2 ≤ d ≤ `maxSharedDegree`) adds
 *     w_kind / (d − 1) to each of its d(d−1)/2 pairs (each model spreads w_kind over the group, so
 *     a big group cannot outweigh a small specific one); a shared node with more than
 *     `maxSharedDegree` models is a hub (`region:us`, `transformers`, `text-generation`) and is
 *     skipped, which keeps the graph sparse. A DERIVED_FROM edge adds w_lineage. Models with
 *     no edge are not in the graph.
 */
import type { Db } from '../neo4j/db.js';
import { loadCypher } from '../neo4j/cypher.js';
import { ErrorCodes, HubgraphError } from '../errors.js';
import { DirectedGraph, UndirectedGraph, type Graph } from './graphology.js';

export const PROJECTION_DEFAULTS = {
  /** Rows per page. */
  batchSize: 5000,
  /** Only nodes whose id starts with this ('' = the whole graph). Tests use their own prefix. */
  scope: '',
};

export const CO_FOLLOW_DEFAULTS = {
  /** Followers following more creators than this are left out of co-follow counts. */
  maxFollowing: 1000,
  /** Fewest followers in common for an edge. */
  minCommon: 2,
  /** Smallest Jaccard similarity of the follower sets for an edge. */
  minJaccard: 0.02,
};

export const MODEL_GRAPH_DEFAULTS = {
  /** Shared nodes with more models than this are hubs and skipped. */
  maxSharedDegree: 200,
  /** w_kind: what sharing one node of each kind is worth (spread over the group), and lineage. */
  weights: { task: 0.5, tag: 1, library: 0.25, dataset: 1.5, paper: 2, lineage: 2 },
};

export type ProjectionOptions = typeof PROJECTION_DEFAULTS;
export type CoFollowOptions = typeof CO_FOLLOW_DEFAULTS;
export type ModelGraphOptions = { maxSharedDegree: number; weights: typeof MODEL_GRAPH_DEFAULTS.weights };

export type SharedKind = 'task' | 'tag' | 'library' | 'dataset' | 'paper';
export const SHARED_KINDS: readonly SharedKind[] = ['task', 'tag', 'library', 'dataset', 'paper'];

/** Rows of one query, page after page (keyset pagination on `id`). */
async function* pages<T extends { id: string }>(db: Db, query: string, params: Record<string, unknown>, batchSize: number): AsyncGenerator<T[]> {
  const cypher = loadCypher(query);
  let after = '';
  for (;;) {
    const rows = await db.read<T>(cypher, { ...params, after, limit: batchSize }, { op: `analytics.${query}` });
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1]!.id;
  }
}

/** (a) The follow graph: every Creator in scope, an edge per FOLLOWS. */
export async function projectFollowGraph(db: Db, options: Partial<ProjectionOptions> = {}): Promise<Graph> {
  const o = { ...PROJECTION_DEFAULTS, ...options };
  const graph = new DirectedGraph({ allowSelfLoops: false });
  for await (const page of pages<{ id: string; follows: string[] }>(db, 'analytics/project-follows', { scope: o.scope }, o.batchSize)) {
    for (const row of page) {
      graph.mergeNode(row.id);
      for (const f of row.follows) {
        if (f === row.id) continue;
        graph.mergeNode(f);
        graph.mergeDirectedEdge(row.id, f);
      }
    }
  }
  return graph;
}

/**
 * (a) as compressed adjacency, without a graphology graph: what the stored-list refreshes walk
 * (ingest derived). Building graphology's graph cost about 2 s of the 3.5 s projection on the
 * demo (its adjacency is an object per node), and the refreshes only read the arrays.
 */
export async function projectFollowCsr(db: Db, options: Partial<ProjectionOptions> = {}): Promise<Csr> {
  const o = { ...PROJECTION_DEFAULTS, ...options };
  const builder = new FollowCsrBuilder();
  for await (const page of pages<{ id: string; follows: string[] } & OwnerVersions>(db, 'analytics/project-follows', { scope: o.scope }, o.batchSize)) {
    for (const row of page) builder.add(row.id, row.follows, { version: row.version, followersVersion: row.followersVersion });
  }
  return builder.build();
}

/**
 * Rows of the follow projection into a Csr equal to toCsr of the graph projectFollowGraph builds
 * from the same rows: nodes in the order they are first seen (a row's creator, then those it
 * follows), edges in row order, self-loops and repeated follows dropped.
 */
export class FollowCsrBuilder {
  private readonly index = new Map<string, number>();
  private readonly nodes: string[] = [];
  private readonly from: number[] = [];
  private readonly to: number[] = [];
  private readonly versions = new Map<string, OwnerVersions>();

  private node(id: string): number {
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.nodes.length;
      this.index.set(id, i);
      this.nodes.push(id);
    }
    return i;
  }

  add(id: string, follows: readonly string[], versions?: OwnerVersions): void {
    if (versions) this.versions.set(id, versions);
    const a = this.node(id);
    // A row holds all of a creator's follows, so a repeat can only be within it.
    const seen = new Set<number>();
    for (const f of follows) {
      if (f === id) continue;
      const b = this.node(f);
      if (seen.has(b)) continue;
      seen.add(b);
      this.from.push(a);
      this.to.push(b);
    }
  }

  build(): Csr {
    const n = this.nodes.length;
    const m = this.from.length;
    const outStart = new Int32Array(n + 1);
    const inStart = new Int32Array(n + 1);
    for (let e = 0; e < m; e++) {
      outStart[this.from[e]! + 1]!++;
      inStart[this.to[e]! + 1]!++;
    }
    for (let i = 0; i < n; i++) {
      outStart[i + 1]! += outStart[i]!;
      inStart[i + 1]! += inStart[i]!;
    }
    const out = new Int32Array(m);
    const inn = new Int32Array(m);
    const outFill = outStart.slice(0, n);
    const inFill = inStart.slice(0, n);
    for (let e = 0; e < m; e++) {
      out[outFill[this.from[e]!]!++] = this.to[e]!;
      inn[inFill[this.to[e]!]!++] = this.from[e]!;
    }
    return { nodes: [...this.nodes], outStart, out, inStart, in: inn, ...(this.versions.size > 0 ? { versions: this.versions } : {}) };
  }
}

/** Compressed adjacency of a directed graph (indices into `nodes`), for the co-follow count. */
export interface Csr {
  nodes: string[];
  outStart: Int32Array;
  out: Int32Array;
  inStart: Int32Array;
  in: Int32Array;
  /** Each projected owner's versions when its follows were read (what a stored list's compare-and-set checks). */
  versions?: ReadonlyMap<string, OwnerVersions>;
}

/** A creator's write counters (cypher/api/follow.cypher bumps them): its own social writes, and follows of it. */
export interface OwnerVersions {
  version: number;
  followersVersion: number;
}

export function toCsr(graph: Graph): Csr {
  const nodes = graph.nodes();
  const index = new Map<string, number>();
  nodes.forEach((n, i) => index.set(n, i));
  const n = nodes.length;
  const outStart = new Int32Array(n + 1);
  const inStart = new Int32Array(n + 1);
  graph.forEachDirectedEdge((_e, _a, s, t) => {
    outStart[index.get(s)! + 1]!++;
    inStart[index.get(t)! + 1]!++;
  });
  for (let i = 0; i < n; i++) {
    outStart[i + 1]! += outStart[i]!;
    inStart[i + 1]! += inStart[i]!;
  }
  const out = new Int32Array(outStart[n]!);
  const inn = new Int32Array(inStart[n]!);
  const outFill = outStart.slice(0, n);
  const inFill = inStart.slice(0, n);
  graph.forEachDirectedEdge((_e, _a, s, t) => {
    const si = index.get(s)!;
    const ti = index.get(t)!;
    out[outFill[si]!++] = ti;
    inn[inFill[ti]!++] = si;
  });
  return { nodes, outStart, out, inStart, in: inn };
}

/** (b) The co-follow graph of creators, from the follow graph (see the module comment). */
export function coFollowGraph(follow: Graph, options: Partial<CoFollowOptions> = {}): Graph {
  const o = { ...CO_FOLLOW_DEFAULTS, ...options };
  const csr = toCsr(follow);
  const n = csr.nodes.length;
  const outDegree = (u: number) => csr.outStart[u + 1]! - csr.outStart[u]!;
  // |F′(x)|: followers of x that count (follow at most maxFollowing creators).
  const counted = new Int32Array(n);
  for (let x = 0; x < n; x++) {
    for (let j = csr.inStart[x]!; j < csr.inStart[x + 1]!; j++) if (outDegree(csr.in[j]!) <= o.maxFollowing) counted[x]!++;
  }
  const graph = new UndirectedGraph();
  const common = new Int32Array(n);
  const touched = new Int32Array(n);
  for (let a = 0; a < n; a++) {
    let t = 0;
    for (let j = csr.inStart[a]!; j < csr.inStart[a + 1]!; j++) {
      const u = csr.in[j]!;
      if (outDegree(u) > o.maxFollowing) continue;
      for (let k = csr.outStart[u]!; k < csr.outStart[u + 1]!; k++) {
        const b = csr.out[k]!;
        if (b <= a) continue;
        if (common[b]!++ === 0) touched[t++] = b;
      }
    }
    for (let i = 0; i < t; i++) {
      const b = touched[i]!;
      const c = common[b]!;
      common[b] = 0;
      if (c < o.minCommon) continue;
      const jaccard = c / (counted[a]! + counted[b]! - c);
      if (jaccard < o.minJaccard) continue;
      const ka = csr.nodes[a]!;
      const kb = csr.nodes[b]!;
      graph.mergeNode(ka);
      graph.mergeNode(kb);
      graph.addUndirectedEdge(ka, kb, { weight: jaccard, common: c });
    }
  }
  return graph;
}

/** JS Maps hold at most 2²⁴ entries: the model-pair accumulator must stay below. */
const MAX_PAIRS = 16_000_000;

/** (c) The model graph (see the module comment). */
export async function projectModelGraph(
  db: Db,
  options: Partial<ProjectionOptions & ModelGraphOptions> = {},
): Promise<{ graph: Graph; skippedHubs: Record<SharedKind, number> }> {
  const o = { ...PROJECTION_DEFAULTS, ...MODEL_GRAPH_DEFAULTS, ...options };
  const index = new Map<string, number>();
  const ids: string[] = [];
  const idx = (id: string) => {
    let i = index.get(id);
    if (i === undefined) {
      i = ids.length;
      ids.push(id);
      index.set(id, i);
    }
    return i;
  };
  // Pair weights keyed lo·2²⁶ + hi (exact up to 67M models: well inside 2⁵³).
  const SHIFT = 2 ** 26;
  const pairs = new Map<number, number>();
  const add = (a: number, b: number, w: number) => {
    if (a === b) return;
    const key = a < b ? a * SHIFT + b : b * SHIFT + a;
    pairs.set(key, (pairs.get(key) ?? 0) + w);
    if (pairs.size > MAX_PAIRS) {
      throw new HubgraphError(ErrorCodes.BAD_USER_INPUT, `The model graph has more than ${MAX_PAIRS} pairs`, {
        hint: 'lower HUBGRAPH_ANALYTICS_MODEL_MAX_SHARED (the largest shared tag/task/… group that still links its models)',
      });
    }
  };
  const skippedHubs = { task: 0, tag: 0, library: 0, dataset: 0, paper: 0 } as Record<SharedKind, number>;
  for (const kind of SHARED_KINDS) {
    const w = o.weights[kind];
    if (w <= 0) continue;
    const params = { scope: o.scope, maxDegree: o.maxSharedDegree };
    for await (const page of pages<{ id: string; degree: number; models: string[] }>(db, `analytics/model-groups-${kind}`, params, o.batchSize)) {
      for (const row of page) {
        if (row.degree > o.maxSharedDegree) skippedHubs[kind]++;
        const d = row.models.length;
        if (d < 2) continue;
        const members = row.models.map(idx);
        const share = w / (d - 1);
        for (let i = 0; i < d; i++) for (let j = i + 1; j < d; j++) add(members[i]!, members[j]!, share);
      }
    }
  }
  if (o.weights.lineage > 0) {
    for await (const page of pages<{ id: string; bases: string[] }>(db, 'analytics/project-lineage', { scope: o.scope }, o.batchSize)) {
      for (const row of page) {
        if (row.bases.length === 0) continue;
        const m = idx(row.id);
        for (const b of row.bases) add(m, idx(b), o.weights.lineage);
      }
    }
  }
  const graph = new UndirectedGraph();
  for (const [key, weight] of pairs) {
    const a = ids[Math.floor(key / SHIFT)]!;
    const b = ids[key % SHIFT]!;
    graph.mergeNode(a);
    graph.mergeNode(b);
    graph.addUndirectedEdge(a, b, { weight });
  }
  return { graph, skippedHubs };
}
