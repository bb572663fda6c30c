/**
 * `npm run bench:api-mix` — the GraphQL API under a read/write mix, in figures (printed and written
 * to reports/bench-api-mix.json); it never asserts a timing.
 *
 *  1. The bench store of bench:api (bench/api-common.ts: its own Neo4j in .neo4j-bench-api, the
 *     demo corpus loaded only when the store is empty). With `--analytics`, `hubgraph analytics
 *     run --engine graphology` runs against it first; the report says whether it did, and which
 *     analytics run is current either way.
 *  2. `hubgraph serve` in its own process, as bench:api starts it, with an API key of this run's
 *     (HUBGRAPH_API_KEY) so that it accepts mutations.
 *  3. 8 concurrent clients (--concurrency) send a fixed number of operations (--ops, default
 *     4,000). Each operation acts for one user of bench:api's seeded stand-in users (--users,
 *     default its 20): 10 % (--write-share) are writes through the GraphQL mutations — follow,
 *     unfollow, like, a third each — and the rest reads of the per-user questions
 *     (recommendedCreators, followOfFollow, secondDegree, popularAmongSimilarUsers,
 *     feedCandidates, a fifth each), asked as bench:api asks them plus `reason.computedAt`. The
 *     plan (which user, read or write, which question or mutation) is drawn from --seed, the same
 *     for every run. One user's operations never overlap: a client whose operation is for a user
 *     with one in flight waits for it first (a person does one thing at a time), so "the user's
 *     previous operation" is well defined. A follow picks one of the top 5 creators of the user's
 *     last creator answer not followed yet (else one of the 20 most followed), an unfollow one of
 *     the user's follows, a like one of the top 5 models of the user's last feed (else one of the
 *     bench's 20 models).
 *  4. Each read is a WRITER read when the same user's previous operation in this run was a write
 *     ("just wrote"), else a READER read (the previous one was a read, or this is the user's first).
 *     Per question × {writer, reader}: p50/p99 and the share of answers served stored (an answer is
 *     stored when every reason in it carries a non-null `computedAt`; empty answers are left out of
 *     the share — and recommendedCreators' reasons carry it also when the blend is computed live
 *     from signals that were all answered from their stored lists, so there it means "every entry
 *     from a stored list", not "the stored blend"); the writers' p99 ÷ the readers' p99 against the
 *     target 1.5×; bench:api's p99 targets over all the reads; write latency p50/p99/max per
 *     mutation.
 *  5. Every recommendedCreators, followOfFollow, secondDegree and popularAmongSimilarUsers answer is
 *     checked against the user's follows as the bench knows them (read from Neo4j at the start,
 *     then the bench's own follows and unfollows applied as they are acknowledged): the answers
 *     proposing a creator the user follows are counted (target 0), with examples.
 *
 * The bench leaves the store as it found it: the follows and likes of the users it acts for are
 * recorded before its first write (in .neo4j-bench-api/api-mix-snapshot.json), and after the last
 * run (and between runs) the follows and likes are put back and the derived data — follower counts
 * and the stored lists the writes made stale — recomputed (`hubgraph ingest derived`, in this
 * process), so bench:api and the next run see the state the demo load left. A run stopped midway
 * leaves the file: the next bench:api-mix run restores from it first.
 *
 * `--runs N` repeats the measurement N times (restoring in between) and reports the median of
 * every figure, as bench:api does.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { runJob } from '../ingest/job.js';
import { refreshDerived } from '../ingest/jobs/derived.js';
import { seededRng } from '../src/analytics/rng.js';
import { PROJECT_ROOT } from '../src/config.js';
import type { Db } from '../src/neo4j/db.js';
import { analyticsFirst, BenchSession, fmt, metWord, openBenchStore, percentile, pickIds, post, refreshDelayFigures, saySetup, benchOptions, storeReport, type Ids } from './api-common.js';
import { QUESTIONS, type Question } from './api-questions.js';
import { median, pad, positiveInt, round, say } from './ingest-machine.js';
import { freePort, startHubgraphServe, untilReady } from './servers.js';

const REPORT_FILE = path.join(PROJECT_ROOT, 'reports', 'bench-api-mix.json');
const READ_QUESTIONS = ['recommendedCreators', 'followOfFollow', 'secondDegree', 'popularAmongSimilarUsers', 'feedCandidates'];
/** The questions whose answers must never propose a creator the user follows. */
const CHECKED = new Set(['recommendedCreators', 'followOfFollow', 'secondDegree', 'popularAmongSimilarUsers']);
const WRITES = ['follow', 'unfollow', 'like'] as const;
type WriteKind = (typeof WRITES)[number];
const MUTATIONS: Record<WriteKind, string> = {
  follow: 'mutation M($userId: ID!, $target: ID!) { follow(userId: $userId, creatorId: $target) { following changed followers } }',
  unfollow: 'mutation M($userId: ID!, $target: ID!) { unfollow(userId: $userId, creatorId: $target) { following changed followers } }',
  like: 'mutation M($userId: ID!, $target: ID!) { like(userId: $userId, modelId: $target) { changed model { id likes } } }',
};
const WRITER_P99_TARGET = 1.5;
/** Stand-in users beyond the measured ones whose writes warm the mutations up (restored like the others). */
const WARMUP_USERS = 4;

