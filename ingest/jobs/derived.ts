/**
 * Derived data the API reads, recomputed from the edges at the end of every job that changes
 * them: follower counts (exact, one statement), then every stored answer the registry lists for a
 * social load (src/stored/registry.ts), through the one refresh entry point
 * (src/stored/refresh.ts) — the topic leaders last, since their scores read follower counts. All
 * are idempotent, so a re-run converges. A models ingest changes profiles and the downloads/likes
 * the leaders sum, so it refreshes those (refreshAfterModels).
 */
import { projectFollowCsr } from '../../src/analytics/projection.js';
import { refreshStoredAnswers, type StoredRefreshOutcome } from '../../src/stored/refresh.js';
import type { RefreshEvent, StoredAnswer } from '../../src/stored/registry.js';
import type { JobRun } from '../job.js';
import { emptySummary, runStatement } from '../pipeline.js';
import { createProgress } from '../progress.js';

/**
 * Runs one stored answer's refresh as a job step: a progress bar (or log lines), the step's summary
 * record and one log line with the refresh's own figures.
 */
async function refreshStep(run: JobRun, answer: StoredAnswer, refresh: (onProgress: (done: number) => void) => Promise<StoredRefreshOutcome>): Promise<void> {
  const { log, tty } = run.deps;
  const { step, noun } = answer;
  const started = Date.now();
  const progress = createProgress({ label: step, log, ...(tty === undefined ? {} : { tty }) });
  try {
    const r = await refresh((done) => progress.update(done));
    const summary = emptySummary(step);
    summary.read = r.stored + r.cleared;
    summary.loaded = r.stored;
    summary.batches = r.transactions;
    summary.propertiesSet = r.stored * answer.propertiesPerList;
    summary.seconds = (Date.now() - started) / 1000;
    summary.rowsPerSecond = summary.seconds > 0 ? Math.round(summary.loaded / summary.seconds) : 0;
    log.info(
      { step, question: answer.question, [noun]: r.stored, cleared: r.cleared, ...r.detail },
      `${step}: stored the ${answer.question} lists of ${r.stored} ${noun}, cleared ${r.cleared}, in ${summary.seconds.toFixed(1)} s`,
    );
    run.record(summary);
  } finally {
    progress.stop();
  }
}

/** The registry's refresh for `event`, as job steps. */
async function refreshAfter(run: JobRun, event: RefreshEvent, follow?: Awaited<ReturnType<typeof projectFollowCsr>>): Promise<void> {
  const { settings } = run.deps;
  await refreshStoredAnswers(run.deps.db, event, {
    minWalk: { coFollow: settings.coFollowMinWalk, userLists: settings.userListsMinWalk },
    ...(follow ? { follow } : {}),
    step: (answer, refresh) => refreshStep(run, answer, refresh),
  });
}

export async function refreshDerived(run: JobRun): Promise<void> {
  const { db, log } = run.deps;
  run.record(await runStatement(db, log, 'follower-counts', 'ingest/update-follower-counts'));
  // One projection of the follow graph (1.4 s on the demo) serves the five follow-based refreshes.
  const started = Date.now();
  const follow = await projectFollowCsr(db);
  log.info(
    { step: 'follow-projection', creators: follow.nodes.length, follows: follow.out.length, seconds: (Date.now() - started) / 1000 },
    `follow-projection: ${follow.nodes.length} creators, ${follow.out.length} follows in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  await refreshAfter(run, 'social', follow);
}

/** After models are loaded: creators' task/tag profiles (similarCreators) and tasks' leaders change. */
export function refreshAfterModels(run: JobRun): Promise<void> {
  return refreshAfter(run, 'models');
}
