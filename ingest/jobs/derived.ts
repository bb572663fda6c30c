/**
 * Derived data the API reads, recomputed from the edges at the end of every job that changes
 * them: follower counts (exact, one statement), the stored commonly-followed-with lists of hub
 * creators (src/analytics/commonlyFollowedWith.ts), the stored profile lists of similarCreators
 * (src/analytics/creatorProfileSimilarity.ts) and the stored leaders of every task
 * (src/analytics/topicLeaders.ts; their scores read follower counts, so they come after them). All
 * are idempotent, so a re-run converges. A models ingest changes profiles and the downloads/likes
 * the leaders sum, so it refreshes those two (refreshProfileSimilarity, refreshTopicLeaders).
 */
import { refreshCommonlyFollowedWith } from '../../src/analytics/commonlyFollowedWith.js';
import { refreshCreatorProfileSimilarity } from '../../src/analytics/creatorProfileSimilarity.js';
import { refreshTopicLeaders as refreshTopicLeaderLists } from '../../src/analytics/topicLeaders.js';
import { DEFAULTS as SIMILAR_CREATORS } from '../../src/domain/similarCreators.js';
import { DEFAULTS as TOPIC_TOP_CONTRIBUTORS } from '../../src/domain/topicTopContributors.js';
import type { JobRun } from '../job.js';
import { emptySummary, runStatement } from '../pipeline.js';
import { createProgress } from '../progress.js';

export async function refreshDerived(run: JobRun): Promise<void> {
  const { db, log, settings, tty } = run.deps;
  run.record(await runStatement(db, log, 'follower-counts', 'ingest/update-follower-counts'));

  const started = Date.now();
  const progress = createProgress({ label: 'commonly-followed-with', log, ...(tty === undefined ? {} : { tty }) });
  try {
    const r = await refreshCommonlyFollowedWith(db, { minWalk: settings.coFollowMinWalk, onProgress: (done) => progress.update(done) });
    const summary = emptySummary('commonly-followed-with');
    summary.read = r.stored + r.cleared;
    summary.loaded = r.stored;
    summary.batches = r.transactions;
    summary.propertiesSet = r.stored * 4;
    summary.seconds = (Date.now() - started) / 1000;
    summary.rowsPerSecond = summary.seconds > 0 ? Math.round(summary.loaded / summary.seconds) : 0;
    log.info(
      { step: 'commonly-followed-with', creators: r.stored, cleared: r.cleared, walk: r.walk, seconds: r.seconds },
      `commonly-followed-with: stored the lists of ${r.stored} creators (walk ≥ ${settings.coFollowMinWalk}: ${r.walk} rows a live query would aggregate), cleared ${r.cleared}, in ${summary.seconds.toFixed(1)} s`,
    );
    run.record(summary);
  } finally {
    progress.stop();
  }

  await refreshProfileSimilarity(run);
  await refreshTopicLeaders(run);
}

/**
 * The stored similarCreators profile lists, computed under the item cap the API asks with
 * (similarCreators DEFAULTS.maxItemModels) — a list under another cap would be ignored by it.
 */
export async function refreshProfileSimilarity(run: JobRun): Promise<void> {
  const { db, log, tty } = run.deps;
  const { maxItemModels } = SIMILAR_CREATORS;
  const started = Date.now();
  const progress = createProgress({ label: 'creator-profile-similarity', log, ...(tty === undefined ? {} : { tty }) });
  try {
    const r = await refreshCreatorProfileSimilarity(db, { maxItemModels, onProgress: (done) => progress.update(done) });
    const summary = emptySummary('creator-profile-similarity');
    summary.read = r.stored + r.cleared;
    summary.loaded = r.stored;
    summary.batches = r.transactions;
    summary.propertiesSet = r.stored * 4;
    summary.seconds = (Date.now() - started) / 1000;
    summary.rowsPerSecond = summary.seconds > 0 ? Math.round(summary.loaded / summary.seconds) : 0;
    log.info(
      { step: 'creator-profile-similarity', creators: r.stored, cleared: r.cleared, items: r.items, pairs: r.pairs, maxItemModels, seconds: r.seconds },
      `creator-profile-similarity: stored the lists of ${r.stored} creators (${r.items} tasks/tags on ≤ ${maxItemModels} models, ${r.pairs} shared-item visits), cleared ${r.cleared}, in ${summary.seconds.toFixed(1)} s`,
    );
    run.record(summary);
  } finally {
    progress.stop();
  }
}

/**
 * The stored topicTopContributors lists of every task, computed under the authority weight the API
 * asks with (topicTopContributors DEFAULTS.authorityWeight) — a list under another weight would be
 * ignored by it.
 */
export async function refreshTopicLeaders(run: JobRun): Promise<void> {
  const { db, log, tty } = run.deps;
  const { authorityWeight } = TOPIC_TOP_CONTRIBUTORS;
  const started = Date.now();
  const progress = createProgress({ label: 'topic-leaders', log, ...(tty === undefined ? {} : { tty }) });
  try {
    const r = await refreshTopicLeaderLists(db, { authorityWeight, onProgress: (done) => progress.update(done) });
    const summary = emptySummary('topic-leaders');
    summary.read = r.stored + r.cleared;
    summary.loaded = r.stored;
    summary.batches = r.transactions;
    summary.propertiesSet = r.stored * 6;
    summary.seconds = (Date.now() - started) / 1000;
    summary.rowsPerSecond = summary.seconds > 0 ? Math.round(summary.loaded / summary.seconds) : 0;
    const slowest = r.slowest ? `; slowest ${r.slowest.id}, ${(r.slowest.seconds * 1000).toFixed(0)} ms` : '';
    log.info(
      { step: 'topic-leaders', tasks: r.stored, cleared: r.cleared, leaders: r.leaders, slowest: r.slowest, authorityWeight, seconds: r.seconds },
      `topic-leaders: stored the leaders of ${r.stored} tasks (${r.leaders} rows${slowest}), cleared ${r.cleared}, in ${summary.seconds.toFixed(1)} s`,
    );
    run.record(summary);
  } finally {
    progress.stop();
  }
}
