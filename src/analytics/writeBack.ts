/**
 * Write-back that readers see as atomic: double buffering behind a pointer.
 *
 * Why not one big transaction: Neo4j (read committed, readers take no locks) applies a commit to
 * the store node by node, and a reader scanning many nodes meanwhile can meet some old and some
 * new values — measured on this project's Neo4j 5.26: a poller scanning 2,640 creators saw a mix in
 * 4 of 537 polls while single-transaction write-backs committed (the same holds between the
 * statements of one read transaction). A single transaction over every creator also outgrows the
 * transaction memory limit: with a 1 GB heap it fails from ~470k creators
 * (dbms.memory.transaction.total.max, 716.8 MiB). So a run's values never overwrite what readers
 * of the current run read, and no transaction is larger than a page:
 *
 *   0. garbage: Community nodes of runs that are neither current nor this one (an interrupted
 *      write) are deleted; a run still 'writing' becomes 'abandoned';
 *   1. an (:AnalyticsRun {status: 'writing', current: false, slot}) — slot A or B, whichever the
 *      current run does not use;
 *   2. this run's Community nodes, NEW nodes with id `<run id>/<key>` (key `creator-0` …);
 *   3–4. creators' pagerank/hub/hitsAuthority/communityId/analyticsRunId and models'
 *      communityId/analyticsRunId into the slot's properties (`pagerankA` … or `pagerankB` …), with
 *      IN_COMMUNITY to the new communities; 5. LINKED_TO between them;
 *   6–7. the slot cleared on nodes this run did not cover;
 *   — steps 2–7 in pages of `batchSize` rows, a transaction each; readers of the current run never
 *     look at this slot or these communities —
 *   8. THE FLIP, one small transaction: the run becomes current (status 'complete'; the previous
 *      run loses `current`);
 *   9. the live properties the API and Browser read (`pagerank`, `authority` = PageRank, `hub`,
 *      `hitsAuthority`, `communityId`, `analyticsRunId`, `analyticsAt`) are copied from the slot,
 *      a page per transaction;
 *   10. after `gcGraceMs` (readers that resolved the previous run have finished), the previous
 *      run's communities and their relationships are deleted.
 *
 * A reader that resolves the current run once (queries.ts `currentRun`) and reads through its id
 * and slot sees that run whole, whatever is being written (tests/integration/analyticsWrite polls
 * to check it). The live properties change per node during step 9: a reader of those alone may
 * meet old and new values for those seconds — they exist for the API's `authority` and Browser.
 * Scores go through toFloat() so a score of exactly 0 is stored as a Float like the others.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { ErrorCodes, HubgraphError } from '../errors.js';
import { loadCypher } from '../neo4j/cypher.js';
import type { Db } from '../neo4j/db.js';

export type Slot = 'A' | 'B';

export interface CreatorScoreRow {
  id: string;
  pagerank: number;
  hub: number;
  hitsAuthority: number;
  /** Community key (`creator-3`) or null. */
  communityKey: string | null;
}

export interface ModelCommunityRow {
  id: string;
  communityKey: string;
}

export type CommunityKind = 'creator' | 'model';

export interface CommunityRow {
  /** `<kind>-<rank>`, e.g. `creator-0`. */
  key: string;
  kind: CommunityKind;
  rank: number;
  size: number;
  modularityContribution: number;
  internalWeight: number;
  internalEdges: number;
  density: number;
}

export interface LinkRow {
  /** Community keys. */
  from: string;
  to: string;
  weight: number;
  edges: number;
}

/** What the AnalyticsRun node records. */
export interface RunRecord {
  id: string;
  engine: string;
  seed: number;
  damping: number;
  resolution: number;
  startedAt: string;
  computedAt: string;
  creators: number;
  follows: number;
  coFollowEdges: number;
  models: number;
  modelEdges: number;
  creatorCommunities: number;
  modelCommunities: number;
  creatorModularity: number;
  modelModularity: number;
  computeSeconds: number;
}

export interface WriteBackInput {
  scope: string;
  run: RunRecord;
  creators: CreatorScoreRow[];
  models: ModelCommunityRow[];
  communities: CommunityRow[];
  links: LinkRow[];
}

export interface WriteBackResult {
  slot: Slot;
  /** Seconds writing the slot (steps 0–7), flipping, copying the live properties, waiting + collecting garbage. */
  seconds: { write: number; flip: number; live: number; gc: number; total: number };
  transactions: number;
  communitiesDeleted: number;
}

export const WRITE_BACK_DEFAULTS = {
  /** Rows per UNWIND transaction. */
  batchSize: 10_000,
  /** Wait after the flip before the previous run's communities are deleted (ms). */
  gcGraceMs: 15_000,
};

export type WriteBackOptions = typeof WRITE_BACK_DEFAULTS;