interface Options {
  ops: number;
  writeShare: number;
  runs: number;
  concurrency: number;
  users: number;
  seed: number;
  warmup: number;
  warmupWrites: number;
  analytics: boolean;
  restore: boolean;
  examples: number;
  fresh: boolean;
  keepNeo4j: boolean;
  boltPort: number;
  httpPort: number;
}

// ── leaving the store as it was found ────────────────────────────────────────────────────────
interface UserSnapshot {
  id: string;
  /** The creators followed, with the edge's properties (`since` as ISO-8601, restored as a datetime). */
  follows: { id: string; since: string | null; props: Record<string, unknown> }[];
  likes: string[];
}

const snapshotFile = (session: BenchSession) => path.join(session.local.home, 'api-mix-snapshot.json');

async function takeSnapshot(db: Db, users: string[]): Promise<UserSnapshot[]> {
  return db.read<UserSnapshot>(
    `UNWIND $users AS id
     MATCH (u:User {id: id})
     RETURN id,
            COLLECT { MATCH (u)-[r:FOLLOWS]->(c:Creator) RETURN {id: c.id, since: toString(r.since), props: properties(r)} } AS follows,
            COLLECT { MATCH (u)-[:LIKED]->(m:Model) RETURN m.id } AS likes`,
    { users },
  );
}

/**
 * Puts the snapshot's follows (with their since and source) and likes back (a like the run added
 * is taken away with the like count it raised), then recomputes the derived data as `hubgraph ingest derived` does: follower
 * counts and every stored list, which the writes left stale.
 */
async function restore(session: BenchSession, db: Db, snapshot: UserSnapshot[]): Promise<{ unfollowed: number; refollowed: number; unliked: number; derivedSeconds: number }> {
  const count = async (cypher: string) => (await db.write<{ n: number }>(cypher, { users: snapshot })).rows[0]?.n ?? 0;
  // An edge the run made is removed even where the snapshot has one to the same creator (unfollowed,
  // then followed again through the API): its since and source are the run's, not the original's.
  const unfollowed = await count(
    `UNWIND $users AS s
     MATCH (u:User {id: s.id})-[r:FOLLOWS]->(c:Creator)
     WHERE NOT [c.id, coalesce(toString(r.since), ''), coalesce(r.source, '')]
               IN [f IN s.follows | [f.id, coalesce(f.since, ''), coalesce(f.props.source, '')]]
     DELETE r
     RETURN count(*) AS n`,
  );
  const refollowed = await count(
    `UNWIND $users AS s
     MATCH (u:User {id: s.id})
     UNWIND s.follows AS f
     MATCH (c:Creator {id: f.id})
     WHERE NOT EXISTS { (u)-[:FOLLOWS]->(c) }
     CREATE (u)-[r:FOLLOWS]->(c)
     SET r = f.props, r.since = CASE WHEN f.since IS NULL THEN null ELSE datetime(f.since) END
     RETURN count(*) AS n`,
  );
  const unliked = await count(
    `UNWIND $users AS s
     MATCH (u:User {id: s.id})-[r:LIKED]->(m:Model)
     WHERE NOT m.id IN s.likes
     DELETE r
     SET m.likes = m.likes - 1
     RETURN count(*) AS n`,
  );
  const t0 = Date.now();
  await runJob({ db, log: session.log, settings: session.ingestSettings(), tty: false, restart: true }, 'derived', refreshDerived);
  return { unfollowed, refollowed, unliked, derivedSeconds: round((Date.now() - t0) / 1000, 1) };
}

async function restoreAndSay(session: BenchSession, db: Db, snapshot: UserSnapshot[], why: string): Promise<Awaited<ReturnType<typeof restore>>> {
  const r = await restore(session, db, snapshot);
  say(`   ${why}: ${r.unfollowed} follows removed, ${r.refollowed} put back, ${r.unliked} likes removed; derived data recomputed in ${r.derivedSeconds} s`);
  return r;
}

