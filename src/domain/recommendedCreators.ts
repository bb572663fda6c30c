/**
 * recommendedCreators — one "who to follow" list for a user, blending the user-centred questions
 * (followOfFollow, secondDegree, followBack, sameOrganization, popularAmongSimilarUsers) and, for
 * a cold start, the leaders of the topics the user follows (topicTopContributors). It calls those
 * domain functions rather than re-implementing them, so each signal means exactly what its own
 * question means.
 *
 * Blending: the user and the creators they follow are removed, then each signal's scores are
 * divided by that signal's best score, putting every signal on [0, 1] whatever its scale
 * (Adamic–Adar sums, head-counts, Jaccard sums, log-downloads) with its best eligible creator at 1.
 * A creator's blended score is Σ weight(signal) · normalised score over the signals that propose
 * it, so a creator several signals agree on rises; its reason is the one of the signal
 * contributing most (ties: the order of DEFAULTS.weights).
 *
 * Fallback tier (cold start): a list the signals leave shorter than `first` — a user who follows
 * no one and no topic gets none at all — is filled with the creators most authoritative overall
 * (PageRank authority once analytics has run, else follower count; reason POPULAR_CREATOR, score
 * 0: no signal of the user's own proposed them), after every blended creator. A user who follows
 * only topics gets those topics' leaders first (FOLLOWED_TOPIC_LEADER), then the fallback.
 *
 * Stored answer: STORED_ANSWERS.recommendedCreators in src/stored/registry.ts says what its stored list reads,
 * what makes it stale, what a read checks and what refreshes it.
 */
import { loadCypher } from '../neo4j/cypher.js';
import { oneRead, type Db } from '../neo4j/db.js';
import { markKnownId, MAX_FIRST, validateFirst, type CreatorNode, type CreatorRecommendation } from './creatorCommon.js';
import { followBack } from './followBack.js';
import { unknownId } from './input.js';
import { followOfFollow, settingsKey as followOfFollowKey, DEFAULTS as FOLLOW_OF_FOLLOW } from './followOfFollow.js';
import { popularAmongSimilarUsers, settingsKey as similarUsersKey, DEFAULTS as SIMILAR_USERS } from './popularAmongSimilarUsers.js';
import { withText, type AuthoritySource, type ReasonKind, type ReasonVia } from './reason.js';
import { sameOrganization } from './sameOrganization.js';
import { secondDegree } from './secondDegree.js';
import { topicTopContributors } from './topicTopContributors.js';

export interface SignalWeights {
  followOfFollow: number;
  secondDegree: number;
  popularAmongSimilarUsers: number;
  sameOrganization: number;
  followBack: number;
  topicTopContributors: number;
}

export type SignalName = keyof SignalWeights;

export const DEFAULTS: { weights: SignalWeights; candidatesPerSignal: number; maxTopics: number } = {
  /**
   * Weight of each signal (the order breaks ties between reasons). The first three were chosen on
   * the evaluation harness (docs/eval.md: hidden follows of the demo corpus, best recall@20 of 38
   * blends on split seed 42 and second on seed 7): collaborative filtering on co-follows ranks
   * best, follow-of-follow adds to it, and secondDegree adds nothing once follow-of-follow is in
   * (both count the same walks; follow-of-follow weights them), so it is 0 and its query skipped.
   * The other three cannot be measured on the demo (no organizations, no topic follows, all follows
   * mutual) and keep their judgement values: organizations, then an unreturned follow, then topic
   * leaders for a cold start.
   */
  weights: {
    followOfFollow: 0.5,
    secondDegree: 0,
    popularAmongSimilarUsers: 1,
    sameOrganization: 0.7,
    followBack: 0.6,
    topicTopContributors: 0.4,
  },
  /** Candidates asked from each signal before blending (at least `first`, at most 100). */
  candidatesPerSignal: 50,
  /** Followed topics (most recently followed first) whose leaders are considered. */
  maxTopics: 5,
};

export interface RecommendedCreatorsOptions {
  weights?: Partial<SignalWeights>;
  candidatesPerSignal?: number;
  maxTopics?: number;
}