function* chunks<T>(rows: T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

const op = (name: string) => ({ op: `analytics.${name}` });
const cypher = (name: string) => loadCypher(`analytics/${name}`);

/** Deletes pages until a page deletes nothing; returns the total. */
async function repeat(db: Db, name: string, params: Record<string, unknown>, field: string): Promise<{ total: number; transactions: number }> {
  let total = 0;
  let transactions = 0;
  for (;;) {
    const { rows } = await db.write<Record<string, number>>(cypher(name), params, op(name));
    transactions++;
    const n = rows[0]?.[field] ?? 0;
    total += n;
    if (n === 0) return { total, transactions };
  }
}

/** The slot the next run writes: the one the current run of the scope does not use. */
export async function nextSlot(db: Db, scope: string): Promise<Slot> {
  const rows = await db.read<{ run: { slot?: Slot; id: string } }>(cypher('current-run'), { scope }, op('currentRun'));
  return rows[0]?.run.slot === 'A' ? 'B' : 'A';
}

/** The steps before the flip (0–7). */
export async function writeSlot(db: Db, input: WriteBackInput, slot: Slot, batchSize: number): Promise<{ transactions: number; communitiesDeleted: number }> {
  const { scope, run } = input;
  const writing = await db.read<{ id: string }>(
    "MATCH (r:AnalyticsRun {scope: $scope, status: 'writing'}) WHERE r.startedAt > datetime() - duration('PT1H') RETURN r.id AS id",
    { scope },
    op('writingRuns'),
  );
  if (writing.length > 0) {
    throw new HubgraphError(ErrorCodes.ANALYTICS_BUSY, `Another analytics run (${writing[0]!.id}) is being written`, {
      hint: "wait for it to finish; a run killed while writing blocks for an hour, or until `MATCH (r:AnalyticsRun {status: 'writing'}) SET r.status = 'abandoned'`",
    });
  }
  let transactions = 0;
  const gc = await repeat(db, 'write-gc-communities', { scope, keepRunId: run.id, limit: batchSize }, 'deleted');
  transactions += gc.transactions;
  await db.write(cypher('write-gc-runs'), { scope, keepRunId: run.id }, op('write-gc-runs'));
  await db.write(cypher('write-begin-run'), { scope, run: { ...run, slot } }, op('write-begin-run'));
  transactions += 2;
  for (const rows of chunks(input.communities, batchSize)) {
    await db.write(cypher('write-communities'), { runId: run.id, computedAt: run.computedAt, rows }, op('write-communities'));
    transactions++;
  }
  for (const rows of chunks(input.creators, batchSize)) {
    await db.write(cypher('write-creators'), { runId: run.id, slot, rows }, op('write-creators'));
    transactions++;
  }
  for (const rows of chunks(input.models, batchSize)) {
    await db.write(cypher('write-models'), { runId: run.id, slot, rows }, op('write-models'));
    transactions++;
  }
  for (const rows of chunks(input.links, batchSize)) {
    await db.write(cypher('write-links'), { runId: run.id, rows }, op('write-links'));
    transactions++;
  }
  transactions += (await repeat(db, 'write-clear-slot-creators', { scope, runId: run.id, slot, limit: batchSize }, 'cleared')).transactions;
  transactions += (await repeat(db, 'write-clear-slot-models', { scope, runId: run.id, slot, limit: batchSize }, 'cleared')).transactions;
  return { transactions, communitiesDeleted: gc.total };
}

/** Step 8, the flip: the run becomes current, in one small transaction. */
export async function flip(db: Db, scope: string, run: RunRecord): Promise<void> {
  await db.write(cypher('write-flip-run'), { scope, runId: run.id }, op('flip'));
}

/** Step 9: the live properties follow the current run, a page per transaction. */
export async function copyLive(db: Db, scope: string, run: RunRecord, slot: Slot, batchSize: number): Promise<number> {
  let transactions = 0;
  for (const name of ['write-live-creators', 'write-live-models']) {
    let after = '';
    for (;;) {
      const { rows } = await db.write<{ last: string }>(cypher(name), { scope, slot, computedAt: run.computedAt, after, limit: batchSize }, op(name));
      transactions++;
      const last = rows[0]?.last ?? '';
      if (last === '') break;
      after = last;
    }
  }
  return transactions;
}

/** Writes one run (see the module comment). */
export async function writeBack(db: Db, input: WriteBackInput, options: Partial<WriteBackOptions> = {}): Promise<WriteBackResult> {
  const o = { ...WRITE_BACK_DEFAULTS, ...options };
  const t0 = performance.now();
  const slot = await nextSlot(db, input.scope);
  let written: { transactions: number; communitiesDeleted: number };
  let t1: number;
  try {
    written = await writeSlot(db, input, slot, o.batchSize);
    t1 = performance.now();
    await flip(db, input.scope, input.run);
  } catch (error) {
    // The current run is untouched; this one is marked abandoned so it blocks no later run (its
    // communities go at the next run's start). Best effort: the database may be what failed.
    await db
      .write("MATCH (r:AnalyticsRun {id: $id, status: 'writing'}) SET r.status = 'abandoned'", { id: input.run.id }, op('abandon'))
      .catch(() => undefined);
    throw error;
  }
  const t2 = performance.now();
  const liveTransactions = await copyLive(db, input.scope, input.run, slot, o.batchSize);
  const t3 = performance.now();
  if (o.gcGraceMs > 0) await sleep(o.gcGraceMs);
  const gc = await repeat(db, 'write-gc-communities', { scope: input.scope, keepRunId: input.run.id, limit: o.batchSize }, 'deleted');
  const t4 = performance.now();
  return {
    slot,
    seconds: { write: (t1 - t0) / 1000, flip: (t2 - t1) / 1000, live: (t3 - t2) / 1000, gc: (t4 - t3) / 1000, total: (t4 - t0) / 1000 },
    transactions: written.transactions + 1 + liveTransactions + gc.transactions,
    communitiesDeleted: written.communitiesDeleted + gc.total,
  };
}
