/**
 * `npm run bench:scale` — how the social layer scales, in figures (printed and written to
 * reports/bench-scale.json); it never asserts a timing.
 *
 *  1. Its own Neo4j (home .neo4j-bench-scale, Bolt 48697, HTTP 48497; heap --heap, page cache
 *     --pagecache, the same at every scale) with the demo corpus, loaded only when the store is
 *     empty (bench/api-common.ts, as bench:api does) and kept between runs; `--fresh` wipes it.
 *  2. For each scale N of --scales (default 1,3,10): 1× is the demo corpus; N× adds a
 *     configuration-model copy of the demo's follow graph with N − 1 times its creators and follows
 *     (bench/analytics.ts `generate N−1`: every creator copied N − 1 times with its out- and
 *     in-degree, stubs paired at random, seeded; ids under `bench-x<N−1>/`, source
 *     `bench-scale-up`, no models). Any other copy is deleted first (`analytics.ts delete`). Both
 *     run bench/analytics.ts as a child process: that module parses its own command line when
 *     imported.
 *  3. At each scale:
 *     - the stored-list refresh, `hubgraph ingest derived` in a process of its own: wall time; its
 *       peak RSS, CPU seconds, most V8 heap in use and heap limit (from a preload that prints them
 *       as it exits); the Neo4j CPU seconds over the same time; each step's seconds, split into
 *       computing in memory and writing for the follow lists; the lists stored and their Σ walk.
 *       --refresh-runs times (default 1), at 1× at least --base-refresh-runs times (default 3: it
 *       is the yardstick), the median reported. --refresh-heap-mb raises its V8 heap limit;
 *     - the API: `hubgraph serve` in its own process (as bench:api starts it, with an API key so
 *       that it takes mutations), every question of bench/api-questions.ts --requests times from
 *       --concurrency clients right after --warmup unmeasured requests, asked as bench:api asks
 *       them plus `reason.computedAt` (so the share served from stored lists is known). Users are
 *       a seeded sample of every user following ≥ 5 creators in the whole graph, copies included
 *       (--users); creators a seeded 20 of the 20·N most followed (at 1× bench:api's 20; at N×
 *       the copies of the hubs are among them); tasks, models and search texts are bench:api's
 *       (copies have none);
 *     - the write path: --writes mutations in follow/unfollow pairs by the sampled users (a
 *       user's operations never overlap), each followed by that user's recommendedCreators read:
 *       p50/p99 of follow, unfollow and the read after, and the share of those reads served from
 *       stored lists (every reason carries `computedAt`, as bench:api-mix tells it). A follow's
 *       target is the top creator of the user's last answer; the unfollow takes it back, so the
 *       graph ends as it was (a stopped run's follows, source 'api', are taken back at the next start).
 *       And the delay of the server's refresher, which recomputes the followed creators'
 *       co-follow lists behind the writes (from its /metrics, as bench:api-mix reads it);
 *     - the data (creators, follows, the store on disk), Neo4j's RSS, the load average and the
 *       JS reference task as the scale began.
 *  4. With the copies deleted, the API at 1× once more (--no-recheck skips it): how far the
 *     machine drifted during the run.
 *  5. The curve, and issue 18's targets printed met / missed: at 10× every question's p99 ≤ 2×
 *     its 1× p99, and the refresh ≤ 12× its 1× time. Other scales get the same p99 bound and the
 *     pro-rata refresh bound 1.2·N×, marked as such.
 *
 * `--runs N` measures the API and the write path N times at each scale and reports the median of
 * every figure. The last scale's copy is deleted at the end unless --keep (the next run deletes
 * any copy it finds); the bench Neo4j is stopped at the end, on error and on Ctrl-C, unless
 * --keep-neo4j. The store files never shrink: the size on disk is a high-water mark.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { seededRng } from '../src/analytics/rng.js';
import { PROJECT_ROOT, type LocalNeo4jConfig } from '../src/config.js';
import type { Db } from '../src/neo4j/db.js';
import { boltUri } from '../src/neo4j/local.js';
import { BenchSession, fmt, metWord, openBenchStore, percentile, pickIds, post, refreshDelayFigures, sample, saySetup, storeReport, type Ids } from './api-common.js';
import { QUESTIONS, type Question } from './api-questions.js';
import { cpuReferenceMs, int, median, pad, positiveInt, processCpuSeconds, processPeakRssMiB, round, say } from './ingest-machine.js';
import { freePort, startHubgraphServe, stopChild, untilReady } from './servers.js';

const REPORT_FILE = path.join(PROJECT_ROOT, 'reports', 'bench-scale.json');
const HOME = path.join(PROJECT_ROOT, '.neo4j-bench-scale');
const PORTS = { boltPort: 48697, httpPort: 48497 };
const ANALYTICS_SCRIPT = path.join(PROJECT_ROOT, 'bench', 'analytics.ts');
const CLI = path.join(PROJECT_ROOT, 'bin', 'hubgraph.js');
/** What bench/analytics.ts `generate` stamps on its copies; their ids start with `bench-x<copies>/`. */
const COPY_SOURCE = 'bench-scale-up';
/** Issue 18's targets at 10×: every question's p99 ≤ 2× its 1× p99, the refresh ≤ 12× its 1× time (1.2 per unit of scale). */
const P99_TARGET = 2;
const REFRESH_TARGET_PER_SCALE = 1.2;
/** Users beyond the sample whose follow/unfollow pairs warm the mutations up, unmeasured. */
const WARMUP_WRITE_USERS = 4;
/**
 * Preloaded into the refresh's process: as it exits, its resource usage (getrusage: peak RSS in
 * KiB, CPU in µs), the most V8 heap it had in use (sampled every 200 ms) and its heap limit, on
 * stderr — the figures of that process alone, whatever ran before it.
 */
const RUSAGE_PRELOAD =
  "data:text/javascript,import v8 from 'node:v8';let peak=0;" +
  'setInterval(()=>{const h=v8.getHeapStatistics().used_heap_size;if(h>peak)peak=h},200).unref();' +
  "process.on('exit',()=>process.stderr.write('\\nBENCH_RUSAGE '+JSON.stringify({...process.resourceUsage(),peakHeapUsed:peak,heapLimit:v8.getHeapStatistics().heap_size_limit})+'\\n'))";