// ── analytics ────────────────────────────────────────────────────────────────────────────────

// ── one run ──────────────────────────────────────────────────────────────────────────────────
type Cls = 'writer' | 'reader';
interface PlannedOp {
  user: string;
  /** A question's name or a mutation. */
  what: string;
  write: boolean;
}

/** The seeded plan of one run: the same users, reads and writes in the same order every run. */
function plan(opts: Options, users: string[]): PlannedOp[] {
  const rng = seededRng(opts.seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rng() * items.length)]!;
  return Array.from({ length: opts.ops }, () => {
    const user = pick(users);
    const write = rng() < opts.writeShare;
    return { user, write, what: write ? pick(WRITES) : pick(READ_QUESTIONS) };
  });
}

interface ReadSample {
  question: string;
  cls: Cls;
  /** The user wrote earlier in this run (a reader read after an earlier write). */
  wroteEarlier: boolean;
  ms: number;
  stored: boolean;
  empty: boolean;
}

interface Violation {
  run: number;
  op: number;
  user: string;
  question: string;
  cls: Cls;
  creator: string;
  rank: number;
  reasonKind: string;
  /** The answer carried computedAt (served from a stored list). */
  stored: boolean;
  /** How the bench knows the user follows the creator. */
  followed: string;
}

interface AnswerItem {
  id: string;
  computedAt: string | null;
  kind: string;
}

function answerItems(question: string, data: any): AnswerItem[] {
  if (question === 'feedCandidates') return data.feedCandidates.edges.map((e: any) => ({ id: e.node.model.id, computedAt: e.node.reason.computedAt ?? null, kind: e.node.reason.kind }));
  return data[question].map((r: any) => ({ id: r.creator.id, computedAt: r.reason.computedAt ?? null, kind: r.reason.kind }));
}

interface RunContext {
  opts: Options;
  url: string;
  headers: Record<string, string>;
  ids: Ids;
  questions: Map<string, Question>;
  snapshot: Map<string, UserSnapshot>;
}

interface RunResult {
  seconds: number;
  opsPerSec: number;
  /** Operations that waited for the same user's previous one. */
  waited: number;
  reads: ReadSample[];
  writes: { kind: WriteKind; ms: number; changed: boolean }[];
  errors: Record<string, number>;
  firstError: string | null;
  violatingAnswers: number;
  violatingEntries: number;
  examples: Violation[];
}

const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

