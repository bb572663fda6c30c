/** The stored recommendedCreators lists, computed in memory: followBack's ranking and the blend. */
import { describe, expect, it } from 'vitest';
import { recommendedCreatorsLists, signalLists } from '../../src/analytics/recommendedCreators.js';
import { seededRng } from '../../src/analytics/rng.js';
import { DEFAULTS } from '../../src/domain/recommendedCreators.js';
import { followCsr as csr } from './followGraph.js';

// me follows a; a follows c (followOfFollow proposes c to me). x, y and z follow me and me follows
// none of them back; a follows me too, but me follows a. Nobody shares a followee with me, so
// popularAmongSimilarUsers proposes nothing.
const edges: Array<[string, string]> = [
  ['me', 'a'], ['a', 'c'], ['a', 'me'],
  ['x', 'me'], ['y', 'me'], ['z', 'me'],
  ['x', 'z'], ['y', 'z'],
];
const graph = csr(edges);
const at = (values: Record<string, number>) => graph.nodes.map((id) => values[id] ?? null);
const noProminence = (g: typeof graph) => new Float64Array(g.nodes.length);
const listOf = (standing: { authority: Array<number | null>; followers: Array<number | null> }, skip: string[] = []) =>
  recommendedCreatorsLists(graph, signalLists(graph, noProminence(graph)), standing, new Set(skip)).lists.find((l) => l.id === 'me');

describe('recommendedCreatorsLists', () => {
  it('ranks followBack by the follower count, else the in-degree, ties by id, and blends it with followOfFollow', () => {
    // x: 5 followers (property), y: none stored (in-degree 0), z: in-degree 2.
    const list = listOf({ authority: at({}), followers: at({ x: 5 }) })!;
    const w = DEFAULTS.weights;
    expect(list.ids).toEqual(['x', 'c', 'z', 'y']);
    expect(list.kinds).toEqual(['FOLLOWS_YOU', 'FOLLOWED_BY', 'FOLLOWS_YOU', 'FOLLOWS_YOU']);
    expect(list.scores).toEqual([w.followBack, w.followOfFollow, (w.followBack * 2) / 5, 0]);
    expect(list.counts).toEqual([-1, 1, -1, -1]);
    expect(list.via).toEqual(['', 'a', '', '']);
    expect(list.sources).toEqual(['FOLLOWER_COUNT', '', 'FOLLOWER_COUNT', 'FOLLOWER_COUNT']);
    expect(list.bounded).toEqual([false, false, false, false]);
    expect(list.follows).toBe(1);
  });

  it('keeps the intermediaries each reason names: the similar users who follow a creator too', () => {
    // v shares a with me and follows b: popularAmongSimilarUsers proposes b through v.
    const g = csr([['me', 'a'], ['v', 'a'], ['v', 'b']]);
    const none = g.nodes.map(() => null);
    const list = recommendedCreatorsLists(g, signalLists(g, noProminence(g)), { authority: none, followers: none }, new Set()).lists.find((l) => l.id === 'me')!;
    expect([list.ids, list.kinds, list.counts, list.via]).toEqual([['b'], ['POPULAR_AMONG_SIMILAR_USERS'], [1], ['v']]);
  });

  it('ranks followBack by authority once analytics has run, and says so', () => {
    const list = listOf({ authority: at({ x: 0.1, y: 0.3, z: 0.2 }), followers: at({ x: 5 }) })!;
    expect(list.ids.filter((id) => id !== 'c')).toEqual(['y', 'z', 'x']);
    expect(new Set(list.sources.filter((s) => s !== ''))).toEqual(new Set(['ANALYTICS']));
  });

  it('leaves the users it is told to skip, and those who follow no one, to the live answer', () => {
    const standing = { authority: at({}), followers: at({}) };
    expect(listOf(standing, ['me'])).toBeUndefined();
    const ids = recommendedCreatorsLists(graph, signalLists(graph, noProminence(graph)), standing, new Set()).lists.map((l) => l.id);
    // c follows no one.
    expect(ids.sort()).toEqual(['a', 'me', 'x', 'y', 'z']);
  });

  it('blends the same lists from longer signal lists (the stored top 100 that `ingest derived` hands it) as from lists of its own length', () => {
    // A random graph dense enough that every signal has more candidates than k.
    const rng = seededRng(7);
    const ids = Array.from({ length: 60 }, (_, i) => `n${String(i).padStart(2, '0')}`);
    const random: Array<[string, string]> = [];
    for (const a of ids) for (const b of ids) if (a !== b && rng() < 0.15) random.push([a, b]);
    const g = csr(random);
    const prominence = Float64Array.from(g.nodes, () => Math.floor(rng() * 5));
    const standing = { authority: g.nodes.map(() => null), followers: g.nodes.map(() => Math.floor(rng() * 10)) };
    const k = 4;
    const own = recommendedCreatorsLists(g, signalLists(g, prominence, k), standing, new Set(), k);
    const longer = signalLists(g, prominence, 20);
    expect(Math.min(...longer.followOfFollow.map((l) => l.ids.length))).toBeGreaterThan(k);
    expect(Math.min(...longer.similarUsers.map((l) => l.ids.length))).toBeGreaterThan(k);
    const reused = recommendedCreatorsLists(g, longer, standing, new Set(), k);
    expect(own.lists.length).toBe(g.nodes.length);
    expect(reused).toEqual(own);
  });
});
