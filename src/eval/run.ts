/**
 * What every evaluation task shares: settings, a bounded-concurrency map with progress, and the
 * shape of a task's result (a table per task, recall@k curves for the plot).
 */
import { createProgress } from '../../ingest/progress.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { MethodSummary } from './metrics.js';

export interface EvalSettings {
  ks: number[];
  seed: number;
  /** Queries sampled (users for creators and feed, models per gold for models). */
  sample: number;
  /** Share of a sampled user's follows hidden (creators); feed hides the most recent share. */
  fraction: number;
  /** Users need at least this many follows to be sampled. */
  minFollows: number;
  /** Only ids starting with this ('' = the whole graph); tests pass their fixture prefix. */
  scope: string;
  /** Evaluate exactly these users (creators, feed) instead of a seeded sample: a known case, reproduced. */
  users?: readonly string[];
  /** Also hide c→u when u→c is hidden (on the demo every follow is mutual: the reverse edge would hand followBack the answer). */
  hideReciprocal: boolean;
  /** Recompute authority (a whole analytics run) after hiding and after restoring, when a run is current. */
  authority: boolean;
  journalFile: string;
  /** Queries answered at once (the machine's Neo4j does the work; 2 cores). */
  concurrency: number;
  config: Config;
  log: Logger;
}

export interface TaskResult {
  task: 'creators' | 'models' | 'feed';
  /** What was measured, for the report's header: seed, sizes, hidden edges… */
  setup: Record<string, string | number | boolean>;
  /** One table per gold set (creators and feed have one). */
  tables: { title: string; gold: string; summaries: MethodSummary[]; extra?: Record<string, Record<string, number>> }[];
  /** Tuning grids run inside the same hidden window, when asked for. */
  tuning?: TuningResult[];
  seconds: number;
}

export interface TuningResult {
  parameter: string;
  objective: string;
  rows: { setting: string; values: Record<string, number>; objective: number }[];
  chosen: string;
  current: string;
}

/** Maps with at most `limit` calls in flight, in order, showing progress for long runs. */
export async function mapPool<T, R>(items: readonly T[], limit: number, label: string, log: Logger, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  const progress = createProgress({ label, total: items.length, log });
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
      progress.update(++done);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  } finally {
    progress.stop();
  }
  return out;
}
