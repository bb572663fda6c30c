/**
 * Hiding edges for an offline evaluation, safely. The evaluation deletes real FOLLOWS/LIKED edges
 * from the live graph (the recommenders must not see them), so the graph must come back exactly:
 *
 *  1. the edges, with every property, are written to a journal file (fsynced) BEFORE any is deleted;
 *  2. they are deleted, and what the recommenders read is rebuilt;
 *  3. the work runs; then, whether it succeeded or threw, the edges are put back (MERGE: restoring twice is harmless),
 *     the derived values rebuilt again, the counts checked against the start, and only then the
 *     journal removed.
 * A run that dies between 1 and 3 leaves the journal: `hubgraph eval restore` replays it, and no
 * evaluation starts while it exists.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, openSync, fsyncSync, closeSync } from 'node:fs';
import path from 'node:path';
import { ErrorCodes, HubgraphError } from '../errors.js';
import type { Logger } from '../log.js';
import { loadCypher } from '../neo4j/cypher.js';
import type { Db } from '../neo4j/db.js';

export type EdgeType = 'FOLLOWS' | 'LIKED';

/** One edge as the journal keeps it: ends by id, `since` as ISO-8601 (goes back as a datetime), the other properties as they were. */
export interface JournalEdge {
  type: EdgeType;
  from: string;
  to: string;
  since: string | null;
  props: Record<string, unknown>;
}

export interface Journal {
  version: 1;
  startedAt: string;
  task: string;
  uri: string;
  database: string;
  counts: EdgeCounts;
  edges: JournalEdge[];
}

export interface EdgeCounts {
  follows: number;
  likes: number;
}

export interface EdgeRef {
  type: EdgeType;
  from: string;
  to: string;
}

const BATCH = 2000;

export async function edgeCounts(db: Db): Promise<EdgeCounts> {
  const rows = await db.read<EdgeCounts>(loadCypher('eval/follow-counts'), {}, { op: 'eval.counts' });
  return rows[0] ?? { follows: 0, likes: 0 };
}

export function readJournal(file: string): Journal | null {
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as Journal;
}

export function assertNoJournal(file: string): void {
  const j = readJournal(file);
  if (j) {
    throw new HubgraphError(
      ErrorCodes.EVAL_JOURNAL_EXISTS,
      `An evaluation (${j.task}, started ${j.startedAt}) hid ${j.edges.length} edges that were never restored (journal ${file})`,
      { hint: 'run `hubgraph eval restore` to put them back, then start the evaluation again' },
    );
  }
}

