/**
 * One ingest step: parsed records in, batched `UNWIND $rows … MERGE` writes out.
 *   validate (the source's mapper) → quarantine the rejected → batch → write (managed write tx)
 * Each batch is one transaction: all of it lands or none. Progress is reported as rows go; the
 * checkpoint advances after each commit. The step returns its summary; nothing is dropped silently:
 * every record is counted as loaded, rejected (with its reason in the quarantine file) or skipped
 * (already committed by an earlier, interrupted run).
 */
import type { Db, WriteSummary } from '../src/neo4j/db.js';
import type { Logger } from '../src/log.js';
import { loadCypher } from '../src/neo4j/cypher.js';
import type { Checkpoint } from './checkpoint.js';
import { createProgress } from './progress.js';
import type { Quarantine } from './quarantine.js';
import type { Parsed } from './types.js';

export interface StepSummary {
  step: string;
  read: number;
  loaded: number;
  rejected: number;
  /** Committed by an earlier run that was interrupted; not written again. */
  skipped: number;
  batches: number;
  seconds: number;
  rowsPerSecond: number;
  nodesCreated: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
  relationshipsPerSecond: number;
}

export interface StepDeps {
  db: Db;
  log: Logger;
  quarantine: Quarantine;
  batchSize: number;
  checkpoint?: Checkpoint;
  /** Force the progress display (tests); default: bar on a TTY. */
  tty?: boolean;
}

export interface StepSpec<T> {
  /** e.g. `models`, `follows`. */
  step: string;
  /** Cypher file under cypher/ taking `$rows` (and `extra` params). */
  cypher: string;
  records: AsyncIterable<Parsed<T>> | Iterable<Parsed<T>>;
  toRow: (record: T) => Record<string, unknown>;
  extra?: Record<string, unknown>;
  total?: number;
  /** Called after each committed batch (e.g. to persist a Hub cursor). */
  afterBatch?: (committed: number) => void;
  /** Commit early when this says so after `handled` records (e.g. at the end of each Hub page). */
  flushAt?: (handled: number) => boolean;
}

export function emptySummary(step: string): StepSummary {
  return {
    step,
    read: 0,
    loaded: 0,
    rejected: 0,
    skipped: 0,
    batches: 0,
    seconds: 0,
    rowsPerSecond: 0,
    nodesCreated: 0,
    relationshipsCreated: 0,
    relationshipsDeleted: 0,
    propertiesSet: 0,
    relationshipsPerSecond: 0,
  };
}

export async function runStep<T>(deps: StepDeps, spec: StepSpec<T>): Promise<StepSummary> {
  const { db, log, quarantine, batchSize, checkpoint } = deps;
  const cypher = loadCypher(spec.cypher);
  const summary = emptySummary(spec.step);
  const started = Date.now();
  const resumeFrom = checkpoint?.read()?.committed ?? 0;
  if (resumeFrom > 0) log.info({ step: spec.step, resumeFrom }, `resuming ${spec.step} after ${resumeFrom} committed records`);
  const progress = createProgress({ label: spec.step, ...(spec.total ? { total: spec.total } : {}), log, ...(deps.tty === undefined ? {} : { tty: deps.tty }) });

  let batch: Record<string, unknown>[] = [];
  const flush = async (handled: number) => {
    if (batch.length > 0) {
      const rows = batch;
      batch = [];
      const { summary: s } = await db.write(cypher, { ...spec.extra, rows }, { op: `ingest.${spec.step}` });
      add(summary, s);
      summary.loaded += rows.length;
      summary.batches++;
    }
    checkpoint?.save({ committed: handled });
    spec.afterBatch?.(handled);
  };

  try {
    for await (const parsed of spec.records) {
      summary.read++;
      if (summary.read <= resumeFrom) {
        summary.skipped++;
        continue;
      }
      if (!parsed.ok) {
        quarantine.add(parsed.rejection);
        summary.rejected++;
      } else {
        batch.push(spec.toRow(parsed.value));
        if (batch.length >= batchSize) await flush(summary.read);
      }
      if (batch.length > 0 && spec.flushAt?.(summary.read)) await flush(summary.read);
      progress.update(summary.read);
    }
    await flush(summary.read);
  } finally {
    progress.stop();
  }
  checkpoint?.clear();
  summary.seconds = (Date.now() - started) / 1000;
  summary.rowsPerSecond = Math.round(summary.loaded / Math.max(summary.seconds, 0.001));
  summary.relationshipsPerSecond = Math.round(summary.relationshipsCreated / Math.max(summary.seconds, 0.001));
  log.info(summary, `${spec.step}: ${summary.loaded} loaded, ${summary.rejected} rejected, ${summary.skipped} resumed past, in ${summary.seconds.toFixed(1)} s`);
  return summary;
}

function add(summary: StepSummary, s: WriteSummary): void {
  summary.nodesCreated += s.nodesCreated;
  summary.relationshipsCreated += s.relationshipsCreated;
  summary.relationshipsDeleted += s.relationshipsDeleted;
  summary.propertiesSet += s.propertiesSet;
}

/** Runs a single parameterized statement (finalizers: counters, derived properties). */
export async function runStatement(db: Db, log: Logger, step: string, cypherName: string, params: Record<string, unknown> = {}): Promise<StepSummary> {
  const started = Date.now();
  const { summary: s } = await db.write(loadCypher(cypherName), params, { op: `ingest.${step}` });
  const summary = emptySummary(step);
  add(summary, s);
  summary.batches = 1;
  summary.seconds = (Date.now() - started) / 1000;
  log.info({ step, ...s }, `${step}: done in ${summary.seconds.toFixed(1)} s`);
  return summary;
}