export interface RecommendedCreatorsInput {
  userId: string;
  first?: number | null;
}

/** Divides every score by the list's best, so the best is 1; a list whose scores are all 0 counts each as 1 (it was still proposed). */
export function normalise(list: CreatorRecommendation[]): CreatorRecommendation[] {
  const max = Math.max(0, ...list.map((r) => r.score));
  return list.map((r) => ({ ...r, score: max > 0 ? r.score / max : 1 }));
}

/** Several normalised lists of one signal (one per topic) as one list: a creator's best entry. */
export function bestPerCreator(lists: CreatorRecommendation[][]): CreatorRecommendation[] {
  const best = new Map<string, CreatorRecommendation>();
  for (const list of lists) {
    for (const r of list) {
      const seen = best.get(r.creator.id);
      if (!seen || r.score > seen.score) best.set(r.creator.id, r);
    }
  }
  return [...best.values()];
}

/**
 * The blend itself (pure): drop excluded ids, normalise each signal, sum the weighted scores per
 * creator, keep the reason of the largest contribution, rank by score (then id) and cut to `first`.
 */
export function blend(
  signals: Partial<Record<SignalName, CreatorRecommendation[]>>,
  weights: SignalWeights,
  exclude: ReadonlySet<string>,
  first: number,
): CreatorRecommendation[] {
  const merged = new Map<string, { rec: CreatorRecommendation; total: number; strongest: number }>();
  for (const name of Object.keys(weights) as SignalName[]) {
    const list = signals[name];
    if (!list || weights[name] <= 0) continue;
    // Excluded creators go before normalising, so each signal's best eligible creator scores 1.
    for (const r of normalise(list.filter((x) => !exclude.has(x.creator.id)))) {
      const contribution = weights[name] * r.score;
      const entry = merged.get(r.creator.id);
      if (!entry) {
        merged.set(r.creator.id, { rec: r, total: contribution, strongest: contribution });
      } else {
        entry.total += contribution;
        // Strictly greater: on a tie the earlier signal (in weights order) keeps its reason.
        if (contribution > entry.strongest) {
          entry.strongest = contribution;
          entry.rec = r;
        }
      }
    }
  }
  return [...merged.values()]
    .map(({ rec, total }) => ({ creator: rec.creator, score: total, reason: rec.reason }))
    .sort((a, b) => b.score - a.score || (a.creator.id < b.creator.id ? -1 : a.creator.id > b.creator.id ? 1 : 0))
    .slice(0, first);
}

/** Each signal's candidates for one user, and the creators no recommendation may name. */
export interface CreatorSignals {
  signals: Partial<Record<SignalName, CreatorRecommendation[]>>;
  /** The user and the creators they follow. */
  exclude: ReadonlySet<string>;
}

interface SignalOptions {
  candidates: number;
  maxTopics: number;
  /** The signals asked: one weighted 0 here is not asked; null asks all. */
  weights: SignalWeights | null;
}

/**
 * The settings a stored list (src/analytics/recommendedCreators.ts) is computed under: the blend's
 * weights and candidates per signal, and the settings of the signals it reads. A question asked
 * with others is answered live.
 */
export function storedSettingsKey(weights: SignalWeights = DEFAULTS.weights, candidates: number = DEFAULTS.candidatesPerSignal): string {
  const w = (Object.keys(DEFAULTS.weights) as SignalName[]).map((name) => `${name}=${weights[name]}`).join(',');
  return `weights=${w};candidates=${candidates};followOfFollow(${followOfFollowKey(FOLLOW_OF_FOLLOW)});popularAmongSimilarUsers(${similarUsersKey(SIMILAR_USERS)})`;
}

/** One entry of a stored list, as recommended-creators.cypher returns it. */
interface StoredEntry {
  i: number;
  creator: CreatorNode;
  score: number;
  kind: ReasonKind;
  /** -1: none. */
  count: number;
  /** Ids joined by a space. */
  via: string;
  /** '': none. */
  source: string;
  /** The count is a lower bound (reason.ts). */
  bounded: boolean;
}

