/**
 * The stored answers of followOfFollow (and so of its share of recommendedCreators and the feed).
 *
 * Why: answered live, a user's question walks up to 2,000 follows of the creators they follow and
 * aggregates them in Cypher: 3–8 ms of Neo4j time a question on the demo, the slowest creator
 * question at 8 clients once popularAmongSimilarUsers was stored (p99 ~100 ms on the bench
 * machine), and asked again by every recommendedCreators and feed. Over an in-memory projection
 * the same Adamic–Adar sums take well under a millisecond a user. So every user whose live walk
 * reaches `minWalk` gets their top 100 — the live query's formula and order exactly
 * (cypher/recommend/follow-of-follow.cypher: the cheapest intermediaries first within the walk
 * budget, Σ 1 / ln(2 + out-degree) per candidate, score descending then id, `via` the three most
 * prominent intermediaries) — stored on the User node as parallel lists (`followOfFollowIds`,
 * `…Scores`, `…Counts`, `…Via`: each entry's intermediaries' ids joined by a space, which no Hub or
 * GitHub id contains) stamped `followOfFollowAt`, with the settings and the user's follow count it
 * was computed at. Checked on 250 demo users: the same creators, order, counts and via as live, the
 * scores equal up to the last bit (V8's and Java's logarithms may round differently).
 *
 * Freshness follows popularAmongSimilarUsers' stored lists (src/analytics/popularAmongSimilarUsers.ts):
 * a list is read only at the user's socialVersion and follow count it was computed at (src/stored/),
 * it is stored again right after the user's own writes, and refreshed by every social ingest and
 * `hubgraph ingest derived`. `via`
 * orders the intermediaries by their prominence (authority, else follower count) at `computedAt`:
 * an analytics run in between may reorder them live, never change who they are. The lists are not
 * refreshed by analytics runs for that ordering alone: the refresh takes 22–27 s on the demo, about
 * as long as the rest of a run, and every evaluation task runs analytics twice.
 */
import { DEFAULTS, settingsKey, type FollowOfFollowSettings } from '../domain/followOfFollow.js';
import type { Db } from '../neo4j/db.js';
import { STORED_LIST_SIZE } from './commonlyFollowedWith.js';
import type { Csr } from './projection.js';
import { readByIdPages, refreshFollowLists, walkListFields, type FollowListsOptions, type FollowListsResult } from './storedLists.js';
import { boundedTopK, cheapestWithin, idRanks } from './topK.js';

/** How many intermediaries a recommendation names. */
const VIA = 3;

export interface FollowOfFollowList {
  id: string;
  ids: string[];
  scores: number[];
  counts: number[];
  /** Each entry's intermediaries, most prominent first, joined by a space. */
  via: string[];
  /** The walk budget left some of the user's followees out: every count is a lower bound. */
  bounded: boolean;
  /** The user's follow count when the list was computed. */
  follows: number;
}

/** How a followee-walk list ranks its candidates: followOfFollow's Adamic–Adar sum or secondDegree's head-count. */
export interface FolloweeWalkRanking {
  by: 'adamicAdar' | 'count';
  /** Fewest intermediaries a candidate needs (secondDegree's minCount; 1 for followOfFollow). */
  minCount: number;
}

/**
 * The top-`k` list of every user of `csr` (every node that follows someone) whose live walk — the
 * user's follows plus the kept intermediaries' follows — is at least `minWalk`, over the walk that
 * follow-of-follow.cypher and second-degree.cypher share. `prominence[i]` orders intermediaries
 * for `via` (authority, else follower count, else 0).
 */
