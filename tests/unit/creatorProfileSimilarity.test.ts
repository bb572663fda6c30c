/** The stored similarCreators profile lists, computed in memory: the live query's formula and order. */
import { describe, expect, it } from 'vitest';
import { profileSimilarityLists, type CreatorProfile } from '../../src/analytics/creatorProfileSimilarity.js';
import { boundedTopK, idRanks } from '../../src/analytics/topK.js';

// P(X) = {t1, g1, g2}; P(Y) = {t1, g1}; P(Z) = {g2, g3}; P(V) = {g4}; E has no item under the cap.
const profiles: CreatorProfile[] = [
  { id: 'X', items: ['t1', 'g1', 'g2'] },
  { id: 'Y', items: ['t1', 'g1'] },
  { id: 'Z', items: ['g2', 'g3'] },
  { id: 'V', items: ['g4'] },
  { id: 'E', items: [] },
];

describe('profileSimilarityLists', () => {
  it('ranks by Jaccard of the item sets, most similar first', () => {
    const { lists, items } = profileSimilarityLists(profiles);
    expect(items).toBe(5);
    const byId = new Map(lists.map((l) => [l.id, l]));
    // X∩Y = {t1, g1}, X∪Y = {t1, g1, g2}: 2/3; X∩Z = {g2}, X∪Z = {t1, g1, g2, g3}: 1/4.
    expect(byId.get('X')).toEqual({ id: 'X', ids: ['Y', 'Z'], scores: [2 / 3, 1 / 4] });
    expect(byId.get('Y')).toEqual({ id: 'Y', ids: ['X'], scores: [2 / 3] });
    // Z∩X = {g2}: 1/4; Z shares nothing with Y.
    expect(byId.get('Z')).toEqual({ id: 'Z', ids: ['X'], scores: [1 / 4] });
    // V has a profile but no creator shares it: an empty list (answered from it, not walked).
    expect(byId.get('V')).toEqual({ id: 'V', ids: [], scores: [] });
    // E has no profile: no list at all (answered live, which finds nothing).
    expect(byId.has('E')).toBe(false);
  });

  it('computes the score as the live query does: shared / (|P(x)| + |P(c)| − shared)', () => {
    // P(A) = {1..5}, P(B) = {4..7}: 2 / (5 + 4 − 2) = 2/7, bit for bit.
    const { lists } = profileSimilarityLists([
      { id: 'A', items: ['1', '2', '3', '4', '5'] },
      { id: 'B', items: ['4', '5', '6', '7'] },
    ]);
    expect(lists[0]!.scores[0]).toBe(2 / (5 + 4 - 2));
    expect(lists[1]!.scores[0]).toBe(2 / 7);
  });

  it('breaks score ties by id (code-unit order, as Cypher sorts strings) and cuts each list to k', () => {
    // Every candidate shares s with X and has two items: all tie at 1/(2 + 2 − 1) = 1/3, ordered by
    // id — 'a' after the upper-case ids.
    const tie: CreatorProfile[] = [
      { id: 'X', items: ['s', 'x'] },
      { id: 'R', items: ['s', 'r'] },
      { id: 'P', items: ['s', 'p'] },
      { id: 'a', items: ['s', 'q'] },
      { id: 'Q', items: ['s', 'qq'] },
    ];
    const all = profileSimilarityLists(tie).lists.find((l) => l.id === 'X')!;
    expect(all.ids).toEqual(['P', 'Q', 'R', 'a']);
    expect(all.scores).toEqual([1 / 3, 1 / 3, 1 / 3, 1 / 3]);
    expect(profileSimilarityLists(tie, 2).lists.find((l) => l.id === 'X')!.ids).toEqual(['P', 'Q']);
    // A higher score beats a smaller id: P(W) = {s, x} ∪ {w} shares two of X's items: 2/3.
    const withW = profileSimilarityLists([...tie, { id: 'W', items: ['s', 'x', 'w'] }], 2).lists.find((l) => l.id === 'X')!;
    expect(withW).toEqual({ id: 'X', ids: ['W', 'P'], scores: [2 / 3, 1 / 3] });
  });
});

describe('boundedTopK', () => {
  it('keeps the k best by score, then id rank, and is empty again after take', () => {
    const score = Float64Array.from([0.5, 0.9, 0.5, 0.1, 0.7]);
    const best = boundedTopK(3, score, idRanks(['e', 'd', 'c', 'b', 'a']));
    for (let c = 0; c < score.length; c++) best.offer(c);
    // 0.9 (1), 0.7 (4), then the tie at 0.5 goes to id 'c' (2) over 'e' (0).
    expect(best.take()).toEqual([1, 4, 2]);
    expect(best.take()).toEqual([]);
    best.offer(3);
    expect(best.take()).toEqual([3]);
    const none = boundedTopK(0, score, idRanks(['e', 'd', 'c', 'b', 'a']));
    none.offer(1);
    expect(none.take()).toEqual([]);
  });
});