/** What the blend needs to know of the user (recommended-creators.cypher), with their stored list when it is current. */
interface UserContext {
  topics: string[];
  following: string[];
  member: boolean;
  stored: StoredEntry[] | null;
  storedAt: string | null;
}

async function userContext(db: Db, userId: string, maxTopics: number, stored: { settings: string; first: number } | null): Promise<UserContext> {
  const rows = await db.read<UserContext>(
    loadCypher('recommend/recommended-creators'),
    { userId, maxTopics, settings: stored?.settings ?? null, first: stored?.first ?? 0 },
    { op: 'recommendedCreators' },
  );
  const me = rows[0];
  if (!me) throw unknownId('user', userId);
  markKnownId(db, 'user', userId);
  return me;
}

/**
 * One recommendation as a stored list keeps it (src/analytics/recommendedCreators.ts writes these,
 * fromStored reads them back): a count of -1 and a source of '' stand for none, since a stored
 * list cannot hold nulls; via ids are joined by a space.
 */
export function toStoredEntry(r: CreatorRecommendation): Omit<StoredEntry, 'i' | 'creator'> & { id: string } {
  return {
    id: r.creator.id,
    score: r.score,
    kind: r.reason.kind,
    count: r.reason.count ?? -1,
    via: r.reason.via.map((v) => v.id).join(' '),
    source: r.reason.authoritySource ?? '',
    bounded: r.reason.countIsLowerBound === true,
  };
}

function fromStored(entries: StoredEntry[], computedAt: string | null): CreatorRecommendation[] {
  // Entries come in the list's order, sorted here too: a subquery's rows have no guaranteed order.
  return [...entries].sort((a, b) => a.i - b.i).map((e) => ({
    creator: e.creator,
    score: e.score,
    reason: withText(
      {
        kind: e.kind,
        via: e.via === '' ? [] : e.via.split(' ').map((id) => ({ type: 'CREATOR' as const, id })),
        count: e.count < 0 ? null : e.count,
        countIsLowerBound: e.bounded,
        authoritySource: e.source === '' ? null : (e.source as AuthoritySource),
        ...(computedAt ? { computedAt } : {}),
      },
    ),
  }));
}

/**
 * Asks every signal for a user's candidates (the evaluation harness scores them one by one, the
 * blend combines them). A signal weighted 0 in `weights` is not asked; `weights: null` asks all.
 */
export function creatorSignals(db: Db, userId: string, options: SignalOptions): Promise<CreatorSignals> {
  // Every signal's query in one read transaction, where the user, once found, is not looked up
  // again by the signals that answer nothing (markKnownId).
  return oneRead(db, 'recommendedCreators', async (tx) => signalsInTransaction(tx, userId, await userContext(tx, userId, options.maxTopics, null), options));
}

async function signalsInTransaction(db: Db, userId: string, me: UserContext, options: SignalOptions): Promise<CreatorSignals> {
  const ask = { userId, first: options.candidates };
  // A signal weighted 0 cannot change the blend: its query is not run at all.
  const asked = (name: SignalName) => options.weights === null || options.weights[name] > 0;
  const none = Promise.resolve<CreatorRecommendation[]>([]);
  const ifAsked = (name: SignalName, question: () => Promise<CreatorRecommendation[]>) => (asked(name) ? question() : none);
  const [fof, second, similar, org, back, ...topics] = await Promise.all([
    ifAsked('followOfFollow', () => followOfFollow(db, ask)),
    ifAsked('secondDegree', () => secondDegree(db, ask)),
    ifAsked('popularAmongSimilarUsers', () => popularAmongSimilarUsers(db, ask)),
    me.member ? ifAsked('sameOrganization', () => sameOrganization(db, ask)) : none,
    ifAsked('followBack', () => followBack(db, ask)),
    ...(asked('topicTopContributors') ? me.topics.map((taskId) => topicTopContributors(db, { taskId, first: options.candidates })) : []),
  ]);
  // Topic leaders are not user-centred: the user and the creators they follow are dropped here,
  // before each topic's list is normalised (and blend() drops them from every signal).
  const exclude = new Set([userId, ...me.following]);
  // Only followed topics' leaders are asked here, and their reason says so.
  const eligible = (list: CreatorRecommendation[]) =>
    list.filter((r) => !exclude.has(r.creator.id)).map((r) => ({ ...r, reason: withText({ ...r.reason, kind: 'FOLLOWED_TOPIC_LEADER' }) }));
  return {
    signals: {
      followOfFollow: fof,
      secondDegree: second,
      popularAmongSimilarUsers: similar,
      sameOrganization: org,
      followBack: back,
      topicTopContributors: bestPerCreator(topics.map((list) => normalise(eligible(list)))),
    },
    exclude,
  };
}

