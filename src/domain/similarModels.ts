/**
 * similarModels — the models most similar to a model, by PathSim over meta-paths of the HIN.
 *
 * Method: PathSim (Y. Sun, J. Han, X. Yan, P. S. Yu, T. Wu, "PathSim: Meta Path-Based Top-K
 * Similarity Search in Heterogeneous Information Networks", PVLDB 4(11), 2011):
 *   s_P(x, y) = 2·|paths x~y along P| / (|paths x~x along P| + |paths y~y along P|)
 * for the symmetric meta-paths Model–Tag–Model, –Task–, –Paper–, –Dataset–, –Library– and lineage
 * (a shared base model, or parent/child; see the Cypher file). PathSim rewards peers of similar
 * "visibility": a model with 40 tags is not the nearest neighbour of everything it overlaps.
 *
 * The combined score is the weighted mean of the per-meta-path PathSims over the meta-paths the
 * source model takes part in (Σ w_P·s_P / Σ w_P), so it lies in [0, 1] and equals 1 for an
 * identical profile. Weights (DEFAULTS.weights, overridable by configuration) favour specific
 * evidence: a shared paper or base model says more than a shared library that thousands use.
 *
 * Speed: hub nodes (degree above maxSharedDegree, e.g. `region:us`, `transformers`) are not
 * expanded to find candidates; each contributes only its hubSample most-downloaded models. Every
 * candidate is then scored exactly, hub paths included. So the ranking is exact among the
 * candidates; a model whose only overlap with the source is hub nodes and which is not among the
 * hubs' most-downloaded models is not proposed.
 */
import type { Db } from '../neo4j/db.js';
import { loadCypher } from '../neo4j/cypher.js';
import { withText, type Reason, type ReasonVia, type ViaType } from './reason.js';
import { badInput, intInRange, requiredId, unknownId } from './input.js';
import type { ModelRecord } from './modelRecord.js';

export const META_PATHS = ['TAG', 'TASK', 'PAPER', 'DATASET', 'LIBRARY', 'LINEAGE'] as const;
export type MetaPath = (typeof META_PATHS)[number];
export type SimilarSort = 'SCORE' | 'DOWNLOADS';

export const DEFAULTS = {
  /**
   * Meta-path weights: specific evidence (papers, datasets, lineage) over coarse (task, library).
   * TASK and LIBRARY were lowered on the evaluation harness (docs/eval.md: recall@10 against lineage
   * gold 0.693 → 0.741, against paper gold 0.583 → 0.598): a shared task or library is shared by
   * thousands and dilutes a specific match.
   */
  weights: { TAG: 1, TASK: 0.125, PAPER: 2, DATASET: 1.5, LIBRARY: 0.0625, LINEAGE: 2 } as Record<MetaPath, number>,
  /** Shared nodes with more models than this are hubs, sampled rather than expanded. */
  maxSharedDegree: 1000,
  /** Candidates taken from each hub (its most-downloaded models). */
  hubSample: 100,
  first: 10,
  maxFirst: 50,
  /** Shared nodes named in a reason (the most specific first). */
  viaNodes: 5,
};

export interface SimilarModelsInput {
  modelId: string;
  /** Meta-paths to use; null or undefined: all. */
  metaPaths?: readonly MetaPath[] | null;
  first?: number;
  /** SCORE: most similar first. DOWNLOADS: the same `first` most similar models, most downloaded first. */
  sortBy?: SimilarSort;
}

export interface SimilarModelsOptions {
  weights?: Partial<Record<MetaPath, number>>;
  maxSharedDegree?: number;
  hubSample?: number;
}

export interface MetaPathScore {
  metaPath: MetaPath;
  /** PathSim along this meta-path. */
  pathSim: number;
  weight: number;
  /** |paths x~y| along this meta-path (shared tags, papers, anchors, …). */
  sharedPaths: number;
}

export interface ModelRecommendation {
  model: ModelRecord;
  score: number;
  reason: Reason;
  metaPaths: MetaPathScore[];
}

interface Row {
  sourceId: string;
  model: ModelRecord;
  score: number;
  contributions: { metaPath: MetaPath; pathSim: number; weight: number; shared: number }[];
  shared: { label: string; id: string; degree: number }[];
}

const VIA_BY_LABEL: Record<string, ViaType> = {
  Tag: 'TAG',
  Task: 'TASK',
  Paper: 'PAPER',
  Dataset: 'DATASET',
  Library: 'LIBRARY',
  Model: 'MODEL',
};

export async function similarModels(db: Db, input: SimilarModelsInput, options: SimilarModelsOptions = {}): Promise<ModelRecommendation[]> {
  const modelId = requiredId('modelId', input.modelId);
  const first = intInRange('first', input.first ?? DEFAULTS.first, 1, DEFAULTS.maxFirst);
  const metaPaths = input.metaPaths == null ? [...META_PATHS] : [...new Set(input.metaPaths)];
  if (metaPaths.length === 0) throw badInput('metaPaths must name at least one meta-path (or be omitted for all)');
  for (const p of metaPaths) if (!META_PATHS.includes(p)) throw badInput(`unknown meta-path ${String(p)}`);
  const weights = { ...DEFAULTS.weights, ...options.weights };

  const rows = await db.read<Row>(
    loadCypher('recommend/similar-models'),
    {
      modelId,
      metaPaths,
      weights,
      maxSharedDegree: options.maxSharedDegree ?? DEFAULTS.maxSharedDegree,
      hubSample: options.hubSample ?? DEFAULTS.hubSample,
      first,
    },
    { op: 'similarModels' },
  );
  if (rows.length === 0) await assertModelExists(db, modelId);

  const out = rows.map((row): ModelRecommendation => {
    const shared = [...row.shared].sort((a, b) => a.degree - b.degree || a.id.localeCompare(b.id));
    const via: ReasonVia[] = [
      { type: 'MODEL', id: row.sourceId },
      ...shared.slice(0, DEFAULTS.viaNodes).map((s) => ({ type: VIA_BY_LABEL[s.label] ?? 'MODEL', id: s.id })),
    ];
    return {
      model: row.model,
      score: row.score,
      reason: withText({ kind: 'SIMILAR_MODEL', via, count: shared.length }),
      metaPaths: row.contributions
        .map((c) => ({ metaPath: c.metaPath, pathSim: c.pathSim, weight: c.weight, sharedPaths: c.shared }))
        .sort((a, b) => b.weight * b.pathSim - a.weight * a.pathSim || a.metaPath.localeCompare(b.metaPath)),
    };
  });
  if (input.sortBy === 'DOWNLOADS') {
    out.sort((a, b) => (b.model.downloads ?? -1) - (a.model.downloads ?? -1) || b.score - a.score || a.model.id.localeCompare(b.model.id));
  }
  return out;
}

/** Throws BAD_USER_INPUT when no model has the id (an empty answer for a known model is not an error). */
export async function assertModelExists(db: Db, modelId: string): Promise<void> {
  const found = await db.read<{ id: string }>(loadCypher('api/model-exists'), { modelId }, { op: 'modelExists' });
  if (found.length === 0) throw unknownId('model', modelId);
}
