/**
 * Ranking metrics of the offline evaluation, pure and unit-tested on hand-computed cases.
 *
 * Definitions (binary relevance: an item is relevant when it is in the gold set):
 *   precision@k = |top-k ∩ gold| / k              (k, not the list length: a short list is penalised)
 *   recall@k    = |top-k ∩ gold| / |gold|
 *   hit@k       = 1 when top-k ∩ gold ≠ ∅, else 0 (its mean over queries is the hit rate)
 *   nDCG@k      = DCG@k / IDCG@k, DCG@k = Σ_{i ≤ k, item i relevant} 1 / log2(i + 1) (i from 1), IDCG the
 *                 DCG of a perfect list (min(k, |gold|) relevant items first) (Järvelin & Kekäläinen,
 *                 "Cumulated gain-based evaluation of IR techniques", TOIS 2002)
 *   RR          = 1 / rank of the first relevant item over the whole list, 0 when none (its mean is MRR)
 *   coverage@k  = distinct items in all queries' top-k / size of the catalogue
 * A query with an empty gold set has no defined recall or nDCG: the harness never asks one.
 */

export interface QueryScores {
  /** recall, precision, nDCG and hit per k. */
  recall: Record<number, number>;
  precision: Record<number, number>;
  ndcg: Record<number, number>;
  hit: Record<number, number>;
  rr: number;
}

function hitsInTop(ranked: readonly string[], gold: ReadonlySet<string>, k: number): number {
  let n = 0;
  for (const id of ranked.slice(0, k)) if (gold.has(id)) n++;
  return n;
}

export function recallAtK(ranked: readonly string[], gold: ReadonlySet<string>, k: number): number {
  if (gold.size === 0) throw new RangeError('recall is undefined for an empty gold set');
  return hitsInTop(ranked, gold, k) / gold.size;
}

export function precisionAtK(ranked: readonly string[], gold: ReadonlySet<string>, k: number): number {
  if (k <= 0) throw new RangeError('k must be positive');
  return hitsInTop(ranked, gold, k) / k;
}

export function hitAtK(ranked: readonly string[], gold: ReadonlySet<string>, k: number): number {
  return hitsInTop(ranked, gold, k) > 0 ? 1 : 0;
}

export function ndcgAtK(ranked: readonly string[], gold: ReadonlySet<string>, k: number): number {
  if (gold.size === 0) throw new RangeError('nDCG is undefined for an empty gold set');
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => {
    if (gold.has(id)) dcg += 1 / Math.log2(i + 2);
  });
  let idcg = 0;
  for (let i = 0; i < Math.min(k, gold.size); i++) idcg += 1 / Math.log2(i + 2);
  return dcg / idcg;
}

export function reciprocalRank(ranked: readonly string[], gold: ReadonlySet<string>): number {
  const i = ranked.findIndex((id) => gold.has(id));
  return i < 0 ? 0 : 1 / (i + 1);
}

/** Distinct items over all lists' top-k, as a share of the catalogue. */
export function coverageAtK(lists: readonly (readonly string[])[], catalogueSize: number, k: number): number {
  if (catalogueSize <= 0) return 0;
  const seen = new Set<string>();
  for (const list of lists) for (const id of list.slice(0, k)) seen.add(id);
  return seen.size / catalogueSize;
}

/** Duplicates would count one gold item twice: rankings keep an item's first (best) position only. */
export function dedupe(ranked: readonly string[]): string[] {
  return [...new Set(ranked)];
}

export function scoreQuery(ranked: readonly string[], gold: ReadonlySet<string>, ks: readonly number[]): QueryScores {
  const list = dedupe(ranked);
  const s: QueryScores = { recall: {}, precision: {}, ndcg: {}, hit: {}, rr: reciprocalRank(list, gold) };
  for (const k of ks) {
    s.recall[k] = recallAtK(list, gold, k);
    s.precision[k] = precisionAtK(list, gold, k);
    s.ndcg[k] = ndcgAtK(list, gold, k);
    s.hit[k] = hitAtK(list, gold, k);
  }
  return s;
}

/** One method's scores averaged over the queries (macro-average: every query weighs the same). */
export interface MethodSummary {
  method: string;
  queries: number;
  recall: Record<number, number>;
  precision: Record<number, number>;
  ndcg: Record<number, number>;
  hit: Record<number, number>;
  mrr: number;
  coverage: Record<number, number>;
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

/**
 * Scores one method over queries: `rankings[i]` is answered against `golds[i]`; coverage counts
 * distinct items over the catalogue (null: not reported, e.g. when no catalogue applies).
 */
export function summarize(
  method: string,
  rankings: readonly (readonly string[])[],
  golds: readonly ReadonlySet<string>[],
  ks: readonly number[],
  catalogueSize: number | null,
): MethodSummary {
  if (rankings.length !== golds.length) throw new RangeError('one ranking per gold set');
  const per = rankings.map((r, i) => scoreQuery(r, golds[i]!, ks));
  const byK = (pick: (q: QueryScores) => Record<number, number>) =>
    Object.fromEntries(ks.map((k) => [k, mean(per.map((q) => pick(q)[k]!))])) as Record<number, number>;
  return {
    method,
    queries: per.length,
    recall: byK((q) => q.recall),
    precision: byK((q) => q.precision),
    ndcg: byK((q) => q.ndcg),
    hit: byK((q) => q.hit),
    mrr: mean(per.map((q) => q.rr)),
    coverage: Object.fromEntries(ks.map((k) => [k, catalogueSize === null ? Number.NaN : coverageAtK(rankings, catalogueSize, k)])),
  };
}
