/**
 * `hubgraph eval`: the offline evaluation harness. Runs the asked tasks one after the other (each
 * task that hides edges restores them before the next starts), then writes the report.
 */
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { loadCypher } from '../neo4j/cypher.js';
import type { Db } from '../neo4j/db.js';
import { evalCreators } from './creators.js';
import { evalFeed } from './feed.js';
import { assertNoJournal, restoreJournal, type RestoreResult } from './journal.js';
import { evalModels } from './models.js';
import { createRebuild } from './rebuild.js';
import { writeReport, type EvalReport } from './report.js';
import type { EvalSettings, TaskResult } from './run.js';
import path from 'node:path';

export const TASKS = ['creators', 'models', 'feed'] as const;
export type TaskName = (typeof TASKS)[number];

export type { EvalSettings, TaskResult } from './run.js';

/** Defaults of `hubgraph eval` (each a CLI option). */
export const DEFAULTS = {
  ks: [10, 20, 50],
  seed: 42,
  /** Users (creators, feed) or models per gold (models) sampled. */
  sample: { creators: 150, models: 60, feed: 40 } as Record<TaskName, number>,
  fraction: 0.2,
  minFollows: 5,
  concurrency: 2,
};

/** The journal lives beside the ingest checkpoints: state to resume from, not a report. */
export function journalPath(config: Config): string {
  return path.join(path.dirname(config.ingest.checkpointDir), 'eval-journal.json');
}

export function evalSettings(config: Config, log: Logger, overrides: Partial<EvalSettings> = {}): EvalSettings {
  return {
    ks: DEFAULTS.ks,
    seed: DEFAULTS.seed,
    sample: DEFAULTS.sample.creators,
    fraction: DEFAULTS.fraction,
    minFollows: DEFAULTS.minFollows,
    scope: '',
    hideReciprocal: true,
    authority: true,
    journalFile: journalPath(config),
    concurrency: DEFAULTS.concurrency,
    config,
    log,
    ...overrides,
  };
}

export async function dataSize(db: Db): Promise<Record<string, number>> {
  const rows = await db.read<Record<string, number>>(loadCypher('eval/data-size'), {}, { op: 'eval.size' });
  return rows[0] ?? {};
}

export async function runTask(db: Db, task: TaskName, s: EvalSettings, options: { tune?: boolean } = {}): Promise<TaskResult> {
  if (task === 'creators') return evalCreators(db, s, options);
  if (task === 'models') return evalModels(db, s, options);
  return evalFeed(db, s, options);
}

export interface EvalRunResult {
  report: EvalReport;
  files: { markdown: string; json: string; svgs: string[] };
}

/** Runs tasks and writes the report into `reportsDir`. Refuses to start while an unrestored journal exists. */
export async function runEval(
  db: Db,
  tasks: readonly TaskName[],
  settings: EvalSettings,
  options: { tune?: boolean; samples?: Partial<Record<TaskName, number>>; reportsDir: string },
): Promise<EvalRunResult> {
  assertNoJournal(settings.journalFile);
  const started = performance.now();
  const size = await dataSize(db);
  const results: TaskResult[] = [];
  for (const task of tasks) {
    const sample = options.samples?.[task] ?? DEFAULTS.sample[task];
    results.push(await runTask(db, task, { ...settings, sample }, { tune: options.tune ?? false }));
    settings.log.info({ task, seconds: Number(results.at(-1)!.seconds.toFixed(1)) }, `eval ${task} done`);
  }
  const report: EvalReport = {
    generatedAt: new Date().toISOString(),
    database: { uri: db.uri, database: db.database, size },
    ks: settings.ks,
    seconds: (performance.now() - started) / 1000,
    tasks: results,
  };
  return { report, files: writeReport(options.reportsDir, report) };
}

/** `hubgraph eval restore`: replays an unrestored journal (null when there is none). */
export async function restoreEval(db: Db, config: Config, log: Logger, options: { journalFile?: string; authority?: boolean } = {}): Promise<RestoreResult | null> {
  const { rebuild } = createRebuild(db, { authority: options.authority ?? true, config, log });
  return restoreJournal(db, options.journalFile ?? journalPath(config), log, rebuild);
}
