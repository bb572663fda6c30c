/**
 * modelStats — how the models divide along one dimension (downloads or likes by decade, task,
 * library, license): per bucket, the number of models and their total downloads. For charts and a
 * first look at the corpus; every model counts, lineage stubs land in `unknown` / `none`.
 */
import type { Db } from '../neo4j/db.js';
import { loadCypher } from '../neo4j/cypher.js';
import { badInput } from './input.js';

export const MODEL_STATS_GROUPS = ['DOWNLOAD_RANGE', 'LIKE_RANGE', 'TASK', 'LIBRARY', 'LICENSE'] as const;
export type ModelStatsGroup = (typeof MODEL_STATS_GROUPS)[number];

export interface ModelStatsBucket {
  /** `1000–9999`, `text-generation`, `apache-2.0`, `unknown`, `none`… */
  key: string;
  /** The range's bounds (range groupings only). */
  min: number | null;
  max: number | null;
  count: number;
  /** Total downloads of the bucket's models (may exceed 2^31). */
  downloads: number;
}

export async function modelStats(db: Db, input: { groupBy: ModelStatsGroup }): Promise<ModelStatsBucket[]> {
  if (!MODEL_STATS_GROUPS.includes(input.groupBy)) throw badInput(`unknown groupBy ${String(input.groupBy)}`);
  return db.read<ModelStatsBucket>(loadCypher('api/model-stats'), { groupBy: input.groupBy }, { op: 'modelStats' });
}