async function measure(ctx: RunContext, run: number, ops: PlannedOp[]): Promise<RunResult> {
  const { opts, url, headers, ids, questions } = ctx;
  const rng = seededRng(opts.seed + run);
  const follows = new Map([...ctx.snapshot].map(([id, s]) => [id, new Set(s.follows.map((f) => f.id))]));
  /** When the bench followed a creator for a user: the op index and the time it was acknowledged. */
  const followedBy = new Map<string, { op: number; at: number }>();
  const lastCreators = new Map<string, string[]>();
  const lastModels = new Map<string, string[]>();
  const previousWasWrite = new Map<string, boolean>();
  const wrote = new Set<string>();
  const busy = new Map<string, Promise<void>>();
  const result: RunResult = { seconds: 0, opsPerSec: 0, waited: 0, reads: [], writes: [], errors: {}, firstError: null, violatingAnswers: 0, violatingEntries: 0, examples: [] };

  const fail = (what: string, error: unknown) => {
    result.errors[what] = (result.errors[what] ?? 0) + 1;
    result.firstError ??= `${what}: ${error instanceof Error ? error.message : String(error)}`;
  };
  const pickTop = (candidates: string[] | undefined, keep: (id: string) => boolean) => {
    const top = (candidates ?? []).filter(keep).slice(0, 5);
    return top.length ? top[Math.floor(rng() * top.length)]! : null;
  };

  const read = async (i: number, op: PlannedOp) => {
    const q = questions.get(op.what)!;
    const cls: Cls = previousWasWrite.get(op.user) ? 'writer' : 'reader';
    const userFollows = follows.get(op.user)!;
    const t0 = nowMs();
    let data: unknown;
    try {
      data = await post(url, q.graphql(op.user, { computedAt: true }));
    } catch (error) {
      return fail(op.what, error);
    }
    const ms = nowMs() - t0;
    const items = answerItems(op.what, data);
    result.reads.push({ question: op.what, cls, wroteEarlier: wrote.has(op.user), ms, stored: items.length > 0 && items.every((it) => it.computedAt !== null), empty: items.length === 0 });
    if (op.what === 'feedCandidates') lastModels.set(op.user, items.map((it) => it.id));
    if (!CHECKED.has(op.what)) return;
    lastCreators.set(op.user, items.map((it) => it.id));
    const bad = items.map((it, rank) => ({ ...it, rank: rank + 1 })).filter((it) => userFollows.has(it.id));
    if (!bad.length) return;
    result.violatingAnswers++;
    result.violatingEntries += bad.length;
    for (const it of bad) {
      if (result.examples.length >= opts.examples) break;
      const by = followedBy.get(`${op.user}\u0000${it.id}`);
      result.examples.push({
        run,
        op: i,
        user: op.user,
        question: op.what,
        cls,
        creator: it.id,
        rank: it.rank,
        reasonKind: it.kind,
        stored: it.computedAt !== null,
        followed: by ? `followed by the bench at op ${by.op} (${i - by.op} ops, ${Math.round(t0 - by.at)} ms before this read was sent)` : 'followed before the run',
      });
    }
  };

  const write = async (i: number, op: PlannedOp) => {
    const userFollows = follows.get(op.user)!;
    let kind = op.what as WriteKind;
    if (kind === 'unfollow' && userFollows.size === 0) kind = 'follow';
    let target: string;
    if (kind === 'follow') {
      const keep = (id: string) => id !== op.user && !userFollows.has(id);
      target = pickTop(lastCreators.get(op.user), keep) ?? pickTop(ids.creators.filter(keep), () => true) ?? ids.creators[0]!;
    } else if (kind === 'unfollow') {
      const current = [...userFollows];
      target = current[Math.floor(rng() * current.length)]!;
    } else {
      target = pickTop(lastModels.get(op.user), () => true) ?? ids.models[Math.floor(rng() * ids.models.length)]!;
    }
    const t0 = nowMs();
    let data: any;
    try {
      data = await post(url, { query: MUTATIONS[kind], variables: { userId: op.user, target } }, headers);
    } catch (error) {
      return fail(kind, error);
    }
    const at = nowMs();
    const answer = data[kind] as { changed: boolean; following?: boolean };
    result.writes.push({ kind, ms: at - t0, changed: answer.changed });
    if (kind === 'like') return;
    if (answer.following) {
      userFollows.add(target);
      if (answer.changed) followedBy.set(`${op.user}\u0000${target}`, { op: i, at });
    } else {
      userFollows.delete(target);
      followedBy.delete(`${op.user}\u0000${target}`);
    }
  };

  let next = 0;
  const started = nowMs();
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= ops.length) return;
      const op = ops[i]!;
      const before = busy.get(op.user);
      if (before) result.waited++;
      const mine = (before ?? Promise.resolve()).then(async () => {
        await (op.write ? write(i, op) : read(i, op));
        previousWasWrite.set(op.user, op.write);
        if (op.write) wrote.add(op.user);
      });
      busy.set(op.user, mine);
      await mine;
      if (busy.get(op.user) === mine) busy.delete(op.user);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  result.seconds = round((nowMs() - started) / 1000, 2);
  result.opsPerSec = round(ops.length / result.seconds, 1);
  return result;
}

// ── figures ──────────────────────────────────────────────────────────────────────────────────
interface Latency {
  n: number;
  p50: number;
  p99: number;
  max: number;
}
interface ReadFigures extends Latency {
  /** Share (0..1) of the non-empty answers served stored. */
  stored: number;
  empty: number;
}

function latency(ms: number[]): Latency {
  const sorted = [...ms].sort((a, b) => a - b);
  return { n: sorted.length, p50: round(percentile(sorted, 50), 1), p99: round(percentile(sorted, 99), 1), max: round(sorted.at(-1) ?? Number.NaN, 1) };
}

function readFigures(samples: ReadSample[]): ReadFigures {
  const answered = samples.filter((s) => !s.empty);
  return { ...latency(samples.map((s) => s.ms)), stored: answered.length ? round(answered.filter((s) => s.stored).length / answered.length, 3) : Number.NaN, empty: samples.length - answered.length };
}

/** Several runs' figures as one: `n` and `empty` summed, `max` the largest, every other figure the median. */
function mergeRuns<T extends object>(runs: T[]): T {
  if (runs.length === 1) return runs[0]!;
  const out: Record<string, number> = {};
  for (const key of Object.keys(runs[0]!)) {
    const values = runs.map((r) => (r as Record<string, number>)[key]!);
    out[key] = key === 'n' || key === 'empty' || key === 'changed' ? values.reduce((a, b) => a + b, 0) : key === 'max' ? Math.max(...values) : round(median(values), 3);
  }
  return out as T;
}

