/** The stored secondDegree lists, computed in memory: the live query's formula and order. */
import { describe, expect, it } from 'vitest';
import { secondDegreeLists } from '../../src/analytics/secondDegree.js';
import { DEFAULTS } from '../../src/domain/secondDegree.js';
import { followCsr } from './followGraph.js';

// The live query's test graph (tests/integration/secondDegree.test.ts): me follows f1, f2, f3 and w;
// t is followed by all three, u by f1 and f2, v by f1; w and me are followed by some of them.
const graph = followCsr([
  ['me', 'f1'], ['me', 'f2'], ['me', 'f3'], ['me', 'w'],
  ['f1', 't'], ['f2', 't'], ['f3', 't'],
  ['f1', 'u'], ['f2', 'u'],
  ['f1', 'v'],
  ['f1', 'w'], ['f2', 'w'], ['f3', 'w'],
  ['f1', 'me'], ['f2', 'me'],
]);
// Follower counts 30, 20, 10: f3 is named first.
const prominence = Float64Array.from(graph.nodes, (id) => ({ f3: 30, f2: 20, f1: 10 })[id] ?? 0);
const listOf = <L extends { id: string }>(lists: L[], id: string) => lists.find((l) => l.id === id);

describe('secondDegreeLists', () => {
  it('ranks by how many followees follow each candidate, at least minCount, most prominent followees in via', () => {
    const { lists } = secondDegreeLists(graph, prominence, DEFAULTS, 0);
    expect(listOf(lists, 'me')).toEqual({ id: 'me', ids: ['t', 'u'], scores: [3, 2], counts: [3, 2], via: ['f3 f2 f1', 'f2 f1'], bounded: false, follows: 4 });
    // v has one: below the minimum of 2, unless it is lowered.
    expect(listOf(secondDegreeLists(graph, prominence, { ...DEFAULTS, minCount: 1 }, 0).lists, 'me')!.ids).toEqual(['t', 'u', 'v']);
  });

  it('walks the cheapest followees within maxWalk', () => {
    // By cost f3 (2), f2 (4), f1 (5): a budget of 6 keeps f3 and f2, so only t reaches 2.
    expect(listOf(secondDegreeLists(graph, prominence, { ...DEFAULTS, maxWalk: 6 }, 0).lists, 'me')).toMatchObject({ ids: ['t'], counts: [2], via: ['f3 f2'], bounded: true });
  });
});
