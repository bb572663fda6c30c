/**
 * The stored answers of recommendedCreators (and so of the feed's recommended-creators source).
 *
 * Why: answered live, recommendedCreators runs its own query and then one per signal —
 * followOfFollow, popularAmongSimilarUsers and followBack, 50 candidates each — and decodes ~150
 * creator rows to keep 20. Even with the first two read from their stored lists that was the
 * costliest creator question under load (14 ms of CPU a request, p99 on its 60 ms target), and the
 * feed asked the same signals for every user who reached its out-of-network tier. The blend of
 * those signals is a pure function of the follow graph (plus each creator's authority or follower
 * count for followBack), so it is computed here for every user, over the same in-memory projection
 * the signals' own stored lists come from, by the domain's own `blend` — then a question is one
 * stored-list read. In `hubgraph ingest derived` the followOfFollow and popularAmongSimilarUsers
 * lists are the ones its earlier steps computed for storing (their first 50 of 100): computing the
 * blend took 7.1 s on the demo when it computed them again, 1.3 s reusing them, same lists.
 *
 * Each list is exactly the live answer at `first` ≤ 50 (the candidates asked from each signal then
 * are 50, as here): the same signals' top 50 (followOfFollowLists and similarUsersLists with the
 * domain DEFAULTS, followBack's ranking below), the same weights, normalisation, tie-breaks and
 * reasons. Stored on the User node as parallel lists (`recommendedIds`, `…Scores`, `…Kinds`,
 * `…Counts` (-1: none), `…Via` (ids joined by a space), `…Sources` ('' : none), `…Bounded` (the
 * count is a lower bound)) with the settings
 * (`…Settings`), the user's follow count (`…Follows`), versions (`…Version`) and the analytics runs
 * current (`…Runs`, for the record) it was computed at, stamped `recommendedAt`.
 *
 * When a list is not read (cypher/recommend/recommended-creators.cypher), so the answer is live:
 * - asked with other settings, or `first` > 50;
 * - the user wrote since (their socialVersion; the API then stores their list again at once,
 *   src/stored/refreshUser.ts) or their follows changed another way (their follow count);
 * - someone followed or unfollowed the user (their followersVersion: followBack changed);
 * - the user follows a topic or belongs to an organization: their topic-leader and
 *   sameOrganization signals are not computed here, so such users get no stored list.
 * An analytics run is not among them: it changes how followBack ranks, not whether a reason holds,
 * and `hubgraph analytics run` recomputes the lists once its run is current.
 * Other users' follows make a list older, not wrong about the user, as with the signals' own lists:
 * it is as old as `recommendedAt` (refreshed by every social ingest and `hubgraph ingest derived`).
 */
import { DEFAULTS as FOLLOW_OF_FOLLOW } from '../domain/followOfFollow.js';
import { DEFAULTS as SIMILAR_USERS } from '../domain/popularAmongSimilarUsers.js';
import { blend, storedSettingsKey, toStoredEntry, DEFAULTS as BLEND, type SignalName } from '../domain/recommendedCreators.js';
import type { CreatorRecommendation } from '../domain/creatorCommon.js';
import type { AuthoritySource, ReasonKind } from '../domain/reason.js';
import { loadCypher } from '../neo4j/cypher.js';
import type { Db } from '../neo4j/db.js';
import { followOfFollowLists, readProminence, type FollowOfFollowList } from './followOfFollow.js';
import { similarUsersLists, type SimilarUsersList } from './popularAmongSimilarUsers.js';
import type { Csr } from './projection.js';
import { readByIdPages, refreshFollowLists, type FollowListsOptions, type FollowListsResult } from './storedLists.js';
import { idRanks } from './topK.js';

export interface RecommendedCreatorsList {
  id: string;
  ids: string[];
  scores: number[];
  kinds: ReasonKind[];
  /** Each entry's reason as toStoredEntry encodes it. */
  counts: number[];
  via: string[];
  sources: string[];
  /** Whether each entry's count is a lower bound (followOfFollow's walk budget cut). */
  bounded: boolean[];
  /** The user's follow count when the list was computed. */
  follows: number;
}

/** What followBack ranks a follower by: authority once analytics has run, else the follower count. */
export interface CreatorStanding {
  /** Per node of the projection: PageRank authority, or null before an analytics run. */
  authority: ReadonlyArray<number | null>;
  /** Per node: the `followers` property ingest maintains, or null (then the in-degree counts). */
  followers: ReadonlyArray<number | null>;
}

const rec = (
  id: string,
  score: number,
  kind: ReasonKind,
  count: number | null,
  via: string[],
  authoritySource: AuthoritySource | null = null,
  countIsLowerBound = false,
): CreatorRecommendation => ({
  creator: { id, name: null, kind: null, source: null, authority: null },
  score,
  // No text: only the data is stored (toStoredEntry); the reader words it (withText).
  reason: { kind, text: '', via: via.filter((v) => v !== '').map((v) => ({ type: 'CREATOR' as const, id: v })), count, authoritySource, countIsLowerBound },
});

/**
 * The two signals the blend reads from lists: every user's followOfFollow and
 * popularAmongSimilarUsers list (minWalk 0), with the domain DEFAULTS. Lists longer than the blend's
 * `k` serve as well: each is in its final order, so its first `k` entries are the top `k`.
 */
export interface SignalLists {
  followOfFollow: readonly FollowOfFollowList[];
  similarUsers: readonly SimilarUsersList[];
}

