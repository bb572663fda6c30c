/**
 * Derived data the API reads, recomputed from the edges at the end of every job that changes
 * follows: follower counts (exact, one statement) and the stored commonly-followed-with lists of
 * hub creators (src/domain/commonlyFollowedWith.ts). Both are idempotent, so a re-run converges.
 */
import { refreshCommonlyFollowedWith } from '../../src/analytics/commonlyFollowedWith.js';
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
}
