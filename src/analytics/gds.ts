/**
 * The `gds` engine: the same outputs as the graphology engine, computed by Neo4j Graph Data
 * Science (2.13, Community; resolved from Maven Central by neo4j/gds/pom.xml, see gdsInstall.ts).
 *
 * - Authority: the follow graph is projected INSIDE Neo4j (Cypher aggregation `gds.graph.project`,
 *   with the scope filter and an inverse index for HITS), then `gds.pageRank.mutate` (damping,
 *   tolerance, `scaler: 'L1Norm'` so scores sum to 1 like graphology's; it reports didConverge and
 *   a non-converged run fails ANALYTICS_NOT_CONVERGED) and `gds.hits.stream`. GDS's HITS runs a
 *   fixed number of iterations and never reports convergence, so it runs k and k + 5 iterations
 *   (k = 20, 40, 80 …) until the two agree within the tolerance, and fails
 *   ANALYTICS_NOT_CONVERGED past the iteration limit; vectors are divided by their sums (GDS
 *   scales them to unit L2 norm).
 *   One difference remains: GDS does not hand the rank of dangling nodes (creators who follow
 *   nobody) back to everyone as graphology does, so their scores differ slightly.
 * - Communities: GDS Louvain (`gds.louvain.stream`, concurrency 1 so it is deterministic; GDS's
 *   Louvain has no seed and no resolution: a resolution other than 1 is refused) on the SAME
 *   co-follow and model graphs as the graphology engine (projection.ts builds them; they are
 *   sent to GDS as integer-id edge lists), so the engines differ only in the algorithms.
 *
 * The Cypher lives here rather than in cypher/ because the contract test EXPLAINs every file
 * there, and a `gds.*` call does not plan on a Neo4j without GDS.
 */
import { ErrorCodes, HubgraphError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Db } from '../neo4j/db.js';
import { describePartition, type Partition } from './communities.js';
import type { Graph } from './graphology.js';
import { coFollowGraph, projectFollowGraph, projectModelGraph } from './projection.js';
import { timed, type AnalyticsSettings, type Computation } from './run.js';

const Q = {
  version: 'RETURN gds.version() AS version',
  drop: 'CALL gds.graph.drop($graph, false) YIELD graphName RETURN graphName',
  projectFollows: `
    MATCH (c:Creator) WHERE c.id STARTS WITH $scope
    OPTIONAL MATCH (c)-[:FOLLOWS]->(f:Creator) WHERE f.id STARTS WITH $scope AND f <> c
    WITH gds.graph.project($graph, c, f, {}, {inverseIndexedRelationshipTypes: ['*']}) AS g
    RETURN g.nodeCount AS nodes, g.relationshipCount AS relationships`,
  pageRank: `
    CALL gds.pageRank.mutate($graph, {mutateProperty: 'pagerank', dampingFactor: $damping, maxIterations: $maxIterations,
      tolerance: $tolerance, scaler: 'L1Norm', concurrency: 1})
    YIELD didConverge, ranIterations RETURN didConverge, ranIterations`,
  hits: `
    CALL gds.hits.stream($graph, {hitsIterations: $iterations, concurrency: 1})
    YIELD nodeId, values
    RETURN nodeId, values.hub AS hub, values.auth AS auth`,
  pagerankScores: `
    CALL gds.graph.nodeProperty.stream($graph, 'pagerank')
    YIELD nodeId, propertyValue
    RETURN nodeId, gds.util.asNode(nodeId).id AS id, propertyValue AS pagerank`,
  projectEdges: `
    UNWIND $edges AS e
    WITH gds.graph.project($graph, e[0], e[1], {relationshipProperties: {weight: toFloat(e[2])}}, {undirectedRelationshipTypes: ['*']}) AS g
    RETURN g.nodeCount AS nodes, g.relationshipCount AS relationships`,
  louvain: `
    CALL gds.louvain.stream($graph, {relationshipWeightProperty: 'weight', concurrency: 1})
    YIELD nodeId, communityId RETURN nodeId, communityId`,
};

/** HITS iterations of GDS's first attempt; each next attempt doubles them (see computeWithGds). */
export const GDS_HITS_FIRST_ITERATIONS = 20;

/** Fails GDS_UNAVAILABLE, quoting Neo4j's error, unless GDS answers; returns its version. */
export async function gdsVersion(db: Db): Promise<string> {
  try {
    const rows = await db.read<{ version: string }>(Q.version, {}, { op: 'analytics.gds.version' });
    return rows[0]!.version;
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new HubgraphError(ErrorCodes.GDS_UNAVAILABLE, `Graph Data Science is not available in Neo4j at ${db.uri}: ${detail}`, {
      hint:
        'run `hubgraph analytics gds-install`, then restart the local Neo4j (`hubgraph neo4j stop`, `hubgraph neo4j start`) so it loads neo4j/target/plugins-gds; ' +
        'a Neo4j of your own needs the GDS 2.13 plugin with gds.* allowed; or use --engine graphology',
      cause: error,
    });
  }
}

async function drop(db: Db, graph: string): Promise<void> {
  await db.write(Q.drop, { graph }, { op: 'analytics.gds.drop' });
}

