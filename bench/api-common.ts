/**
 * What the GraphQL benchmarks (bench/api.ts, bench/api-mix.ts) share: the bench store — the bench
 * Neo4j (bench/servers.ts BENCH_NEO4J) with the demo corpus, loaded only when the store is empty
 * and kept between runs — and its stopping at the end, on error and on Ctrl-C; the seeded ids the
 * questions are asked about; the setup lines every report starts with; the load generator's HTTP
 * client.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { ingestDemo } from '../ingest/jobs/demo.js';
import { STANDIN_SOURCE } from '../ingest/jobs/standin.js';
import { currentRun } from '../src/analytics/queries.js';
import { seededRng } from '../src/analytics/rng.js';
import { loadConfig, PROJECT_ROOT, type Config, type LocalNeo4jConfig } from '../src/config.js';
import { createLogger, type Logger } from '../src/log.js';
import { createDb, type Db } from '../src/neo4j/db.js';
import { boltUri, localPaths, reset, start, stop } from '../src/neo4j/local.js';
import type { Kind } from './api-questions.js';
import { machineInfo, median, positiveInt, round, say, type MachineInfo } from './ingest-machine.js';
import { BENCH_NEO4J, stopChild } from './servers.js';

// ── the bench store ──────────────────────────────────────────────────────────────────────────
/**
 * One benchmark's run against the bench Neo4j: its config, logger and temp folder, and what it
 * started — the child servers (stopped latest first) and the bench Neo4j (stopped unless this run
 * found it running or was told to keep it) — all stopped by `cleanup()`, once, also on Ctrl-C.
 */
export class BenchSession {
  readonly config: Config = loadConfig({});
  readonly log: Logger = createLogger({ level: 'warn' });
  readonly local: LocalNeo4jConfig;
  readonly tmp: string;
  db: Db | null = null;
  /** A Neo4j this run started is stopped at the end; one it found running (kept warm by an earlier run's --keep-neo4j) is left as it was. */
  stopNeo4j = true;
  private readonly children: ChildProcess[] = [];
  private cleaned: Promise<void> | null = null;