export function followeeWalkLists(
  csr: Csr,
  prominence: Float64Array,
  maxWalk: number,
  ranking: FolloweeWalkRanking,
  minWalk: number,
  k = STORED_LIST_SIZE,
): { lists: FollowOfFollowList[]; walk: number } {
  const n = csr.nodes.length;
  const outDegree = (u: number) => csr.outStart[u + 1]! - csr.outStart[u]!;
  const idRank = idRanks(csr.nodes);
  const score = new Float64Array(n);
  const count = new Int32Array(n);
  // The best VIA intermediaries (as ranks into the prominence order) seen so far per candidate.
  const via = new Int32Array(n * VIA);
  const candidates = new Int32Array(n);
  const followed = new Uint8Array(n);
  // What the list is ranked by: the score, or the count (as a float, for the shared top-k).
  const key = ranking.by === 'count' ? new Float64Array(n) : score;
  const best = boundedTopK(k, key, idRank);
  const lists: FollowOfFollowList[] = [];
  let total = 0;
  for (let u = 0; u < n; u++) {
    const a = outDegree(u);
    if (a === 0) continue;
    // Intermediaries: followees who follow someone, fewest follows first (ties: id), while their
    // follows sum to at most maxWalk — always at least the first.
    const followees: number[] = [];
    for (let i = csr.outStart[u]!; i < csr.outStart[u + 1]!; i++) {
      const f = csr.out[i]!;
      followed[f] = 1;
      if (outDegree(f) > 0) followees.push(f);
    }
    const { kept, spent: budget } = cheapestWithin(followees, outDegree, idRank, maxWalk);
    // Walked in prominence order, so each candidate's first VIA intermediaries are its via.
    const walked = kept.sort((p, q) => prominence[q]! - prominence[p]! || idRank[p]! - idRank[q]!);
    let c = 0;
    for (let rank = 0; rank < walked.length; rank++) {
      const f = walked[rank]!;
      const weight = 1 / Math.log(2 + outDegree(f));
      for (let i = csr.outStart[f]!; i < csr.outStart[f + 1]!; i++) {
        const x = csr.out[i]!;
        const seen = count[x]!++;
        if (seen === 0) candidates[c++] = x;
        if (seen < VIA) via[x * VIA + seen] = f;
        score[x]! += weight;
      }
    }
    const walk = a + budget;
    if (walk >= minWalk && c > 0) {
      for (let i = 0; i < c; i++) {
        const x = candidates[i]!;
        if (x === u || followed[x] || count[x]! < ranking.minCount) continue;
        if (key !== score) key[x] = count[x]!;
        best.offer(x);
      }
      const top = best.take();
      if (top.length > 0) {
        total += walk;
        lists.push({
          id: csr.nodes[u]!,
          ...walkListFields(csr, top, score, count, via, VIA),
          bounded: kept.length < followees.length,
          follows: a,
        });
      }
    }
    for (let i = 0; i < c; i++) {
      const x = candidates[i]!;
      score[x] = 0;
      count[x] = 0;
    }
    for (let i = csr.outStart[u]!; i < csr.outStart[u + 1]!; i++) followed[csr.out[i]!] = 0;
  }
  return { lists, walk: total };
}

/** followOfFollow's lists: ranked by the Adamic–Adar sum. */
export function followOfFollowLists(csr: Csr, prominence: Float64Array, settings: FollowOfFollowSettings, minWalk: number, k = STORED_LIST_SIZE) {
  return followeeWalkLists(csr, prominence, settings.maxWalk, { by: 'adamicAdar', minCount: 1 }, minWalk, k);
}

/** Every creator's prominence, in the projection's node order (what orders a list's `via`). */
export async function readProminence(db: Db, follow: Csr, scope: string): Promise<Float64Array> {
  const rows = await readByIdPages<{ id: string; prominence: number }>(db, 'recommend/follow-of-follow-prominence', { scope }, 5000, 'followeeWalk.prominence');
  const byId = new Map(rows.map((r) => [r.id, r.prominence]));
  return Float64Array.from(follow.nodes, (id) => byId.get(id) ?? 0);
}

/**
 * Stores the list of every user whose walk reaches `options.minWalk` (HUBGRAPH_USER_LISTS_MIN_WALK).
 * `keep` is handed the lists computed (the recommendedCreators blend of the same refresh reuses them).
 */
export function refreshFollowOfFollow(db: Db, options: FollowListsOptions, keep?: (lists: FollowOfFollowList[]) => void): Promise<FollowListsResult> {
  return refreshFollowLists(db, options, {
    op: 'followOfFollow',
    store: 'recommend/follow-of-follow-store',
    clear: 'recommend/follow-of-follow-clear',
    extra: { settings: settingsKey(DEFAULTS) },
    compute: async (follow, scope) => {
      const computed = followOfFollowLists(follow, await readProminence(db, follow, scope), DEFAULTS, options.minWalk);
      keep?.(computed.lists);
      return computed;
    },
  });
}
