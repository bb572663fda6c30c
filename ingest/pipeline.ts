/**
 * One ingest step: parsed records in, batched `UNWIND $rows … MERGE` writes out.
 *   validate (the source's mapper) → quarantine the rejected → batch → write (managed write tx)
 * Each batch is one transaction: all of it lands or none. Progress is reported as rows go; the
 * checkpoint advances after each commit. The step returns its summary; nothing is dropped silently:
 * every record is counted as loaded, rejected (with its reason in the quarantine file) or skipped
 * (already committed by an earlier, interrupted run).
 */
import { Neo4jError } from 'neo4j-driver';
import { ErrorCodes, HubgraphError, isHubgraphError } from '../src/errors.js';
import type { Db, WriteSummary } from '../src/neo4j/db.js';
import type { Logger } from '../src/log.js';
import { loadCypher } from '../src/neo4j/cypher.js';
import type { Checkpoint } from './checkpoint.js';
import { createProgress } from './progress.js';
import { truncateUtf8, type Quarantine } from './quarantine.js';
import type { Parsed, SourcePosition } from './types.js';

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
  const saved = checkpoint?.read();
  if (saved?.done) {
    // Finished by an earlier run of this job that failed at a later step: nothing to redo.
    log.info({ step: spec.step, records: saved.committed }, `${spec.step}: finished by an earlier run, skipped`);
    return { ...emptySummary(spec.step), read: saved.committed, skipped: saved.committed };
  }
  const resumeFrom = saved?.committed ?? 0;
  if (resumeFrom > 0) log.info({ step: spec.step, resumeFrom }, `resuming ${spec.step} after ${resumeFrom} committed records`);
  const progress = createProgress({ label: spec.step, ...(spec.total ? { total: spec.total } : {}), log, ...(deps.tty === undefined ? {} : { tty: deps.tty }) });

  let batch: Record<string, unknown>[] = [];
  let positions: SourcePosition[] = [];
  const write = async (rows: Record<string, unknown>[]) => {
    const { summary: s } = await db.write(cypher, { ...spec.extra, rows }, { op: `ingest.${spec.step}` });
    add(summary, s);
    summary.loaded += rows.length;
    summary.batches++;
  };
  /**
   * A batch the database refuses for its data (a value it cannot index, a constraint) is split in
   * halves until the refused rows stand alone: they go to quarantine with the database's message and
   * the rest load. When every row of a batch is refused on its own, the statement is at fault, not
   * the data: that error is thrown, as is any other (syntax, a lost connection).
   */
  const writeOrBisect = async (rows: Record<string, unknown>[], at: SourcePosition[], refused: { at: SourcePosition; row: unknown; error: Error }[]) => {
    try {
      await write(rows);
    } catch (error) {
      if (!refusedForData(error)) throw error;
      if (rows.length === 1) {
        refused.push({ at: at[0]!, row: rows[0], error });
        return;
      }
      const half = Math.ceil(rows.length / 2);
      await writeOrBisect(rows.slice(0, half), at.slice(0, half), refused);
      await writeOrBisect(rows.slice(half), at.slice(half), refused);
    }
  };
  const writeBatch = async (rows: Record<string, unknown>[], at: SourcePosition[]) => {
    const refused: { at: SourcePosition; row: unknown; error: Error }[] = [];
    await writeOrBisect(rows, at, refused);
    if (refused.length > 1 && refused.length === rows.length) throw refused[0]!.error;
    for (const r of refused) {
      quarantine.add({ position: r.at, reason: `refused by Neo4j: ${firstLine(r.error.message)}`, raw: truncateUtf8(JSON.stringify(r.row)).text });
      summary.rejected++;
    }
  };
  const flush = async (handled: number) => {
    if (batch.length > 0) {
      const [rows, at] = [batch, positions];
      batch = [];
      positions = [];
      await writeBatch(rows, at);
    }
    checkpoint?.save({ committed: handled });
    spec.afterBatch?.(handled);
  };

  // Set while a record is handled: an error outside it came from reading the input.
  let handling = false;
  try {
    for await (const parsed of spec.records) {
      handling = true;
      summary.read++;
      if (summary.read <= resumeFrom) {
        summary.skipped++;
        handling = false;
        continue;
      }
      if (!parsed.ok) {
        quarantine.add(parsed.rejection);
        summary.rejected++;
      } else {
        batch.push(spec.toRow(parsed.value));
        positions.push(parsed.position);
        if (batch.length >= batchSize) await flush(summary.read);
      }
      if (batch.length > 0 && spec.flushAt?.(summary.read)) await flush(summary.read);
      progress.update(summary.read);
      handling = false;
    }
    await flush(summary.read);
  } catch (error) {
    if (handling || !isHubgraphError(error) || error.code !== ErrorCodes.INPUT_FILE_UNREADABLE) throw error;
    // The input broke mid-file (a truncated gzip): the records read before it are good, so they are
    // committed, and the error says what was loaded and what a rerun does.
    await flush(summary.read);
    throw new HubgraphError(
      ErrorCodes.INPUT_FILE_UNREADABLE,
      `${error.message} — after ${summary.read} records of step ${spec.step}: ${summary.loaded} loaded (committed), ${summary.rejected} rejected, ${summary.skipped} loaded by an earlier run`,
      {
        hint:
          `${error.hint ? `${error.hint}. ` : ''}Replace the file and rerun: a changed file starts the step over; ` +
          `the same file resumes after record ${summary.read} and stops here again`,
        cause: error,
      },
    );
  } finally {
    progress.stop();
  }
  checkpoint?.save({ committed: summary.read, done: true });
  summary.seconds = (Date.now() - started) / 1000;
  summary.rowsPerSecond = Math.round(summary.loaded / Math.max(summary.seconds, 0.001));
  summary.relationshipsPerSecond = Math.round(summary.relationshipsCreated / Math.max(summary.seconds, 0.001));
  log.info(summary, `${spec.step}: ${summary.loaded} loaded, ${summary.rejected} rejected, ${summary.skipped} resumed past, in ${summary.seconds.toFixed(1)} s`);
  return summary;
}

/**
 * Whether Neo4j refused the rows themselves (a value too large to index, a constraint, a value of the
 * wrong type) rather than the statement or the connection: those are worth bisecting.
 */
export function refusedForData(error: unknown): error is Neo4jError {
  if (!(error instanceof Neo4jError)) return false;
  const code = error.code ?? '';
  if (code === 'Neo.ClientError.Statement.SyntaxError' || code === 'Neo.ClientError.Statement.ParameterMissing') return false;
  // An index key too large comes back as Neo.DatabaseError.Statement.ExecutionFailed (5.26).
  return code.startsWith('Neo.ClientError.Schema.') || code.startsWith('Neo.ClientError.Statement.') || code === 'Neo.DatabaseError.Statement.ExecutionFailed';
}

const firstLine = (text: string) => text.split('\n', 1)[0]!.slice(0, 500);

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
