/**
 * The stored answers of secondDegree: the walk of followOfFollow's stored lists
 * (src/analytics/followOfFollow.ts, `followeeWalkLists`) ranked by head-count instead — the live
 * query's order exactly (cypher/recommend/second-degree.cypher: count descending, then id; at
 * least `minCount` intermediaries) — stored on the User node (`secondDegreeIds`, `…Counts`,
 * `…Via`, stamped `secondDegreeAt`, with the settings and follow count it was computed at). Why,
 * and how a list stays truthful to the user's own follows, as for followOfFollow's: live, the
 * question walks up to 2,000 follows (3 ms of Neo4j CPU and a p99 of 53–78 ms at 8 clients on the
 * bench machine); stored, it reads ~`first` index seeks.
 */
import { DEFAULTS, settingsKey, type SecondDegreeSettings } from '../domain/secondDegree.js';
import type { Db } from '../neo4j/db.js';
import { STORED_LIST_SIZE } from './commonlyFollowedWith.js';
import { followeeWalkLists, readProminence, type FollowOfFollowList } from './followOfFollow.js';
import type { Csr } from './projection.js';
import { refreshFollowLists, type FollowListsOptions, type FollowListsResult } from './storedLists.js';

/** secondDegree's lists: ranked by how many of the user's kept followees follow each candidate. */
export function secondDegreeLists(
  csr: Csr,
  prominence: Float64Array,
  settings: SecondDegreeSettings,
  minWalk: number,
  k = STORED_LIST_SIZE,
): { lists: FollowOfFollowList[]; walk: number } {
  const { lists, walk } = followeeWalkLists(csr, prominence, settings.maxWalk, { by: 'count', minCount: settings.minCount }, minWalk, k);
  return { lists: lists.map((l) => ({ ...l, scores: l.counts })), walk };
}

/** Stores the list of every user whose walk reaches `options.minWalk` (HUBGRAPH_USER_LISTS_MIN_WALK). */
export function refreshSecondDegree(db: Db, options: FollowListsOptions): Promise<FollowListsResult> {
  return refreshFollowLists(db, options, {
    op: 'secondDegree',
    store: 'recommend/second-degree-store',
    clear: 'recommend/second-degree-clear',
    extra: { settings: settingsKey(DEFAULTS) },
    compute: async (follow, scope) => secondDegreeLists(follow, await readProminence(db, follow, scope), DEFAULTS, options.minWalk),
  });
}