const READ_CLASSES = {
  writer: (s: ReadSample) => s.cls === 'writer',
  reader: (s: ReadSample) => s.cls === 'reader',
  all: () => true,
  /** Reader reads of users who wrote earlier in the run (their previous op was a read). */
  readerWroteEarlier: (s: ReadSample) => s.cls === 'reader' && s.wroteEarlier,
  readerNeverWrote: (s: ReadSample) => s.cls === 'reader' && !s.wroteEarlier,
};
type ReadClass = keyof typeof READ_CLASSES;

function runFigures(r: RunResult) {
  const reads = Object.fromEntries(
    READ_QUESTIONS.map((q) => {
      const mine = r.reads.filter((s) => s.question === q);
      return [q, Object.fromEntries(Object.entries(READ_CLASSES).map(([cls, keep]) => [cls, readFigures(mine.filter(keep))])) as Record<ReadClass, ReadFigures>];
    }),
  );
  const overall = Object.fromEntries(Object.entries(READ_CLASSES).map(([cls, keep]) => [cls, readFigures(r.reads.filter(keep))])) as Record<ReadClass, ReadFigures>;
  const writes = Object.fromEntries(
    WRITES.map((kind) => {
      const mine = r.writes.filter((w) => w.kind === kind);
      return [kind, { ...latency(mine.map((w) => w.ms)), changed: mine.filter((w) => w.changed).length }];
    }),
  ) as Record<WriteKind, Latency & { changed: number }>;
  return { reads, overall, writes };
}

// ── main ─────────────────────────────────────────────────────────────────────────────────────
function share(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('expected a share between 0 and 1, e.g. 0.1');
  return n;
}

