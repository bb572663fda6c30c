/**
 * What the recommenders read besides the edges themselves, recomputed after edges are hidden and
 * again after they are restored: follower counts (as ingest computes them) and, when an analytics
 * run is current, authority (PageRank/HITS on the follow graph, written back by a new run). Left
 * stale, a hidden follow would still lift its creator's count and authority: a leak.
 */
import { analyticsSettings, runAnalytics } from '../analytics/run.js';
import { currentRun } from '../analytics/queries.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { loadCypher } from '../neo4j/cypher.js';
import type { Db } from '../neo4j/db.js';

export interface RebuildOptions {
  /** Recompute authority when an analytics run is current (a whole run: tens of seconds on the demo). */
  authority: boolean;
  config: Config;
  log: Logger;
}

export interface RebuildTimings {
  followerCounts: number;
  authority: number | null;
}

export function createRebuild(db: Db, options: RebuildOptions): { rebuild: () => Promise<void>; timings: RebuildTimings[] } {
  const timings: RebuildTimings[] = [];
  const rebuild = async () => {
    let t = performance.now();
    await db.write(loadCypher('ingest/update-follower-counts'), {}, { op: 'eval.followerCounts' });
    const followerCounts = (performance.now() - t) / 1000;
    let authority: number | null = null;
    if (options.authority && (await currentRun(db))) {
      t = performance.now();
      // No grace period: nothing serves reads from this database while it is being evaluated.
      await runAnalytics(db, analyticsSettings(options.config, { gcGraceMs: 0 }), options.log);
      authority = (performance.now() - t) / 1000;
    }
    timings.push({ followerCounts, authority });
  };
  return { rebuild, timings };
}
