import { describe, expect, it } from 'vitest';
import { coverageAtK, hitAtK, ndcgAtK, precisionAtK, recallAtK, reciprocalRank, scoreQuery, summarize } from '../../src/eval/metrics.js';

// One hand-worked case: the list a b c d e against the gold {b, d, x} (x is never recommended).
const ranked = ['a', 'b', 'c', 'd', 'e'];
const gold = new Set(['b', 'd', 'x']);

describe('eval metrics on a hand-computed case', () => {
  it('recall@k = hits in the top k / gold size', () => {
    expect(recallAtK(ranked, gold, 1)).toBe(0);
    expect(recallAtK(ranked, gold, 2)).toBeCloseTo(1 / 3, 12);
    expect(recallAtK(ranked, gold, 5)).toBeCloseTo(2 / 3, 12);
    expect(recallAtK(ranked, gold, 50)).toBeCloseTo(2 / 3, 12);
  });

  it('precision@k divides by k, so a short list is penalised', () => {
    expect(precisionAtK(ranked, gold, 2)).toBe(0.5);
    expect(precisionAtK(ranked, gold, 5)).toBeCloseTo(0.4, 12);
    expect(precisionAtK(ranked, gold, 10)).toBeCloseTo(0.2, 12);
  });

  it('nDCG@5 = (1/log2 3 + 1/log2 5) / (1 + 1/log2 3 + 1/log2 4) = 0.49819…', () => {
    // DCG = 0.630930 + 0.430677 = 1.061606; IDCG over min(5, 3) = 3 ideal hits = 1 + 0.630930 + 0.5 = 2.130930.
    expect(ndcgAtK(ranked, gold, 5)).toBeCloseTo(0.498191, 5);
    expect(ndcgAtK(['b', 'd', 'x'], gold, 3)).toBeCloseTo(1, 12);
    expect(ndcgAtK(ranked, gold, 1)).toBe(0);
    // With k = 2 the ideal list has 2 hits: DCG 1/log2 3 over IDCG 1 + 1/log2 3.
    expect(ndcgAtK(ranked, gold, 2)).toBeCloseTo(0.63093 / 1.63093, 5);
  });

  it('reciprocal rank is 1 / the first hit\'s rank, 0 without a hit', () => {
    expect(reciprocalRank(ranked, gold)).toBe(0.5);
    expect(reciprocalRank(['d'], gold)).toBe(1);
    expect(reciprocalRank(['a', 'c'], gold)).toBe(0);
  });

  it('hit@k is 1 when any gold item is in the top k', () => {
    expect(hitAtK(ranked, gold, 1)).toBe(0);
    expect(hitAtK(ranked, gold, 2)).toBe(1);
  });

  it('coverage@k counts distinct items over all top-k lists against the catalogue', () => {
    expect(coverageAtK([['a', 'b', 'c'], ['b', 'd']], 10, 2)).toBeCloseTo(0.3, 12);
    expect(coverageAtK([['a', 'b', 'c'], ['b', 'd']], 10, 3)).toBeCloseTo(0.4, 12);
    expect(coverageAtK([], 0, 3)).toBe(0);
  });

  it('an empty gold set is refused rather than scored 0', () => {
    expect(() => recallAtK(ranked, new Set(), 5)).toThrow(RangeError);
    expect(() => ndcgAtK(ranked, new Set(), 5)).toThrow(RangeError);
  });

  it('a duplicated item counts once, at its first position', () => {
    const s = scoreQuery(['b', 'b', 'd'], gold, [2]);
    expect(s.recall[2]).toBeCloseTo(2 / 3, 12);
    expect(s.precision[2]).toBe(1);
  });

  it('summarize macro-averages over queries (MRR is the mean reciprocal rank)', () => {
    const sm = summarize('m', [ranked, ['x', 'a']], [gold, new Set(['a'])], [1, 2], 20);
    // Query 1: recall@1 0, recall@2 1/3, RR 1/2. Query 2 (gold {a}): recall@1 0, recall@2 1, RR 1/2.
    expect(sm.recall[1]).toBe(0);
    expect(sm.recall[2]).toBeCloseTo((1 / 3 + 1) / 2, 12);
    expect(sm.precision[2]).toBeCloseTo((1 / 2 + 1 / 2) / 2, 12);
    expect(sm.mrr).toBeCloseTo(0.5, 12);
    expect(sm.hit[2]).toBe(1);
    // Distinct in the top 2 of both lists: a, b, x → 3 of 20.
    expect(sm.coverage[2]).toBeCloseTo(0.15, 12);
    expect(sm.queries).toBe(2);
  });
});