/** Written to a temporary file, fsynced, then renamed: a crash never leaves half a journal. */
function writeJournal(file: string, journal: Journal): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(journal));
  const fd = openSync(tmp, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

function chunks<T>(xs: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

const KEY = (e: EdgeRef) => `${e.type}\u0000${e.from}\u0000${e.to}`;

/** The edges with their properties, as they are now (edges that do not exist are left out). */
export async function readEdges(db: Db, refs: readonly EdgeRef[]): Promise<JournalEdge[]> {
  const unique = [...new Map(refs.map((r) => [KEY(r), r])).values()];
  const out: JournalEdge[] = [];
  for (const type of ['FOLLOWS', 'LIKED'] as const) {
    const file = type === 'FOLLOWS' ? 'eval/read-follows' : 'eval/read-likes';
    for (const batch of chunks(unique.filter((r) => r.type === type))) {
      const rows = await db.read<{ from: string; to: string; since: string | null; props: Record<string, unknown> }>(
        loadCypher(file),
        { edges: batch.map(({ from, to }) => ({ from, to })) },
        { op: 'eval.readEdges' },
      );
      for (const r of rows) {
        const { since: _since, ...props } = r.props;
        out.push({ type, from: r.from, to: r.to, since: r.since, props });
      }
    }
  }
  return out;
}

async function deleteEdges(db: Db, edges: readonly JournalEdge[]): Promise<number> {
  let deleted = 0;
  for (const type of ['FOLLOWS', 'LIKED'] as const) {
    const file = type === 'FOLLOWS' ? 'eval/delete-follows' : 'eval/delete-likes';
    for (const batch of chunks(edges.filter((e) => e.type === type))) {
      const { summary } = await db.write(loadCypher(file), { edges: batch.map(({ from, to }) => ({ from, to })) }, { op: 'eval.hide' });
      deleted += summary.relationshipsDeleted;
    }
  }
  return deleted;
}

/** Puts the journal's edges back (idempotent). Returns how many edges it merged. */
export async function restoreEdges(db: Db, edges: readonly JournalEdge[]): Promise<number> {
  let restored = 0;
  for (const type of ['FOLLOWS', 'LIKED'] as const) {
    const file = type === 'FOLLOWS' ? 'eval/restore-follows' : 'eval/restore-likes';
    for (const batch of chunks(edges.filter((e) => e.type === type))) {
      const rows = await db.write<{ restored: number }>(
        loadCypher(file),
        { edges: batch.map(({ from, to, since, props }) => ({ from, to, since, props })) },
        { op: 'eval.restore' },
      );
      restored += rows.rows[0]?.restored ?? 0;
    }
  }
  return restored;
}

export interface HideOptions {
  journalFile: string;
  task: string;
  log: Logger;
  /** Recomputes what the recommenders read from the edges (follower counts, authority); run after hiding and after restoring. */
  rebuild: () => Promise<void>;
}

/**
 * Runs `work` while `refs` are hidden from the graph, and restores them whatever happens.
 * Throws EVAL_JOURNAL_EXISTS when an earlier run left hidden edges behind.
 */
export async function withHiddenEdges<T>(db: Db, refs: readonly EdgeRef[], options: HideOptions, work: (hidden: readonly JournalEdge[]) => Promise<T>): Promise<T> {
  assertNoJournal(options.journalFile);
  const counts = await edgeCounts(db);
  const edges = await readEdges(db, refs);
  writeJournal(options.journalFile, {
    version: 1,
    startedAt: new Date().toISOString(),
    task: options.task,
    uri: db.uri,
    database: db.database,
    counts,
    edges,
  });
  options.log.info({ task: options.task, edges: edges.length, journal: options.journalFile }, `eval ${options.task}: hiding ${edges.length} edges`);
  const restore = () => restoreJournal(db, options.journalFile, options.log, options.rebuild);
  let result: T;
  try {
    const deleted = await deleteEdges(db, edges);
    if (deleted !== edges.length) throw new Error(`expected to hide ${edges.length} edges, deleted ${deleted}`);
    await options.rebuild();
    result = await work(edges);
  } catch (error) {
    // Restore, but never let a restore failure replace the work's own error; the journal stays for `eval restore`.
    await restore().catch((restoreError: unknown) =>
      options.log.error({ err: restoreError, journal: options.journalFile }, 'eval: restoring the hidden edges failed — run `hubgraph eval restore`'),
    );
    throw error;
  }
  await restore();
  return result;
}

export interface RestoreResult {
  task: string;
  edges: number;
  restored: number;
  counts: EdgeCounts;
}

/** Replays a journal: restores its edges, rebuilds, checks the counts, removes the journal. Null when there is none. */
export async function restoreJournal(db: Db, file: string, log: Logger, rebuild: () => Promise<void>): Promise<RestoreResult | null> {
  const journal = readJournal(file);
  if (!journal) return null;
  const restored = await restoreEdges(db, journal.edges);
  await rebuild();
  const counts = await edgeCounts(db);
  if (counts.follows !== journal.counts.follows || counts.likes !== journal.counts.likes) {
    throw new HubgraphError(
      ErrorCodes.EVAL_RESTORE_FAILED,
      `After restoring, the graph holds ${counts.follows} FOLLOWS and ${counts.likes} LIKED edges; it held ${journal.counts.follows} and ${journal.counts.likes} when the evaluation started`,
      { hint: `the journal ${file} is kept; check whether something else wrote to the graph meanwhile` },
    );
  }
  rmSync(file);
  log.info({ task: journal.task, edges: journal.edges.length }, `eval: restored ${journal.edges.length} hidden edges`);
  return { task: journal.task, edges: journal.edges.length, restored, counts };
}
