/**
 * Task "models" (similar models). Nothing is hidden: the gold sets are relations the graph already
 * holds — models sharing a base model with the query (lineage) and models citing a paper it cites
 * (paper), both restricted to tagged models so the tag baseline could find them at all. similarModels
 * is scored per meta-path, blended over all meta-paths, and blended WITHOUT the gold's own
 * meta-path (LINEAGE sees lineage gold by construction, PAPER sees paper gold: the honest number is
 * the one without it), against a baseline of tag-set Jaccard.
 */
import { ErrorCodes, HubgraphError } from '../errors.js';
import { loadCypher } from '../neo4j/cypher.js';
import type { Db } from '../neo4j/db.js';
import { DEFAULTS as SIMILAR_DEFAULTS, META_PATHS, similarModels, type MetaPath, type SimilarModelsOptions } from '../domain/similarModels.js';
import { summarize, type MethodSummary } from './metrics.js';
import { mapPool, type EvalSettings, type TaskResult, type TuningResult } from './run.js';
import { rngFor, sample } from './sample.js';

export type Gold = 'lineage' | 'paper';
const OWN_PATH: Record<Gold, MetaPath> = { lineage: 'LINEAGE', paper: 'PAPER' };

export interface ModelQuery {
  id: string;
  gold: Set<string>;
}

/** Gold sets larger than this make recall@k meaningless (a base model with 3,000 fine-tunes): such queries are not sampled. */
export const MAX_GOLD = 100;

export async function sampleModelQueries(db: Db, s: EvalSettings): Promise<Record<Gold, ModelQuery[]> & { eligible: Record<Gold, number> }> {
  const rows = await db.read<{ id: string; lineage: number; paper: number }>(loadCypher('eval/model-sources'), { scope: s.scope }, { op: 'eval.modelSources' });
  const pick = (gold: Gold) =>
    sample(
      rows.filter((r) => r[gold] > 0 && r[gold] <= MAX_GOLD).map((r) => r.id),
      s.sample,
      rngFor(s.seed, `models.${gold}`),
    );
  const eligible = { lineage: rows.filter((r) => r.lineage > 0 && r.lineage <= MAX_GOLD).length, paper: rows.filter((r) => r.paper > 0 && r.paper <= MAX_GOLD).length };
  const chosen = { lineage: pick('lineage'), paper: pick('paper') };
  const all = [...new Set([...chosen.lineage, ...chosen.paper])];
  const golds = await db.read<{ id: string; lineage: string[]; paper: string[] }>(loadCypher('eval/model-gold'), { modelIds: all }, { op: 'eval.modelGold' });
  const byId = new Map(golds.map((g) => [g.id, g]));
  const queries = (gold: Gold) =>
    chosen[gold].map((id) => ({ id, gold: new Set(byId.get(id)?.[gold] ?? []) })).filter((q) => q.gold.size > 0);
  const out = { lineage: queries('lineage'), paper: queries('paper'), eligible };
  if (out.lineage.length + out.paper.length === 0) {
    throw new HubgraphError(ErrorCodes.EVAL_NO_DATA, 'No tagged model shares a base model or a paper with another tagged model', { hint: 'load data first (`hubgraph ingest demo`)' });
  }
  return out;
}

async function tagJaccard(db: Db, modelId: string, first: number): Promise<string[]> {
  const rows = await db.read<{ id: string }>(loadCypher('eval/tag-jaccard'), { modelId, first }, { op: 'eval.tagJaccard' });
  return rows.map((r) => r.id);
}

const pathsWithout = (p: MetaPath) => META_PATHS.filter((x) => x !== p);

/** The methods scored for one gold: each meta-path alone, the blend, the blend without the gold's own path, and the baseline. */
async function rankAll(db: Db, q: ModelQuery, gold: Gold, first: number, options: SimilarModelsOptions): Promise<Record<string, string[]>> {
  const ask = (metaPaths: readonly MetaPath[] | null) =>
    similarModels(db, { modelId: q.id, metaPaths, first }, options).then((list) => list.map((r) => r.model.id));
  const single = await Promise.all(META_PATHS.map((p) => ask([p])));
  const [blended, without, baseline] = await Promise.all([ask(null), ask(pathsWithout(OWN_PATH[gold])), tagJaccard(db, q.id, first)]);
  return {
    'similarModels (all meta-paths)': blended,
    [`similarModels without ${OWN_PATH[gold]}`]: without,
    ...Object.fromEntries(META_PATHS.map((p, i) => [`meta-path ${p} only`, single[i]!])),
    'baseline: tag Jaccard': baseline,
  };
}

