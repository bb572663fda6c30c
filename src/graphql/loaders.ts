/**
 * Per-request DataLoaders: every field that reads a node's neighbours (model.creator,
 * creator.followers, task.models, …) asks its loader, which gathers the ids requested in one tick
 * of the event loop and answers them with one query. A list of 50 recommendations resolving
 * `creator { followers }` is two queries, not 51. Created per request (server.ts's context), so
 * the cache never outlives a request or leaks between users.
 */
import DataLoader from 'dataloader';
import type { CreatorNode } from '../domain/creatorCommon.js';
import {
  creatorStats,
  creatorsById,
  modelConnections,
  modelDerivatives,
  modelFacets,
  modelsById,
  paperAuthors,
  papersById,
  tasksById,
  type AuthorNode,
  type CreatorStats,
  type ModelConnection,
  type ModelFacets,
  type ModelLineage,
  type ModelListOwner,
  type ModelNode,
  type ModelPageRequest,
  type PaperNode,
  type TaskNode,
} from '../domain/entities.js';
import type { Db } from '../neo4j/db.js';

export interface DerivativesKey {
  id: string;
  first: number;
  kind: string | null;
}

export interface Loaders {
  creator: DataLoader<string, CreatorNode | null>;
  model: DataLoader<string, ModelNode | null>;
  task: DataLoader<string, TaskNode | null>;
  paper: DataLoader<string, PaperNode | null>;
  creatorStats: DataLoader<string, CreatorStats | null>;
  modelFacets: DataLoader<string, ModelFacets | null>;
  paperAuthors: DataLoader<string, AuthorNode[]>;
  modelDerivatives: DataLoader<DerivativesKey, ModelLineage[], string>;
  creatorModels: DataLoader<ModelPageRequest, ModelConnection, string>;
  taskModels: DataLoader<ModelPageRequest, ModelConnection, string>;
  paperModels: DataLoader<ModelPageRequest, ModelConnection, string>;
}

/** A loader over a batched lookup returning a Map: missing ids load as `missing`. */
function mapLoader<V>(fetch: (ids: readonly string[]) => Promise<Map<string, V>>, missing: V): DataLoader<string, V> {
  return new DataLoader<string, V>(async (ids) => {
    const found = await fetch(ids);
    return ids.map((id) => found.get(id) ?? missing);
  });
}

function connectionLoader(db: Db, owner: ModelListOwner): DataLoader<ModelPageRequest, ModelConnection, string> {
  return new DataLoader<ModelPageRequest, ModelConnection, string>((requests) => modelConnections(db, owner, requests), {
    cacheKeyFn: (r) => JSON.stringify([r.id, r.first, r.after?.downloads ?? null, r.after?.id ?? null]),
  });
}

export function createLoaders(db: Db): Loaders {
  return {
    creator: mapLoader<CreatorNode | null>((ids) => creatorsById(db, ids), null),
    model: mapLoader<ModelNode | null>((ids) => modelsById(db, ids), null),
    task: mapLoader<TaskNode | null>((ids) => tasksById(db, ids), null),
    paper: mapLoader<PaperNode | null>((ids) => papersById(db, ids), null),
    creatorStats: mapLoader<CreatorStats | null>((ids) => creatorStats(db, ids), null),
    modelFacets: mapLoader<ModelFacets | null>((ids) => modelFacets(db, ids), null),
    paperAuthors: mapLoader<AuthorNode[]>((ids) => paperAuthors(db, ids), []),
    modelDerivatives: new DataLoader<DerivativesKey, ModelLineage[], string>(
      async (keys) => {
        // One query per distinct (first, kind) — the page size and filter are query parameters.
        const groups = new Map<string, DerivativesKey[]>();
        for (const k of keys) {
          const g = JSON.stringify([k.first, k.kind]);
          groups.set(g, [...(groups.get(g) ?? []), k]);
        }
        const answers = new Map<string, ModelLineage[]>();
        await Promise.all(
          [...groups.values()].map(async (group) => {
            const { first, kind } = group[0]!;
            const found = await modelDerivatives(db, group.map((k) => k.id), { first, kind });
            for (const k of group) answers.set(JSON.stringify([k.id, first, kind]), found.get(k.id) ?? []);
          }),
        );
        return keys.map((k) => answers.get(JSON.stringify([k.id, k.first, k.kind])) ?? []);
      },
      { cacheKeyFn: (k) => JSON.stringify([k.id, k.first, k.kind]) },
    ),
    creatorModels: connectionLoader(db, 'creator'),
    taskModels: connectionLoader(db, 'task'),
    paperModels: connectionLoader(db, 'paper'),
  };
}
