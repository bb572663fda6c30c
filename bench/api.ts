/**
 * `npm run bench:api` — how fast the GraphQL API answers, in figures (printed and written to
 * reports/bench-api.json); it never asserts a timing.
 *
 *  1. Starts its own local Neo4j (home .neo4j-bench-api, Bolt 48687, HTTP 48474, heap 2g, page
 *     cache 1g) and keeps its store between runs: the demo corpus is loaded (ingestDemo) only when
 *     the store is empty, so a re-run starts measuring within seconds; `--fresh` wipes it first.
 *     The bench Neo4j is stopped at the end, on error and on Ctrl-C.
 *  2. Starts the GraphQL server as its own process (`hubgraph serve`, 127.0.0.1, a free port) and, per question,
 *     sends a fixed number of requests (--requests, default 1,000: with 200 the p99 was the second-worst
 *     request, and moved by tens of ms between identical runs) from 8 concurrent clients over HTTP
 *     (node:http, keep-alive) over a fixed, seeded set of ids: stand-in users following ≥ 5 creators,
 *     the most followed creators, the tasks with the most models, models sampled from the most
 *     downloaded, a fixed list of search texts. p50/p95/p99 latency and req/s.
 *  3. The same questions through the bare driver (the domain function called with the Db, as the
 *     resolver does; same ids, same concurrency): GraphQL overhead = GraphQL p50 ÷ driver p50.
 *     And the same domain functions behind plain node:http in a process of their own
 *     (bench/api-plain-http.ts; --no-plain-http skips it), which splits that overhead into the
 *     HTTP hop's share and GraphQL's.
 *  4. The same Cypher served by @neo4j/graphql through `@cypher` fields for three representative
 *     questions (secondDegree, commonlyFollowedWith, topicTopContributors), installed in a temp
 *     folder (it is not a project dependency) and run as a child process (bench/api-neo4jgraphql.mjs).
 *
 * `--analytics` runs `hubgraph analytics run` against the store first, as a deployment would have
 * (its run current, topic leaders and recommendedCreators recomputed with its authority); the
 * report says which analytics run was current either way.
 *
 * `--runs N` repeats the whole measurement N times and reports the median of every figure (and each
 * question's lowest and highest p99): on this 2-core VM, identical single runs differed by up to
 * 40 % in p99, enough to flip a target either way.
 *
 * Targets printed next to the figures (met / not met): GraphQL ≤ 1.2× the bare driver (p50);
 * faster than @neo4j/graphql; p99 ≤ 60 ms for the creator questions and ≤ 150 ms for feedCandidates.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { PROJECT_ROOT, type LocalNeo4jConfig } from '../src/config.js';
import { withDefaults } from '../src/neo4j/db.js';
import { boltUri } from '../src/neo4j/local.js';
import { analyticsFirst, BenchSession, fmt, idsFor, metWord, openBenchStore, percentile, pickIds, post, saySetup, benchOptions, storeReport } from './api-common.js';
import { NEO4J_GRAPHQL_FIELDS, neo4jGraphqlTypeDefs } from './api-neo4jgraphql-schema.js';
import { QUESTIONS } from './api-questions.js';
import { median, pad, positiveInt, processCpuSeconds, round, say } from './ingest-machine.js';
import { freePort, startChildServer, startHubgraphServe, stopChild, untilReady } from './servers.js';

/**
 * hubgraph's own server, once `/ready` says ready: as a balancer would, the bench sends nothing
 * while the server's warm-up (src/graphql/warmUp.ts) runs, so the warm-up's queries never share
 * the CPU with a measurement.
 */
async function startHubgraph(local: LocalNeo4jConfig, port: number): Promise<{ child: ChildProcess; url: string }> {
  const server = await startHubgraphServe(local, port);
  await untilReady(server.url);
  return server;
}

const REPORT_FILE = path.join(PROJECT_ROOT, 'reports', 'bench-api.json');
const NEO4J_GRAPHQL_VERSION = '7.6.3';
const NEO4J_GRAPHQL_DIR = path.join(os.tmpdir(), 'neo4jgraphql');
const NEO4J_GRAPHQL_SCRIPT = path.join(PROJECT_ROOT, 'bench', 'api-neo4jgraphql.mjs');

