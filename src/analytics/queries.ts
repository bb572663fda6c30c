/**
 * Reading what analytics wrote: communities, their members and what they are about. Shared by the
 * GraphQL resolvers and the reports. A reader resolves the current run ONCE (`currentRun`) and
 * passes its id on, so everything it reads belongs to that run even while another run is being
 * written or made current (see writeBack.ts). Functions take ids in batches (one query per list).
 */
import { loadCypher } from '../neo4j/cypher.js';
import type { Db } from '../neo4j/db.js';
import type { CommunityKind, CommunityRow, RunRecord, Slot } from './writeBack.js';

/** A Community node as stored: what writeBack.ts writes (CommunityRow), with its id, run and time. */
export interface CommunityNode extends CommunityRow {
  /** `<run id>/<key>`. */
  id: string;
  runId: string;
  computedAt: string;
}

export interface CommunityCreator {
  id: string;
  name: string | null;
  kind: string | null;
  source: string | null;
  authority: number | null;
  followers: number | null;
  /** Models of theirs in the community (a creator community: all their models). */
  models: number;
}

export interface Counted {
  id: string;
  count: number;
}
export interface TaskCount extends Counted {
  name: string | null;
  modality: string | null;
}
export interface LibraryCount extends Counted {
  name: string | null;
}
export interface PaperCount extends Counted {
  title: string | null;
  primaryCategory: string | null;
}

export interface CommunityFacets {
  /** Models the community covers. */
  models: number;
  tasks: TaskCount[];
  tags: Counted[];
  libraries: LibraryCount[];
  papers: PaperCount[];
}

export interface CommunityNeighbour {
  id: string;
  key: string;
  size: number;
  weight: number;
  edges: number;
}

/** The stored AnalyticsRun: what writeBack.ts records (RunRecord), with its scope, slot and state. */
export interface AnalyticsRunNode extends RunRecord {
  scope: string;
  /** The run readers see (one per scope). */
  current: boolean;
  /** `writing`, `complete` or `abandoned`. */
  status: string;
  slot: Slot;
}

export const QUERY_DEFAULTS = {
  /** Tags on more models than this are left out of dominant tags (`region:us` …). */
  tagMaxModels: 2000,
};

const byId = <T>(rows: { id: string }[], pick: (row: never) => T): Map<string, T> =>
  new Map(rows.map((r) => [r.id, pick(r as never)]));

/** Communities of a kind in a run, largest first. */
export async function listCommunities(db: Db, input: { runId: string; kind: CommunityKind; first: number }): Promise<CommunityNode[]> {
  const rows = await db.read<{ community: CommunityNode }>(
    loadCypher('analytics/communities'),
    { runId: input.runId, kind: input.kind, first: input.first },
    { op: 'analytics.communities' },
  );
  return rows.map((r) => r.community);
}

/** Communities by full id (`<run id>/creator-0`), or by key (`creator-0`) in the run `runId`. */
export async function communitiesById(db: Db, runId: string | null, ids: readonly string[]): Promise<Map<string, CommunityNode>> {
  if (ids.length === 0) return new Map();
  const rows = await db.read<{ id: string; community: CommunityNode }>(
    loadCypher('analytics/communities-by-id'),
    { ids: [...ids], runId: runId ?? '' },
    { op: 'analytics.communitiesById' },
  );
  return byId(rows, (r: { community: CommunityNode }) => r.community);
}

/** The community of each creator or model in the run `runId` (absent: none). */
export async function nodeCommunities(db: Db, runId: string, ids: readonly string[]): Promise<Map<string, CommunityNode>> {
  if (ids.length === 0) return new Map();
  const rows = await db.read<{ id: string; community: CommunityNode }>(
    loadCypher('analytics/node-communities'),
    { ids: [...ids], runId },
    { op: 'analytics.nodeCommunities' },
  );
  return byId(rows, (r: { community: CommunityNode }) => r.community);
}

export async function topCreators(db: Db, ids: readonly string[], first: number): Promise<Map<string, CommunityCreator[]>> {
  if (ids.length === 0) return new Map();
  const rows = await db.read<{ id: string; creators: CommunityCreator[] }>(
    loadCypher('analytics/community-top-creators'),
    { ids: [...ids], first },
    { op: 'analytics.topCreators' },
  );
  return byId(rows, (r: { creators: CommunityCreator[] }) => r.creators);
}

export async function communityFacets(
  db: Db,
  ids: readonly string[],
  first: number,
  options: Partial<typeof QUERY_DEFAULTS> = {},
): Promise<Map<string, CommunityFacets>> {
  if (ids.length === 0) return new Map();
  const o = { ...QUERY_DEFAULTS, ...options };
  const rows = await db.read<{ id: string } & CommunityFacets>(
    loadCypher('analytics/community-facets'),
    { ids: [...ids], first, tagMaxModels: o.tagMaxModels },
    { op: 'analytics.communityFacets' },
  );
  return byId(rows, (r: CommunityFacets) => ({ models: r.models, tasks: r.tasks, tags: r.tags, libraries: r.libraries, papers: r.papers }));
}

export async function communityNeighbours(db: Db, ids: readonly string[], first: number): Promise<Map<string, CommunityNeighbour[]>> {
  if (ids.length === 0) return new Map();
  const rows = await db.read<{ id: string; neighbours: CommunityNeighbour[] }>(
    loadCypher('analytics/community-neighbours'),
    { ids: [...ids], first },
    { op: 'analytics.communityNeighbours' },
  );
  return byId(rows, (r: { neighbours: CommunityNeighbour[] }) => r.neighbours);
}

/** The current run of a scope: the newest complete run with current = true; null before the first. */
export async function currentRun(db: Db, scope = ''): Promise<AnalyticsRunNode | null> {
  const rows = await db.read<{ run: AnalyticsRunNode }>(loadCypher('analytics/current-run'), { scope }, { op: 'analytics.currentRun' });
  return rows[0]?.run ?? null;
}
