/**
 * What every ingest job shares: its dependencies, a quarantine file for the run, checkpoints per
 * step, and the closing summary — printed, written as JSON for scripts, and recorded in the graph
 * for the API's /metrics.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../src/config.js';
import type { Logger } from '../src/log.js';
import { loadCypher } from '../src/neo4j/cypher.js';
import type { Db } from '../src/neo4j/db.js';
import { createCheckpoint, type Checkpoint } from './checkpoint.js';
import { runStep, type StepSpec, type StepSummary } from './pipeline.js';
import { createQuarantine, type Quarantine } from './quarantine.js';

export interface IngestDeps {
  db: Db;
  log: Logger;
  settings: Config['ingest'];
  dataDir?: string | undefined;
  /** Ignore checkpoints left by an interrupted run and start over. */
  restart?: boolean;
  /** Progress display (tests force false). */
  tty?: boolean;
}

export interface JobSummary {
  job: string;
  runId: string;
  startedAt: string;
  seconds: number;
  steps: StepSummary[];
  totals: { read: number; loaded: number; rejected: number; skipped: number; relationshipsCreated: number };
  quarantine: { file: string | null; count: number; byReason: Record<string, number> };
  /** Where this summary was written. */
  summaryFile: string;
  notes: string[];
}

export interface JobRun {
  runId: string;
  quarantine: Quarantine;
  deps: IngestDeps;
  notes: string[];
  /** Runs one batched step, resumable under `checkpointKey` (an input identity). */
  step<T>(spec: StepSpec<T>, checkpointKey?: string): Promise<StepSummary>;
  /** Records a step run outside `step` (e.g. a finalizer). */
  record(summary: StepSummary): void;
  checkpoint(step: string, key: string): Checkpoint;
}

function newRunId(): string {
  return `${new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${process.pid}`;
}

export async function runJob(deps: IngestDeps, job: string, work: (run: JobRun) => Promise<void>): Promise<JobSummary> {
  const runId = newRunId();
  const started = Date.now();
  const quarantine = createQuarantine({ dir: deps.settings.quarantineDir, job: `ingest-${job}`, runId });
  const steps: StepSummary[] = [];
  const notes: string[] = [];
  // The steps' checkpoints: kept while the job is unfinished (a rerun resumes, skipping done steps),
  // removed when it finishes.
  const stepCheckpoints: Checkpoint[] = [];
  const checkpoint = (step: string, key: string) => {
    // Keyed by the target database too: two loads of the same file into different databases
    // (a bench store, a test instance, a second dev database) share the checkpoint directory, and
    // one must never resume from what the other committed — it would skip rows it never wrote.
    const c = createCheckpoint(deps.settings.checkpointDir, `${job}.${step}`, `${deps.db.uri}|${deps.db.database}|${key}`);
    if (deps.restart) c.clear();
    return c;
  };
  const stepCheckpoint = (step: string, key: string) => {
    const c = checkpoint(step, key);
    stepCheckpoints.push(c);
    return c;
  };
  const run: JobRun = {
    runId,
    quarantine,
    deps,
    notes,
    async step(spec, key) {
      const summary = await runStep(
        {
          db: deps.db,
          log: deps.log,
          quarantine,
          batchSize: deps.settings.batchSize,
          ...(key ? { checkpoint: stepCheckpoint(spec.step, key) } : {}),
          ...(deps.tty === undefined ? {} : { tty: deps.tty }),
        },
        spec,
      );
      steps.push(summary);
      return summary;
    },
    record(summary) {
      steps.push(summary);
    },
    checkpoint,
  };
  try {
    await work(run);
  } finally {
    await quarantine.close();
  }
  for (const c of stepCheckpoints) c.clear();
  const totals = steps.reduce(
    (t, s) => ({
      read: t.read + s.read,
      loaded: t.loaded + s.loaded,
      rejected: t.rejected + s.rejected,
      skipped: t.skipped + s.skipped,
      relationshipsCreated: t.relationshipsCreated + s.relationshipsCreated,
    }),
    { read: 0, loaded: 0, rejected: 0, skipped: 0, relationshipsCreated: 0 },
  );
  mkdirSync(deps.settings.reportsDir, { recursive: true });
  const summaryFile = path.join(deps.settings.reportsDir, `ingest-${job}-${runId}.json`);
  const finished = Date.now();
  const summary: JobSummary = {
    job,
    runId,
    startedAt: new Date(started).toISOString(),
    seconds: (finished - started) / 1000,
    steps,
    totals,
    quarantine: { file: quarantine.count > 0 ? quarantine.path : null, count: quarantine.count, byReason: quarantine.byReason },
    summaryFile,
    notes,
  };
  await recordRun(deps, summary, new Date(finished).toISOString());
  writeFileSync(summaryFile, JSON.stringify(summary, null, 2) + '\n');
  return summary;
}

/**
 * The finished run on its IngestJob node, where the API's /metrics reads it (ingest runs in its own
 * process; docs/metrics.md). The data is committed by then: a failure to record is a note, not a
 * failed job.
 */
async function recordRun(deps: IngestDeps, s: JobSummary, finishedAt: string): Promise<void> {
  try {
    await deps.db.write(
      loadCypher('ingest/record-job'),
      {
        job: s.job,
        runId: s.runId,
        startedAt: s.startedAt,
        finishedAt,
        seconds: s.seconds,
        steps: s.steps.map((x) => x.step),
        read: s.steps.map((x) => x.read),
        loaded: s.steps.map((x) => x.loaded),
        rejected: s.steps.map((x) => x.rejected),
        skipped: s.steps.map((x) => x.skipped),
      },
      { op: 'ingest.record-job' },
    );
  } catch (error) {
    deps.log.warn({ err: error, job: s.job }, 'the run is not recorded in the graph: /metrics shows the previous one');
    s.notes.push(`not recorded in the graph for /metrics: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The closing summary a person reads. */
export function formatJobSummary(s: JobSummary): string {
  const pad = (v: string | number, n: number) => String(v).padStart(n);
  // The step column fits the longest step name, so the figures stay under their headings.
  const width = Math.max(22, ...s.steps.map((x) => x.step.length + 1));
  const lines = [
    `ingest ${s.job} — run ${s.runId}, ${s.seconds.toFixed(1)} s`,
    `  ${'step'.padEnd(width)}${pad('read', 9)}${pad('loaded', 9)}${pad('rejected', 9)}${pad('resumed', 9)}${pad('seconds', 9)}${pad('rows/s', 9)}${pad('rels/s', 9)}`,
    ...s.steps.map(
      (x) =>
        `  ${x.step.padEnd(width)}${pad(x.read, 9)}${pad(x.loaded, 9)}${pad(x.rejected, 9)}${pad(x.skipped, 9)}${pad(x.seconds.toFixed(1), 9)}${pad(x.rowsPerSecond, 9)}${pad(x.relationshipsPerSecond, 9)}`,
    ),
    `  total: ${s.totals.read} read, ${s.totals.loaded} loaded, ${s.totals.rejected} rejected, ${s.totals.skipped} resumed past`,
    s.quarantine.file ? `  rejected rows (with reasons): ${s.quarantine.file}` : '  no rejected rows',
    ...s.notes.map((n) => `  note: ${n}`),
    `  summary JSON: ${s.summaryFile}`,
  ];
  return lines.join('\n') + '\n';
}
