/**
 * `hubgraph analytics run`: project → compute (graphology in this process, or GDS in Neo4j) →
 * write back in one transaction. Phase timings and the process's peak RSS are returned (the bench
 * prints them).
 */
import { randomUUID } from 'node:crypto';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Db } from '../neo4j/db.js';
import { refreshStoredAnswers } from '../stored/refresh.js';
import { computeHits, computePagerank } from './authority.js';
import { detectCommunities, type Partition } from './communities.js';
import { computeWithGds } from './gds.js';
import type { Graph } from './graphology.js';
import { coFollowGraph, projectFollowGraph, projectModelGraph, type CoFollowOptions, type ModelGraphOptions } from './projection.js';
import {
  writeBack,
  type CommunityKind,
  type CommunityRow,
  type LinkRow,
  type RunRecord,
  type WriteBackInput,
  type WriteBackOptions,
  type WriteBackResult,
} from './writeBack.js';

export type Engine = Config['analytics']['engine'];

/**
 * The settings of a run: the configuration's (engine, seed, damping, resolution, maxIterations,
 * batchSize — rows per page, reading and writing —, minCommunitySize, scope — only nodes whose id
 * starts with it, '' = the whole graph), in the units and shapes the algorithms take.
 */
export interface AnalyticsSettings
  extends Pick<Config['analytics'], 'engine' | 'seed' | 'damping' | 'resolution' | 'maxIterations' | 'batchSize' | 'minCommunitySize' | 'scope'> {
  /** Wait after the flip before the previous run's communities are deleted (ms). */
  gcGraceMs: number;
  coFollow: CoFollowOptions;
  modelGraph: ModelGraphOptions;
}

/** The settings of a run: the configuration's, with the caller's overrides. */
export function analyticsSettings(config: Config, overrides: Partial<AnalyticsSettings> = {}): AnalyticsSettings {
  const a = config.analytics;
  return {
    engine: a.engine,
    seed: a.seed,
    damping: a.damping,
    resolution: a.resolution,
    maxIterations: a.maxIterations,
    batchSize: a.batchSize,
    minCommunitySize: a.minCommunitySize,
    gcGraceMs: a.gcGraceSeconds * 1000,
    scope: a.scope,
    coFollow: { ...a.coFollow },
    modelGraph: { maxSharedDegree: a.modelMaxShared, weights: { task: 0.5, tag: 1, library: 0.25, dataset: 1.5, paper: 2, lineage: 2 } },
    ...overrides,
  };
}

/** What an engine computes (the same for graphology and GDS). */
export interface Computation {
  /** Every projected creator. */
  creators: string[];
  follows: number;
  pagerank: Record<string, number>;
  hub: Record<string, number>;
  hitsAuthority: Record<string, number>;
  creatorPartition: Partition;
  coFollowEdges: number;
  modelPartition: Partition;
  modelEdges: number;
  /** Seconds per phase. */
  timings: Record<string, number>;
}

export interface AnalyticsRunResult {
  run: RunRecord;
  scope: string;
  write: WriteBackResult;
  timings: Record<string, number>;
  /** Peak resident set size of this process so far (bytes). */
  peakRssBytes: number;
}

/** Times a phase into `timings`. */
export async function timed<T>(timings: Record<string, number>, phase: string, log: Logger, work: () => T | Promise<T>): Promise<T> {
  const t = performance.now();
  const result = await work();
  timings[phase] = (performance.now() - t) / 1000;
  log.info({ phase, seconds: Number(timings[phase].toFixed(3)), rssMB: Math.round(process.memoryUsage().rss / 1e6) }, `analytics: ${phase} done`);
  return result;
}

async function computeWithGraphology(db: Db, s: AnalyticsSettings, log: Logger): Promise<Computation> {
  const timings: Record<string, number> = {};
  let follow: Graph | null = await timed(timings, 'projectFollows', log, () => projectFollowGraph(db, { scope: s.scope, batchSize: s.batchSize }));
  const options = { damping: s.damping, pagerankMaxIterations: s.maxIterations, hitsMaxIterations: s.maxIterations };
  const pagerank = await timed(timings, 'pagerank', log, () => computePagerank(follow!, options));
  const { hub, hitsAuthority } = await timed(timings, 'hits', log, () => computeHits(follow!, options));
  const creators = follow.nodes();
  const follows = follow.size;
  let coFollow: Graph | null = await timed(timings, 'coFollow', log, () => coFollowGraph(follow!, s.coFollow));
  follow = null;
  const louvain = { resolution: s.resolution, seed: s.seed };
  const creatorPartition = await timed(timings, 'louvainCreators', log, () => detectCommunities(coFollow!, louvain));
  const coFollowEdges = coFollow.size;
  coFollow = null;
  let models: Graph | null = (
    await timed(timings, 'projectModels', log, () => projectModelGraph(db, { scope: s.scope, batchSize: s.batchSize, ...s.modelGraph }))
  ).graph;
  const modelPartition = await timed(timings, 'louvainModels', log, () => detectCommunities(models!, louvain));
  const modelEdges = models.size;
  models = null;
  return { creators, follows, pagerank, hub, hitsAuthority, creatorPartition, coFollowEdges, modelPartition, modelEdges, timings };
}

