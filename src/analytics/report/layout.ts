/**
 * A drawing of the community graph: ForceAtlas2 (Jacomy, Venturini, Heymann & Bastian, PLoS ONE
 * 2014; graphology-layout-forceatlas2) from seeded initial positions, so the same report data
 * gives the same picture. Nodes are communities, edges their links (weight = link weight).
 */
import { UndirectedGraph, forceAtlas2 } from '../graphology.js';
import { seededRng } from '../rng.js';

export interface LayoutInput {
  nodes: { id: string; size: number }[];
  edges: { from: string; to: string; weight: number }[];
}

export function layoutCommunityGraph(input: LayoutInput, options: { seed?: number; iterations?: number } = {}): Map<string, { x: number; y: number }> {
  const rng = seededRng(options.seed ?? 1);
  const graph = new UndirectedGraph();
  for (const n of input.nodes) graph.addNode(n.id, { x: rng() * 100, y: rng() * 100, size: Math.sqrt(n.size) });
  for (const e of input.edges) {
    if (e.from === e.to || !graph.hasNode(e.from) || !graph.hasNode(e.to)) continue;
    if (graph.hasEdge(e.from, e.to)) continue;
    graph.addUndirectedEdge(e.from, e.to, { weight: e.weight });
  }
  if (graph.order === 0) return new Map();
  const settings = { ...forceAtlas2.inferSettings(graph), adjustSizes: false, gravity: 1, scalingRatio: 10 };
  const positions = forceAtlas2(graph, { iterations: options.iterations ?? 300, settings, getEdgeWeight: 'weight' });
  return new Map(Object.entries(positions));
}
