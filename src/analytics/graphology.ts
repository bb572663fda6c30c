/**
 * The one door to graphology. Its type declarations do not type-check under ESM + NodeNext (the
 * CommonJS `export default` is seen as a namespace, so `new Graph()`, `pagerank(…)`, `louvain(…)`
 * and `hits(…)` report "not callable" although they run); this module re-exports them with their
 * real types. Nothing else in hubgraph imports graphology.
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import * as graphologyNs from 'graphology';
import * as louvainNs from 'graphology-communities-louvain';
import * as forceAtlas2Ns from 'graphology-layout-forceatlas2';
import * as hitsNs from 'graphology-metrics/centrality/hits.js';
import * as pagerankNs from 'graphology-metrics/centrality/pagerank.js';

/**
 * A CommonJS module seen from ESM: Node hands over `module.exports` as the default export; some
 * loaders (vite's) wrap it once more. Takes whichever of the two is the real thing.
 */
function interop<T>(ns: unknown, isIt: (x: unknown) => boolean): T {
  const seen = new Set<unknown>();
  let x: unknown = ns;
  while (x !== null && x !== undefined && !seen.has(x)) {
    if (isIt(x)) return x as T;
    seen.add(x);
    x = (x as { default?: unknown }).default;
  }
  throw new Error('graphology adapter: could not find the module export');
}

const isFunction = (x: unknown) => typeof x === 'function';

export type Graph<N extends Attributes = Attributes, E extends Attributes = Attributes> = AbstractGraph<N, E>;

type GraphConstructor = new <N extends Attributes = Attributes, E extends Attributes = Attributes>(options?: {
  allowSelfLoops?: boolean;
}) => AbstractGraph<N, E>;

const graphology = interop<{ DirectedGraph: GraphConstructor; UndirectedGraph: GraphConstructor }>(
  graphologyNs,
  (x) => typeof (x as { DirectedGraph?: unknown }).DirectedGraph === 'function',
);
/** A simple directed graph (no parallel edges). */
export const DirectedGraph: GraphConstructor = graphology.DirectedGraph;
/** A simple undirected graph (no parallel edges). */
export const UndirectedGraph: GraphConstructor = graphology.UndirectedGraph;

export interface PagerankOptions {
  /** Damping factor. */
  alpha: number;
  maxIterations: number;
  /** Converged when Σ|x − x'| < N · tolerance. */
  tolerance: number;
  /** Edge attribute holding the weight, or null for unweighted. */
  getEdgeWeight: string | null;
}
export type Pagerank = (graph: Graph, options: PagerankOptions) => Record<string, number>;
export const pagerank: Pagerank = interop<Pagerank>(pagerankNs, isFunction);

export interface HitsOptions {
  maxIterations: number;
  /** Converged when Σ|hub − hub'| < tolerance (hubs scaled so the largest is 1). */
  tolerance: number;
  getEdgeWeight: string | null;
  /** Divide each vector by its sum at the end. */
  normalize: boolean;
}
export type Hits = (graph: Graph, options: HitsOptions) => { hubs: Record<string, number>; authorities: Record<string, number> };
export const hits: Hits = interop<Hits>(hitsNs, isFunction);

export interface LouvainOptions {
  getEdgeWeight: string | null;
  resolution: number;
  /** Randomness (node visit order): pass a seeded generator for reproducible partitions. */
  rng: () => number;
  randomWalk?: boolean;
  fastLocalMoves?: boolean;
}
export interface LouvainDetailed {
  communities: Record<string, number>;
  count: number;
  modularity: number;
  resolution: number;
}
export type Louvain = ((graph: Graph, options: LouvainOptions) => Record<string, number>) & {
  detailed(graph: Graph, options: LouvainOptions): LouvainDetailed;
};
export const louvain: Louvain = interop<Louvain>(louvainNs, (x) => isFunction(x) && isFunction((x as { detailed?: unknown }).detailed));

export interface ForceAtlas2Settings {
  linLogMode?: boolean;
  outboundAttractionDistribution?: boolean;
  adjustSizes?: boolean;
  edgeWeightInfluence?: number;
  scalingRatio?: number;
  strongGravityMode?: boolean;
  gravity?: number;
  slowDown?: number;
  barnesHutOptimize?: boolean;
}
export type ForceAtlas2 = ((
  graph: Graph,
  params: { iterations: number; settings?: ForceAtlas2Settings; getEdgeWeight?: string | null },
) => Record<string, { x: number; y: number }>) & {
  inferSettings(graph: Graph | number): ForceAtlas2Settings;
};
export const forceAtlas2: ForceAtlas2 = interop<ForceAtlas2>(forceAtlas2Ns, (x) => isFunction(x) && isFunction((x as { inferSettings?: unknown }).inferSettings));
