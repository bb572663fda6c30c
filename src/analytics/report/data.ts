/**
 * What a community report shows, gathered from the graph: the current run (header) and, for the
 * largest `limit` communities of a kind, their size, modularity contribution and density; what
 * distinguishes them from the whole graph (characterise.ts) and the label drawn from it; the
 * creators contributing most to them; their lineage-only stubs and members without models, counted
 * apart from what characterises them; whether they come from the stand-in social layer; and their
 * links to other communities. Read in batches of `batchSize` communities (one query per aspect).
 */
import { ErrorCodes, HubgraphError } from '../../errors.js';
import type { Db } from '../../neo4j/db.js';
import { QUERY_DEFAULTS, communityNeighbours, currentRun, listCommunities, type AnalyticsRunNode, type CommunityNeighbour, type CommunityNode } from '../queries.js';
import type { CommunityKind } from '../writeBack.js';
import { CHARACTERISE_DEFAULTS, commonestItems, communityLabel, distinctiveItems, type Characterisation, type FacetCount } from './characterise.js';
import {
  NO_ITEMS,
  NO_MEMBERS,
  backgroundModels,
  communityContributors,
  communityItems,
  communityMembers,
  type CommunityMembers,
  type ContributingCreator,
} from './queries.js';

/** The flag a community found in the stand-in social layer carries, wherever it is shown. */
export const STAND_IN_LABEL = 'stand-in social layer (SNAP GitHub)';

export interface ReportCommunity extends CommunityNode, CommunityMembers {
  /** A readable name from what distinguishes it, or why there is none. */
  label: string;
  /** True when the label comes from distinctive items (false: a fallback such as "no models"). */
  characterised: boolean;
  /** Found in the stand-in social layer: most follows its creators receive are stand-in follows. */
  standIn: boolean;
  /** Models with a record of their own: what the item counts are over. */
  models: number;
  /** The commonest items (count first): what the report called "dominant". */
  tasks: FacetCount[];
  tags: FacetCount[];
  libraries: FacetCount[];
  papers: FacetCount[];
  /** What sets it apart from the whole graph, best first. */
  distinctive: Characterisation;
  /** By contribution to this community (see community-contributors.cypher). */
  topCreators: ContributingCreator[];
  neighbours: CommunityNeighbour[];
}

export interface CommunityReport {
  generatedAt: string;
  kind: CommunityKind;
  run: AnalyticsRunNode;
  /** Communities of this kind in the graph (the report may show fewer: the largest `limit`). */
  totalCommunities: number;
  /** Models with a record of their own in scope: the background of every lift. */
  backgroundModels: number;
  /** The minimum support and lift an item needed to characterise a community. */
  thresholds: { minCount: number; minShare: number; minLift: number };
  communities: ReportCommunity[];
}

export const REPORT_DEFAULTS = {
  /** Communities reported, largest first. */
  limit: 50,
  /** Items per list (creators, tasks, tags, libraries, papers, neighbours). */
  first: 5,
  /** Fewest of a community's models that must carry an item for it to characterise the community. */
  minCount: CHARACTERISE_DEFAULTS.minCount,
  /** Smallest share of a community's models that must carry it. */
  minShare: CHARACTERISE_DEFAULTS.minShare,
  /** Smallest lift (share here ÷ share in the whole graph). */
  minLift: CHARACTERISE_DEFAULTS.minLift,
  /** A creator community is flagged as the stand-in's when at least this share of its follows are. */
  standInShare: 0.5,
  /** Commonest tags only: tags on more models than this in the whole graph (`region:us` …) are left out, as in version 1. */
  tagMaxModels: QUERY_DEFAULTS.tagMaxModels,
  batchSize: 100,
  scope: '',
};

export type ReportOptions = typeof REPORT_DEFAULTS;

