/**
 * The report's own reads (the GraphQL fields keep theirs in ../queries.ts): what each community's
 * models carry against the whole graph, who its members are, and who contributes most to it.
 * Ids in batches, one query per aspect.
 */
import { loadCypher } from '../../neo4j/cypher.js';
import type { Db } from '../../neo4j/db.js';
import type { FacetCount } from './characterise.js';

/**
 * Provenance of the stand-in social layer's nodes and follows. The same value as ingest's
 * STANDIN_SOURCE (ingest/jobs/standin.ts; a unit test holds them equal): analytics does not import
 * ingest.
 */
export const STAND_IN_SOURCE = 'github-musae-standin';

export interface CommunityItems {
  /** Models with a record of their own (lineage stubs left out). */
  models: number;
  tasks: FacetCount[];
  tags: FacetCount[];
  libraries: FacetCount[];
  papers: FacetCount[];
}

export const NO_ITEMS: CommunityItems = { models: 0, tasks: [], tags: [], libraries: [], papers: [] };

export interface CommunityMembers {
  /** Models with no record of their own (known only from lineage). */
  lineageStubs: number;
  /** Creator members who publish no model. */
  withoutModels: number;
  /** … of whom nodes of the stand-in social layer. */
  standInWithoutModels: number;
  /** Follows received by creator members. */
  follows: number;
  /** … of which from the stand-in social layer. */
  standInFollows: number;
  /** The model most of a model community's members derive from, and how many do. */
  topBase: { id: string; count: number } | null;
}

export const NO_MEMBERS: CommunityMembers = { lineageStubs: 0, withoutModels: 0, standInWithoutModels: 0, follows: 0, standInFollows: 0, topBase: null };

export interface ContributingCreator {
  id: string;
  name: string | null;
  kind: string | null;
  source: string | null;
  /** A model community: models of theirs in it; a creator community: members following them. */
  contribution: number;
  authority: number | null;
  followers: number | null;
  /** Models of theirs in the community (a creator community: all theirs). */
  models: number;
}

const byId = <R extends { id: string }, T>(rows: R[], pick: (row: R) => T): Map<string, T> => new Map(rows.map((r) => [r.id, pick(r)]));

export async function communityItems(db: Db, ids: readonly string[], input: { minCount: number; first: number }): Promise<Map<string, CommunityItems>> {
  if (ids.length === 0) return new Map();
  const rows = await db.read<{ id: string } & CommunityItems>(
    loadCypher('analytics/community-items'),
    { ids: [...ids], minCount: input.minCount, first: input.first },
    { op: 'report.communityItems' },
  );
  return byId(rows, ({ models, tasks, tags, libraries, papers }) => ({ models, tasks, tags, libraries, papers }));
}

/** Models with a record of their own in scope: the population lift is measured against. */
export async function backgroundModels(db: Db, scope: string): Promise<number> {
  const [row] = await db.read<{ models: number }>(loadCypher('analytics/community-background'), { scope }, { op: 'report.backgroundModels' });
  return row?.models ?? 0;
}

export async function communityMembers(db: Db, ids: readonly string[]): Promise<Map<string, CommunityMembers>> {
  if (ids.length === 0) return new Map();
  const rows = await db.read<{ id: string } & CommunityMembers>(
    loadCypher('analytics/community-members'),
    { ids: [...ids], standInSource: STAND_IN_SOURCE },
    { op: 'report.communityMembers' },
  );
  return byId(rows, ({ lineageStubs, withoutModels, standInWithoutModels, follows, standInFollows, topBase }) => ({
    lineageStubs,
    withoutModels,
    standInWithoutModels,
    follows,
    standInFollows,
    topBase,
  }));
}

export async function communityContributors(db: Db, ids: readonly string[], first: number): Promise<Map<string, ContributingCreator[]>> {
  if (ids.length === 0) return new Map();
  const rows = await db.read<{ id: string; creators: ContributingCreator[] }>(
    loadCypher('analytics/community-contributors'),
    { ids: [...ids], first },
    { op: 'report.communityContributors' },
  );
  return byId(rows, (r) => r.creators);
}
