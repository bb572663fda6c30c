/**
 * The registry of stored answers: every question answered from a list stored on its owner's node,
 * what the list reads, what makes it stale, what a read checks before using it, how it is computed
 * and what refreshes it. src/stored/refresh.ts runs the batch refreshes from this table (every job
 * calls it), `hubgraph stored status` and /metrics list these questions, and docs/stored-answers.md
 * explains them. A question not here is answered live, always. Pure data: the domain functions may
 * import it without a cycle.
 */

/** The events after which a batch refresh runs (src/stored/refresh.ts). */
export type RefreshEvent =
  /** Follows, memberships or topic follows loaded (`ingest social`, `ingest demo`, `ingest derived`). */
  | 'social'
  /** Models loaded (`ingest models`): creators' task/tag profiles and tasks' downloads change. */
  | 'models'
  /** An analytics run became current: authority changed. */
  | 'analytics';

export interface StoredAnswer {
  /** The GraphQL question (the name status, metrics and the job steps use). */
  question: StoredQuestion;
  owner: 'User' | 'Creator' | 'Task';
  /** The job step that refreshes it (kebab-case), and a noun for its owners in log lines. */
  step: string;
  noun: 'users' | 'creators' | 'tasks';
  /** The owner's property stamped with the list's computedAt (ISO-8601). */
  stamp: string;
  /** What the computation reads. */
  reads: string;
  /** The writes that make a stored list stale, and what happens then. */
  invalidatedBy: string;
  /** What a read checks before using the list (else it answers live). */
  validity: string;
  /** The batch computation (in memory, then stored by compare-and-set where versioned). */
  computedBy: string;
  /** The batch refreshes that recompute it (src/stored/refresh.ts). */
  refreshedAfter: readonly RefreshEvent[];
  /** The per-owner refresh just behind an API write, if any. */
  refreshedOnWrite: string | null;
  /** Properties one stored list sets (for the job summary). */
  propertiesPerList: number;
}

export const STORED_QUESTIONS = [
  'commonlyFollowedWith',
  'followOfFollow',
  'secondDegree',
  'popularAmongSimilarUsers',
  'recommendedCreators',
  'similarCreators',
  'topicTopContributors',
] as const;

export type StoredQuestion = (typeof STORED_QUESTIONS)[number];

const USER_WRITE = "the user's follow, unfollow, bulkFollow or followTopic through the API: recomputed in the mutation (src/stored/refreshUser.ts)";
const USER_STALE = "the user's follows or topic follows (socialVersion): not read until recomputed";

/** In refresh order: recommendedCreators reuses the lists of followOfFollow and popularAmongSimilarUsers. */
export const STORED_ANSWERS: Readonly<Record<StoredQuestion, StoredAnswer>> = {
  commonlyFollowedWith: {
    question: 'commonlyFollowedWith',
    owner: 'Creator',
    step: 'commonly-followed-with',
    noun: 'creators',
    stamp: 'coFollowedAt',
    reads: "the creator's followers and their other follows",
    invalidatedBy: "a follow or unfollow of the creator (followersVersion): still read, stamped computedAt, until the refresher recomputes it",
    validity: 'always read while stored (creators whose walk reaches HUBGRAPH_COFOLLOW_MIN_WALK)',
    computedBy: 'src/analytics/commonlyFollowedWith.ts',
    refreshedAfter: ['social'],
    refreshedOnWrite: 'a follow or unfollow of the creator through the API: recomputed within about a second (src/stored/refresher.ts)',
    propertiesPerList: 5,
  },
  followOfFollow: {
    question: 'followOfFollow',
    owner: 'User',
    step: 'follow-of-follow',
    noun: 'users',
    stamp: 'followOfFollowAt',
    reads: "the creators the user's follows follow, weighted by their prominence",
    invalidatedBy: USER_STALE,
    validity: 'socialVersion, follow count and settings key at compute time',
    computedBy: 'src/analytics/followOfFollow.ts',
    refreshedAfter: ['social'],
    refreshedOnWrite: USER_WRITE,
    propertiesPerList: 7,
  },
  secondDegree: {
    question: 'secondDegree',
    owner: 'User',
    step: 'second-degree',
    noun: 'users',
    stamp: 'secondDegreeAt',
    reads: "the creators the user's follows follow (head-counts)",
    invalidatedBy: USER_STALE,
    validity: 'socialVersion, follow count and settings key at compute time',
    computedBy: 'src/analytics/secondDegree.ts',
    refreshedAfter: ['social'],
    refreshedOnWrite: USER_WRITE,
    propertiesPerList: 6,
  },
  popularAmongSimilarUsers: {
    question: 'popularAmongSimilarUsers',
    owner: 'User',
    step: 'popular-among-similar-users',
    noun: 'users',
    stamp: 'popularAmongSimilarAt',
    reads: "users who follow what the user follows, and their other follows",
    invalidatedBy: USER_STALE,
    validity: 'socialVersion, follow count and settings key at compute time',
    computedBy: 'src/analytics/popularAmongSimilarUsers.ts',
    refreshedAfter: ['social'],
    refreshedOnWrite: USER_WRITE,
    propertiesPerList: 6,
  },
  recommendedCreators: {
    question: 'recommendedCreators',
    owner: 'User',
    step: 'recommended-creators',
    noun: 'users',
    stamp: 'recommendedAt',
    reads: 'the signals above, and followBack (who follows the user, ranked by authority or followers)',
    invalidatedBy: `${USER_STALE}; a follow or unfollow of the user (followersVersion)`,
    validity: 'socialVersion and followersVersion, follow count and settings key; none for users who follow a topic or belong to an organization',
    computedBy: 'src/analytics/recommendedCreators.ts',
    refreshedAfter: ['social', 'analytics'],
    refreshedOnWrite: `${USER_WRITE}; a follow or unfollow of the user: recomputed by the refresher within about a second (src/stored/refresher.ts)`,
    propertiesPerList: 10,
  },
  similarCreators: {
    question: 'similarCreators',
    owner: 'Creator',
    step: 'creator-profile-similarity',
    noun: 'creators',
    stamp: 'profileSimAt',
    reads: "the tasks and tags of the creator's models (profile half; the follower half reads commonlyFollowedWith's list)",
    invalidatedBy: 'models loaded: still read, stamped computedAt, until the models ingest refreshes it',
    validity: 'the item cap it was computed under',
    computedBy: 'src/analytics/creatorProfileSimilarity.ts',
    refreshedAfter: ['social', 'models'],
    refreshedOnWrite: null,
    propertiesPerList: 4,
  },
  topicTopContributors: {
    question: 'topicTopContributors',
    owner: 'Task',
    step: 'topic-leaders',
    noun: 'tasks',
    stamp: 'leadersAt',
    reads: "the task's models' downloads and likes, their creators' followers and authority",
    invalidatedBy: 'models loaded, follower counts or an analytics run: still read, stamped computedAt, until refreshed',
    validity: 'the authority weight it was computed under',
    computedBy: 'src/analytics/topicLeaders.ts',
    refreshedAfter: ['social', 'models', 'analytics'],
    refreshedOnWrite: null,
    propertiesPerList: 6,
  },
};

/** The registry entries a refresh after `event` recomputes, in refresh order. */
export function refreshedAfter(event: RefreshEvent): StoredAnswer[] {
  return STORED_QUESTIONS.map((q) => STORED_ANSWERS[q]).filter((a) => a.refreshedAfter.includes(event));
}
