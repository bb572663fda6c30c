/**
 * The stored answers of popularAmongSimilarUsers (and so of its share of recommendedCreators and of
 * the feed, which ask it for every user).
 *
 * Why: answered live, a user's question walks their followees' followers to find the 50 most
 * similar users, then every follow of those 50 — for a user who follows many niche creators or
 * whose neighbours follow hundreds, thousands of rows aggregated in Cypher (~2.7 µs a row), which
 * made it the slowest creator question under load (p99 80–170 ms at 8 clients on 2 cores) and the
 * largest part of recommendedCreators. Over an in-memory projection of the follow graph the same
 * computation takes about a millisecond a user. So every user whose live walk reaches `minWalk`
 * gets their top 100 — the live query's formula and order exactly (cypher/recommend/
 * popular-among-similar-users.cypher: the capped, rarest-first neighbour walk, Jaccard of followee
 * sets, the 50 nearest neighbours, Σ similarity per creator, score descending then id) — stored on
 * the User node as parallel lists (`popularAmongSimilarIds`, `…Scores`, `…Counts`, `…Via`: the
 * two most similar neighbours who follow each entry, whom its reason names) stamped
 * `popularAmongSimilarAt`, with the settings they were computed under (`…Settings`) and the user's
 * follow count then (`…Follows`).
 *
 * Unlike a creator's stored lists, a user's must never show a creator the user has since
 * followed ("a follow shows in the next query"): the follow, unfollow and bulkFollow mutations
 * bump the user's socialVersion in the transaction that changes the follows (and store the list
 * again right after, src/stored/), and the query reads a list only at the socialVersion and follow
 * count it was computed at — so follows removed or added any other way (the evaluation harness hides follows with plain Cypher) are answered live too.
 * Other users' follows changing make a list older, not wrong about the user: it is as old as its
 * `popularAmongSimilarAt` (refreshed by every social ingest and `hubgraph ingest derived`).
 */
import { DEFAULTS, settingsKey, type PopularAmongSimilarUsersSettings as SimilarUsersSettings } from '../domain/popularAmongSimilarUsers.js';
import type { Db } from '../neo4j/db.js';
import { STORED_LIST_SIZE } from './commonlyFollowedWith.js';
import type { Csr } from './projection.js';
import { refreshFollowLists, walkListFields, type FollowListsOptions, type FollowListsResult } from './storedLists.js';
import { boundedTopK, cheapestWithin, idRanks } from './topK.js';

/** How many neighbours a recommendation names (popular-among-similar-users.cypher's via). */
const VIA = 2;

export interface SimilarUsersList {
  id: string;
  ids: string[];
  scores: number[];
  counts: number[];
  /** Each entry's most similar neighbours who follow it (at most two, most similar first), joined by a space. */
  via: string[];
  /** The user's follow count when the list was computed. */
  follows: number;
}

/**
 * The top-`k` popularAmongSimilarUsers list of every user of `csr` (every node that follows
 * someone) whose live walk — rows the Cypher query aggregates: the user's follows, the kept
 * followees' followers and the neighbours' follows — is at least `minWalk`.
 */
export function similarUsersLists(
  csr: Csr,
  settings: SimilarUsersSettings,
  minWalk: number,
  k = STORED_LIST_SIZE,
): { lists: SimilarUsersList[]; walk: number } {
  const n = csr.nodes.length;
  const outDegree = (u: number) => csr.outStart[u + 1]! - csr.outStart[u]!;
  const inDegree = (x: number) => csr.inStart[x + 1]! - csr.inStart[x]!;
  const idRank = idRanks(csr.nodes);
  const shared = new Int32Array(n);
  const touched = new Int32Array(n);
  const similarity = new Float64Array(n);
  const nearest = boundedTopK(settings.neighbours, similarity, idRank);
  const score = new Float64Array(n);
  const count = new Int32Array(n);
  // The first VIA neighbours (most similar first) seen per candidate: the ones its reason names.
  const via = new Int32Array(n * VIA);
  const candidates = new Int32Array(n);
  const followed = new Uint8Array(n);
  const best = boundedTopK(k, score, idRank);
  const lists: SimilarUsersList[] = [];
  let total = 0;
  for (let u = 0; u < n; u++) {
    const a = outDegree(u);
    if (a === 0) continue;
    // The followees the walk reads: at most maxSharedFollowers followers each, fewest first (ties:
    // id), while their followers sum to at most maxWalk — always at least the first.
    const followees: number[] = [];
    for (let i = csr.outStart[u]!; i < csr.outStart[u + 1]!; i++) {
      const f = csr.out[i]!;
      followed[f] = 1;
      if (inDegree(f) <= settings.maxSharedFollowers) followees.push(f);
    }
    const { kept, spent: budget } = cheapestWithin(followees, inDegree, idRank, settings.maxWalk);
    let t = 0;
    for (const f of kept) {
      for (let j = csr.inStart[f]!; j < csr.inStart[f + 1]!; j++) {
        const v = csr.in[j]!;
        if (v !== u && shared[v]!++ === 0) touched[t++] = v;
      }
    }
    for (let i = 0; i < t; i++) {
      const v = touched[i]!;
      similarity[v] = shared[v]! / (a + outDegree(v) - shared[v]!);
      nearest.offer(v);
    }
    for (let i = 0; i < t; i++) shared[touched[i]!] = 0;
    const neighbours = nearest.take();
    let walk = a + budget;
    let c = 0;
    for (const v of neighbours) {
      walk += outDegree(v);
      for (let i = csr.outStart[v]!; i < csr.outStart[v + 1]!; i++) {
        const x = csr.out[i]!;
        const seen = count[x]!++;
        if (seen === 0) candidates[c++] = x;
        if (seen < VIA) via[x * VIA + seen] = v;
        score[x]! += similarity[v]!;
      }
    }
    if (walk >= minWalk && neighbours.length > 0) {
      total += walk;
      for (let i = 0; i < c; i++) {
        const x = candidates[i]!;
        if (x !== u && !followed[x]) best.offer(x);
      }
      const top = best.take();
      lists.push({
        id: csr.nodes[u]!,
        ...walkListFields(csr, top, score, count, via, VIA),
        follows: a,
      });
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

/**
 * Stores the list of every user whose walk reaches `options.minWalk` (HUBGRAPH_USER_LISTS_MIN_WALK).
 * `keep` is handed the lists computed (the recommendedCreators blend of the same refresh reuses them).
 */
export function refreshPopularAmongSimilarUsers(db: Db, options: FollowListsOptions, keep?: (lists: SimilarUsersList[]) => void): Promise<FollowListsResult> {
  return refreshFollowLists(db, options, {
    op: 'popularAmongSimilarUsers',
    store: 'recommend/popular-among-similar-users-store',
    clear: 'recommend/popular-among-similar-users-clear',
    extra: { settings: settingsKey(DEFAULTS) },
    compute: (follow) => {
      const computed = similarUsersLists(follow, DEFAULTS, options.minWalk);
      keep?.(computed.lists);
      return Promise.resolve(computed);
    },
  });
}