/** The signal lists computed here, `k` long (when no earlier step of the same refresh kept them). */
export function signalLists(csr: Csr, prominence: Float64Array, k = BLEND.candidatesPerSignal): SignalLists {
  return {
    followOfFollow: followOfFollowLists(csr, prominence, FOLLOW_OF_FOLLOW, 0, k).lists,
    similarUsers: similarUsersLists(csr, SIMILAR_USERS, 0, k).lists,
  };
}

/**
 * Every user's blended list (users who follow someone, except `skip`): the signals' lists and
 * followBack computed here over the projection, blended as recommendedCreators blends them, cut to `k`.
 */
export function recommendedCreatorsLists(
  csr: Csr,
  signals: SignalLists,
  standing: CreatorStanding,
  skip: ReadonlySet<string>,
  k = BLEND.candidatesPerSignal,
): { lists: RecommendedCreatorsList[]; walk: number } {
  // k is both the list's length and the candidates taken from each signal, as in the live blend at first ≤ 50.
  const fof = new Map(signals.followOfFollow.map((l) => [l.id, l]));
  const similar = new Map(signals.similarUsers.map((l) => [l.id, l]));
  const n = csr.nodes.length;
  const idRank = idRanks(csr.nodes);
  const followed = new Uint8Array(n);
  const inDegree = (x: number) => csr.inStart[x + 1]! - csr.inStart[x]!;
  // followBack's score of each node, as follow-back.cypher computes it.
  const backScore = Float64Array.from({ length: n }, (_, x) => standing.authority[x] ?? standing.followers[x] ?? inDegree(x));
  const backSource = (x: number): AuthoritySource => (standing.authority[x] != null ? 'ANALYTICS' : 'FOLLOWER_COUNT');
  const lists: RecommendedCreatorsList[] = [];
  let walk = 0;
  for (let u = 0; u < n; u++) {
    const from = csr.outStart[u]!;
    const to = csr.outStart[u + 1]!;
    const id = csr.nodes[u]!;
    if (from === to || skip.has(id)) continue;
    for (let i = from; i < to; i++) followed[csr.out[i]!] = 1;
    const back: number[] = [];
    for (let j = csr.inStart[u]!; j < csr.inStart[u + 1]!; j++) {
      const x = csr.in[j]!;
      if (x !== u && !followed[x]) back.push(x);
    }
    for (let i = from; i < to; i++) followed[csr.out[i]!] = 0;
    back.sort((p, q) => backScore[q]! - backScore[p]! || idRank[p]! - idRank[q]!);
    walk += to - from + back.length;
    const f = fof.get(id);
    const s = similar.get(id);
    const signals: Partial<Record<SignalName, CreatorRecommendation[]>> = {
      followOfFollow: f ? f.ids.slice(0, k).map((c, i) => rec(c, f.scores[i]!, 'FOLLOWED_BY', f.counts[i]!, f.via[i]!.split(' '), null, f.bounded)) : [],
      popularAmongSimilarUsers: s ? s.ids.slice(0, k).map((c, i) => rec(c, s.scores[i]!, 'POPULAR_AMONG_SIMILAR_USERS', s.counts[i]!, s.via[i]!.split(' '))) : [],
      followBack: back.slice(0, k).map((x) => rec(csr.nodes[x]!, backScore[x]!, 'FOLLOWS_YOU', null, [], backSource(x))),
    };
    // The signals' lists already leave out the user and the creators they follow.
    const top = blend(signals, BLEND.weights, new Set(), k).map(toStoredEntry);
    if (top.length === 0) continue;
    lists.push({
      id,
      ids: top.map((e) => e.id),
      scores: top.map((e) => e.score),
      kinds: top.map((e) => e.kind),
      counts: top.map((e) => e.count),
      via: top.map((e) => e.via),
      sources: top.map((e) => e.source),
      bounded: top.map((e) => e.bounded),
      follows: to - from,
    });
  }
  return { lists, walk };
}

/** Each creator's authority and follower count, in the projection's node order. */
async function readStanding(db: Db, follow: Csr, scope: string): Promise<CreatorStanding> {
  const rows = await readByIdPages<{ id: string; authority: number | null; followers: number | null }>(
    db,
    'recommend/recommended-creators-standing',
    { scope },
    5000,
    'recommendedCreators.standing',
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    authority: follow.nodes.map((id) => byId.get(id)?.authority ?? null),
    followers: follow.nodes.map((id) => byId.get(id)?.followers ?? null),
  };
}

/**
 * Stores the list of every user who follows someone, except those answered live (topic followers
 * and organization members), stamped with the analytics runs current now. `signals`: the signals'
 * lists when an earlier step of the same refresh computed them for every user over the same
 * projection (`hubgraph ingest derived` with HUBGRAPH_USER_LISTS_MIN_WALK 0), else computed here.
 */
export async function refreshRecommendedCreators(db: Db, options: FollowListsOptions, signals?: SignalLists): Promise<FollowListsResult> {
  const scope = options.scope ?? '';
  const [context] = await db.read<{ runs: string[]; live: string[] }>(loadCypher('recommend/recommended-creators-context'), { scope }, { op: 'recommendedCreators.context' });
  return refreshFollowLists<RecommendedCreatorsList>(db, options, {
    op: 'recommendedCreators',
    store: 'recommend/recommended-creators-store',
    clear: 'recommend/recommended-creators-clear',
    extra: { settings: storedSettingsKey(), runs: context?.runs ?? [] },
    compute: async (follow) => {
      const [given, standing] = await Promise.all([
        signals ?? readProminence(db, follow, scope).then((prominence) => signalLists(follow, prominence)),
        readStanding(db, follow, scope),
      ]);
      return recommendedCreatorsLists(follow, given, standing, new Set(context?.live ?? []));
    },
  });
}