/**
 * The blended list: the user's stored list when it is current for these settings (one query),
 * else the blend of the signals — returned too, for a caller that needs one of them (the feed
 * reads followOfFollow's; `ask` may add signals the blend does not weigh).
 */
export function blendedCreators(
  db: Db,
  userId: string,
  options: { first: number; weights: SignalWeights; candidates: number; maxTopics: number; ask?: SignalWeights; fallback?: boolean },
): Promise<{ recommended: CreatorRecommendation[]; signals: CreatorSignals | null }> {
  return oneRead(db, 'recommendedCreators', async (tx) => {
    const me = await userContext(tx, userId, options.maxTopics, { settings: storedSettingsKey(options.weights, options.candidates), first: options.first });
    const fill = async (list: CreatorRecommendation[]) => (options.fallback ? withFallback(tx, userId, list, options.first) : list);
    if (me.stored) return { recommended: await fill(fromStored(me.stored, me.storedAt)), signals: null };
    const signals = await signalsInTransaction(tx, userId, me, { candidates: options.candidates, maxTopics: options.maxTopics, weights: options.ask ?? options.weights });
    return { recommended: await fill(blend(signals.signals, options.weights, signals.exclude, options.first)), signals };
  });
}

/**
 * The fallback tier: `list` filled up to `first` with the creators most authoritative overall
 * (recommended-creators-popular.cypher): by authority, then — when those run out — the creators
 * without one by follower count; never the user, one they follow, or one listed already. A full
 * list costs no query, and once analytics has run one query of about `first` index reads.
 */
export async function withFallback(db: Db, userId: string, list: CreatorRecommendation[], first: number): Promise<CreatorRecommendation[]> {
  const out = [...list];
  for (const byAuthority of [true, false]) {
    if (out.length >= first) break;
    const rows = await db.read<{ creator: CreatorNode; count: number; authoritySource: AuthoritySource }>(
      loadCypher('recommend/recommended-creators-popular'),
      { userId, limit: first - out.length, skip: out.map((r) => r.creator.id), byAuthority },
      { op: 'recommendedCreators.fallback' },
    );
    const none: ReasonVia[] = [];
    for (const row of rows) {
      out.push({ creator: row.creator, score: 0, reason: withText({ kind: 'POPULAR_CREATOR', via: none, count: row.count, authoritySource: row.authoritySource }) });
    }
  }
  return out;
}

export async function recommendedCreators(
  db: Db,
  input: RecommendedCreatorsInput,
  options: RecommendedCreatorsOptions = {},
): Promise<CreatorRecommendation[]> {
  const first = validateFirst(input.first);
  const weights: SignalWeights = { ...DEFAULTS.weights, ...options.weights };
  const { recommended } = await blendedCreators(db, input.userId, {
    first,
    weights,
    candidates: candidatesPerSignal(first, options.candidatesPerSignal),
    maxTopics: options.maxTopics ?? DEFAULTS.maxTopics,
    fallback: true,
  });
  return recommended;
}

/** Candidates asked from each signal: at least `first`, at most MAX_FIRST. */
export function candidatesPerSignal(first: number, configured?: number): number {
  return Math.min(MAX_FIRST, Math.max(first, configured ?? DEFAULTS.candidatesPerSignal));
}