interface Options {
  requests: number;
  runs: number;
  concurrency: number;
  seed: number;
  analytics?: boolean;
  fresh: boolean;
  neo4jGraphql: boolean;
  plainHttp: boolean;
  boltPort: number;
  httpPort: number;
  questions?: string[];
  warmup: number;
  keepNeo4j: boolean;
}


// ── load generation ──────────────────────────────────────────────────────────────────────────
interface Figures {
  requests: number;
  errors: number;
  firstError: string | null;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  reqPerSec: number;
  seconds: number;
  /** CPU milliseconds a request cost each watched process (Neo4j, the GraphQL server, this generator). */
  cpuMsPerRequest: Record<string, number | null>;
}

/**
 * The median of each figure over several runs of one measurement (errors and requests summed): on
 * this 2-core VM one run's p99 moved by up to 40 % between identical runs.
 */
function medianFigures(runs: Figures[]): Figures {
  if (runs.length === 1) return runs[0]!;
  const m = (pick: (f: Figures) => number) => median(runs.map(pick));
  const cpuKeys = Object.keys(runs[0]!.cpuMsPerRequest);
  return {
    requests: runs.reduce((sum, f) => sum + f.requests, 0),
    errors: runs.reduce((sum, f) => sum + f.errors, 0),
    firstError: runs.find((f) => f.firstError !== null)?.firstError ?? null,
    p50: m((f) => f.p50),
    p95: m((f) => f.p95),
    p99: m((f) => f.p99),
    max: Math.max(...runs.map((f) => f.max)),
    reqPerSec: m((f) => f.reqPerSec),
    seconds: runs.reduce((sum, f) => sum + f.seconds, 0),
    cpuMsPerRequest: Object.fromEntries(cpuKeys.map((k) => [k, runs.some((f) => f.cpuMsPerRequest[k] == null) ? null : m((f) => f.cpuMsPerRequest[k]!)])),
  };
}

/** The processes whose CPU a load phase accounts for: name → pid. */
type Watched = Record<string, number>;

function cpuOf(watched: Watched): Record<string, number | null> {
  return Object.fromEntries(Object.entries(watched).map(([name, pid]) => [name, processCpuSeconds(pid)]));
}