const times = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : 'n/a');
const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(0)} %` : 'n/a');

/** Where the code the server runs came from — the folder, its commit, its uncommitted files — since figures belong to a tree. */
function codeState(): { root: string; head: string | null; uncommitted: string[] } {
  const git = (...args: string[]) => {
    const r = spawnSync('git', args, { cwd: PROJECT_ROOT, encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim() : null;
  };
  return { root: PROJECT_ROOT, head: git('rev-parse', '--short', 'HEAD'), uncommitted: (git('status', '--porcelain', '--', 'src', 'cypher', 'ingest', 'bin') ?? '').split('\n').filter(Boolean) };
}

async function main(): Promise<void> {
  const program = benchOptions(new Command('bench:api-mix'))
    .description('GraphQL API under a read/write mix: per-user questions for users who just wrote and for users who did not, stored share, follow checks. Prints figures; asserts nothing.')
    .option('--ops <n>', 'operations per run (reads and writes)', positiveInt, 4000)
    .option('--write-share <share>', 'share of the operations that are writes (follow, unfollow, like)', share, 0.1)
    .option('--runs <n>', 'measure this many times over (restoring the store in between) and report the median of each figure', positiveInt, 1)
    .option('--users <n>', 'stand-in users the operations act for (the first 20 are bench:api\u2019s)', positiveInt, 20)
    .option('--seed <n>', 'seed of the ids and of the plan', positiveInt, 42)
    .option('--warmup <n>', 'unmeasured reads per question before the first run (writes: --warmup-writes)', positiveInt, 100)
    .option('--warmup-writes <n>', `unmeasured writes per mutation before the first run, by ${WARMUP_USERS} other stand-in users (restored too)`, positiveInt, 20)
    .option('--analytics', 'run `hubgraph analytics run --engine graphology` before measuring', false)
    .option('--no-restore', 'leave the run\u2019s writes in the store (the snapshot file stays: the next run restores from it first)')
    .option('--examples <n>', 'examples of answers proposing a followed creator to keep per run', positiveInt, 5)
    .parse();
  const opts = program.opts<Options>();

  const session = new BenchSession('bench:api-mix', { boltPort: opts.boltPort, httpPort: opts.httpPort });
  const benchStarted = Date.now();
  const code = codeState();
  const report: Record<string, unknown> = { startedAt: new Date(benchStarted).toISOString(), options: opts, code };
  /** The users' follows and likes before the first write, while the store holds writes of this run's. */
  let unrestored: UserSnapshot[] | null = null;

  try {
    const store = await openBenchStore(session, opts);
    const { db } = store;
    Object.assign(report, storeReport(session, store));
    saySetup('hubgraph API read/write-mix benchmark', benchStarted, session, store);
    say(
      `  code: ${code.root}${code.head ? ` at ${code.head}` : ' (not a git checkout)'}${code.uncommitted.length ? `, with ${code.uncommitted.length} uncommitted files under src/, cypher/, ingest/, bin/` : ''}`,
    );

    const leftOver = snapshotFile(session);
    if (existsSync(leftOver)) {
      say('  the store holds an earlier run\u2019s writes (its snapshot file is there): restoring first…');
      report.restoredBefore = await restoreAndSay(session, db, JSON.parse(readFileSync(leftOver, 'utf8')) as UserSnapshot[], 'restored');
      rmSync(leftOver);
    }

    report.analytics = await analyticsFirst(session, db, opts.analytics === true);

    const sampled = await pickIds(db, opts.seed, opts.users + WARMUP_USERS);
    const users = sampled.users.slice(0, opts.users);
    const warmupUsers = sampled.users.slice(opts.users);
    const ids: Ids = { ...sampled, users };
    report.ids = { ...ids, warmupUsers };
    const questions = new Map(READ_QUESTIONS.map((name) => [name, QUESTIONS.find((q) => q.name === name)!]));
    const writes = Math.round(opts.ops * opts.writeShare);
    say(`  ids (seed ${opts.seed}): ${users.length} stand-in users following ≥ 5 (bench:api's users), ${ids.creators.length} most-followed creators and ${ids.models.length} models for writes without a previous answer`);
    say(
      `  ${opts.runs > 1 ? `${opts.runs} runs × ` : ''}${opts.ops} operations, ${opts.concurrency} concurrent clients: ~${pct(opts.writeShare)} writes (follow / unfollow / like, a third each), the rest reads of ${READ_QUESTIONS.join(', ')} (a fifth each); after ${opts.warmup} unmeasured reads per question and ${opts.warmupWrites} unmeasured writes per mutation`,
    );
    say('  writer read = the same user\u2019s previous operation in this run was a write ("just wrote"; a user\u2019s operations never overlap); reader read = every other read');
    say();

    const snapshot = await takeSnapshot(db, [...users, ...warmupUsers]);
    writeFileSync(snapshotFile(session), JSON.stringify(snapshot));
    unrestored = snapshot;
    const apiKey = randomBytes(24).toString('hex');
    const server = session.track(await startHubgraphServe(session.local, await freePort(), { apiKey }));
    await untilReady(server.url);
    const ctx: RunContext = {
      opts,
      url: server.url,
      headers: { authorization: `Bearer ${apiKey}` },
      ids,
      questions,
      snapshot: new Map(snapshot.filter((s) => users.includes(s.id)).map((s) => [s.id, s])),
    };

    // Warm-up: every question's reads over the users, then every mutation by the warm-up users
    // (follow a most-followed creator, unfollow it, like a model): the JIT and plan caches of both.
    for (const q of questions.values()) {
      for (let i = 0; i < opts.warmup; i += opts.concurrency) {
        await Promise.all(users.slice(0, opts.concurrency).map((_, k) => post(ctx.url, q.graphql(users[(i + k) % users.length]!, { computedAt: true }))));
      }
    }
    for (let i = 0; i < opts.warmupWrites; i++) {
      const userId = warmupUsers[i % warmupUsers.length]!;
      const target = ids.creators[i % ids.creators.length]!;
      for (const [kind, t] of [['follow', target], ['unfollow', target], ['like', ids.models[i % ids.models.length]!]] as const) {
        await post(ctx.url, { query: MUTATIONS[kind], variables: { userId, target: t } }, ctx.headers);
      }
    }

    const planned = plan(opts, users);
    const results: RunResult[] = [];
    const restores: unknown[] = [];
    for (let run = 1; run <= opts.runs; run++) {
      if (run > 1) restores.push(await restoreAndSay(session, db, snapshot, `before run ${run}`));
      if (opts.runs > 1) say(`   run ${run}/${opts.runs}…`);
      results.push(await measure(ctx, run, planned));
    }
    // The refresher's delays (followed creators' lists), as the server exported them, before the restore's own writes.
    const refreshDelay = refreshDelayFigures(await (await fetch(ctx.url.replace(/\/graphql$/, '/metrics'))).text());
    if (opts.restore) {
      restores.push(await restoreAndSay(session, db, snapshot, 'the store restored'));
      rmSync(snapshotFile(session));
      unrestored = null;
    } else {
      say(`   the run's writes stay in the store (--no-restore); the next bench:api-mix run restores from ${path.relative(PROJECT_ROOT, snapshotFile(session))}`);
    }
    say();

    // ── figures ──────────────────────────────────────────────────────────────────────────────
    const perRun = results.map(runFigures);
    const reads = Object.fromEntries(
      READ_QUESTIONS.map((q) => [q, Object.fromEntries(Object.keys(READ_CLASSES).map((cls) => [cls, mergeRuns(perRun.map((f) => f.reads[q]![cls as ReadClass]))])) as Record<ReadClass, ReadFigures>]),
    );
    const overall = Object.fromEntries(Object.keys(READ_CLASSES).map((cls) => [cls, mergeRuns(perRun.map((f) => f.overall[cls as ReadClass]))])) as Record<ReadClass, ReadFigures>;
    const writeFigures = Object.fromEntries(WRITES.map((kind) => [kind, mergeRuns(perRun.map((f) => f.writes[kind]))])) as Record<WriteKind, Latency & { changed: number }>;
    const errors: Record<string, number> = {};
    for (const r of results) for (const [what, n] of Object.entries(r.errors)) errors[what] = (errors[what] ?? 0) + n;
    const violatingAnswers = results.reduce((sum, r) => sum + r.violatingAnswers, 0);
    const violatingEntries = results.reduce((sum, r) => sum + r.violatingEntries, 0);
    const examples = results.flatMap((r) => r.examples);
    const checkedAnswers = results.reduce((sum, r) => sum + r.reads.filter((s) => CHECKED.has(s.question)).length, 0);

    const medianOf = (pick: (r: RunResult) => number) => round(median(results.map(pick)), 2);
    say(`1. per question, ${opts.runs > 1 ? `the median of ${opts.runs} runs, ` : ''}${medianOf((r) => r.opsPerSec)} ops/s over ${medianOf((r) => r.seconds)} s; ${medianOf((r) => r.waited)} ops waited for the same user's previous one`);
    const head = (cls: string) => `${pad(`${cls} n`, 10)}${pad('p50', 7)}${pad('p99', 7)}${pad('stored', 8)}`;
    say(`   ${'question'.padEnd(25)}${head('writer')}${head('reader')}${pad('p99 w÷r', 9)}  ≤ ${WRITER_P99_TARGET}×`);
    const cells = (f: ReadFigures) => `${pad(f.n, 10)}${pad(fmt(f.p50), 7)}${pad(fmt(f.p99), 7)}${pad(pct(f.stored), 8)}`;
    const targets: { target: string; question: string; value: string; met: boolean | null }[] = [];
    for (const q of READ_QUESTIONS) {
      const { writer, reader, all } = reads[q]!;
      const ratio = writer.p99 / reader.p99;
      const met = Number.isFinite(ratio) ? ratio <= WRITER_P99_TARGET : null;
      targets.push({ target: `writers' p99 ≤ ${WRITER_P99_TARGET}× readers' p99`, question: q, value: `${fmt(writer.p99)} vs ${fmt(reader.p99)} ms (${times(ratio)})`, met });
      const p99Target = questions.get(q)!.p99TargetMs;
      if (p99Target !== null) targets.push({ target: `p99 ≤ ${p99Target} ms, all reads (bench:api's target)`, question: q, value: `${fmt(all.p99)} ms`, met: Number.isFinite(all.p99) ? all.p99 <= p99Target : null });
      say(`   ${q.padEnd(25)}${cells(writer)}${cells(reader)}${pad(times(ratio), 9)}  ${metWord(met)}`);
    }
    say(`   ${'all reads'.padEnd(25)}${cells(overall.writer)}${cells(overall.reader)}${pad(times(overall.writer.p99 / overall.reader.p99), 9)}`);
    say('   (ms; stored = share of the non-empty answers whose every reason carries computedAt: served from stored lists — for recommendedCreators, its stored blend or a live blend of stored signals)');
    const rw = overall.readerWroteEarlier;
    const rn = overall.readerNeverWrote;
    say(
      `   reader reads split: by users who wrote earlier in the run ${rw.n} (p50 ${fmt(rw.p50)}, p99 ${fmt(rw.p99)} ms, ${pct(rw.stored)} stored); by users who had not written yet ${rn.n} (p50 ${fmt(rn.p50)}, p99 ${fmt(rn.p99)} ms, ${pct(rn.stored)} stored)`,
    );
    const empties = Object.entries(reads).filter(([, f]) => f.all.empty > 0);
    if (empties.length) say(`   empty answers: ${empties.map(([q, f]) => `${q} ${f.all.empty}`).join(', ')}`);
    say();

    say(`2. writes (${writes} a run planned)`);
    say(`   ${'mutation'.padEnd(12)}${pad('n', 6)}${pad('changed', 9)}${pad('p50', 7)}${pad('p99', 7)}${pad('max', 8)}${pad('errors', 8)}`);
    for (const kind of WRITES) {
      const w = writeFigures[kind];
      say(`   ${kind.padEnd(12)}${pad(w.n, 6)}${pad(w.changed, 9)}${pad(fmt(w.p50), 7)}${pad(fmt(w.p99), 7)}${pad(fmt(w.max), 8)}${pad(errors[kind] ?? 0, 8)}`);
    }
    say('   (ms; changed = the write changed something — a repeated like or follow does not; a follow or unfollow includes recomputing and storing the user\u2019s four lists)');
    const rd = refreshDelay;
    const bound = (ms: number) => (ms === Number.POSITIVE_INFINITY ? '> 300 s' : `≤ ${fmt(ms)} ms`);
    say(
      `   followed creators' commonly-followed-with lists refreshed behind the writes (server's hubgraph_stored_refresh_delay_seconds, all runs): ${rd.stored} stored, ${rd.skipped} skipped; delay from the first follow to the list stored: mean ${fmt(rd.meanMs)} ms, p50 ${bound(rd.p50Ms)}, p99 ${bound(rd.p99Ms)} (bucket bounds)`,
    );
    say();

    say(`3. answers proposing a creator the user follows (recommendedCreators, followOfFollow, secondDegree, popularAmongSimilarUsers; ${checkedAnswers} answers checked)`);
    say(`   ${violatingAnswers} answers (${violatingEntries} entries)${violatingAnswers ? '; examples:' : ''}`);
    for (const v of examples) {
      say(`   - run ${v.run} op ${v.op}: ${v.question} for ${v.user} (${v.cls}, ${v.stored ? 'stored' : 'live'}) proposed ${v.creator} at rank ${v.rank} (${v.reasonKind}); ${v.followed}`);
    }
    targets.push({ target: '0 answers proposing a followed creator', question: '(checked questions)', value: String(violatingAnswers), met: violatingAnswers === 0 });
    say();

    const readErrors = Object.entries(errors).filter(([what]) => !(WRITES as readonly string[]).includes(what));
    if (readErrors.length) say(`   read errors: ${readErrors.map(([q, n]) => `${q} ${n}`).join(', ')} (first: ${results.find((r) => r.firstError)?.firstError})`);
    say('4. targets');
    for (const t of targets) say(`   ${metWord(t.met).padEnd(8)} ${t.target.padEnd(44)} ${t.question.padEnd(25)} ${t.value}`);
    const met = targets.filter((t) => t.met === true).length;
    say(`   ${met}/${targets.filter((t) => t.met !== null).length} met`);
    say();
    const endLoad = os.loadavg().map((l) => round(l, 2));
    const wall = round((Date.now() - benchStarted) / 1000, 1);
    say(`wall ${wall} s; load average at end: ${endLoad.join(' / ')}`);

    Object.assign(report, {
      writerDefinition: 'a read whose user\u2019s previous operation in this run was a write (a user\u2019s operations never overlap)',
      reads,
      overall,
      writes: writeFigures,
      refreshDelay,
      errors,
      followedCreatorProposals: { checkedAnswers, answers: violatingAnswers, entries: violatingEntries, examples },
      targets,
      runs: results.map((r, i) => ({ seconds: r.seconds, opsPerSec: r.opsPerSec, waited: r.waited, errors: r.errors, firstError: r.firstError, figures: perRun[i] })),
      restores,
      loadAverageAtEnd: endLoad,
      wallSeconds: wall,
    });
    mkdirSync(path.dirname(REPORT_FILE), { recursive: true });
    writeFileSync(REPORT_FILE, `${JSON.stringify(report, null, 2)}\n`);
    say(`report: ${path.relative(PROJECT_ROOT, REPORT_FILE)}`);
  } finally {
    // A failed run still leaves the store as it found it (Ctrl-C leaves the snapshot file to the next run).
    if (unrestored && opts.restore && session.db) {
      await restoreAndSay(session, session.db, unrestored, 'after the failure, the store restored')
        .then(() => rmSync(snapshotFile(session)))
        .catch((error: unknown) => say(`   could not restore the store (the next run restores from ${snapshotFile(session)}): ${String(error)}`));
    }
    await session.cleanup();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:api-mix failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