/** Pure: a community's report entry from what was read about it. */
export function describeCommunity(
  node: CommunityNode,
  read: { items: typeof NO_ITEMS; members: CommunityMembers; creators: ContributingCreator[]; neighbours: CommunityNeighbour[] },
  background: number,
  options: Pick<ReportOptions, 'first' | 'minCount' | 'minShare' | 'minLift' | 'standInShare' | 'tagMaxModels'>,
): ReportCommunity {
  const { items, members } = read;
  const c = { first: options.first, minCount: options.minCount, minShare: options.minShare, minLift: options.minLift };
  const distinctive: Characterisation = {
    tasks: distinctiveItems('task', items.tasks, items.models, background, c),
    tags: distinctiveItems('tag', items.tags, items.models, background, c),
    libraries: distinctiveItems('library', items.libraries, items.models, background, c),
    papers: distinctiveItems('paper', items.papers, items.models, background, c),
  };
  const standIn = members.follows > 0 && members.standInFollows / members.follows >= options.standInShare;
  const label = lineageLabel(node.kind, members, items.models, communityLabel(distinctive), options.minCount);
  return {
    ...node,
    ...members,
    label: label ?? fallbackLabel(node.kind, items.models),
    characterised: label !== null,
    standIn,
    models: items.models,
    tasks: commonestItems(items.tasks, options.first),
    tags: commonestItems(items.tags.filter((t) => t.total <= options.tagMaxModels), options.first),
    libraries: commonestItems(items.libraries, options.first),
    papers: commonestItems(items.papers, options.first),
    distinctive,
    topCreators: read.creators,
    neighbours: read.neighbours,
  };
}

/**
 * A model community made mostly of lineage stubs (models known only from the lineage file) is a
 * family tree: its few records say little, its common base model says what it is. Named
 * "derivatives of <base>", then the lead of its own label if any.
 */
export function lineageLabel(kind: CommunityKind, members: CommunityMembers, models: number, label: string | null, minCount: number): string | null {
  const base = members.topBase;
  if (kind !== 'model' || members.lineageStubs <= models || !base || base.count < minCount) return label;
  const lead = label?.split(' · ')[0];
  return lead ? `derivatives of ${base.id} · ${lead}` : `derivatives of ${base.id}`;
}

/** Why a community has no label of its own. */
export function fallbackLabel(kind: CommunityKind, models: number): string {
  if (models === 0) return kind === 'creator' ? 'no models: its members publish none' : 'no models with a record: lineage stubs only';
  return `nothing distinctive in its ${models} model${models === 1 ? '' : 's'}`;
}

export async function gatherCommunityReport(db: Db, kind: CommunityKind, options: Partial<ReportOptions> = {}, now = new Date()): Promise<CommunityReport> {
  const o = { ...REPORT_DEFAULTS, ...options };
  const run = await currentRun(db, o.scope);
  if (!run) {
    throw new HubgraphError(ErrorCodes.NOT_FOUND, 'No analytics run has been written yet', { hint: 'run `hubgraph analytics run` first' });
  }
  const total = kind === 'creator' ? run.creatorCommunities : run.modelCommunities;
  const [nodes, background] = await Promise.all([listCommunities(db, { runId: run.id, kind, first: o.limit }), backgroundModels(db, o.scope)]);
  const communities: ReportCommunity[] = [];
  for (let i = 0; i < nodes.length; i += o.batchSize) {
    const batch = nodes.slice(i, i + o.batchSize);
    const ids = batch.map((n) => n.id);
    const [items, members, creators, neighbours] = await Promise.all([
      communityItems(db, ids, { minCount: o.minCount, first: o.first }),
      communityMembers(db, ids),
      communityContributors(db, ids, o.first),
      communityNeighbours(db, ids, o.first),
    ]);
    for (const n of batch) {
      const read = { items: items.get(n.id) ?? NO_ITEMS, members: members.get(n.id) ?? NO_MEMBERS, creators: creators.get(n.id) ?? [], neighbours: neighbours.get(n.id) ?? [] };
      communities.push(describeCommunity(n, read, background, o));
    }
  }
  return {
    generatedAt: now.toISOString(),
    kind,
    run,
    totalCommunities: total,
    backgroundModels: background,
    thresholds: { minCount: o.minCount, minShare: o.minShare, minLift: o.minLift },
    communities,
  };
}