/** `total` calls of `one(i)` from `concurrency` workers; each worker takes the next index. Errors are counted, not timed out. */
async function load(total: number, concurrency: number, one: (i: number) => Promise<unknown>, watched: Watched = {}): Promise<Figures> {
  const latencies: number[] = [];
  const cpuBefore = cpuOf(watched);
  let next = 0;
  let errors = 0;
  let firstError: string | null = null;
  const started = process.hrtime.bigint();
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= total) return;
      const t0 = process.hrtime.bigint();
      try {
        await one(i);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      } catch (error) {
        errors++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpuAfter = cpuOf(watched);
  const cpuMsPerRequest = Object.fromEntries(
    Object.keys(watched).map((name) => {
      const a = cpuBefore[name];
      const b = cpuAfter[name];
      return [name, a == null || b == null ? null : round(((b - a) * 1000) / total, 2)];
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    requests: total,
    errors,
    firstError,
    p50: round(percentile(latencies, 50), 1),
    p95: round(percentile(latencies, 95), 1),
    p99: round(percentile(latencies, 99), 1),
    max: round(latencies.at(-1) ?? Number.NaN, 1),
    reqPerSec: round(latencies.length / seconds, 1),
    seconds: round(seconds, 2),
    cpuMsPerRequest,
  };
}

// ── @neo4j/graphql ───────────────────────────────────────────────────────────────────────────
/** Installs @neo4j/graphql into the temp folder (once) and copies the server script there. */
function prepareNeo4jGraphql(): void {
  mkdirSync(NEO4J_GRAPHQL_DIR, { recursive: true });
  const marker = path.join(NEO4J_GRAPHQL_DIR, 'node_modules', '@neo4j', 'graphql', 'package.json');
  if (!existsSync(marker)) {
    if (!existsSync(path.join(NEO4J_GRAPHQL_DIR, 'package.json'))) spawnSync('npm', ['init', '-y'], { cwd: NEO4J_GRAPHQL_DIR, encoding: 'utf8' });
    const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', `@neo4j/graphql@${NEO4J_GRAPHQL_VERSION}`, 'graphql@16', '@apollo/server@5', 'neo4j-driver@6'], {
      cwd: NEO4J_GRAPHQL_DIR,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`npm install @neo4j/graphql@${NEO4J_GRAPHQL_VERSION} failed: ${(r.stderr || r.stdout).trim().split('\n').slice(-5).join(' | ')}`);
  }
  copyFileSync(NEO4J_GRAPHQL_SCRIPT, path.join(NEO4J_GRAPHQL_DIR, 'server.mjs'));
}

const startNeo4jGraphql = (env: Record<string, string>) =>
  startChildServer('@neo4j/graphql server', ['server.mjs'], { cwd: NEO4J_GRAPHQL_DIR, env, ready: /READY (\S+)/ });

/**
 * The plain-HTTP baseline (bench/api-plain-http.ts): the same domain functions behind node:http,
 * no GraphQL, in its own process, set up as `hubgraph serve` is (NODE_ENV=production, tsx).
 */
const startPlainHttp = (local: LocalNeo4jConfig, port: number) =>
  startChildServer('plain-HTTP baseline', ['--import', 'tsx', path.join(PROJECT_ROOT, 'bench', 'api-plain-http.ts')], {
    cwd: PROJECT_ROOT,
    env: { NEO4J_URI: boltUri(local), NEO4J_USER: 'neo4j', NEO4J_PASSWORD: local.password, PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    ready: /READY (\S+)/,
  });

// ── main ─────────────────────────────────────────────────────────────────────────────────────
async function main(): Promise<void> {
  const program = benchOptions(new Command('bench:api'))
    .description('GraphQL API benchmark: latency and throughput per question, vs the bare driver and vs @neo4j/graphql. Prints figures; asserts nothing.')
    .option('--requests <n>', 'requests per question and per server (GraphQL, driver, @neo4j/graphql)', positiveInt, 1000)
    .option('--runs <n>', 'measure every question this many times over (the whole sequence, so a slow spell of the machine hits every question alike) and report the median of each figure', positiveInt, 1)
    .option('--seed <n>', 'seed of the id sample', positiveInt, 42)
    .option('--analytics', 'run `hubgraph analytics run` against the store first (its run current, the stored answers that read authority recomputed)')
    .option('--no-neo4j-graphql', 'skip the @neo4j/graphql comparison')
    .option('--no-plain-http', 'skip the plain-HTTP baseline (the domain functions behind node:http, no GraphQL)')
    .option('--warmup <n>', 'unmeasured requests per question and per path (GraphQL, driver) right before its measurement: a cold JVM costs several times more CPU a query until its JIT has compiled the hot paths', positiveInt, 100)
    .option('--questions <names>', 'only these questions (comma-separated names; default all)', (v: string) => v.split(',').map((x) => x.trim()).filter(Boolean))
    .parse();
  const opts = program.opts<Options>();

  const session = new BenchSession('bench:api', { boltPort: opts.boltPort, httpPort: opts.httpPort });
  const { config, local } = session;
  const benchStarted = Date.now();
  const report: Record<string, unknown> = { startedAt: new Date(benchStarted).toISOString(), options: opts };
  let child: ChildProcess | null = null;

  try {
    const store = await openBenchStore(session, opts);
    const { db } = store;
    const ids = await pickIds(db, opts.seed);
    const unknown = (opts.questions ?? []).filter((name) => !QUESTIONS.some((q) => q.name === name));
    if (unknown.length) throw new Error(`unknown question(s): ${unknown.join(', ')} (known: ${QUESTIONS.map((q) => q.name).join(', ')})`);
    const questions = opts.questions ? QUESTIONS.filter((q) => opts.questions!.includes(q.name)) : QUESTIONS;

    Object.assign(report, storeReport(session, store));
    report.ids = ids;

    saySetup('hubgraph API benchmark', benchStarted, session, store);
    report.analytics = await analyticsFirst(session, db, opts.analytics === true);
    say(
      `  ids (seed ${opts.seed}): ${ids.users.length} stand-in users following ≥ 5, ${ids.creators.length} most-followed creators, ${ids.tasks.length} tasks with most models, ${ids.models.length} models from the 1,000 most downloaded, ${ids.searches.length} search texts`,
    );
    say(`  ${opts.runs > 1 ? `${opts.runs} runs × ` : ''}${opts.requests} requests per question and per server, ${opts.concurrency} concurrent clients (HTTP: node:http, keep-alive), after ${opts.warmup} unmeasured requests per question and per path`);
    say();

    // ── hubgraph GraphQL vs the bare driver ───────────────────────────────────────────────────
    const requestDb = withDefaults(db, { timeoutMs: config.server.txTimeoutMs });
    const hubgraph = session.track(await startHubgraph(local, await freePort()));
    const server = hubgraph.child;
    const url = hubgraph.url;
    const plain = opts.plainHttp ? session.track(await startPlainHttp(local, await freePort())) : null;
    const results: Record<string, { graphql: Figures; driver: Figures; plain?: Figures; neo4jGraphql?: Figures; runs?: unknown }> = {};
    say(`1. per question: hubgraph GraphQL (${url}, \`hubgraph serve\` in its own process) vs the bare driver (domain function with the Db)`);
    const perRun: Record<string, { graphql: Figures[]; driver: Figures[]; plain: Figures[] }> = {};
    for (let run = 1; run <= opts.runs; run++) {
      if (opts.runs > 1) say(`   run ${run}/${opts.runs}…`);
      for (const q of questions) {
        const qIds = idsFor(ids, q.kind);
        const gql = (i: number) => post(url, q.graphql(qIds[i % qIds.length]!));
        const drv = async (i: number) => {
          await q.driver(requestDb, config, qIds[i % qIds.length]!);
        };
        // Each question warms both paths right before they are measured: the JIT (Neo4j's and V8's)
        // and the garbage the previous question left (collected during whichever phase comes next,
        // which once billed the GraphQL phase of cheap questions 2–3× the Neo4j CPU of the driver
        // phase; with both warmed they cost the same within 10 %).
        const bare = (i: number) => post(`${plain!.url}/${q.name}`, { id: qIds[i % qIds.length]! });
        await load(opts.warmup, opts.concurrency, gql);
        await load(opts.warmup, opts.concurrency, drv);
        if (plain) await load(opts.warmup, opts.concurrency, bare);
        const runs = (perRun[q.name] ??= { graphql: [], driver: [], plain: [] });
        runs.graphql.push(await load(opts.requests, opts.concurrency, gql, { neo4j: store.neo4jPid, server: server.pid!, generator: process.pid }));
        runs.driver.push(await load(opts.requests, opts.concurrency, drv, { neo4j: store.neo4jPid, generator: process.pid }));
        if (plain) runs.plain.push(await load(opts.requests, opts.concurrency, bare, { neo4j: store.neo4jPid, server: plain.child.pid!, generator: process.pid }));
      }
    }
    if (opts.runs > 1) say(`   (figures below: the median of ${opts.runs} runs; p99 range = the lowest and highest run's GraphQL p99)`);
    say(
      `   ${'question'.padEnd(25)}${pad('GraphQL p50', 12)}${pad('p95', 8)}${pad('p99', 8)}${pad('req/s', 8)}${pad('driver p50', 12)}${pad('p95', 8)}${pad('p99', 8)}${pad('req/s', 8)}${pad('p50 ×', 7)}${pad('req/s ×', 9)}  errors`,
    );
    for (const q of questions) {
      const runs = perRun[q.name]!;
      const g = medianFigures(runs.graphql);
      const d = medianFigures(runs.driver);
      const h = plain ? medianFigures(runs.plain) : undefined;
      results[q.name] = { graphql: g, driver: d, ...(h ? { plain: h } : {}), ...(opts.runs > 1 ? { runs } : {}) };
      const errors = g.errors + d.errors + (h?.errors ?? 0);
      const range = opts.runs > 1 ? `  p99 range ${fmt(Math.min(...runs.graphql.map((f) => f.p99)))}–${fmt(Math.max(...runs.graphql.map((f) => f.p99)))}` : '';
      say(
        `   ${q.name.padEnd(25)}${pad(fmt(g.p50), 12)}${pad(fmt(g.p95), 8)}${pad(fmt(g.p99), 8)}${pad(fmt(g.reqPerSec), 8)}${pad(fmt(d.p50), 12)}${pad(fmt(d.p95), 8)}${pad(fmt(d.p99), 8)}${pad(fmt(d.reqPerSec), 8)}${pad((g.p50 / d.p50).toFixed(2), 7)}${pad((g.reqPerSec / d.reqPerSec).toFixed(2), 9)}  ${errors}${errors ? ` (${g.firstError ?? d.firstError ?? h?.firstError})` : ''}${range}`,
      );
    }
    say('   (ms; p50 × = GraphQL p50 ÷ driver p50; req/s × = GraphQL req/s ÷ driver req/s)');
    say();
    say('   where a request\'s CPU goes (ms of CPU per request, from /proc; the generator is this process: HTTP client, or driver + domain function)');
    say(`   ${'question'.padEnd(25)}${pad('GraphQL: Neo4j', 15)}${pad('server', 8)}${pad('generator', 10)}${pad('total', 7)}${pad('driver: Neo4j', 15)}${pad('generator', 10)}${pad('total', 7)}`);
    for (const q of questions) {
      const { graphql: g, driver: d } = results[q.name]!;
      const total = (c: Record<string, number | null>) => Object.values(c).reduce<number>((sum, v) => sum + (v ?? Number.NaN), 0);
      say(
        `   ${q.name.padEnd(25)}${pad(fmt(g.cpuMsPerRequest.neo4j ?? Number.NaN), 15)}${pad(fmt(g.cpuMsPerRequest.server ?? Number.NaN), 8)}${pad(fmt(g.cpuMsPerRequest.generator ?? Number.NaN), 10)}${pad(fmt(total(g.cpuMsPerRequest)), 7)}${pad(fmt(d.cpuMsPerRequest.neo4j ?? Number.NaN), 15)}${pad(fmt(d.cpuMsPerRequest.generator ?? Number.NaN), 10)}${pad(fmt(total(d.cpuMsPerRequest)), 7)}`,
      );
    }
    say();
    if (plain) {
      say(`   the HTTP hop without GraphQL: the same domain functions behind node:http in their own process (${plain.url}, bench/api-plain-http.ts)`);
      say(`   ${'question'.padEnd(25)}${pad('plain p50', 10)}${pad('p95', 8)}${pad('p99', 8)}${pad('req/s', 8)}${pad('GraphQL ÷ plain', 16)}${pad('plain ÷ driver', 15)}${pad('CPU: Neo4j', 11)}${pad('server', 8)}${pad('generator', 10)}`);
      for (const q of questions) {
        const { graphql: g, driver: d, plain: h } = results[q.name]!;
        if (!h) continue;
        say(
          `   ${q.name.padEnd(25)}${pad(fmt(h.p50), 10)}${pad(fmt(h.p95), 8)}${pad(fmt(h.p99), 8)}${pad(fmt(h.reqPerSec), 8)}${pad((g.p50 / h.p50).toFixed(2), 16)}${pad((h.p50 / d.p50).toFixed(2), 15)}${pad(fmt(h.cpuMsPerRequest.neo4j ?? Number.NaN), 11)}${pad(fmt(h.cpuMsPerRequest.server ?? Number.NaN), 8)}${pad(fmt(h.cpuMsPerRequest.generator ?? Number.NaN), 10)}`,
        );
      }
      say('   (ms; GraphQL ÷ plain = what GraphQL costs over the same HTTP hop, p50; plain ÷ driver = what the hop costs, p50)');
      say();
    }

    // ── @neo4j/graphql ────────────────────────────────────────────────────────────────────────
    let neo4jGraphqlError: string | null = null;
    if (opts.neo4jGraphql) {
      say(`2. the same Cypher served by @neo4j/graphql@${NEO4J_GRAPHQL_VERSION} (@cypher fields; child process from ${NEO4J_GRAPHQL_DIR})`);
      try {
        prepareNeo4jGraphql();
        const typeDefsFile = path.join(NEO4J_GRAPHQL_DIR, 'typedefs.graphql');
        writeFileSync(typeDefsFile, neo4jGraphqlTypeDefs());
        const running = session.track(await startNeo4jGraphql({ TYPEDEFS_FILE: typeDefsFile, NEO4J_URI: boltUri(local), NEO4J_USER: 'neo4j', NEO4J_PASSWORD: local.password }));
        child = running.child;
        say(`   ${'question'.padEnd(25)}${pad('@neo4j/graphql p50', 19)}${pad('p95', 8)}${pad('p99', 8)}${pad('req/s', 8)}${pad('hubgraph p50', 14)}${pad('req/s', 8)}${pad('p50 ×', 7)}  errors`);
        for (const f of NEO4J_GRAPHQL_FIELDS.filter((x) => questions.some((q) => q.name === x.name))) {
          const qIds = idsFor(ids, f.kind);
          const body = (id: string) => ({
            query: `query Q($id: ID!) { ${f.name}(${f.arg}: $id, first: 20) { id name kind source score count via } }`,
            variables: { id },
          });
          const one = (i: number) => post(running.url, body(qIds[i % qIds.length]!));
          await load(qIds.length, opts.concurrency, one);
          const nRuns: Figures[] = [];
          for (let run = 1; run <= opts.runs; run++) nRuns.push(await load(opts.requests, opts.concurrency, one, { neo4j: store.neo4jPid, server: child.pid!, generator: process.pid }));
          const n = medianFigures(nRuns);
          const own = results[f.name]!;
          own.neo4jGraphql = n;
          say(
            `   ${f.name.padEnd(25)}${pad(fmt(n.p50), 19)}${pad(fmt(n.p95), 8)}${pad(fmt(n.p99), 8)}${pad(fmt(n.reqPerSec), 8)}${pad(fmt(own.graphql.p50), 14)}${pad(fmt(own.graphql.reqPerSec), 8)}${pad((own.graphql.p50 / n.p50).toFixed(2), 7)}  ${n.errors}${n.errors ? ` (${n.firstError})` : ''}`,
          );
        }
        say('   (ms; p50 × = hubgraph GraphQL p50 ÷ @neo4j/graphql p50: below 1 means hubgraph is faster)');
      } catch (error) {
        neo4jGraphqlError = error instanceof Error ? error.message : String(error);
        say(`   @neo4j/graphql could not be benchmarked: ${neo4jGraphqlError}`);
      } finally {
        await stopChild(child);
        child = null;
      }
      say();
    }

    // ── targets ───────────────────────────────────────────────────────────────────────────────
    const targets: { target: string; question: string; value: string; met: boolean | null }[] = [];
    for (const q of questions) {
      const r = results[q.name]!;
      const ratio = r.graphql.p50 / r.driver.p50;
      targets.push({ target: 'GraphQL p50 ≤ 1.2× bare driver p50', question: q.name, value: `${ratio.toFixed(2)}×`, met: Number.isFinite(ratio) ? ratio <= 1.2 : null });
      if (q.p99TargetMs !== null) {
        targets.push({ target: `GraphQL p99 ≤ ${q.p99TargetMs} ms`, question: q.name, value: `${fmt(r.graphql.p99)} ms`, met: Number.isFinite(r.graphql.p99) ? r.graphql.p99 <= q.p99TargetMs : null });
      }
      if (r.neo4jGraphql) {
        const n = r.neo4jGraphql;
        targets.push({
          target: 'faster than @neo4j/graphql (p50 and req/s)',
          question: q.name,
          value: `${fmt(r.graphql.p50)} vs ${fmt(n.p50)} ms, ${fmt(r.graphql.reqPerSec)} vs ${fmt(n.reqPerSec)} req/s`,
          met: n.errors === n.requests ? null : r.graphql.p50 < n.p50 && r.graphql.reqPerSec > n.reqPerSec,
        });
      }
    }
    say('3. targets');
    for (const t of targets) say(`   ${metWord(t.met).padEnd(8)} ${t.target.padEnd(44)} ${t.question.padEnd(25)} ${t.value}`);
    const met = targets.filter((t) => t.met === true).length;
    const overall = targets.filter((t) => t.met !== null).length;
    const endLoad = os.loadavg().map((l) => round(l, 2));
    const wall = round((Date.now() - benchStarted) / 1000, 1);
    const ratios = questions.map((q) => results[q.name]!.graphql.p50 / results[q.name]!.driver.p50);
    say(`   ${met}/${overall} met; median GraphQL overhead ${median(ratios).toFixed(2)}× (p50)`);
    say();
    say(`wall ${wall} s; load average at end: ${endLoad.join(' / ')}`);

    report.results = results;
    report.neo4jGraphql = { version: NEO4J_GRAPHQL_VERSION, dir: NEO4J_GRAPHQL_DIR, error: neo4jGraphqlError, fields: NEO4J_GRAPHQL_FIELDS.map((f) => f.name) };
    report.targets = targets;
    report.loadAverageAtEnd = endLoad;
    report.wallSeconds = wall;
    mkdirSync(path.dirname(REPORT_FILE), { recursive: true });
    writeFileSync(REPORT_FILE, `${JSON.stringify(report, null, 2)}\n`);
    say(`report: ${path.relative(PROJECT_ROOT, REPORT_FILE)}`);
  } finally {
    await session.cleanup();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:api failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