  constructor(
    readonly name: string,
    ports: { boltPort: number; httpPort: number },
    /** `home`: a Neo4j home of the benchmark's own instead of bench:api's (bench:scale's holds the scaled-up copies). */
    options: { home?: string } = {},
  ) {
    this.local = { ...BENCH_NEO4J, ...ports, ...(options.home ? { home: options.home } : {}), startTimeoutSeconds: this.config.local.startTimeoutSeconds };
    this.tmp = mkdtempSync(path.join(os.tmpdir(), `hubgraph-${name.replace(/\W+/g, '-')}-`));
    const onSignal = (signal: NodeJS.Signals) => {
      process.stderr.write(`\n${name}: ${signal}, stopping the bench Neo4j…\n`);
      void this.cleanup().finally(() => process.exit(130));
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }

  /** A child process to stop at the end. */
  track<T extends { child: ChildProcess }>(server: T): T {
    this.children.push(server.child);
    return server;
  }

  cleanup(): Promise<void> {
    return (this.cleaned ??= (async () => {
      try {
        for (const child of [...this.children].reverse()) await stopChild(child);
        if (this.db) await this.db.close();
        if (this.stopNeo4j) await stop(this.local, this.log);
      } catch (error) {
        process.stderr.write(`${this.name}: could not stop cleanly (bench Neo4j home ${localPaths(this.local).home}): ${String(error)}\n`);
      }
      rmSync(this.tmp, { recursive: true, force: true });
    })());
  }

  /** Ingest settings whose quarantine, reports and checkpoints go to this run's temp folder, not the project's. */
  ingestSettings(): Config['ingest'] {
    return {
      ...this.config.ingest,
      quarantineDir: path.join(this.tmp, 'quarantine'),
      reportsDir: path.join(this.tmp, 'reports'),
      checkpointDir: path.join(this.tmp, 'checkpoints'),
    };
  }
}

/** The options every API benchmark has: --concurrency, and --fresh, --keep-neo4j, --bolt-port, --http-port of the bench store. */
export function benchOptions(program: Command): Command {
  return program
    .option('--concurrency <n>', 'concurrent clients', positiveInt, 8)
    .option('--fresh', 'wipe the bench store and load the demo corpus again', false)
    .option('--keep-neo4j', 'leave the bench Neo4j running at the end (the next run reuses it, already warm)', false)
    .option('--bolt-port <port>', 'Bolt port of the bench Neo4j', positiveInt, BENCH_NEO4J.boltPort)
    .option('--http-port <port>', 'HTTP port of the bench Neo4j', positiveInt, BENCH_NEO4J.httpPort);
}

export interface StoreCounts {
  nodes: number;
  rels: number;
  users: number;
  creators: number;
  models: number;
  tasks: number;
  follows: number;
}

export interface BenchStore {
  db: Db;
  machine: MachineInfo & { trivialReadMs: number };
  neo4jPid: number;
  neo4jServer: { version: string; edition: string };
  reused: boolean;
  /** Seconds the demo load took, when this run loaded it. */
  loadSeconds: number | null;
  counts: StoreCounts;
}

/**
 * The machine measured first (before Neo4j takes the CPU), then the bench Neo4j started (wiped
 * first with `fresh`) and the demo corpus loaded into it when it holds no stand-in users.
 */
export async function openBenchStore(session: BenchSession, opts: { fresh: boolean; keepNeo4j: boolean }): Promise<BenchStore> {
  const { config, log, local } = session;
  const machine = machineInfo();
  if (opts.fresh) {
    await stop(local, log);
    reset(local);
  }
  const started = await start(local, log);
  session.stopNeo4j = !started.reused && !opts.keepNeo4j;
  const db = createDb({ connection: { uri: boltUri(local), user: 'neo4j', password: local.password, database: 'neo4j' }, log, local: true });
  session.db = db;
  const neo4jServer = await db.verify();

  const standin = await db.read<{ n: number }>('MATCH (u:User {source: $source}) RETURN count(u) AS n', { source: STANDIN_SOURCE });
  let loadSeconds: number | null = null;
  if ((standin[0]?.n ?? 0) === 0) {
    const dataDir = config.dataDir;
    if (!dataDir) throw new Error('no demo corpus: set HUBGRAPH_DATA_DIR (data/demo is missing)');
    const nonEmpty = await db.read<{ n: number }>('MATCH (n) RETURN count(n) AS n');
    if ((nonEmpty[0]?.n ?? 0) > 0) throw new Error(`the bench store ${local.home} holds data but no stand-in users: re-run with --fresh`);
    say(`loading the demo corpus into the empty bench store (${local.home}; kept for later runs, --fresh wipes it)…`);
    const t0 = Date.now();
    await ingestDemo({ db, log, dataDir, tty: false, restart: true, settings: session.ingestSettings() });
    loadSeconds = round((Date.now() - t0) / 1000, 1);
  }
  const [counts] = await db.read<StoreCounts>(
    `CALL () { MATCH (n) RETURN count(n) AS nodes }
     CALL () { MATCH ()-[r]->() RETURN count(r) AS rels }
     CALL () { MATCH (n:User) RETURN count(n) AS users }
     CALL () { MATCH (n:Creator) RETURN count(n) AS creators }
     CALL () { MATCH (n:Model) RETURN count(n) AS models }
     CALL () { MATCH (n:Task) RETURN count(n) AS tasks }
     CALL () { MATCH ()-[r:FOLLOWS]->() RETURN count(r) AS follows }
     RETURN nodes, rels, users, creators, models, tasks, follows`,
  );
  return {
    db,
    machine: { ...machine, trivialReadMs: await trivialRead(db) },
    neo4jPid: started.pid,
    neo4jServer,
    reused: started.reused,
    loadSeconds,
    counts: counts!,
  };
}

/** Median ms of a trivial managed read, one at a time (after 100 unmeasured): Neo4j's and the driver's speed on this machine now. */
async function trivialRead(db: Db): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 400; i++) {
    const t0 = performance.now();
    await db.read('RETURN 1 AS one', {}, { op: 'bench.reference' });
    if (i >= 100) times.push(performance.now() - t0);
  }
  return round(median(times), 2);
}