function summaries(queries: ModelQuery[], answers: Record<string, string[]>[], ks: number[]): MethodSummary[] {
  const methods = Object.keys(answers[0] ?? {});
  return methods.map((m) => summarize(m, answers.map((a) => a[m] ?? []), queries.map((q) => q.gold), ks, null));
}

/** The PathSim weights tried by --tune: the configured ones, then each meta-path's weight ÷4 and ×4 (the score is a weighted mean: only ratios matter). */
export function pathWeightGrid(base: Record<MetaPath, number>): { label: string; weights: Record<MetaPath, number> }[] {
  const grid = [{ label: 'current', weights: { ...base } }];
  for (const p of META_PATHS) {
    for (const f of [0.25, 4]) grid.push({ label: `${p} ×${f}`, weights: { ...base, [p]: base[p] * f } });
  }
  return grid;
}

export async function evalModels(db: Db, s: EvalSettings, options: { tune?: boolean; tuneSample?: number } = {}): Promise<TaskResult> {
  const started = performance.now();
  const first = Math.max(...s.ks);
  if (first > SIMILAR_DEFAULTS.maxFirst) throw new HubgraphError(ErrorCodes.BAD_USER_INPUT, `models: k is at most ${SIMILAR_DEFAULTS.maxFirst} (similarModels' largest page), got ${first}`);
  const queries = await sampleModelQueries(db, s);
  const similar = s.config.recommend.similar;
  const tables: TaskResult['tables'] = [];
  for (const gold of ['lineage', 'paper'] as const) {
    const qs = queries[gold];
    if (qs.length === 0) continue;
    const answers = await mapPool(qs, s.concurrency, `eval models (${gold})`, s.log, (q) => rankAll(db, q, gold, first, similar));
    tables.push({
      title: gold === 'lineage' ? 'Similar models: gold = models sharing a base model' : 'Similar models: gold = models citing the same paper',
      gold,
      summaries: summaries(qs, answers, s.ks),
    });
  }

  let tuning: TuningResult[] | undefined;
  if (options.tune) {
    // Objective: each gold scored on the blend WITHOUT its own meta-path, so the grid cannot win by
    // turning up the path that is the gold; a smaller sample keeps the grid to minutes.
    const k = s.ks.includes(10) ? 10 : Math.min(...s.ks);
    const n = options.tuneSample ?? Math.min(25, s.sample);
    const rows: TuningResult['rows'] = [];
    for (const g of pathWeightGrid(similar.weights)) {
      const values: Record<string, number> = {};
      for (const gold of ['lineage', 'paper'] as const) {
        const qs = queries[gold].slice(0, n);
        const lists = await mapPool(qs, s.concurrency, `tune similarModels ${g.label} (${gold})`, s.log, (q) =>
          similarModels(db, { modelId: q.id, metaPaths: pathsWithout(OWN_PATH[gold]), first: k }, { ...similar, weights: g.weights }).then((l) => l.map((r) => r.model.id)),
        );
        const sm = summarize(g.label, lists, qs.map((q) => q.gold), [k], null);
        values[`${gold} recall@${k}`] = sm.recall[k]!;
        values[`${gold} nDCG@${k}`] = sm.ndcg[k]!;
      }
      rows.push({ setting: `${g.label}: ${META_PATHS.map((p) => `${p} ${g.weights[p]}`).join(' · ')}`, values, objective: (values[`lineage nDCG@${k}`]! + values[`paper nDCG@${k}`]!) / 2 });
    }
    const current = rows[0]!.setting;
    rows.sort((a, b) => b.objective - a.objective);
    tuning = [{ parameter: 'similarModels PathSim weights', objective: `mean nDCG@${k} over both golds, each without its own meta-path`, rows, chosen: rows[0]!.setting, current }];
  }

  return {
    task: 'models',
    setup: {
      seed: s.seed,
      maxGold: MAX_GOLD,
      lineageEligible: queries.eligible.lineage,
      lineageQueries: queries.lineage.length,
      lineageGoldMean: Number((queries.lineage.reduce((n, q) => n + q.gold.size, 0) / Math.max(1, queries.lineage.length)).toFixed(1)),
      paperEligible: queries.eligible.paper,
      paperQueries: queries.paper.length,
      paperGoldMean: Number((queries.paper.reduce((n, q) => n + q.gold.size, 0) / Math.max(1, queries.paper.length)).toFixed(1)),
      weights: META_PATHS.map((p) => `${p} ${similar.weights[p]}`).join(' · '),
    },
    tables,
    ...(tuning ? { tuning } : {}),
    seconds: (performance.now() - started) / 1000,
  };
}
