/**
 * What a community report shows, gathered from the graph: the current run (header) and, for the
 * largest `limit` communities of a kind, their size, modularity contribution, internal density,
 * top creators by authority, dominant tasks/tags/libraries, most-cited papers and links to other
 * communities. Read in batches of `batchSize` communities (one query per aspect per batch).
 */
import { ErrorCodes, HubgraphError } from '../../errors.js';
import type { Db } from '../../neo4j/db.js';
import {
  communityFacets,
  communityNeighbours,
  currentRun,
  listCommunities,
  topCreators,
  type AnalyticsRunNode,
  type CommunityCreator,
  type CommunityFacets,
  type CommunityNeighbour,
  type CommunityNode,
} from '../queries.js';
import type { CommunityKind } from '../writeBack.js';

export interface ReportCommunity extends CommunityNode, CommunityFacets {
  topCreators: CommunityCreator[];
  neighbours: CommunityNeighbour[];
}

export interface CommunityReport {
  generatedAt: string;
  kind: CommunityKind;
  run: AnalyticsRunNode;
  /** Communities of this kind in the graph (the report may show fewer: the largest `limit`). */
  totalCommunities: number;
  communities: ReportCommunity[];
}

export const REPORT_DEFAULTS = {
  /** Communities reported, largest first. */
  limit: 50,
  /** Items per list (creators, tasks, tags, libraries, papers, neighbours). */
  first: 5,
  batchSize: 100,
  scope: '',
};

export type ReportOptions = typeof REPORT_DEFAULTS;

export async function gatherCommunityReport(db: Db, kind: CommunityKind, options: Partial<ReportOptions> = {}, now = new Date()): Promise<CommunityReport> {
  const o = { ...REPORT_DEFAULTS, ...options };
  const run = await currentRun(db, o.scope);
  if (!run) {
    throw new HubgraphError(ErrorCodes.NOT_FOUND, 'No analytics run has been written yet', { hint: 'run `hubgraph analytics run` first' });
  }
  const total = kind === 'creator' ? run.creatorCommunities : run.modelCommunities;
  const nodes = await listCommunities(db, { runId: run.id, kind, first: o.limit });
  const communities: ReportCommunity[] = [];
  for (let i = 0; i < nodes.length; i += o.batchSize) {
    const batch = nodes.slice(i, i + o.batchSize);
    const ids = batch.map((n) => n.id);
    const [creators, facets, neighbours] = await Promise.all([
      topCreators(db, ids, o.first),
      communityFacets(db, ids, o.first),
      communityNeighbours(db, ids, o.first),
    ]);
    for (const n of batch) {
      const f = facets.get(n.id) ?? { models: 0, tasks: [], tags: [], libraries: [], papers: [] };
      communities.push({ ...n, ...f, topCreators: creators.get(n.id) ?? [], neighbours: neighbours.get(n.id) ?? [] });
    }
  }
  return { generatedAt: now.toISOString(), kind, run, totalCommunities: total, communities };
}