/** The report's machine, neo4j and data sections. */
export function storeReport(session: BenchSession, store: BenchStore): Record<string, unknown> {
  const { local } = session;
  return {
    machine: store.machine,
    neo4j: { ...store.neo4jServer, home: local.home, bolt: boltUri(local), heap: local.heap, pagecache: local.pagecache, reused: store.reused },
    data: { ...store.counts, loadedThisRun: store.loadSeconds !== null, loadSeconds: store.loadSeconds },
  };
}

/** The lines every report starts with: when, the machine and its load, Neo4j, the data. */
export function saySetup(title: string, startedAt: number, session: BenchSession, store: BenchStore): void {
  const { machine, neo4jServer, counts, loadSeconds } = store;
  const { local } = session;
  say(`${title} — ${new Date(startedAt).toISOString()}`);
  say(`  machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.totalMemoryGiB} GiB RAM, ${machine.platform}; JS reference task ${machine.cpuReferenceMs} ms (lower is faster: compare runs by it first)`);
  say(`  load average at start: ${machine.loadAverage.join(' / ')} (1/5/15 min; other work on the machine skews every figure)`);
  say(`  Neo4j reference task: a trivial managed read (RETURN 1) takes ${machine.trivialReadMs} ms serial, client and server (median of 300)`);
  say(`  Node ${machine.node}; Neo4j ${neo4jServer.version} ${neo4jServer.edition} (bench instance ${boltUri(local)}, heap ${local.heap}, page cache ${local.pagecache})`);
  const n = (v: number) => v.toLocaleString('en-US');
  say(
    `  data: ${n(counts.nodes)} nodes, ${n(counts.rels)} relationships (${n(counts.follows)} FOLLOWS; ${n(counts.users)} users, ${n(counts.creators)} creators, ${n(counts.models)} models, ${counts.tasks} tasks)${loadSeconds !== null ? `; demo loaded this run in ${loadSeconds} s` : '; store reused'}`,
  );
}

// ── ids ──────────────────────────────────────────────────────────────────────────────────────
export const SEARCH_TEXTS = ['llama', 'bert', 'whisper', 'stable diffusion', 'mistral', 'qwen', 'sentence transformers', 'vit', 't5', 'gpt2'];

export interface Ids {
  users: string[];
  creators: string[];
  tasks: string[];
  models: string[];
  searches: string[];
}

export function sample<T>(items: readonly T[], n: number, rng: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

/**
 * The seeded ids: `users` stand-in users following ≥ 5 creators (the sample is a shuffle's head, so
 * the first 20 of a larger sample are bench:api's 20), the 20 most followed creators, the 10 tasks
 * with the most models, 20 models from the 1,000 most downloaded, the search texts.
 */
export async function pickIds(db: Db, seed: number, users = 20): Promise<Ids> {
  const rng = seededRng(seed);
  const userRows = await db.read<{ id: string }>(
    'MATCH (u:User {source: $source}) WHERE COUNT { (u)-[:FOLLOWS]->() } >= 5 RETURN u.id AS id ORDER BY id',
    { source: STANDIN_SOURCE },
  );
  const creators = await db.read<{ id: string }>('MATCH (c:Creator) WITH c, COUNT { (c)<-[:FOLLOWS]-() } AS f ORDER BY f DESC, c.id ASC LIMIT 20 RETURN c.id AS id');
  const tasks = await db.read<{ id: string }>('MATCH (t:Task) WITH t, COUNT { (t)<-[:HAS_TASK]-() } AS m ORDER BY m DESC, t.id ASC LIMIT 10 RETURN t.id AS id');
  const models = await db.read<{ id: string }>(
    'MATCH (m:Model) WHERE m.downloads IS NOT NULL WITH m ORDER BY m.downloads DESC, m.id ASC LIMIT 1000 RETURN m.id AS id',
  );
  return {
    users: sample(userRows.map((r) => r.id), users, rng),
    creators: creators.map((r) => r.id),
    tasks: tasks.map((r) => r.id),
    models: sample(models.map((r) => r.id), 20, rng),
    searches: SEARCH_TEXTS,
  };
}

export function idsFor(ids: Ids, kind: Kind): string[] {
  return { user: ids.users, creator: ids.creators, task: ids.tasks, model: ids.models, search: ids.searches }[kind];
}

// ── figures ──────────────────────────────────────────────────────────────────────────────────
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const k = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[k]!;
}

