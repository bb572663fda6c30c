/**
 * The HIN's nodes and their relationships as the API reads them: lookups by id and the
 * neighbours of a node, all batched (a list of ids in, one query, a Map or an aligned array out)
 * so the per-request DataLoaders in src/graphql/loaders.ts resolve a whole list of parents in one
 * round trip. Model lists are Relay connections with keyset cursors over (downloads desc, id asc).
 */
import { ErrorCodes, HubgraphError } from '../errors.js';
import { loadCypher } from '../neo4j/cypher.js';
import type { Db } from '../neo4j/db.js';
import { validateFirst, type CreatorNode } from './creatorCommon.js';

export interface ModelNode {
  id: string;
  name: string | null;
  downloads: number | null;
  likes: number | null;
  createdAt: string | null;
  lastModified: string | null;
  pipelineTag: string | null;
}

export interface TaskNode {
  id: string;
  name: string | null;
  modality: string | null;
}

export interface PaperNode {
  id: string;
  title: string | null;
  abstract: string | null;
  published: string | null;
  primaryCategory: string | null;
  categories: string[] | null;
}

export interface TagNode {
  id: string;
}

export interface LibraryNode {
  id: string;
  name: string | null;
}

export interface DatasetNode {
  id: string;
}

export interface AuthorNode {
  id: string;
  name: string | null;
}

/** A lineage edge seen from one end: the model at the other end and how it was derived. */
export interface ModelLineage {
  model: ModelNode;
  kind: string;
}

export interface ModelFacets {
  creator: CreatorNode | null;
  task: TaskNode | null;
  tags: TagNode[];
  libraries: LibraryNode[];
  datasets: DatasetNode[];
  licenses: string[];
  papers: PaperNode[];
  baseModels: ModelLineage[];
}

export interface CreatorStats {
  followers: number;
  following: number;
  authority: number | null;
}

async function byId<T>(db: Db, op: string, cypher: string, column: string, ids: readonly string[]): Promise<Map<string, T>> {
  if (ids.length === 0) return new Map();
  const rows = await db.read<Record<string, unknown> & { id: string }>(loadCypher(cypher), { ids: [...new Set(ids)] }, { op });
  return new Map(rows.map((r) => [r.id, r[column] as T]));
}

export const creatorsById = (db: Db, ids: readonly string[]) => byId<CreatorNode>(db, 'creatorsById', 'entities/creators-by-id', 'creator', ids);
export const modelsById = (db: Db, ids: readonly string[]) => byId<ModelNode>(db, 'modelsById', 'entities/models-by-id', 'model', ids);
export const tasksById = (db: Db, ids: readonly string[]) => byId<TaskNode>(db, 'tasksById', 'entities/tasks-by-id', 'task', ids);
export const papersById = (db: Db, ids: readonly string[]) => byId<PaperNode>(db, 'papersById', 'entities/papers-by-id', 'paper', ids);
export const paperAuthors = (db: Db, ids: readonly string[]) => byId<AuthorNode[]>(db, 'paperAuthors', 'entities/paper-authors', 'authors', ids);

export async function creatorStats(db: Db, ids: readonly string[]): Promise<Map<string, CreatorStats>> {
  if (ids.length === 0) return new Map();
  const rows = await db.read<CreatorStats & { id: string }>(loadCypher('entities/creator-stats'), { ids: [...new Set(ids)] }, { op: 'creatorStats' });
  return new Map(rows.map(({ id, ...stats }) => [id, stats]));
}

export async function modelFacets(db: Db, ids: readonly string[]): Promise<Map<string, ModelFacets>> {
  if (ids.length === 0) return new Map();
  const rows = await db.read<ModelFacets & { id: string }>(loadCypher('entities/model-facets'), { ids: [...new Set(ids)] }, { op: 'modelFacets' });
  return new Map(rows.map(({ id, ...facets }) => [id, facets]));
}

export const DERIVATIVES_DEFAULT_FIRST = 20;

