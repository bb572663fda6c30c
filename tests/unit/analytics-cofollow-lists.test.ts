/** The stored commonly-followed-with lists, computed in memory: the live query's formula and order. */
import { describe, expect, it } from 'vitest';
import { coFollowLists } from '../../src/analytics/commonlyFollowedWith.js';
import { followCsr as graph } from './followGraph.js';

// A ← {u1, u2, u3}; B ← {u2, u3, u4}; C ← {u1}; D ← {u4} (the live query's test graph).
const edges: Array<[string, string]> = [
  ['u1', 'A'], ['u2', 'A'], ['u3', 'A'],
  ['u2', 'B'], ['u3', 'B'], ['u4', 'B'],
  ['u1', 'C'],
  ['u4', 'D'],
];

describe('coFollowLists', () => {
  it('ranks by Jaccard of follower sets with the overlap, most similar first', () => {
    const { lists } = coFollowLists(graph(edges), 1);
    const a = lists.find((l) => l.id === 'A')!;
    expect(a.ids).toEqual(['B', 'C']);
    expect(a.scores).toEqual([2 / 4, 1 / 3]);
    expect(a.overlaps).toEqual([2, 1]);
    // D's only follower u4 also follows B: |D∩B| = 1, |D∪B| = 3.
    expect(lists.find((l) => l.id === 'D')).toEqual({ id: 'D', ids: ['B'], scores: [1 / 3], overlaps: [1] });
  });

  it('stores only creators whose walk (Σ of their followers’ out-degrees) reaches minWalk', () => {
    // Walks: A = 2 + 2 + 2 = 6, B = 2 + 2 + 2 = 6, C = 2, D = 2; users have no followers.
    const { lists, walk } = coFollowLists(graph(edges), 6);
    expect(lists.map((l) => l.id).sort()).toEqual(['A', 'B']);
    expect(walk).toBe(12);
  });

  it('breaks score ties by id and cuts each list to k', () => {
    // X ← {u}; u follows X, P, Q, R: every candidate has Jaccard 1/1.
    const { lists } = coFollowLists(graph([['u', 'X'], ['u', 'R'], ['u', 'P'], ['u', 'Q']]), 1, 2);
    expect(lists.find((l) => l.id === 'X')!.ids).toEqual(['P', 'Q']);
  });
});