interface Options {
  scales: number[];
  runs: number;
  refreshRuns: number;
  baseRefreshRuns: number;
  requests: number;
  warmup: number;
  users: number;
  writes: number;
  writeWarmup: number;
  concurrency: number;
  seed: number;
  heap: string;
  pagecache: string;
  refreshHeapMb?: number;
  questions?: string[];
  keep: boolean;
  recheck: boolean;
  keepNeo4j: boolean;
  fresh: boolean;
}

// ── child processes ──────────────────────────────────────────────────────────────────────────
interface ChildResult {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  seconds: number;
}

/** Runs Node with `args` in the project root, tracked by the session (stopped on Ctrl-C), and collects its output. */
function runNode(session: BenchSession, args: string[], env: Record<string, string>): Promise<ChildResult> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  session.track({ child });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr, seconds: (performance.now() - started) / 1000 }));
  });
}

const neo4jEnv = (local: LocalNeo4jConfig) => ({ NEO4J_URI: boltUri(local), NEO4J_USER: 'neo4j', NEO4J_PASSWORD: local.password, LOG_LEVEL: 'warn', LOG_PRETTY: 'false' });

function childError(what: string, r: ChildResult): Error {
  return new Error(`${what} failed (${r.code ?? r.signal}): ${(r.stderr || r.stdout).trim().split('\n').slice(-8).join(' | ').slice(-2000)}`);
}

// ── the copies ───────────────────────────────────────────────────────────────────────────────
interface CopyLoad {
  copies: number;
  nodes: number;
  follows: number;
  dropped: number;
  generateSeconds: number;
  loadSeconds: number;
  /** The child's wall time, the demo's projection included. */
  seconds: number;
}

/** The copy factors present in the store (from the ids' `bench-x<k>/` prefixes). */
async function presentCopies(db: Db): Promise<number[]> {
  const rows = await db.read<{ prefix: string }>("MATCH (c:Creator {source: $source}) RETURN DISTINCT split(c.id, '/')[0] AS prefix", { source: COPY_SOURCE });
  return rows.map((r) => Number(/^bench-x(\d+)$/.exec(r.prefix)?.[1])).filter((k) => Number.isInteger(k) && k > 0);
}

async function deleteCopies(session: BenchSession, copies: number): Promise<number> {
  const r = await runNode(session, ['--import', 'tsx', ANALYTICS_SCRIPT, 'delete', String(copies)], neo4jEnv(session.local));
  if (r.code !== 0) throw childError(`deleting the ${copies}-fold copy`, r);
  return round(r.seconds, 1);
}

async function generateCopies(session: BenchSession, copies: number): Promise<CopyLoad> {
  const r = await runNode(session, ['--import', 'tsx', ANALYTICS_SCRIPT, 'generate', String(copies)], neo4jEnv(session.local));
  if (r.code !== 0) throw childError(`generating the ${copies}-fold copy`, r);
  const g = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Omit<CopyLoad, 'copies' | 'seconds'>;
  return { copies, ...g, generateSeconds: round(g.generateSeconds, 1), loadSeconds: round(g.loadSeconds, 1), seconds: round(r.seconds, 1) };
}

// ── the data ─────────────────────────────────────────────────────────────────────────────────
interface DataFigures {
  nodes: number;
  rels: number;
  creators: number;
  users: number;
  follows: number;
  copyCreators: number;
  /** The store files and the transaction logs on disk, MiB. */
  storeMiB: number;
  txLogMiB: number;
}

function duMiB(dir: string): number {
  const r = spawnSync('du', ['-sb', dir], { encoding: 'utf8' });
  const bytes = Number.parseInt(r.stdout, 10);
  return Number.isFinite(bytes) ? round(bytes / 1024 ** 2) : Number.NaN;
}

async function dataFigures(db: Db, local: LocalNeo4jConfig): Promise<DataFigures> {
  const [c] = await db.read<Omit<DataFigures, 'storeMiB' | 'txLogMiB'>>(
    `CALL () { MATCH (n) RETURN count(n) AS nodes }
     CALL () { MATCH ()-[r]->() RETURN count(r) AS rels }
     CALL () { MATCH (n:Creator) RETURN count(n) AS creators }
     CALL () { MATCH (n:User) RETURN count(n) AS users }
     CALL () { MATCH ()-[r:FOLLOWS]->() RETURN count(r) AS follows }
     CALL () { MATCH (n:Creator {source: $source}) RETURN count(n) AS copyCreators }
     RETURN nodes, rels, creators, users, follows, copyCreators`,
    { source: COPY_SOURCE },
  );
  return { ...c!, storeMiB: duMiB(path.join(local.home, 'data', 'databases', 'neo4j')), txLogMiB: duMiB(path.join(local.home, 'data', 'transactions', 'neo4j')) };
}

/** Current resident set size (VmRSS) of a process, MiB, or null. */
function rssMiB(pid: number): number | null {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return line ? round(Number.parseInt(line.replace(/\D+/g, ''), 10) / 1024) : null;
  } catch {
    return null;
  }
}

// ── the refresh ──────────────────────────────────────────────────────────────────────────────
interface RefreshFigures {
  seconds: number;
  peakRssMiB: number | null;
  /** The most V8 heap in use (sampled every 200 ms) and the process's heap limit, MiB. */
  peakHeapMiB: number | null;
  heapLimitMiB: number | null;
  /** CPU seconds of the refresh's own process (user + system) and of Neo4j over the same time. */
  nodeCpuSeconds: number | null;
  neo4jCpuSeconds: number | null;
  /** Each step's seconds (the follow projection from its log line, the others from the job summary). */
  steps: Record<string, number>;
  /** Lists stored by each list step. */
  stored: Record<string, number>;
  /** The follow-list steps: Σ walk (the rows their live queries would aggregate), and seconds computing in memory vs writing. */
  walk: Record<string, number>;
  computeSeconds: Record<string, number>;
  writeSeconds: Record<string, number>;
}

