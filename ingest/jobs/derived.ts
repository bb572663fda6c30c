/**
 * Derived data the API reads, recomputed from the edges at the end of every job that changes
 * them: follower counts (exact, one statement), the stored commonly-followed-with lists of hub
 * creators (src/analytics/commonlyFollowedWith.ts), the stored followOfFollow, secondDegree and
 * popularAmongSimilarUsers lists of users (src/analytics/followOfFollow.ts, secondDegree.ts,
 * popularAmongSimilarUsers.ts), their blend, the stored recommendedCreators lists
 * (src/analytics/recommendedCreators.ts), the stored profile lists of similarCreators
 * (src/analytics/creatorProfileSimilarity.ts) and the stored leaders of every task
 * (src/analytics/topicLeaders.ts; their scores read follower counts, so they come after them). All
 * are idempotent, so a re-run converges. A models ingest changes profiles and the downloads/likes
 * the leaders sum, so it refreshes those two (refreshProfileSimilarity, refreshTopicLeaders).
 */
import { refreshCommonlyFollowedWith } from '../../src/analytics/commonlyFollowedWith.js';
import { refreshCreatorProfileSimilarity } from '../../src/analytics/creatorProfileSimilarity.js';
import { refreshFollowOfFollow, type FollowOfFollowList } from '../../src/analytics/followOfFollow.js';
import { refreshPopularAmongSimilarUsers, type SimilarUsersList } from '../../src/analytics/popularAmongSimilarUsers.js';
import { refreshRecommendedCreators, type SignalLists } from '../../src/analytics/recommendedCreators.js';
import type { FollowListsOptions, FollowListsResult } from '../../src/analytics/storedLists.js';
import type { Db } from '../../src/neo4j/db.js';
import { refreshSecondDegree } from '../../src/analytics/secondDegree.js';
import { projectFollowCsr } from '../../src/analytics/projection.js';
import { refreshTopicLeaders as refreshTopicLeaderLists } from '../../src/analytics/topicLeaders.js';
import { DEFAULTS as SIMILAR_CREATORS } from '../../src/domain/similarCreators.js';
import { DEFAULTS as TOPIC_TOP_CONTRIBUTORS } from '../../src/domain/topicTopContributors.js';
import type { JobRun } from '../job.js';
import { emptySummary, runStatement } from '../pipeline.js';
import { createProgress } from '../progress.js';

/** What every stored-list refresh reports back, for the job summary. */
interface StoredListsRefresh {
  stored: number;
  cleared: number;
  transactions: number;
}

/**
 * Runs one stored-list refresh as a job step: a progress bar (or log lines), the step's summary
 * record and one log line whose message `describe` words from the refresh's own result.
 */
async function refreshStep<R extends StoredListsRefresh>(
  run: JobRun,
  step: string,
  propertiesPerList: number,
  refresh: (onProgress: (done: number) => void) => Promise<R>,
  describe: (r: R, seconds: number) => { fields: Record<string, unknown>; message: string },
): Promise<void> {
  const { log, tty } = run.deps;
  const started = Date.now();
  const progress = createProgress({ label: step, log, ...(tty === undefined ? {} : { tty }) });
  try {
    const r = await refresh((done) => progress.update(done));
    const summary = emptySummary(step);
    summary.read = r.stored + r.cleared;
    summary.loaded = r.stored;
    summary.batches = r.transactions;
    summary.propertiesSet = r.stored * propertiesPerList;
    summary.seconds = (Date.now() - started) / 1000;
    summary.rowsPerSecond = summary.seconds > 0 ? Math.round(summary.loaded / summary.seconds) : 0;
    const { fields, message } = describe(r, summary.seconds);
    log.info({ step, ...fields }, `${step}: ${message}`);
    run.record(summary);
  } finally {
    progress.stop();
  }
}

