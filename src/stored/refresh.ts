/**
 * The one batch refresh of stored answers, which every job calls: after a social load
 * (`ingest derived`, `ingest social`, `ingest demo`), after a models load, and at the end of an
 * analytics run. It recomputes the questions the registry (registry.ts) lists for the event, in
 * its order, projecting the follow graph once for all of them; each list is stored by the
 * question's own compare-and-set store, and lists the refresh did not replace are cleared (those
 * owners are answered live). The per-owner refreshes just behind an API write are refreshUser.ts
 * and refresher.ts.
 */
import { refreshCommonlyFollowedWith } from '../analytics/commonlyFollowedWith.js';
import { refreshCreatorProfileSimilarity } from '../analytics/creatorProfileSimilarity.js';
import { refreshFollowOfFollow, type FollowOfFollowList } from '../analytics/followOfFollow.js';
import { refreshPopularAmongSimilarUsers, type SimilarUsersList } from '../analytics/popularAmongSimilarUsers.js';
import { projectFollowCsr, type Csr } from '../analytics/projection.js';
import { refreshRecommendedCreators } from '../analytics/recommendedCreators.js';
import { refreshSecondDegree } from '../analytics/secondDegree.js';
import { refreshTopicLeaders } from '../analytics/topicLeaders.js';
import { DEFAULTS as SIMILAR_CREATORS } from '../domain/similarCreators.js';
import { DEFAULTS as TOPIC_TOP_CONTRIBUTORS } from '../domain/topicTopContributors.js';
import type { Db } from '../neo4j/db.js';
import { refreshedAfter, type RefreshEvent, type StoredAnswer, type StoredQuestion } from './registry.js';

/** What one question's refresh reports: lists stored and cleared, write transactions, and its own figures for the log. */
export interface StoredRefreshOutcome {
  stored: number;
  cleared: number;
  transactions: number;
  detail: Record<string, unknown>;
}

export interface RefreshStoredOptions {
  /** Only ids starting with this (tests); default all. */
  scope?: string;
  /** Owners whose live walk reaches these get a stored list (0: every owner with an answer). */
  minWalk?: { coFollow: number; userLists: number };
  /** The follow graph, when the caller has projected it already (for the same scope). */
  follow?: Csr;
  /**
   * Runs one question's refresh (the job wraps it in a progress bar and a summary record; analytics
   * times it). Default: just runs it.
   */
  step?: (answer: StoredAnswer, refresh: (onProgress: (done: number) => void) => Promise<StoredRefreshOutcome>) => Promise<void>;
}

interface RefreshContext {
  db: Db;
  scope: string;
  minWalk: { coFollow: number; userLists: number };
  follow: () => Promise<Csr>;
  /** Lists an earlier step computed that recommendedCreators reuses (every user's, minWalk 0). */
  kept: { followOfFollow?: FollowOfFollowList[]; similarUsers?: SimilarUsersList[] };
}

type Compute = (c: RefreshContext, onProgress: (done: number) => void) => Promise<StoredRefreshOutcome>;

/** A follow-graph refresh's result as an outcome. */
const followOutcome = (r: { stored: number; cleared: number; transactions: number; walk: number; seconds: unknown }): StoredRefreshOutcome => ({
  stored: r.stored,
  cleared: r.cleared,
  transactions: r.transactions,
  detail: { walk: r.walk, seconds: r.seconds },
});

/** How each registry entry is computed in a batch. */
const COMPUTE: Record<StoredQuestion, Compute> = {
  commonlyFollowedWith: async (c, onProgress) =>
    followOutcome(await refreshCommonlyFollowedWith(c.db, { minWalk: c.minWalk.coFollow, scope: c.scope, follow: await c.follow(), onProgress })),
  followOfFollow: async (c, onProgress) =>
    followOutcome(
      await refreshFollowOfFollow(c.db, { minWalk: c.minWalk.userLists, scope: c.scope, follow: await c.follow(), onProgress }, (lists) => (c.kept.followOfFollow = lists)),
    ),
  secondDegree: async (c, onProgress) =>
    followOutcome(await refreshSecondDegree(c.db, { minWalk: c.minWalk.userLists, scope: c.scope, follow: await c.follow(), onProgress })),
  popularAmongSimilarUsers: async (c, onProgress) =>
    followOutcome(
      await refreshPopularAmongSimilarUsers(
        c.db,
        { minWalk: c.minWalk.userLists, scope: c.scope, follow: await c.follow(), onProgress },
        (lists) => (c.kept.similarUsers = lists),
      ),
    ),
  // Every user who follows someone (minWalk 0): the blend is one read, whatever the walks cost. It
  // takes its signals from the two steps above when they computed every user's list.
  recommendedCreators: async (c, onProgress) => {
    const { followOfFollow, similarUsers } = c.kept;
    const reuse = c.minWalk.userLists === 0 && followOfFollow && similarUsers ? { followOfFollow, similarUsers } : undefined;
    return followOutcome(await refreshRecommendedCreators(c.db, { minWalk: 0, scope: c.scope, follow: await c.follow(), onProgress }, reuse));
  },
  // Under the item cap the API asks with: a list under another cap would be ignored by it.
  similarCreators: async (c, onProgress) => {
    const { maxItemModels } = SIMILAR_CREATORS;
    const r = await refreshCreatorProfileSimilarity(c.db, { maxItemModels, scope: c.scope, onProgress });
    return { stored: r.stored, cleared: r.cleared, transactions: r.transactions, detail: { items: r.items, pairs: r.pairs, maxItemModels, seconds: r.seconds } };
  },
  // Under the authority weight the API asks with; scores read follower counts and authority, so it comes last.
  topicTopContributors: async (c, onProgress) => {
    const { authorityWeight } = TOPIC_TOP_CONTRIBUTORS;
    const r = await refreshTopicLeaders(c.db, { authorityWeight, scope: c.scope, onProgress });
    return { stored: r.stored, cleared: r.cleared, transactions: r.transactions, detail: { leaders: r.leaders, slowest: r.slowest, authorityWeight, seconds: r.seconds } };
  },
};

/** Refreshes every stored answer the registry lists for `event`; returns each question's outcome. */
export async function refreshStoredAnswers(db: Db, event: RefreshEvent, options: RefreshStoredOptions = {}): Promise<Map<StoredQuestion, StoredRefreshOutcome>> {
  const scope = options.scope ?? '';
  let projected: Promise<Csr> | null = options.follow ? Promise.resolve(options.follow) : null;
  const context: RefreshContext = {
    db,
    scope,
    minWalk: options.minWalk ?? { coFollow: 0, userLists: 0 },
    // Projected on first use, once (1.4 s on the demo): the follow-graph questions share it.
    follow: () => (projected ??= projectFollowCsr(db, { scope })),
    kept: {},
  };
  const outcomes = new Map<StoredQuestion, StoredRefreshOutcome>();
  const step = options.step ?? (async (_answer, refresh) => void (await refresh(() => {})));
  for (const answer of refreshedAfter(event)) {
    await step(answer, async (onProgress) => {
      const outcome = await COMPUTE[answer.question](context, onProgress);
      outcomes.set(answer.question, outcome);
      return outcome;
    });
  }
  return outcomes;
}