/** A run id: sortable by time, unique, and inside the scope (tests clean up by prefix). */
export function newRunId(scope: string, at: Date, seed: number): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${scope}run-${stamp}-s${seed}-${randomUUID().slice(0, 4)}`;
}

/** A community's key within its run: `<kind>-<rank>` (0 = the largest). Its node id is `<run id>/<key>`. */
export function communityKey(kind: CommunityKind, rank: number): string {
  return `${kind}-${rank}`;
}

/** Turns a computation into the rows the write-back writes. */
export function toWriteBack(
  c: Computation,
  s: AnalyticsSettings,
  run: Omit<RunRecord, 'creatorCommunities' | 'modelCommunities' | 'creatorModularity' | 'modelModularity' | 'creators' | 'follows' | 'coFollowEdges' | 'models' | 'modelEdges'>,
): WriteBackInput {
  const communities: CommunityRow[] = [];
  const links: LinkRow[] = [];
  const kept = (kind: CommunityKind, p: Partition) => {
    const keys = new Map<number, string>();
    for (const stats of p.communities) {
      if (stats.size < s.minCommunitySize) continue;
      const key = communityKey(kind, stats.index);
      keys.set(stats.index, key);
      communities.push({
        key,
        kind,
        rank: stats.index,
        size: stats.size,
        modularityContribution: stats.modularityContribution,
        internalWeight: stats.internalWeight,
        internalEdges: stats.internalEdges,
        density: stats.density,
      });
    }
    for (const l of p.links) {
      const from = keys.get(l.a);
      const to = keys.get(l.b);
      if (from !== undefined && to !== undefined) links.push({ from, to, weight: l.weight, edges: l.edges });
    }
    return keys;
  };
  const creatorKeys = kept('creator', c.creatorPartition);
  const modelKeys = kept('model', c.modelPartition);
  const creators = c.creators.map((id) => {
    const index = c.creatorPartition.membership.get(id);
    return {
      id,
      pagerank: c.pagerank[id] ?? 0,
      hub: c.hub[id] ?? 0,
      hitsAuthority: c.hitsAuthority[id] ?? 0,
      communityKey: index === undefined ? null : (creatorKeys.get(index) ?? null),
    };
  });
  const models: { id: string; communityKey: string }[] = [];
  for (const [id, index] of c.modelPartition.membership) {
    const key = modelKeys.get(index);
    if (key !== undefined) models.push({ id, communityKey: key });
  }
  return {
    scope: s.scope,
    run: {
      ...run,
      creators: c.creators.length,
      follows: c.follows,
      coFollowEdges: c.coFollowEdges,
      models: c.modelPartition.membership.size,
      modelEdges: c.modelEdges,
      creatorCommunities: creatorKeys.size,
      modelCommunities: modelKeys.size,
      creatorModularity: c.creatorPartition.modularity,
      modelModularity: c.modelPartition.modularity,
    },
    creators,
    models,
    communities,
    links,
  };
}

/** Computes with the chosen engine; does not write. */
export function compute(db: Db, s: AnalyticsSettings, log: Logger): Promise<Computation> {
  return s.engine === 'gds' ? computeWithGds(db, s, log) : computeWithGraphology(db, s, log);
}

/** One whole run: compute, then write back (atomically for readers; see writeBack.ts). */
export async function runAnalytics(db: Db, s: AnalyticsSettings, log: Logger, write: Partial<WriteBackOptions> = {}): Promise<AnalyticsRunResult> {
  const startedAt = new Date();
  const computation = await compute(db, s, log);
  const computedAt = new Date();
  const input = toWriteBack(computation, s, {
    id: newRunId(s.scope, computedAt, s.seed),
    engine: s.engine,
    seed: s.seed,
    damping: s.damping,
    resolution: s.resolution,
    startedAt: startedAt.toISOString(),
    computedAt: computedAt.toISOString(),
    computeSeconds: (computedAt.getTime() - startedAt.getTime()) / 1000,
  });
  const timings = computation.timings;
  const result = await timed(timings, 'writeBack', log, () => writeBack(db, input, { batchSize: s.batchSize, gcGraceMs: s.gcGraceMs, ...write }));
  // The stored answers that read authority (the registry's 'analytics' entries: topic leaders, and
  // recommendedCreators' followBack ranking) are recomputed with the run just written. Until they
  // are, the older ones are still served (the run changes no reason), so no user is live.
  await refreshStoredAnswers(db, 'analytics', {
    scope: s.scope,
    step: (answer, refresh) => timed(timings, answer.question, log, () => refresh(() => {})).then(() => undefined),
  });
  return { run: input.run, scope: s.scope, write: result, timings, peakRssBytes: process.resourceUsage().maxRSS * 1024 };
}
