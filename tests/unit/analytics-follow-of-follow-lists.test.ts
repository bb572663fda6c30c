/** The stored followOfFollow lists, computed in memory: the live query's formula and order. */
import { describe, expect, it } from 'vitest';
import { followOfFollowLists } from '../../src/analytics/followOfFollow.js';
import { DEFAULTS } from '../../src/domain/followOfFollow.js';
import { followCsr as csr } from './followGraph.js';

// The live query's test graph (tests/integration/followOfFollow.test.ts): me follows a, b and x;
// a follows c, d, x and me; b follows c and e; solo follows a.
const graph = csr([
  ['me', 'a'], ['me', 'b'], ['me', 'x'],
  ['a', 'c'], ['a', 'd'], ['a', 'x'], ['a', 'me'],
  ['b', 'c'], ['b', 'e'],
  ['solo', 'a'],
]);
// a is more prominent than b (follower counts 10 and 5), so a is named first.
const prominence = Float64Array.from(graph.nodes, (id) => ({ a: 10, b: 5 })[id] ?? 0);
const wA = 1 / Math.log(2 + 4);
const wB = 1 / Math.log(2 + 2);
const listOf = <L extends { id: string }>(lists: L[], id: string) => lists.find((l) => l.id === id);

describe('followOfFollowLists', () => {
  it('sums 1/ln(2 + out-degree) per intermediary, names the most prominent first, leaves out the user and what they follow', () => {
    const { lists } = followOfFollowLists(graph, prominence, DEFAULTS, 0);
    expect(listOf(lists, 'me')).toEqual({ id: 'me', ids: ['c', 'e', 'd'], scores: [wA + wB, wB, wA], counts: [2, 1, 1], via: ['a b', 'b', 'a'], bounded: false, follows: 3 });
    expect(listOf(lists, 'solo')).toEqual({ id: 'solo', ids: ['c', 'd', 'me', 'x'], scores: [wA, wA, wA, wA], counts: [1, 1, 1, 1], via: ['a', 'a', 'a', 'a'], bounded: false, follows: 1 });
  });

  it('walks the cheapest intermediaries within maxWalk, always at least one who follows someone', () => {
    // x follows nobody, so is no intermediary; b (2 follows) fits a budget of 2, a (4) does not.
    expect(listOf(followOfFollowLists(graph, prominence, { maxWalk: 2 }, 0).lists, 'me')).toMatchObject({ ids: ['c', 'e'], counts: [1, 1] });
    // a was left out, so the counts are lower bounds (c is followed by a too): the reasons say "at least".
    expect(listOf(followOfFollowLists(graph, prominence, { maxWalk: 2 }, 0).lists, 'me')!.bounded).toBe(true);
    // A budget below every intermediary's cost still walks the cheapest.
    expect(listOf(followOfFollowLists(graph, prominence, { maxWalk: 1 }, 0).lists, 'me')!.ids).toEqual(['c', 'e']);
  });

  it('stores only users with a candidate whose walk (follows + intermediaries’ follows) reaches minWalk', () => {
    const all = followOfFollowLists(graph, prominence, DEFAULTS, 0);
    // a's only candidates come through me (who follows a, b, x: all but b followed by a or a itself).
    expect(all.lists.map((l) => l.id).sort()).toEqual(['a', 'me', 'solo']);
    // Walks: me 3 + (4 + 2) = 9, solo 1 + 4 = 5, a 4 + 3 = 7.
    expect(all.walk).toBe(9 + 5 + 7);
    const some = followOfFollowLists(graph, prominence, DEFAULTS, 7);
    expect(some.lists.map((l) => l.id).sort()).toEqual(['a', 'me']);
    expect(some.walk).toBe(16);
  });
});