export const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : 'n/a');
export const metWord = (ok: boolean | null) => (ok === null ? '—' : ok ? 'met' : 'NOT met');

// ── the load generator's HTTP client ─────────────────────────────────────────────────────────
/**
 * node:http with a keep-alive agent. Not fetch: undici's fetch costs the generator a few
 * milliseconds of CPU a request, and on a 2-core machine that it shares with the server and Neo4j
 * every such millisecond shows up as server latency (measured: the same server, 8 clients, 157–260
 * req/s through fetch vs 268–306 req/s through node:http).
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** POSTs a GraphQL request; resolves with its `data`, rejects on an HTTP error or a GraphQL error. */
export function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<unknown> {
  const payload = JSON.stringify(body);
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        agent,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          if (res.statusCode !== 200) return reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 300)}`));
          const json = JSON.parse(text) as { errors?: { message: string }[]; data?: unknown };
          if (json.errors?.length) return reject(new Error(`GraphQL error: ${json.errors[0]!.message.slice(0, 300)}`));
          resolve(json.data);
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * The refresher's delay histogram (commonlyFollowedWith, outcome stored) from a /metrics scrape:
 * counts, mean, and the p50 and p99 as the upper bounds of the buckets they fall in.
 */
export function refreshDelayFigures(exposition: string): { stored: number; skipped: number; meanMs: number; p50Ms: number; p99Ms: number } {
  const value = (re: RegExp) => Number(re.exec(exposition)?.[1] ?? 0);
  const series = 'hubgraph_stored_refresh_delay_seconds';
  const labels = (outcome: string) => `question="commonlyFollowedWith",outcome="${outcome}"`;
  const count = (outcome: string) => value(new RegExp(`^${series}_count\\{${labels(outcome)}\\} (\\S+)`, 'm'));
  const stored = count('stored');
  const sum = value(new RegExp(`^${series}_sum\\{${labels('stored')}\\} (\\S+)`, 'm'));
  const buckets = [...exposition.matchAll(new RegExp(`^${series}_bucket\\{le="([^"]+)",${labels('stored')}\\} (\\S+)`, 'gm'))].map((m) => ({ le: m[1] === '+Inf' ? Number.POSITIVE_INFINITY : Number(m[1]), n: Number(m[2]) }));
  const quantile = (q: number) => (stored === 0 ? Number.NaN : (buckets.find((b) => b.n >= q * stored)?.le ?? Number.NaN) * 1000);
  return { stored, skipped: count('skipped'), meanMs: stored ? round((sum / stored) * 1000, 1) : Number.NaN, p50Ms: quantile(0.5), p99Ms: quantile(0.99) };
}

/**
 * With `run`, `hubgraph analytics run --engine graphology` against the bench store first (as a
 * user would run it: its run becomes current and the stored answers that read authority are
 * recomputed); either way, prints and returns which analytics run is current.
 */
export async function analyticsFirst(session: BenchSession, db: Db, run: boolean) {
  let ran: { ranThisRun: boolean; seconds?: number; summary?: string } = { ranThisRun: false };
  if (run) {
    say('  running `hubgraph analytics run --engine graphology`…');
    const { local } = session;
    const t0 = Date.now();
    const r = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'hubgraph.js'), 'analytics', 'run', '--engine', 'graphology'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NEO4J_URI: boltUri(local), NEO4J_USER: 'neo4j', NEO4J_PASSWORD: local.password, LOG_LEVEL: 'warn' },
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`hubgraph analytics run failed (${r.status ?? r.signal}): ${(r.stderr || r.stdout).trim().split('\n').slice(-5).join(' | ')}`);
    ran = { ranThisRun: true, seconds: round((Date.now() - t0) / 1000, 1), summary: r.stdout.trim().split('\n')[0] ?? '' };
  }
  const current = await currentRun(db);
  say(
    `  analytics: ${ran.ranThisRun ? `run this run (graphology, ${ran.seconds} s: ${ran.summary})` : 'NOT run this run (--analytics runs it)'}; current analytics run: ${current ? `${current.id} (${current.engine}, ${current.computedAt})` : 'none'}`,
  );
  return { ...ran, current: current ? { id: current.id, engine: current.engine, computedAt: current.computedAt } : null };
}
