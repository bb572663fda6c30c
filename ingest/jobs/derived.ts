/**
 * Derived data the API reads, recomputed from the edges at the end of every job that changes
 * follows: follower counts (exact, one statement) and the stored commonly-followed-with lists of
 * hub creators (src/domain/commonlyFollowedWith.ts). Both are idempotent, so a re-run converges.
 */
import { refreshCommonlyFollowedWith } from '../../src/domain/commonlyFollowedWith.js';
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
    summary.read = r.stored + r.dropped;
    summary.loaded = r.stored;
    summary.batches = r.transactions;
    summary.relationshipsCreated = r.relationships;
    summary.seconds = (Date.now() - started) / 1000;
    summary.rowsPerSecond = summary.seconds > 0 ? Math.round(summary.loaded / summary.seconds) : 0;
    summary.relationshipsPerSecond = summary.seconds > 0 ? Math.round(r.relationships / summary.seconds) : 0;
    log.info(
      { step: 'commonly-followed-with', creators: r.stored, dropped: r.dropped, relationships: r.relationships, walk: r.walk, seconds: summary.seconds },
      `commonly-followed-with: stored lists for ${r.stored} hub creators (walk ≥ ${settings.coFollowMinWalk}), dropped ${r.dropped}, in ${summary.seconds.toFixed(1)} s`,
    );
    run.record(summary);
  } finally {
    progress.stop();
  }
}