/** Louvain in GDS on a weighted undirected graphology graph; the partition described as graphology's is. */
async function gdsLouvain(db: Db, graph: Graph, name: string, s: AnalyticsSettings): Promise<Partition> {
  const nodes = graph.nodes();
  if (nodes.length === 0) return describePartition(graph, {}, { resolution: s.resolution, seed: s.seed, weightAttribute: 'weight' });
  const index = new Map<string, number>();
  nodes.forEach((n, i) => index.set(n, i));
  const edges: [number, number, number][] = [];
  graph.forEachEdge((_e, attr, a, b) => edges.push([index.get(a)!, index.get(b)!, (attr as { weight?: number }).weight ?? 1]));
  try {
    await db.write(Q.projectEdges, { graph: name, edges }, { op: 'analytics.gds.projectEdges' });
    edges.length = 0;
    const rows = await db.read<{ nodeId: number; communityId: number }>(Q.louvain, { graph: name }, { op: 'analytics.gds.louvain' });
    const labels: Record<string, number> = {};
    for (const r of rows) labels[nodes[r.nodeId]!] = r.communityId;
    return describePartition(graph, labels, { resolution: 1, seed: s.seed, weightAttribute: 'weight' });
  } finally {
    await drop(db, name);
  }
}

export async function computeWithGds(db: Db, s: AnalyticsSettings, log: Logger): Promise<Computation> {
  const version = await gdsVersion(db);
  log.info({ gds: version }, 'analytics: Graph Data Science found');
  if (s.resolution !== 1) {
    throw new HubgraphError(ErrorCodes.BAD_USER_INPUT, `GDS Louvain has no resolution parameter; --resolution ${s.resolution} needs --engine graphology`);
  }
  const timings: Record<string, number> = {};
  const tag = `hubgraph-${process.pid}-${Date.now()}`;
  const followsName = `${tag}-follows`;
  const pagerank: Record<string, number> = {};
  const hub: Record<string, number> = {};
  const hitsAuthority: Record<string, number> = {};
  let creators: string[] = [];
  let follows = 0;
  try {
    const projected = await timed(timings, 'projectFollows', log, async () => {
      const rows = await db.write<{ nodes: number; relationships: number }>(Q.projectFollows, { graph: followsName, scope: s.scope }, { op: 'analytics.gds.projectFollows' });
      return rows.rows[0]!;
    });
    follows = projected.relationships;
    await timed(timings, 'pagerank', log, async () => {
      const tolerance = 1e-10;
      const r = await db.write<{ didConverge: boolean; ranIterations: number }>(Q.pageRank, { graph: followsName, damping: s.damping, maxIterations: s.maxIterations, tolerance }, { op: 'analytics.gds.pageRank' });
      if (!r.rows[0]?.didConverge) {
        throw new HubgraphError(ErrorCodes.ANALYTICS_NOT_CONVERGED, `GDS PageRank did not converge in ${s.maxIterations} iterations (tolerance ${tolerance})`);
      }
    });
    const scores = await db.read<{ nodeId: number; id: string; pagerank: number }>(Q.pagerankScores, { graph: followsName }, { op: 'analytics.gds.scores' });
    const idOf = new Map(scores.map((r) => [r.nodeId, r.id]));
    for (const r of scores) pagerank[r.id] = r.pagerank;
    // GDS's HITS runs a fixed number of iterations and says nothing of convergence: run k and
    // k + 5 iterations, k = 20, 40, 80, … until the two agree (Σ|Δ| of the sum-normalised hub and
    // authority vectors below the tolerance), or fail past the iteration limit.
    const hitsTolerance = 1e-6;
    const hits = (iterations: number) =>
      db.read<{ nodeId: number; hub: number; auth: number }>(Q.hits, { graph: followsName, iterations }, { op: 'analytics.gds.hits' });
    const normalised = (rows: { nodeId: number; hub: number; auth: number }[]) => {
      const sh = rows.reduce((t, r) => t + r.hub, 0) || 1;
      const sa = rows.reduce((t, r) => t + r.auth, 0) || 1;
      return new Map(rows.map((r) => [r.nodeId, { hub: r.hub / sh, auth: r.auth / sa }]));
    };
    await timed(timings, 'hits', log, async () => {
      for (let k = GDS_HITS_FIRST_ITERATIONS; ; k *= 2) {
        if (k + 5 > s.maxIterations) {
          throw new HubgraphError(ErrorCodes.ANALYTICS_NOT_CONVERGED, `GDS HITS did not converge in ${s.maxIterations} iterations (tolerance ${hitsTolerance})`);
        }
        const a = normalised(await hits(k));
        const b = normalised(await hits(k + 5));
        let change = 0;
        for (const [node, x] of b) change += Math.abs(x.hub - a.get(node)!.hub) + Math.abs(x.auth - a.get(node)!.auth);
        if (change < hitsTolerance) {
          for (const [node, x] of b) {
            hub[idOf.get(node)!] = x.hub;
            hitsAuthority[idOf.get(node)!] = x.auth;
          }
          log.info({ iterations: k + 5, change }, 'analytics: GDS HITS converged');
          return;
        }
      }
    });
    creators = scores.map((r) => r.id).sort();
  } finally {
    await drop(db, followsName);
  }
  // The same co-follow and model graphs as the graphology engine.
  let follow: Graph | null = await timed(timings, 'projectFollowsForCoFollow', log, () => projectFollowGraph(db, { scope: s.scope, batchSize: s.batchSize }));
  let coFollow: Graph | null = await timed(timings, 'coFollow', log, () => coFollowGraph(follow!, s.coFollow));
  follow = null;
  const creatorPartition = await timed(timings, 'louvainCreators', log, () => gdsLouvain(db, coFollow!, `${tag}-cofollow`, s));
  const coFollowEdges = coFollow.size;
  coFollow = null;
  let models: Graph | null = (await timed(timings, 'projectModels', log, () => projectModelGraph(db, { scope: s.scope, batchSize: s.batchSize, ...s.modelGraph }))).graph;
  const modelPartition = await timed(timings, 'louvainModels', log, () => gdsLouvain(db, models!, `${tag}-models`, s));
  const modelEdges = models.size;
  models = null;
  return { creators, follows, pagerank, hub, hitsAuthority, creatorPartition, coFollowEdges, modelPartition, modelEdges, timings };
}