/** Derived models of each model, most downloaded first, at most `first` (1..100) each, optionally of one lineage kind. */
export async function modelDerivatives(
  db: Db,
  ids: readonly string[],
  options: { first?: number | null; kind?: string | null } = {},
): Promise<Map<string, ModelLineage[]>> {
  const first = validateFirst(options.first ?? DERIVATIVES_DEFAULT_FIRST);
  if (ids.length === 0) return new Map();
  const rows = await db.read<{ id: string; derivatives: ModelLineage[] }>(
    loadCypher('entities/model-derivatives'),
    { ids: [...new Set(ids)], first, kind: options.kind ?? null },
    { op: 'modelDerivatives' },
  );
  return new Map(rows.map((r) => [r.id, r.derivatives]));
}

// ---- Relay connections of models ---------------------------------------------------------------

/** Whose models a connection lists: a creator's (CREATED), a task's (HAS_TASK), a paper's citers (CITES). */
export type ModelListOwner = 'creator' | 'task' | 'paper';

const CONNECTION_CYPHER: Record<ModelListOwner, string> = {
  creator: 'entities/creator-models',
  task: 'entities/task-models',
  paper: 'entities/paper-models',
};

export interface ModelEdge {
  cursor: string;
  node: ModelNode;
}

export interface ModelConnection {
  totalCount: number;
  edges: ModelEdge[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Connection arguments as the client sends them. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** One page request, arguments checked: the DataLoader batches these. */
export interface ModelPageRequest {
  /** Id of the creator, task or paper. */
  id: string;
  first: number;
  after: CursorKey | null;
}

export interface CursorKey {
  downloads: number;
  id: string;
}

/** The sort key the Cypher orders by: downloads (missing as -1), then id. */
function sortKey(model: ModelNode): CursorKey {
  return { downloads: typeof model.downloads === 'number' ? model.downloads : -1, id: model.id };
}

/** An opaque cursor: the (downloads, id) of the edge, base64url-encoded JSON. */
export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify([key.downloads, key.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): CursorKey {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (!Array.isArray(value) || value.length !== 2 || !Number.isInteger(value[0]) || typeof value[1] !== 'string') {
    throw new HubgraphError(ErrorCodes.BAD_USER_INPUT, `Invalid cursor: ${cursor}`, { hint: 'pass an endCursor or edge cursor from a previous page' });
  }
  return { downloads: value[0] as number, id: value[1] };
}

/** Checks `first` (default 20, 1..100) and decodes `after`; a bad value is BAD_USER_INPUT. */
export function parsePageArgs(args: PageArgs): { first: number; after: CursorKey | null } {
  return { first: validateFirst(args.first), after: args.after ? decodeCursor(args.after) : null };
}

/**
 * One page for each request, in request order (the DataLoader contract). Requests are grouped by
 * page size, one query per distinct size (in practice one). An owner id that does not exist gets
 * an empty connection (its parent field already resolved it, so it exists unless just deleted).
 */
export async function modelConnections(
  db: Db,
  owner: ModelListOwner,
  parsed: readonly ModelPageRequest[],
): Promise<ModelConnection[]> {
  const bySize = new Map<number, number[]>();
  parsed.forEach((r, i) => bySize.set(r.first, [...(bySize.get(r.first) ?? []), i]));

  const out: ModelConnection[] = parsed.map(() => ({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } }));
  await Promise.all(
    [...bySize.entries()].map(async ([first, indexes]) => {
      const rows = await db.read<{ key: number; totalCount: number; models: ModelNode[] }>(
        loadCypher(CONNECTION_CYPHER[owner]),
        {
          requests: indexes.map((i) => ({
            key: i,
            id: parsed[i]!.id,
            afterId: parsed[i]!.after?.id ?? null,
            afterDownloads: parsed[i]!.after?.downloads ?? null,
          })),
          // One extra row tells whether a next page exists.
          first: first + 1,
        },
        { op: `${owner}Models` },
      );
      for (const row of rows) {
        const i = row.key;
        const page = row.models.slice(0, first);
        const edges = page.map((node) => ({ cursor: encodeCursor(sortKey(node)), node }));
        out[i] = {
          totalCount: row.totalCount,
          edges,
          pageInfo: { hasNextPage: row.models.length > first, endCursor: edges.at(-1)?.cursor ?? null },
        };
      }
    }),
  );
  return out;
}
