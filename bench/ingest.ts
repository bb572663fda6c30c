/**
 * `npm run bench:ingest` — how fast hubgraph loads, in figures (printed and written to
 * reports/bench-ingest.json); it never asserts a timing.
 *
 *  1. Starts its own local Neo4j (home .neo4j-bench, Bolt 47687, HTTP 47474, heap 2g, page cache 1g),
 *     wiped first, so the developer's and the tests' databases are never touched; stops it at the
 *     end, on error and on Ctrl-C.
 *  2. Loads the demo corpus into the empty database through the real path (ingestDemo) and prints
 *     each step's rows, seconds, rows/s and relationships/s, the whole-demo wall time and the peak
 *     RSS of this Node process (and of the Neo4j JVM).
 *  3. On the same FOLLOWS rows (the musae stand-in: 260,103 undirected edges → 520,206 directed
 *     follows between 37,700 nodes, ids = musae ids), three loaders, each into a wiped database:
 *     a naive one-row-per-transaction MERGE loader (on a sample: all 520k would take too long),
 *     hubgraph's batched runStep load (users, then follows), and neo4j-admin's offline importer.
 *     Ratios: hubgraph ÷ importer (target ≥ 1/3) and hubgraph ÷ naive (target ≥ 10×).
 *
 * Defaults for a 2-core machine (about 8 minutes): --runs 3 for the FOLLOWS measurements (naive
 * sample, hubgraph, importer; medians reported), --demo-runs 1 (the demo load is the longest part
 * and each extra run needs a fresh store: stop, wipe, start), --naive-sample 2000 (the naive loader
 * pays one round trip and one commit per row, 10–25 ms here: 2,000 rows × 3 runs is 1–2 minutes;
 * its records/s does not depend on the sample size beyond warm-up).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { DEMO_FILES, ingestDemo } from '../ingest/jobs/demo.js';
import type { JobSummary } from '../ingest/job.js';
import { loadConfig, PROJECT_ROOT, type LocalNeo4jConfig } from '../src/config.js';
import { ErrorCodes, isHubgraphError } from '../src/errors.js';
import { createLogger } from '../src/log.js';
import { createDb, type Db } from '../src/neo4j/db.js';
import { boltUri, localPaths, reset, start, stop } from '../src/neo4j/local.js';
import { migrate } from '../src/neo4j/migrate.js';
import {
  countGraph,
  followsFiles,
  hubgraphLoad,
  loadFollowsData,
  naiveLoad,
  NAIVE_CYPHER,
  wipe,
  type GraphCounts,
  type HubgraphRun,
  type NaiveRun,
} from './ingest-follows.js';
import { runImporter, writeImportCsv, type ImportCsv, type ImportRun } from './ingest-importer.js';
import { countRows, int, javaVersion, machineInfo, median, pad, peakRssMiB, perSecond, positiveInt, processPeakRssMiB, round, say, type FileRows } from './ingest-machine.js';

const BENCH_NEO4J: Omit<LocalNeo4jConfig, 'startTimeoutSeconds'> = {
  home: path.join(PROJECT_ROOT, '.neo4j-bench'),
  boltPort: 47687,
  httpPort: 47474,
  heap: '2g',
  pagecache: '1g',
  password: 'hubgraph-bench',
};
const NEO4J_LIB = path.join(PROJECT_ROOT, 'neo4j', 'target', 'lib');
const REPORT_FILE = path.join(PROJECT_ROOT, 'reports', 'bench-ingest.json');

interface Options {
  runs: number;
  demoRuns: number;
  naiveSample: number;
  skipImport: boolean;
  skipDemo: boolean;
  boltPort: number;
  httpPort: number;
}


async function main(): Promise<void> {
  const program = new Command('bench:ingest')
    .description('Ingest benchmark: demo corpus load, and FOLLOWS load vs a naive loader and neo4j-admin import. Prints figures; asserts nothing.')
    .option('--runs <n>', 'timed runs of each FOLLOWS measurement (naive, hubgraph, importer); the median is reported', positiveInt, 3)
    .option('--demo-runs <n>', 'runs of the whole demo load, each on a fresh store; the median is reported', positiveInt, 1)
    .option('--naive-sample <n>', 'the naive loader writes the first N directed follows per run (all 520,206 would take too long)', positiveInt, 2000)
    .option('--skip-import', 'skip the neo4j-admin database import comparison', false)
    .option('--skip-demo', 'skip the demo corpus load (step 2)', false)
    .option('--bolt-port <port>', 'Bolt port of the bench Neo4j', positiveInt, BENCH_NEO4J.boltPort)
    .option('--http-port <port>', 'HTTP port of the bench Neo4j', positiveInt, BENCH_NEO4J.httpPort)
    .parse();
  const opts = program.opts<Options>();

  const config = loadConfig({});
  const log = createLogger({ level: 'warn' });
  const local: LocalNeo4jConfig = {
    ...BENCH_NEO4J,
    boltPort: opts.boltPort,
    httpPort: opts.httpPort,
    startTimeoutSeconds: config.local.startTimeoutSeconds,
  };
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'hubgraph-bench-ingest-'));
  const abort = new AbortController();
  const benchStarted = Date.now();
  const report: Record<string, unknown> = { startedAt: new Date(benchStarted).toISOString(), options: opts };
  let db: Db | null = null;
  let neo4jPid: number | null = null;

  const connect = async (): Promise<Db> => {
    const started = await start(local, log);
    neo4jPid = started.pid;
    db = createDb({ connection: { uri: boltUri(local), user: 'neo4j', password: local.password, database: 'neo4j' }, log, local: true });
    return db;
  };
  const disconnect = async (): Promise<void> => {
    const d = db;
    db = null;
    if (d) await d.close();
    await stop(local, log);
    neo4jPid = null;
  };
  let cleaned: Promise<void> | null = null;
  const cleanup = () =>
    (cleaned ??= (async () => {
      try {
        await disconnect();
      } catch (error) {
        process.stderr.write(`bench:ingest: could not stop the bench Neo4j (${localPaths(local).home}): ${String(error)}\n`);
      }
      rmSync(tmp, { recursive: true, force: true });
    })());
  const onSignal = (signal: NodeJS.Signals) => {
    process.stderr.write(`\nbench:ingest: ${signal}, stopping the bench Neo4j…\n`);
    abort.abort();
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    // ── header ────────────────────────────────────────────────────────────────────────────────
    const machine = machineInfo();
    const dataDir = config.dataDir;
    if (!dataDir) throw new Error('no demo corpus: set HUBGRAPH_DATA_DIR (data/demo is missing)');
    const files = followsFiles(dataDir);
    const sizes: FileRows[] = [];
    for (const rel of [DEMO_FILES.models, DEMO_FILES.apiModels, DEMO_FILES.lineage, DEMO_FILES.categories]) sizes.push(await countRows(path.join(dataDir, rel)));
    sizes.push(await countRows(files.nodes), await countRows(files.edges));

    await stop(local, log);
    reset(local);
    let d = await connect();
    const server = await d.verify();
    report.machine = machine;
    const java = javaVersion();
    report.java = java;
    report.neo4j = { ...server, home: local.home, bolt: boltUri(local), heap: local.heap, pagecache: local.pagecache };
    report.data = { dir: dataDir, files: sizes.map((s) => ({ ...s, file: path.relative(dataDir, s.file) })) };
    report.batchSize = config.ingest.batchSize;

    say(`hubgraph ingest benchmark — ${new Date(benchStarted).toISOString()}`);
    say(`  machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.totalMemoryGiB} GiB RAM, ${machine.platform}; JS reference task ${machine.cpuReferenceMs} ms (lower is faster: compare runs by it first)`);
    say(`  load average at start: ${machine.loadAverage.join(' / ')} (1/5/15 min; other work on the machine skews every figure)`);
    say(`  Node ${machine.node}; Neo4j ${server.version} ${server.edition} (bench instance ${boltUri(local)}, heap ${local.heap}, page cache ${local.pagecache}); ${java}`);
    say(`  batch size ${config.ingest.batchSize}; runs: FOLLOWS ×${opts.runs}, demo ×${opts.demoRuns}; medians reported`);
    say(`  data (${dataDir}):`);
    for (const s of sizes) say(`    ${path.relative(dataDir, s.file).padEnd(58)}${pad(int(s.rows), 9)} rows${s.rejected ? ` (${s.rejected} rejected)` : ''}`);
    say();

    // ── 2. the demo corpus ───────────────────────────────────────────────────────────────────
    let demoFollows: { seconds: number; rowsPerSecond: number } | null = null;
    if (!opts.skipDemo) {
      const runs: { summary: JobSummary; wallSeconds: number }[] = [];
      for (let i = 0; i < opts.demoRuns; i++) {
        if (i > 0) {
          await disconnect();
          reset(local);
          d = await connect();
        }
        const dir = path.join(tmp, `demo-${i + 1}`);
        const started = process.hrtime.bigint();
        const summary = await ingestDemo({
          db: d,
          log,
          dataDir,
          tty: false,
          restart: true,
          settings: {
            ...config.ingest,
            quarantineDir: path.join(dir, 'quarantine'),
            reportsDir: path.join(dir, 'reports'),
            checkpointDir: path.join(dir, 'checkpoints'),
          },
        });
        runs.push({ summary, wallSeconds: Number(process.hrtime.bigint() - started) / 1e9 });
      }
      const nodeRss = peakRssMiB();
      const neo4jRss = neo4jPid === null ? null : processPeakRssMiB(neo4jPid);
      const first = runs[0]!.summary;
      const steps = first.steps.map((s, k) => {
        const seconds = median(runs.map((r) => r.summary.steps[k]?.seconds ?? Number.NaN));
        return {
          step: s.step,
          rows: s.loaded,
          rejected: s.rejected,
          relationshipsCreated: s.relationshipsCreated,
          seconds,
          rowsPerSecond: perSecond(s.loaded, seconds),
          relationshipsPerSecond: perSecond(s.relationshipsCreated, seconds),
        };
      });
      const wall = median(runs.map((r) => r.wallSeconds));
      const standin = steps.find((s) => s.step === 'standin-follows');
      if (standin) demoFollows = { seconds: standin.seconds, rowsPerSecond: standin.rowsPerSecond };
      const counts = await countGraph(d);
      report.demo = {
        runs: runs.map((r) => ({ wallSeconds: r.wallSeconds, jobSeconds: r.summary.seconds, steps: r.summary.steps, totals: r.summary.totals, notes: r.summary.notes })),
        steps,
        wallSecondsMedian: wall,
        peakRssMiB: nodeRss,
        neo4jPeakRssMiB: neo4jRss,
        graphAfter: counts,
      };
      say(`2. demo corpus through ingestDemo (migrate + every step), ${opts.demoRuns} run(s) on a fresh store, median:`);
      say(`   ${'step'.padEnd(20)}${pad('rows', 9)}${pad('rejected', 9)}${pad('seconds', 9)}${pad('rows/s', 9)}${pad('rels', 9)}${pad('rels/s', 9)}`);
      for (const s of steps) {
        say(`   ${s.step.padEnd(20)}${pad(int(s.rows), 9)}${pad(int(s.rejected), 9)}${pad(s.seconds.toFixed(1), 9)}${pad(int(s.rowsPerSecond), 9)}${pad(int(s.relationshipsCreated), 9)}${pad(int(s.relationshipsPerSecond), 9)}`);
      }
      say(`   whole demo: ${wall.toFixed(1)} s wall (runs: ${runs.map((r) => r.wallSeconds.toFixed(1)).join(', ')} s); graph after: ${int(counts.nodes)} nodes, ${int(counts.follows)} FOLLOWS`);
      say(`   peak RSS: Node ${nodeRss} MiB (process.resourceUsage().maxRSS), Neo4j JVM ${neo4jRss ?? 'n/a'} MiB (VmHWM)`);
      say();
    }

    // ── 3. FOLLOWS: naive vs hubgraph vs importer ─────────────────────────────────────────────
    const loadStarted = Date.now();
    const data = await loadFollowsData(files);
    const total = data.follows.length;
    const sample = data.follows.slice(0, opts.naiveSample);
    say(`3. FOLLOWS on the same rows: ${int(data.nodes.length)} nodes, ${int(data.edgesRead)} undirected edges → ${int(total)} directed follows`);
    say(`   (ids = musae ids as strings; read and mapped in ${((Date.now() - loadStarted) / 1000).toFixed(1)} s, ${data.rejected} rejected)`);

    const wiped = await wipe(d);
    await migrate(d, log);
    say(`   database wiped (${wiped.seconds.toFixed(1)} s; batched DELETE transactions), schema constraints applied (migrate)`);

    // (a) naive
    const naive: (NaiveRun & { counts: GraphCounts })[] = [];
    for (let i = 0; i < opts.runs; i++) {
      await wipe(d);
      const run = await naiveLoad(d, sample);
      naive.push({ ...run, counts: await countGraph(d) });
    }
    const naiveRate = median(naive.map((r) => r.recordsPerSecond));
    say(`   (a) naive: first ${int(sample.length)} follows, one row per managed write transaction: ${NAIVE_CYPHER}`);
    say(`       ${naive.map((r) => `${r.seconds.toFixed(1)} s`).join(', ')} → median ${int(naiveRate)} records/s (graph: ${int(naive[0]!.counts.nodes)} nodes, ${int(naive[0]!.counts.follows)} FOLLOWS)`);

    // (b) hubgraph
    const hub: (HubgraphRun & { counts: GraphCounts })[] = [];
    for (let i = 0; i < opts.runs; i++) {
      await wipe(d);
      const run = await hubgraphLoad({ db: d, log, batchSize: config.ingest.batchSize, quarantineDir: path.join(tmp, 'quarantine') }, files);
      hub.push({ ...run, counts: await countGraph(d) });
    }
    const hubFollowsSeconds = median(hub.map((r) => r.follows.seconds));
    const hubUsersSeconds = median(hub.map((r) => r.users.seconds));
    const hubTotalSeconds = median(hub.map((r) => r.seconds));
    const hubFollowsRate = perSecond(hub[0]!.follows.loaded, hubFollowsSeconds);
    const hubEndToEndRate = perSecond(hub[0]!.follows.loaded, hubTotalSeconds);
    say(`   (b) hubgraph: runStep, users (upsert-users) then follows (upsert-follows), batches of ${config.ingest.batchSize}, all ${int(total)} follows`);
    say(`       (measured here on the musae ids; the demo's standin-follows step above is the same code on the mapped ids)`);
    for (const [i, r] of hub.entries()) {
      say(`       run ${i + 1}: users ${int(r.users.loaded)} in ${r.users.seconds.toFixed(1)} s, follows ${int(r.follows.loaded)} in ${r.follows.seconds.toFixed(1)} s (${int(r.follows.rowsPerSecond)} records/s, ${int(r.follows.relationshipsCreated)} created), total ${r.seconds.toFixed(1)} s; graph ${int(r.counts.nodes)} nodes, ${int(r.counts.follows)} FOLLOWS`);
    }
    say(`       median: follows step ${hubFollowsSeconds.toFixed(1)} s → ${int(hubFollowsRate)} records/s; users+follows ${hubTotalSeconds.toFixed(1)} s → ${int(hubEndToEndRate)} follows/s end to end`);
    if (demoFollows) say(`       for reference, the demo's standin-follows step (step 2, into a database already holding the models): ${demoFollows.seconds.toFixed(1)} s → ${int(demoFollows.rowsPerSecond)} records/s`);

    // (c) importer
    let importer: Record<string, unknown> = { skipped: true };
    let importRate: number | null = null;
    let importInternalRate: number | null = null;
    if (opts.skipImport) {
      say('   (c) neo4j-admin import: skipped (--skip-import)');
    } else {
      const csvDir = path.join(tmp, 'import');
      mkdirSync(csvDir, { recursive: true });
      const csv: ImportCsv = await writeImportCsv(csvDir, data);
      await disconnect();
      const paths = localPaths(local);
      const runs: ImportRun[] = [];
      for (let i = 0; i < opts.runs; i++) {
        const run = await runImporter({ lib: NEO4J_LIB, home: paths.home, conf: paths.conf, cwd: csvDir, csv, database: 'neo4j', signal: abort.signal });
        runs.push(run);
        if (!run.ok) break;
      }
      d = await connect();
      const counts = await countGraph(d);
      const failed = runs.find((r) => !r.ok);
      say(`   (c) neo4j-admin database import full (Bolt server stopped, --overwrite-destination, same ${int(csv.nodeRows)} nodes and ${int(csv.relationshipRows)} follows as header CSV)`);
      say(`       command: ${runs[0]!.command}`);
      if (failed) {
        say(`       FAILED (exit code ${failed.exitCode}); no importer figure. Exact error:`);
        for (const line of (failed.error ?? '').split('\n')) say(`         ${line}`);
      } else {
        const wall = median(runs.map((r) => r.wallSeconds));
        const internal = runs.every((r) => r.report.importDoneSeconds !== null) ? median(runs.map((r) => r.report.importDoneSeconds!)) : null;
        importRate = perSecond(csv.relationshipRows, wall);
        importInternalRate = internal === null ? null : perSecond(csv.relationshipRows, internal);
        const last = runs[runs.length - 1]!.report;
        say(`       ${runs.map((r) => `${r.wallSeconds.toFixed(1)} s`).join(', ')} wall (JVM start included) → median ${wall.toFixed(1)} s, ${int(importRate)} follows/s (${int(perSecond(csv.nodeRows + csv.relationshipRows, wall))} nodes+follows/s)`);
        say(`       importer's own "IMPORT DONE in": ${runs.map((r) => (r.report.importDoneSeconds === null ? 'n/a' : `${r.report.importDoneSeconds} s`)).join(', ')}${importInternalRate === null ? '' : ` → ${int(importInternalRate)} follows/s`}`);
        say(`       stages (last run): ${last.stages.map((s) => `${s.stage} ${s.seconds ?? '?'} s`).join(', ')}; peak memory ${last.peakMemory ?? 'n/a'}`);
        say(`       importer reports: ${last.imported ? `${int(last.imported.nodes)} nodes, ${int(last.imported.relationships)} relationships, ${int(last.imported.properties)} properties` : 'n/a'}; records/s it prints itself: ${last.rateLines.length ? last.rateLines.join(' | ') : 'none (it prints stage times only)'}`);
        say(`       (CSV files written in ${csv.seconds.toFixed(1)} s, not counted; the imported store has no constraints or indexes)`);
      }
      say(`       after restart, Cypher count: ${int(counts.nodes)} nodes, ${int(counts.follows)} FOLLOWS`);
      importer = {
        skipped: false,
        ok: !failed,
        command: runs[0]!.command,
        csv: { nodeRows: csv.nodeRows, relationshipRows: csv.relationshipRows, writeSeconds: csv.seconds },
        runs: runs.map((r) => ({ ok: r.ok, wallSeconds: r.wallSeconds, exitCode: r.exitCode, report: r.report, error: r.error })),
        followsPerSecondWall: importRate,
        followsPerSecondImportDone: importInternalRate,
        countsAfterRestart: counts,
      };
    }

    // ── ratios ───────────────────────────────────────────────────────────────────────────────
    const ratio = (a: number, b: number | null) => (b ? round(a / b, 3) : null);
    const ratios = {
      hubgraphFollowsStepVsImporterWall: ratio(hubFollowsRate, importRate),
      hubgraphUsersPlusFollowsVsImporterWall: ratio(hubEndToEndRate, importRate),
      hubgraphFollowsStepVsImporterImportDone: ratio(hubFollowsRate, importInternalRate),
      hubgraphFollowsStepVsNaive: ratio(hubFollowsRate, naiveRate),
    };
    const fixed = (v: number | null, digits: number) => (v === null ? 'n/a (no importer figure)' : v.toFixed(digits));
    const show = (v: number | null, target: number, digits: number, suffix = '') =>
      v === null ? fixed(v, digits) : `${fixed(v, digits)}${suffix}  (target ≥ ${target.toFixed(digits)}${suffix}: ${v >= target ? 'met' : 'not met'})`;
    say();
    say('   ratios of median records/s:');
    say(`     hubgraph follows step ÷ importer (wall, JVM incl.):  ${show(ratios.hubgraphFollowsStepVsImporterWall, 1 / 3, 3)}`);
    say(`     hubgraph users+follows ÷ importer (wall, JVM incl.): ${fixed(ratios.hubgraphUsersPlusFollowsVsImporterWall, 3)}`);
    say(`     hubgraph follows step ÷ importer ("IMPORT DONE"):    ${fixed(ratios.hubgraphFollowsStepVsImporterImportDone, 3)}`);
    say(`     hubgraph follows step ÷ naive:                       ${show(ratios.hubgraphFollowsStepVsNaive, 10, 1, '×')}`);

    report.follows = {
      nodes: data.nodes.length,
      undirectedEdges: data.edgesRead,
      directedFollows: total,
      naive: { cypher: NAIVE_CYPHER, sample: sample.length, sampleIs: `the first ${sample.length} directed follows`, runs: naive, recordsPerSecondMedian: naiveRate },
      hubgraph: {
        batchSize: config.ingest.batchSize,
        runs: hub,
        usersSecondsMedian: hubUsersSeconds,
        followsSecondsMedian: hubFollowsSeconds,
        totalSecondsMedian: hubTotalSeconds,
        followsPerSecondMedian: hubFollowsRate,
        followsPerSecondEndToEnd: hubEndToEndRate,
      },
      importer,
      ratios,
    };
  } catch (error) {
    report.error = error instanceof Error ? error.message : String(error);
    throw error;
  } finally {
    report.peakRssMiB = peakRssMiB();
    report.seconds = (Date.now() - benchStarted) / 1000;
    await cleanup();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    mkdirSync(path.dirname(REPORT_FILE), { recursive: true });
    writeFileSync(REPORT_FILE, JSON.stringify(report, null, 2) + '\n');
  }
  say();
  say(`peak RSS of this Node process: ${report.peakRssMiB} MiB; benchmark took ${(report.seconds as number).toFixed(0)} s; bench Neo4j stopped`);
  say(`figures written to ${path.relative(process.cwd(), REPORT_FILE) || REPORT_FILE}`);
}

main().catch((error: unknown) => {
  if (isHubgraphError(error)) {
    // The bench Neo4j takes its ports from flags, not from the environment the generic hint names.
    const hint = error.code === ErrorCodes.NEO4J_PORT_IN_USE ? 'stop it, or give the bench Neo4j other ports with --bolt-port / --http-port' : error.hint;
    process.stderr.write(`bench:ingest: ${error.message}${hint ? ` — ${hint}` : ''} [${error.code}]\n`);
  } else {
    process.stderr.write(`bench:ingest: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exitCode = 1;
});
