/**
 * The stored answers of commonlyFollowedWith (and of the follower half of similarCreators).
 *
 * Why: answered live, a creator's question walks every (follower, follower's follow) pair and
 * aggregates it in Cypher — measured on the demo at ~2.7 µs a row, so ~110 ms for a walk of 41k
 * rows and far more under concurrent load; the stand-in's most followed creators walk ~10⁵. The
 * same counts over an in-memory projection (typed-array adjacency, one counter array reused per
 * creator) take well under a second for every creator at once. So every creator whose walk reaches
 * `minWalk` gets its top 100 — the live query's formula and order exactly: Jaccard of follower sets
 * descending, then id — stored on its node as three parallel lists (`coFollowIds`,
 * `coFollowScores`, `coFollowOverlaps`) stamped `coFollowedAt`. One SET per creator: a reader sees
 * a creator's old list or its new one. Creators below `minWalk` (cheap live) and creators that
 * appear after the refresh are answered live, so they are always current; a stored list is as old
 * as its `coFollowedAt` (refreshed by every social ingest and `hubgraph ingest derived`).
 */
import { MAX_FIRST } from '../domain/creatorCommon.js';
import type { Db } from '../neo4j/db.js';
import { refreshFollowLists, type FollowListsOptions, type FollowListsResult } from './storedLists.js';
import type { Csr } from './projection.js';
import { boundedTopK, idRanks } from './topK.js';

/** Size of each stored list: the most any `first` may ask for. */
export const STORED_LIST_SIZE = MAX_FIRST;

export interface CoFollowList {
  id: string;
  ids: string[];
  scores: number[];
  overlaps: number[];
}

/**
 * The top-`k` commonly-followed-with list of every creator of `follow` whose walk (Σ of its
 * followers' out-degrees) is at least `minWalk`: by Jaccard of follower sets, ties by id.
 */
export function coFollowLists(csr: Csr, minWalk: number, k = STORED_LIST_SIZE): { lists: CoFollowList[]; walk: number } {
  const n = csr.nodes.length;
  const outDegree = (u: number) => csr.outStart[u + 1]! - csr.outStart[u]!;
  const inDegree = (x: number) => csr.inStart[x + 1]! - csr.inStart[x]!;
  // Ties are broken by id: rank every id once, then compare integers.
  const idRank = idRanks(csr.nodes);
  const common = new Int32Array(n);
  const touched = new Int32Array(n);
  const score = new Float64Array(n);
  const best = boundedTopK(k, score, idRank);
  const lists: CoFollowList[] = [];
  let total = 0;
  for (let x = 0; x < n; x++) {
    let walk = 0;
    for (let j = csr.inStart[x]!; j < csr.inStart[x + 1]!; j++) walk += outDegree(csr.in[j]!);
    if (walk === 0 || walk < minWalk) continue;
    total += walk;
    let t = 0;
    for (let j = csr.inStart[x]!; j < csr.inStart[x + 1]!; j++) {
      const u = csr.in[j]!;
      for (let i = csr.outStart[u]!; i < csr.outStart[u + 1]!; i++) {
        const c = csr.out[i]!;
        if (c !== x && common[c]!++ === 0) touched[t++] = c;
      }
    }
    const a = inDegree(x);
    for (let i = 0; i < t; i++) {
      const c = touched[i]!;
      score[c] = common[c]! / (a + inDegree(c) - common[c]!);
      best.offer(c);
    }
    const top = best.take();
    lists.push({ id: csr.nodes[x]!, ids: top.map((c) => csr.nodes[c]!), scores: top.map((c) => score[c]!), overlaps: top.map((c) => common[c]!) });
    for (let i = 0; i < t; i++) common[touched[i]!] = 0;
  }
  return { lists, walk: total };
}

/** Stores the list of every creator whose walk reaches `options.minWalk` (HUBGRAPH_COFOLLOW_MIN_WALK). */
export function refreshCommonlyFollowedWith(db: Db, options: FollowListsOptions): Promise<FollowListsResult> {
  // Lists from an earlier refresh that this one did not replace (the creator's walk fell below
  // minWalk, or it has no follower left) would be stale: they go, and those creators answer live.
  return refreshFollowLists(db, options, {
    op: 'commonlyFollowedWith',
    store: 'recommend/commonly-followed-with-store',
    clear: 'recommend/commonly-followed-with-clear',
    compute: (follow) => Promise.resolve(coFollowLists(follow, options.minWalk)),
  });
}
