/** The stored popularAmongSimilarUsers lists, computed in memory: the live query's formula and order. */
import { describe, expect, it } from 'vitest';
import { similarUsersLists } from '../../src/analytics/popularAmongSimilarUsers.js';
import { DEFAULTS } from '../../src/domain/popularAmongSimilarUsers.js';
import { followCsr as csr } from './followGraph.js';

// The live query's test graph (tests/integration/popularAmongSimilarUsers.test.ts):
// F(me) = {c1, c2}; F(v1) = {c1, c2, c3, me, c6} → 2/5; F(v2) = {c1, c4, c6} → 1/4; F(v3) = {c5}.
const edges: Array<[string, string]> = [
  ['me', 'c1'], ['me', 'c2'],
  ['v1', 'c1'], ['v1', 'c2'], ['v1', 'c3'], ['v1', 'me'], ['v1', 'c6'],
  ['v2', 'c1'], ['v2', 'c4'], ['v2', 'c6'],
  ['v3', 'c5'],
];

describe('similarUsersLists', () => {
  it('sums the neighbours’ similarities per creator, leaving out the user and what they follow', () => {
    const { lists } = similarUsersLists(csr(edges), DEFAULTS, 0);
    expect(lists.find((l) => l.id === 'me')).toEqual({
      id: 'me',
      ids: ['c6', 'c3', 'c4'],
      scores: [2 / 5 + 1 / 4, 2 / 5, 1 / 4],
      counts: [2, 1, 1],
      // The neighbours who follow each, most similar first: v1 (2/5) before v2 (1/4).
      via: ['v1 v2', 'v1', 'v2'],
      follows: 2,
    });
    // v1's neighbours: me (2 shared of 5) and v2 (c1 and c6: 2 of 6); v1 follows me, so me is out.
    expect(lists.find((l) => l.id === 'v1')).toEqual({ id: 'v1', ids: ['c4'], scores: [2 / 6], counts: [1], via: ['v2'], follows: 5 });
  });

  it('keeps the k nearest neighbours, ties by id, and walks the rarest followees within maxWalk', () => {
    const one = similarUsersLists(csr(edges), { ...DEFAULTS, neighbours: 1 }, 0).lists.find((l) => l.id === 'me')!;
    // Only v1 (0.4) remains: c3 and c6 tie, ordered by id.
    expect(one.ids).toEqual(['c3', 'c6']);
    // c2 has 2 followers, c1 has 3: a budget of 2 walks c2 only, so v1 shares 1 of 6.
    const bounded = similarUsersLists(csr(edges), { ...DEFAULTS, maxWalk: 2 }, 0).lists.find((l) => l.id === 'me')!;
    expect(bounded.ids).toEqual(['c3', 'c6']);
    expect(bounded.scores).toEqual([1 / 6, 1 / 6]);
    // Followees with more than maxSharedFollowers followers are not walked nor counted as shared
    // (the union is still the whole sets): with 2, c1 (3) is out, so v1 shares 1 of 6 and v2 none.
    const capped = similarUsersLists(csr(edges), { ...DEFAULTS, maxSharedFollowers: 2 }, 0).lists.find((l) => l.id === 'me')!;
    expect([capped.ids, capped.scores]).toEqual([['c3', 'c6'], [1 / 6, 1 / 6]]);
  });

  it('stores only users with a neighbour whose walk reaches minWalk', () => {
    const all = similarUsersLists(csr(edges), DEFAULTS, 0);
    // v3 shares no followee with anyone; creators that follow nobody have no list.
    expect(all.lists.map((l) => l.id).sort()).toEqual(['me', 'v1', 'v2']);
    // Walk = follows + followers of the walked followees (the user among them) + the neighbours'
    // follows: me 2 + 5 + (5 + 3) = 15, v1 5 + 9 + (2 + 3) = 19, v2 3 + 6 + (2 + 5) = 16.
    expect(all.walk).toBe(15 + 19 + 16);
    const some = similarUsersLists(csr(edges), DEFAULTS, 16);
    expect(some.lists.map((l) => l.id).sort()).toEqual(['v1', 'v2']);
    expect(some.walk).toBe(19 + 16);
  });
});