async function refresh(session: BenchSession, opts: Options, neo4jPid: number): Promise<RefreshFigures> {
  const dirs = (name: string) => path.join(session.tmp, 'refresh', name);
  const cpu0 = processCpuSeconds(neo4jPid);
  const r = await runNode(session, ['--import', RUSAGE_PRELOAD, CLI, 'ingest', 'derived', '--restart', '--json'], {
    ...neo4jEnv(session.local),
    LOG_LEVEL: 'info',
    HUBGRAPH_REPORTS_DIR: dirs('reports'),
    HUBGRAPH_CHECKPOINT_DIR: dirs('checkpoints'),
    HUBGRAPH_QUARANTINE_DIR: dirs('quarantine'),
    ...(opts.refreshHeapMb ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${opts.refreshHeapMb}`.trim() } : {}),
  });
  const cpu1 = processCpuSeconds(neo4jPid);
  const usageLine = r.stderr.split('\n').find((l) => l.startsWith('BENCH_RUSAGE '));
  const usage = usageLine ? (JSON.parse(usageLine.slice('BENCH_RUSAGE '.length)) as NodeJS.ResourceUsage & { peakHeapUsed: number; heapLimit: number }) : null;
  if (r.code !== 0) {
    const peak = usage ? `; peak RSS ${int(usage.maxRSS / 1024)} MiB, heap in use up to ${int(usage.peakHeapUsed / 1024 ** 2)} of ${int(usage.heapLimit / 1024 ** 2)} MiB` : '';
    throw childError(`hubgraph ingest derived (after ${round(r.seconds)} s${peak})`, r);
  }
  const figures: RefreshFigures = {
    seconds: round(r.seconds, 1),
    peakRssMiB: usage ? round(usage.maxRSS / 1024) : null,
    peakHeapMiB: usage ? round(usage.peakHeapUsed / 1024 ** 2) : null,
    heapLimitMiB: usage ? round(usage.heapLimit / 1024 ** 2) : null,
    nodeCpuSeconds: usage ? round((usage.userCPUTime + usage.systemCPUTime) / 1e6, 1) : null,
    neo4jCpuSeconds: cpu0 === null || cpu1 === null ? null : round(cpu1 - cpu0, 1),
    steps: {},
    stored: {},
    walk: {},
    computeSeconds: {},
    writeSeconds: {},
  };
  const summary = JSON.parse(r.stdout) as { steps: { step: string; seconds: number; loaded: number }[] };
  for (const s of summary.steps) {
    figures.steps[s.step] = round(s.seconds, 1);
    if (s.step !== 'follower-counts') figures.stored[s.step] = s.loaded;
  }
  for (const line of r.stderr.split('\n')) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as { step?: string; seconds?: number | { compute: number; write: number }; walk?: number };
    if (!entry.step) continue;
    if (entry.step === 'follow-projection' && typeof entry.seconds === 'number') figures.steps['follow-projection'] = round(entry.seconds, 1);
    if (typeof entry.walk === 'number') figures.walk[entry.step] = entry.walk;
    if (entry.seconds && typeof entry.seconds === 'object' && typeof entry.seconds.compute === 'number') {
      figures.computeSeconds[entry.step] = round(entry.seconds.compute, 1);
      figures.writeSeconds[entry.step] = round(entry.seconds.write, 1);
    }
  }
  return figures;
}

/** Several refreshes as one: the median of each figure. */
function medianRefresh(runs: RefreshFigures[]): RefreshFigures {
  if (runs.length === 1) return runs[0]!;
  const m = (pick: (r: RefreshFigures) => number | null) => {
    const values = runs.map(pick).filter((v): v is number => v !== null);
    return values.length ? round(median(values), 1) : null;
  };
  const each = (pick: (r: RefreshFigures) => Record<string, number>) => Object.fromEntries(Object.keys(pick(runs[0]!)).map((k) => [k, m((r) => pick(r)[k] ?? null)!]));
  return {
    seconds: m((r) => r.seconds)!,
    peakRssMiB: m((r) => r.peakRssMiB),
    peakHeapMiB: m((r) => r.peakHeapMiB),
    heapLimitMiB: runs[0]!.heapLimitMiB,
    nodeCpuSeconds: m((r) => r.nodeCpuSeconds),
    neo4jCpuSeconds: m((r) => r.neo4jCpuSeconds),
    steps: each((r) => r.steps),
    stored: runs.at(-1)!.stored,
    walk: runs.at(-1)!.walk,
    computeSeconds: each((r) => r.computeSeconds),
    writeSeconds: each((r) => r.writeSeconds),
  };
}

// ── ids ──────────────────────────────────────────────────────────────────────────────────────
interface ScaleIds extends Ids {
  warmupUsers: string[];
  /** How many users follow ≥ 5 creators (the population the users are drawn from). */
  userPopulation: number;
}

/**
 * bench:api's tasks, models and search texts (copies have none of them); users a seeded sample of
 * every user following ≥ 5 creators, copies included; creators a seeded 20 of the 20·N most
 * followed (at 1× exactly bench:api's 20).
 */
async function scaleIds(db: Db, seed: number, scale: number, users: number): Promise<ScaleIds> {
  const base = await pickIds(db, seed);
  const rng = seededRng(seed);
  const userRows = await db.read<{ id: string }>('MATCH (u:User) WHERE COUNT { (u)-[:FOLLOWS]->() } >= 5 RETURN u.id AS id ORDER BY id');
  const drawn = sample(userRows.map((r) => r.id), users + WARMUP_WRITE_USERS, rng);
  const creatorRows = await db.read<{ id: string }>(
    'MATCH (c:Creator) WITH c, COUNT { (c)<-[:FOLLOWS]-() } AS f ORDER BY f DESC, c.id ASC LIMIT $n RETURN c.id AS id',
    { n: 20 * scale },
  );
  return {
    ...base,
    users: drawn.slice(0, users),
    warmupUsers: drawn.slice(users),
    creators: sample(creatorRows.map((r) => r.id), 20, rng),
    userPopulation: userRows.length,
  };
}

const idsOf = (ids: Ids, q: Question) => ({ user: ids.users, creator: ids.creators, task: ids.tasks, model: ids.models, search: ids.searches })[q.kind];

// ── load ─────────────────────────────────────────────────────────────────────────────────────
interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

interface ReadFigures extends Latency {
  errors: number;
  firstError: string | null;
  reqPerSec: number;
  /** Share (0..1) of the non-empty answers whose every reason carries computedAt; NaN where reasons carry none. */
  stored: number;
  empty: number;
}

function latency(ms: number[]): Latency {
  const sorted = [...ms].sort((a, b) => a - b);
  return { n: sorted.length, p50: round(percentile(sorted, 50), 1), p95: round(percentile(sorted, 95), 1), p99: round(percentile(sorted, 99), 1), max: round(sorted.at(-1) ?? Number.NaN, 1) };
}

/** The computedAt of every reason in an answer; null for the questions whose reasons carry none. */
function computedAts(question: string, data: any): (string | null)[] | null {
  if (question === 'similarModels' || question === 'search') return null;
  if (question === 'feedCandidates') return data.feedCandidates.edges.map((e: any) => e.node.reason.computedAt ?? null);
  return data[question].map((r: any) => r.reason.computedAt ?? null);
}

interface Answer {
  ms: number;
  /** Every reason carries computedAt (null: the question's reasons carry none). */
  stored: boolean | null;
  empty: boolean;
  data: any;
}

const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

async function ask(url: string, q: Question, id: string): Promise<Answer> {
  const t0 = nowMs();
  const data = await post(url, q.graphql(id, { computedAt: true }));
  const ms = nowMs() - t0;
  const at = computedAts(q.name, data);
  return { ms, stored: at === null || at.length === 0 ? null : at.every((x) => x !== null), empty: at !== null && at.length === 0, data };
}

function readFigures(answers: Answer[], errors: number, firstError: string | null, seconds: number): ReadFigures {
  const judged = answers.filter((a) => a.stored !== null);
  return {
    ...latency(answers.map((a) => a.ms)),
    errors,
    firstError,
    reqPerSec: round(answers.length / seconds, 1),
    stored: judged.length ? round(judged.filter((a) => a.stored).length / judged.length, 3) : Number.NaN,
    empty: answers.filter((a) => a.empty).length,
  };
}

/** `total` questions from `concurrency` closed-loop clients, ids taken in turn. */
async function loadQuestion(url: string, q: Question, ids: string[], total: number, concurrency: number): Promise<ReadFigures> {
  const answers: Answer[] = [];
  let next = 0;
  let errors = 0;
  let firstError: string | null = null;
  const started = nowMs();
  const worker = async () => {
    for (let i = next++; i < total; i = next++) {
      try {
        answers.push(await ask(url, q, ids[i % ids.length]!));
      } catch (error) {
        errors++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return readFigures(answers, errors, firstError, (nowMs() - started) / 1000);
}

/** Every question, one after the other, each right after its own unmeasured warm-up. */
async function apiRun(url: string, ids: Ids, questions: Question[], opts: Options): Promise<Record<string, ReadFigures>> {
  const figures: Record<string, ReadFigures> = {};
  for (const q of questions) {
    const qIds = idsOf(ids, q);
    await loadQuestion(url, q, qIds, opts.warmup, opts.concurrency);
    figures[q.name] = await loadQuestion(url, q, qIds, opts.requests, opts.concurrency);
  }
  return figures;
}

/**
 * The API at 1× again, once the copies are deleted (the demo's stored lists are still those of its
 * 1× refresh: the copies never touch the demo's nodes): how far the machine drifted during the run.
 */
async function recheckBase(session: BenchSession, db: Db, opts: Options, questions: Question[]): Promise<Record<string, ReadFigures>> {
  const ids = await scaleIds(db, opts.seed, 1, opts.users);
  const server = session.track(await startHubgraphServe(session.local, await freePort()));
  try {
    await untilReady(server.url);
    const runs: Record<string, ReadFigures>[] = [];
    for (let run = 1; run <= opts.runs; run++) runs.push(await apiRun(server.url, ids, questions, opts));
    return mergeRuns(runs);
  } finally {
    await stopChild(server.child);
  }
}

// ── the write path ───────────────────────────────────────────────────────────────────────────
const FOLLOW = 'mutation M($userId: ID!, $target: ID!) { follow(userId: $userId, creatorId: $target) { following changed followers } }';
const UNFOLLOW = 'mutation M($userId: ID!, $target: ID!) { unfollow(userId: $userId, creatorId: $target) { following changed followers } }';

interface WriteFigures {
  pairs: number;
  follow: Latency;
  unfollow: Latency;
  /** The user's recommendedCreators right after each follow and each unfollow. */
  readAfter: ReadFigures;
  /** Mutations that changed nothing (the target was followed already): should be 0. */
  unchanged: number;
  errors: number;
  firstError: string | null;
}

interface WriteContext {
  url: string;
  headers: Record<string, string>;
  recommended: Question;
  /** Each user's follows, kept in step with the bench's own writes. */
  follows: Map<string, Set<string>>;
  fallbackCreators: string[];
}

/**
 * `pairs` follow/unfollow pairs by `users` (pair i by user i mod |users|), each mutation followed by
 * the user's recommendedCreators; client k takes the pairs of the users whose index is k mod c, so
 * a user's operations never overlap.
 */
async function writePath(ctx: WriteContext, users: string[], pairs: number, concurrency: number): Promise<WriteFigures> {
  const follows: number[] = [];
  const unfollows: number[] = [];
  const after: Answer[] = [];
  const last = new Map<string, string[]>();
  let unchanged = 0;
  let errors = 0;
  let firstError: string | null = null;
  const started = nowMs();
  const read = async (user: string) => {
    const a = await ask(ctx.url, ctx.recommended, user);
    last.set(user, (a.data.recommendedCreators as any[]).map((r) => r.creator.id as string));
    return a;
  };
  const mutate = async (query: string, user: string, target: string) => {
    const t0 = nowMs();
    const data = (await post(ctx.url, { query, variables: { userId: user, target } }, ctx.headers)) as Record<string, { changed: boolean }>;
    const ms = nowMs() - t0;
    if (!Object.values(data)[0]!.changed) unchanged++;
    return ms;
  };
  const pair = async (user: string) => {
    const followed = ctx.follows.get(user)!;
    if (!last.has(user)) await read(user);
    const ok = (id: string) => id !== user && !followed.has(id);
    const target = last.get(user)!.find(ok) ?? ctx.fallbackCreators.find(ok);
    if (!target) return;
    followed.add(target);
    follows.push(await mutate(FOLLOW, user, target));
    after.push(await read(user));
    unfollows.push(await mutate(UNFOLLOW, user, target));
    followed.delete(target);
    after.push(await read(user));
  };
  const client = async (k: number) => {
    for (let i = 0; i < pairs; i++) {
      if (i % users.length % concurrency !== k) continue;
      try {
        await pair(users[i % users.length]!);
      } catch (error) {
        errors++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, k) => client(k)));
  return { pairs: follows.length, follow: latency(follows), unfollow: latency(unfollows), readAfter: readFigures(after, 0, null, (nowMs() - started) / 1000), unchanged, errors, firstError };
}

/**
 * Takes back every follow made through the API (source 'api'): in this bench's own store only the
 * write path makes them, and a finished write path has taken its own back — so these are what a
 * stopped run left. Asked at the start and after a failure; the store is left as it was found.
 */
async function undoApiFollows(db: Db): Promise<number> {
  const { rows } = await db.write<{ n: number }>(
    `MATCH (:User)-[r:FOLLOWS {source: 'api'}]->(c:Creator)
     DELETE r
     WITH DISTINCT c
     SET c.followers = COUNT { (c)<-[:FOLLOWS]-() }
     RETURN count(*) AS n`,
  );
  return rows[0]?.n ?? 0;
}

// ── one scale ────────────────────────────────────────────────────────────────────────────────
interface ScaleResult {
  scale: number;
  copies: number;
  /** When the scale began: the load average and the JS reference task (bench/ingest-machine.ts), for the drift between scales. */
  machine: { loadAverage: number[]; cpuReferenceMs: number };
  copy: CopyLoad | null;
  deletedBefore: { copies: number; seconds: number }[];
  data: DataFigures;
  refresh: RefreshFigures;
  refreshRuns: RefreshFigures[];
  /** The store on disk once the scale's lists are written, MiB. */
  storeAfterRefreshMiB: number;
  ids: { users: number; userPopulation: number; creators: string[]; sampleUsers: string[] };
  api: Record<string, ReadFigures>;
  apiRuns: Record<string, ReadFigures>[];
  writes: WriteFigures;
  writeRuns: WriteFigures[];
  /** The server's refresher over the scale's writes (warm-up included): the followed creators' co-follow lists recomputed behind them. */
  refresherDelay: ReturnType<typeof refreshDelayFigures> | null;
  neo4jRssMiB: number | null;
  neo4jPeakRssMiB: number | null;
  seconds: number;
}

/** Several runs' figures as one: `n`, `errors`, `empty`, `unchanged`, `pairs` summed, `max` the largest, every other number the median. */
function mergeRuns<T extends object>(runs: T[]): T {
  if (runs.length === 1) return runs[0]!;
  const first = runs[0]! as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(first)) {
    const values = runs.map((r) => (r as Record<string, unknown>)[key]);
    if (typeof value === 'number') {
      const nums = values as number[];
      out[key] = ['n', 'errors', 'empty', 'unchanged', 'pairs'].includes(key) ? nums.reduce((a, b) => a + b, 0) : key === 'max' ? Math.max(...nums) : round(median(nums), 3);
    } else if (value !== null && typeof value === 'object') {
      out[key] = mergeRuns(values as object[]);
    } else {
      out[key] = values.find((v) => v !== null) ?? null;
    }
  }
  return out as T;
}

async function measureScale(session: BenchSession, db: Db, opts: Options, scale: number, neo4jPid: number, questions: Question[]): Promise<ScaleResult> {
  const started = Date.now();
  const copies = scale - 1;
  const machine = { loadAverage: os.loadavg().map((l) => round(l, 2)), cpuReferenceMs: cpuReferenceMs() };
  say();
  say(`== ${scale}× ${copies ? `(the demo + a ${copies}-fold configuration-model copy of its follow graph)` : '(the demo corpus)'} ==`);
  say(`  machine now: load average ${machine.loadAverage.join(' / ')}; JS reference task ${machine.cpuReferenceMs} ms`);
  const deletedBefore: { copies: number; seconds: number }[] = [];
  for (const k of await presentCopies(db)) {
    if (k === copies) continue;
    say(`  deleting the ${k}-fold copy left by the previous scale (or an earlier run)…`);
    deletedBefore.push({ copies: k, seconds: await deleteCopies(session, k) });
    say(`    deleted in ${deletedBefore.at(-1)!.seconds} s`);
  }
  let copy: CopyLoad | null = null;
  if (copies > 0) {
    say(`  generating and loading the ${copies}-fold copy (bench/analytics.ts generate ${copies})…`);
    copy = await generateCopies(session, copies);
    say(`    ${int(copy.nodes)} creators, ${int(copy.follows)} follows (${int(copy.dropped)} self-loops/repeats dropped); generated in ${copy.generateSeconds} s, loaded into Neo4j in ${copy.loadSeconds} s`);
  }
  const data = await dataFigures(db, session.local);
  say(`  data: ${int(data.creators)} creators (${int(data.copyCreators)} of them copies), ${int(data.users)} users, ${int(data.follows)} FOLLOWS; ${int(data.nodes)} nodes, ${int(data.rels)} relationships; store ${int(data.storeMiB)} MiB on disk (+ ${int(data.txLogMiB)} MiB transaction logs)`);

  const refreshRuns: RefreshFigures[] = [];
  const runs = scale === 1 ? Math.max(opts.refreshRuns, opts.baseRefreshRuns) : opts.refreshRuns;
  for (let run = 1; run <= runs; run++) {
    say(`  refreshing the stored lists (\`hubgraph ingest derived\`, its own process)${runs > 1 ? `, run ${run}/${runs}` : ''}…`);
    const r = await refresh(session, opts, neo4jPid);
    refreshRuns.push(r);
    say(
      `    ${r.seconds} s, peak RSS ${int(r.peakRssMiB ?? Number.NaN)} MiB (V8 heap in use up to ${int(r.peakHeapMiB ?? Number.NaN)} of its ${int(r.heapLimitMiB ?? Number.NaN)} MiB limit); CPU: the refresh's process ${r.nodeCpuSeconds} s, Neo4j ${r.neo4jCpuSeconds} s`,
    );
    say(`    steps (s): ${Object.entries(r.steps).map(([k, v]) => `${k} ${v}`).join(' · ')}`);
    say(`    follow-list steps, computing in memory + writing (s): ${Object.keys(r.computeSeconds).map((k) => `${k} ${r.computeSeconds[k]} + ${r.writeSeconds[k]}`).join(' · ')}`);
  }
  const refreshed = medianRefresh(refreshRuns);
  const storeAfterRefreshMiB = duMiB(path.join(session.local.home, 'data', 'databases', 'neo4j'));
  if (runs > 1) say(`    median of the ${runs} runs: ${refreshed.seconds} s, peak RSS ${int(refreshed.peakRssMiB ?? Number.NaN)} MiB`);
  say(`    store on disk after the refresh: ${int(storeAfterRefreshMiB)} MiB (a high-water mark: rewritten lists leave free records the store reuses later)`);
  say(`    lists stored: ${Object.entries(refreshed.stored).map(([k, v]) => `${k} ${int(v)}`).join(' · ')}`);
  say(`    Σ walk (rows the live queries of the stored owners would aggregate): ${Object.entries(refreshed.walk).map(([k, v]) => `${k} ${int(v)}`).join(' · ')}`);

  const ids = await scaleIds(db, opts.seed, scale, opts.users);
  say(`  ids (seed ${opts.seed}): ${ids.users.length} users of the ${int(ids.userPopulation)} following ≥ 5 (${ids.users.filter((u) => u.startsWith('bench-x')).length} of them copies); 20 creators of the ${20 * scale} most followed (${ids.creators.filter((c) => c.startsWith('bench-x')).length} copies); bench:api's tasks, models and search texts`);

  const apiKey = randomBytes(24).toString('hex');
  const server = session.track(await startHubgraphServe(session.local, await freePort(), { apiKey }));
  const apiRuns: Record<string, ReadFigures>[] = [];
  const writeRuns: WriteFigures[] = [];
  let refresherDelay: ReturnType<typeof refreshDelayFigures> | null = null;
  try {
    await untilReady(server.url);
    const recommended = QUESTIONS.find((q) => q.name === 'recommendedCreators')!;
    const follows = new Map(
      (
        await db.read<{ id: string; follows: string[] }>('UNWIND $users AS id MATCH (u:User {id: id}) RETURN id, COLLECT { MATCH (u)-[:FOLLOWS]->(c:Creator) RETURN c.id } AS follows', {
          users: [...ids.users, ...ids.warmupUsers],
        })
      ).map((r) => [r.id, new Set(r.follows)]),
    );
    const ctx: WriteContext = { url: server.url, headers: { authorization: `Bearer ${apiKey}` }, recommended, follows, fallbackCreators: ids.creators };
    for (let run = 1; run <= opts.runs; run++) {
      if (opts.runs > 1) say(`  run ${run}/${opts.runs}: the questions, then the write path…`);
      apiRuns.push(await apiRun(server.url, ids, questions, opts));
      if (opts.writes >= 2) {
        if (run === 1 && opts.writeWarmup > 0) await writePath(ctx, ids.warmupUsers, opts.writeWarmup, Math.min(opts.concurrency, ids.warmupUsers.length));
        writeRuns.push(await writePath(ctx, ids.users, Math.floor(opts.writes / 2), opts.concurrency));
      }
    }
    if (writeRuns.length) refresherDelay = refreshDelayFigures(await (await fetch(server.url.replace(/\/graphql$/, '/metrics'))).text());
  } finally {
    await stopChild(server.child);
  }
  const api = mergeRuns(apiRuns);
  const writes = writeRuns.length ? mergeRuns(writeRuns) : (null as unknown as WriteFigures);
  say(`  API (\`hubgraph serve\`; ${opts.concurrency} clients; ${opts.requests} requests a question after ${opts.warmup} unmeasured${opts.runs > 1 ? `; the median of ${opts.runs} runs` : ''}), ms:`);
  say(`    ${'question'.padEnd(26)}${pad('p50', 8)}${pad('p95', 8)}${pad('p99', 8)}${pad('max', 8)}${pad('req/s', 8)}${pad('stored', 8)}  errors`);
  for (const q of questions) {
    const f = api[q.name]!;
    say(`    ${q.name.padEnd(26)}${pad(fmt(f.p50), 8)}${pad(fmt(f.p95), 8)}${pad(fmt(f.p99), 8)}${pad(fmt(f.max), 8)}${pad(fmt(f.reqPerSec), 8)}${pad(pct(f.stored), 8)}  ${f.errors}${f.errors ? ` (${f.firstError})` : ''}`);
  }
  if (writes) {
    say(`  write path (${writes.pairs} follow/unfollow pairs${opts.runs > 1 ? ' over the runs' : ''}, each mutation followed by the user's recommendedCreators), ms:`);
    say(
      `    follow p50 ${fmt(writes.follow.p50)} / p99 ${fmt(writes.follow.p99)} · unfollow p50 ${fmt(writes.unfollow.p50)} / p99 ${fmt(writes.unfollow.p99)} · recommendedCreators right after p50 ${fmt(writes.readAfter.p50)} / p99 ${fmt(writes.readAfter.p99)}, ${pct(writes.readAfter.stored)} served stored` +
        `${writes.unchanged ? ` · ${writes.unchanged} mutations changed nothing` : ''}${writes.errors ? ` · ${writes.errors} errors (${writes.firstError})` : ''}`,
    );
  }
  if (refresherDelay) {
    const d = refresherDelay;
    say(`    the followed creators' co-follow lists, recomputed behind the writes (the server's refresher, /metrics): ${d.stored} stored, ${d.skipped} skipped; delay mean ${fmt(d.meanMs)} ms, p50 ≤ ${fmt(d.p50Ms)}, p99 ≤ ${fmt(d.p99Ms)} ms (bucket bounds)`);
  }
  const neo4jRssMiB = rssMiB(neo4jPid);
  const neo4jPeakRssMiB = processPeakRssMiB(neo4jPid);
  say(`  Neo4j RSS ${int(neo4jRssMiB ?? Number.NaN)} MiB (peak so far ${int(neo4jPeakRssMiB ?? Number.NaN)}); this scale took ${round((Date.now() - started) / 1000)} s`);
  return {
    scale,
    copies,
    machine,
    copy,
    deletedBefore,
    data,
    refresh: refreshed,
    refreshRuns,
    storeAfterRefreshMiB,
    ids: { users: ids.users.length, userPopulation: ids.userPopulation, creators: ids.creators, sampleUsers: ids.users.slice(0, 20) },
    api,
    apiRuns,
    writes,
    writeRuns,
    refresherDelay,
    neo4jRssMiB,
    neo4jPeakRssMiB,
    seconds: round((Date.now() - started) / 1000),
  };
}

const pct = (v: number) => (Number.isFinite(v) ? `${Math.round(v * 100)} %` : '—');
const times = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : 'n/a');

// ── main ─────────────────────────────────────────────────────────────────────────────────────
function scaleList(value: string): number[] {
  const scales = value.split(',').map((v) => Number(v.trim()));
  if (!scales.length || scales.some((n) => !Number.isInteger(n) || n < 1)) throw new InvalidArgumentError('expected positive integers, e.g. 1,3,10');
  return [...new Set(scales)].sort((a, b) => a - b);
}

function memorySize(value: string): string {
  if (!/^\d+[mg]$/.test(value)) throw new InvalidArgumentError('expected a size such as 4g or 512m');
  return value;
}

async function main(): Promise<void> {
  const program = new Command('bench:scale')
    .description('the social layer at 1×, 3× and 10×: stored-list refresh time and memory, API latency per question, write-path latency. Prints figures; asserts nothing.')
    .option('--scales <list>', 'scales to measure (1 is the demo; N adds an (N−1)-fold copy of its follow graph)', scaleList, [1, 3, 10])
    .option('--runs <n>', 'measure the API and the write path this many times at each scale and report the median of each figure', positiveInt, 1)
    .option('--refresh-runs <n>', 'run the stored-list refresh this many times at each scale (median)', positiveInt, 1)
    .option('--base-refresh-runs <n>', 'run the 1× refresh at least this many times (the yardstick every scale is divided by; median)', positiveInt, 3)
    .option('--requests <n>', 'requests per question and run', positiveInt, 1000)
    .option('--warmup <n>', 'unmeasured requests per question right before its measurement', positiveInt, 100)
    .option('--users <n>', 'users sampled from everyone following ≥ 5 creators (copies included)', positiveInt, 100)
    .option('--writes <n>', 'mutations per run on the write path (follow/unfollow pairs), each followed by a read; 0 skips it', (v: string) => (v === '0' ? 0 : positiveInt(v)), 200)
    .option('--write-warmup <n>', `unmeasured follow/unfollow pairs by ${WARMUP_WRITE_USERS} other users before the first run`, (v: string) => (v === '0' ? 0 : positiveInt(v)), 10)
    .option('--concurrency <n>', 'concurrent clients', positiveInt, 8)
    .option('--seed <n>', 'seed of the samples', positiveInt, 42)
    .option('--heap <size>', 'JVM heap of the bench Neo4j (every scale)', memorySize, '4g')
    .option('--pagecache <size>', 'page cache of the bench Neo4j (every scale)', memorySize, '4g')
    .option('--refresh-heap-mb <n>', "V8 old-space limit of the refresh's process (--max-old-space-size); default Node's", positiveInt)
    .option('--questions <names>', 'only these questions (comma-separated; default all)', (v: string) => v.split(',').map((x) => x.trim()).filter(Boolean))
    .option('--keep', 'keep the last scale’s copy in the store (the next run deletes it first)', false)
    .option('--no-recheck', 'skip measuring the API at 1× again at the end (the drift of the machine)')
    .option('--keep-neo4j', 'leave the bench Neo4j running at the end', false)
    .option('--fresh', 'wipe the bench store and load the demo corpus again', false)
    .parse();
  const opts = program.opts<Options>();
  const unknown = (opts.questions ?? []).filter((name) => !QUESTIONS.some((q) => q.name === name));
  if (unknown.length) throw new Error(`unknown question(s): ${unknown.join(', ')} (known: ${QUESTIONS.map((q) => q.name).join(', ')})`);
  const questions = opts.questions ? QUESTIONS.filter((q) => opts.questions!.includes(q.name)) : QUESTIONS;

  const session = new BenchSession('bench:scale', PORTS, { home: HOME });
  session.local.heap = opts.heap;
  session.local.pagecache = opts.pagecache;
  const benchStarted = Date.now();
  const report: Record<string, unknown> = { startedAt: new Date(benchStarted).toISOString(), options: opts };
  let completed = false;
  try {
    const store = await openBenchStore(session, { fresh: opts.fresh, keepNeo4j: opts.keepNeo4j });
    const { db } = store;
    Object.assign(report, storeReport(session, store));
    const leftOver = await undoApiFollows(db);
    saySetup('hubgraph scale benchmark', benchStarted, session, store);
    if (leftOver) say(`  took back ${leftOver} follows a stopped run's write path had left`);
    say(`  scales ${opts.scales.join(', ')}×: N× = the demo + an (N−1)-fold configuration-model copy of its follow graph (degrees kept, pairing random; bench/analytics.ts)`);
    say(
      `  each scale: \`hubgraph ingest derived\` ×${opts.refreshRuns} (×${Math.max(opts.refreshRuns, opts.baseRefreshRuns)} at 1×)${opts.refreshHeapMb ? ` with --max-old-space-size=${opts.refreshHeapMb}` : ''}; then ${opts.runs > 1 ? `${opts.runs} runs of ` : ''}${questions.length} questions × ${opts.requests} requests (after ${opts.warmup} unmeasured) and ${opts.writes} mutations on the write path, ${opts.concurrency} clients, ${opts.users} sampled users`,
    );

    const results: ScaleResult[] = [];
    report.scales = results;
    for (const scale of opts.scales) results.push(await measureScale(session, db, opts, scale, store.neo4jPid, questions));

    if (!opts.keep) {
      for (const k of await presentCopies(db)) {
        say(`\ndeleting the ${k}-fold copy…`);
        const seconds = await deleteCopies(session, k);
        say(`  deleted in ${seconds} s`);
        report.deletedAtEnd = { copies: k, seconds };
      }
    }

    const base = results.find((r) => r.scale === 1) ?? null;
    let again: Record<string, ReadFigures> | null = null;
    if (base && results.length > 1 && !opts.keep && opts.recheck) {
      say(`\nthe API at 1× again (the copies deleted), for the machine's drift during the run…`);
      again = await recheckBase(session, db, opts, questions);
      report.recheck1x = again;
    }

    // ── the curve ────────────────────────────────────────────────────────────────────────────
    say();
    say('== the curve ==');
    say(`   ${'scale'.padEnd(6)}${pad('creators', 10)}${pad('follows', 11)}${pad('store MiB', 11)}${pad('refresh s', 11)}${pad('× 1×', 7)}${pad('peak RSS MiB', 14)}${pad('follow p50/p99', 16)}${pad('unfollow p50/p99', 18)}${pad('read after p50/p99', 20)}${pad('stored', 8)}`);
    for (const r of results) {
      const w = r.writes;
      say(
        `   ${`${r.scale}×`.padEnd(6)}${pad(int(r.data.creators), 10)}${pad(int(r.data.follows), 11)}${pad(int(r.storeAfterRefreshMiB), 11)}${pad(r.refresh.seconds, 11)}${pad(base ? times(r.refresh.seconds / base.refresh.seconds) : '', 7)}${pad(int(r.refresh.peakRssMiB ?? Number.NaN), 14)}` +
          (w ? `${pad(`${fmt(w.follow.p50)}/${fmt(w.follow.p99)}`, 16)}${pad(`${fmt(w.unfollow.p50)}/${fmt(w.unfollow.p99)}`, 18)}${pad(`${fmt(w.readAfter.p50)}/${fmt(w.readAfter.p99)}`, 20)}${pad(pct(w.readAfter.stored), 8)}` : ''),
      );
    }
    say(`   (refresh: the median of its runs at 1×; peak RSS of the refresh's process; the write path in ms)`);
    say(`   the machine as each scale began: ${results.map((r) => `${r.scale}× load ${r.machine.loadAverage[0]}, JS reference ${r.machine.cpuReferenceMs} ms`).join(' · ')}`);
    say(`   API p50 / p99 per question, ms (stored share at the largest scale):`);
    say(`   ${'question'.padEnd(26)}${results.map((r) => pad(`${r.scale}×`, 16)).join('')}${again ? pad('1× again', 16) : ''}${pad('p99 ÷ 1×', 10)}${again ? pad('÷ 1× again', 12) : ''}`);
    const largest = results.at(-1)!;
    const cell = (f: ReadFigures) => pad(`${fmt(f.p50)} / ${fmt(f.p99)}`, 16);
    for (const q of questions) {
      const cells = results.map((r) => cell(r.api[q.name]!)).join('');
      const ratio = base ? largest.api[q.name]!.p99 / base.api[q.name]!.p99 : Number.NaN;
      const againCells = again ? `${cell(again[q.name]!)}` : '';
      const againRatio = again ? pad(times(largest.api[q.name]!.p99 / again[q.name]!.p99), 12) : '';
      say(`   ${q.name.padEnd(26)}${cells}${againCells}${pad(times(ratio), 10)}${againRatio}  ${pct(largest.api[q.name]!.stored)}`);
    }
    const empties = questions.filter((q) => results.some((r) => r.api[q.name]!.empty > 0));
    if (empties.length) say(`   empty answers (of ${opts.requests * opts.runs} a scale): ${empties.map((q) => `${q.name} ${results.map((r) => `${r.api[q.name]!.empty}`).join('/')}`).join(', ')}`);
    say('   (stored = share of the non-empty answers whose every reason carries computedAt, i.e. read from a stored list; — where reasons carry none)');

    // ── targets ──────────────────────────────────────────────────────────────────────────────
    const targets: { target: string; scale: number; question: string; value: string; met: boolean | null; issue: boolean }[] = [];
    if (base) {
      for (const r of results.filter((x) => x.scale > 1)) {
        const issue = r.scale === 10;
        const bound = REFRESH_TARGET_PER_SCALE * r.scale;
        const ratio = r.refresh.seconds / base.refresh.seconds;
        targets.push({ target: `refresh ≤ ${round(bound, 1)}× its 1× time${issue ? '' : ' (pro rata)'}`, scale: r.scale, question: '(ingest derived)', value: `${r.refresh.seconds} vs ${base.refresh.seconds} s (${times(ratio)})`, met: ratio <= bound, issue });
        for (const q of questions) {
          const p = r.api[q.name]!.p99 / base.api[q.name]!.p99;
          targets.push({ target: `p99 ≤ ${P99_TARGET}× its 1× p99`, scale: r.scale, question: q.name, value: `${fmt(r.api[q.name]!.p99)} vs ${fmt(base.api[q.name]!.p99)} ms (${times(p)})`, met: Number.isFinite(p) ? p <= P99_TARGET : null, issue });
        }
      }
    }
    say();
    say('== targets (issue 18: at 10×; other scales for the shape of the curve) ==');
    if (!base) say('   none: the targets compare with 1×, which --scales left out');
    for (const t of targets) say(`   ${metWord(t.met).padEnd(8)} ${`${t.scale}×`.padEnd(5)}${t.target.padEnd(36)} ${t.question.padEnd(26)} ${t.value}`);
    const issueTargets = targets.filter((t) => t.issue && t.met !== null);
    if (issueTargets.length) say(`   at 10×: ${issueTargets.filter((t) => t.met).length}/${issueTargets.length} met`);

    const endLoad = os.loadavg().map((l) => round(l, 2));
    const wall = round((Date.now() - benchStarted) / 1000, 1);
    say();
    say(`wall ${wall} s (${round(wall / 60, 1)} min); load average at end: ${endLoad.join(' / ')}`);
    Object.assign(report, { targets, loadAverageAtEnd: endLoad, wallSeconds: wall });
    mkdirSync(path.dirname(REPORT_FILE), { recursive: true });
    writeFileSync(REPORT_FILE, `${JSON.stringify(report, null, 2)}\n`);
    say(`report: ${path.relative(PROJECT_ROOT, REPORT_FILE)}`);
    completed = true;
  } finally {
    if (!completed && session.db) {
      await undoApiFollows(session.db)
        .then((n) => n && say(`   took back ${n} follows the stopped write path had left`))
        .catch((error: unknown) => say(`   could not take back the write path's follows: ${String(error)}`));
    }
    await session.cleanup();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:scale failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