export async function refreshDerived(run: JobRun): Promise<void> {
  const { db, log, settings } = run.deps;
  run.record(await runStatement(db, log, 'follower-counts', 'ingest/update-follower-counts'));
  // One projection of the follow graph (1.4 s on the demo) serves the five follow-based refreshes,
  // which would otherwise each project their own.
  const started = Date.now();
  const follow = await projectFollowCsr(db);
  log.info(
    { step: 'follow-projection', creators: follow.nodes.length, follows: follow.out.length, seconds: (Date.now() - started) / 1000 },
    `follow-projection: ${follow.nodes.length} creators, ${follow.out.length} follows in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  // With HUBGRAPH_USER_LISTS_MIN_WALK 0 (the default) the followOfFollow and
  // popularAmongSimilarUsers steps compute every user's list over this projection: the blend takes
  // its signals from them instead of computing them a second time.
  const kept: { followOfFollow?: FollowOfFollowList[]; similarUsers?: SimilarUsersList[] } = {};
  const reusable = settings.userListsMinWalk === 0;
  const signals = (): SignalLists | undefined =>
    reusable && kept.followOfFollow && kept.similarUsers ? { followOfFollow: kept.followOfFollow, similarUsers: kept.similarUsers } : undefined;
  type Refresh = (db: Db, options: FollowListsOptions) => Promise<FollowListsResult>;
  const followLists: Array<[step: string, noun: string, propertiesPerList: number, minWalk: number, refresh: Refresh]> = [
    ['commonly-followed-with', 'creators', 4, settings.coFollowMinWalk, refreshCommonlyFollowedWith],
    ['follow-of-follow', 'users', 7, settings.userListsMinWalk, (d, o) => refreshFollowOfFollow(d, o, (lists) => (kept.followOfFollow = lists))],
    ['second-degree', 'users', 6, settings.userListsMinWalk, refreshSecondDegree],
    ['popular-among-similar-users', 'users', 6, settings.userListsMinWalk, (d, o) => refreshPopularAmongSimilarUsers(d, o, (lists) => (kept.similarUsers = lists))],
    // Every user who follows someone (minWalk 0): the blend is one read, whatever the walks cost.
    ['recommended-creators', 'users', 10, 0, (d, o) => refreshRecommendedCreators(d, o, signals())],
  ];
  for (const [step, noun, propertiesPerList, minWalk, refresh] of followLists) {
    await refreshStep(
      run,
      step,
      propertiesPerList,
      (onProgress) => refresh(db, { minWalk, onProgress, follow }),
      (r, seconds) => ({
        fields: { [noun]: r.stored, cleared: r.cleared, walk: r.walk, seconds: r.seconds },
        message: `stored the lists of ${r.stored} ${noun} (walk ≥ ${minWalk}: ${r.walk} rows a live query would aggregate), cleared ${r.cleared}, in ${seconds.toFixed(1)} s`,
      }),
    );
  }
  await refreshProfileSimilarity(run);
  await refreshTopicLeaders(run);
}

/**
 * The stored similarCreators profile lists, computed under the item cap the API asks with
 * (similarCreators DEFAULTS.maxItemModels) — a list under another cap would be ignored by it.
 */
export async function refreshProfileSimilarity(run: JobRun): Promise<void> {
  const { maxItemModels } = SIMILAR_CREATORS;
  await refreshStep(
    run,
    'creator-profile-similarity',
    4,
    (onProgress) => refreshCreatorProfileSimilarity(run.deps.db, { maxItemModels, onProgress }),
    (r, seconds) => ({
      fields: { creators: r.stored, cleared: r.cleared, items: r.items, pairs: r.pairs, maxItemModels, seconds: r.seconds },
      message: `stored the lists of ${r.stored} creators (${r.items} tasks/tags on ≤ ${maxItemModels} models, ${r.pairs} shared-item visits), cleared ${r.cleared}, in ${seconds.toFixed(1)} s`,
    }),
  );
}

/**
 * The stored topicTopContributors lists of every task, computed under the authority weight the API
 * asks with (topicTopContributors DEFAULTS.authorityWeight) — a list under another weight would be
 * ignored by it.
 */
export async function refreshTopicLeaders(run: JobRun): Promise<void> {
  const { authorityWeight } = TOPIC_TOP_CONTRIBUTORS;
  await refreshStep(
    run,
    'topic-leaders',
    6,
    (onProgress) => refreshTopicLeaderLists(run.deps.db, { authorityWeight, onProgress }),
    (r, seconds) => {
      const slowest = r.slowest ? `; slowest ${r.slowest.id}, ${(r.slowest.seconds * 1000).toFixed(0)} ms` : '';
      return {
        fields: { tasks: r.stored, cleared: r.cleared, leaders: r.leaders, slowest: r.slowest, authorityWeight, seconds: r.seconds },
        message: `stored the leaders of ${r.stored} tasks (${r.leaders} rows${slowest}), cleared ${r.cleared}, in ${seconds.toFixed(1)} s`,
      };
    },
  );
}
