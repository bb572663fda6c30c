/**
 * `npm run bench:cold-start` — what the first request of each question costs right after Neo4j
 * starts, without and with the server's warm-up (src/graphql/warmUp.ts), in figures; it asserts
 * nothing.
 *
 * On the bench store of bench:api (the demo corpus; run `npm run bench:api` once to load it), for
 * each mode and run: Neo4j is stopped and started again (a fresh JVM, an empty query-plan cache),
 * `hubgraph serve` starts with HUBGRAPH_WARM_UP=false (cold) or true (warm: the bench waits for
 * `/ready`, timing the warm-up), then every example operation (src/graphql/examples.ts, the
 * landing page's list) is asked once — the first request — and 5 times more, one request at a
 * time. Prints, per example and mode, the first request and the median of the next five (medians
 * over runs), and the totals. Options: --runs N (1).
 */
import type { ChildProcess } from 'node:child_process';
import { Command } from 'commander';
import { loadConfig, type LocalNeo4jConfig } from '../src/config.js';
import { EXAMPLES } from '../src/graphql/examples.js';
import { createLogger } from '../src/log.js';
import { boltUri, start, stop } from '../src/neo4j/local.js';
import { createDb } from '../src/neo4j/db.js';
import { machineInfo, median, pad, positiveInt, round, say } from './ingest-machine.js';
import { BENCH_NEO4J, freePort, startHubgraphServe, stopChild, untilReady } from './servers.js';

const AFTER = 5;
type Mode = 'cold' | 'warm';

/** One request; its wall time in ms, and whether it answered without errors. */
async function ask(url: string, query: string, variables: Record<string, unknown>): Promise<{ ms: number; ok: boolean }> {
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { errors?: unknown[] };
  return { ms: performance.now() - started, ok: res.ok && !body.errors };
}

interface RunFigures {
  /** Seconds from the server printing its URL to `/ready` (warm mode). */
  readySeconds: number | null;
  first: number[];
  after: number[];
  errors: number;
}

async function oneRun(local: LocalNeo4jConfig, mode: Mode, log: ReturnType<typeof createLogger>): Promise<RunFigures> {
  await stop(local, log);
  await start(local, log);
  let child: ChildProcess | null = null;
  try {
    const server = await startHubgraphServe(local, await freePort(), { warmUp: mode === 'warm' });
    child = server.child;
    const readySeconds = mode === 'warm' ? await untilReady(server.url) : null;
    const figures: RunFigures = { readySeconds, first: [], after: [], errors: 0 };
    for (const e of EXAMPLES) {
      const first = await ask(server.url, e.query, e.variables);
      const next: number[] = [];
      for (let i = 0; i < AFTER; i++) next.push((await ask(server.url, e.query, e.variables)).ms);
      figures.first.push(first.ms);
      figures.after.push(median(next));
      if (!first.ok) figures.errors++;
    }
    return figures;
  } finally {
    await stopChild(child);
  }
}

async function main(): Promise<void> {
  const opts = new Command('bench:cold-start')
    .description("The first request of each question after a Neo4j start, without and with the server's warm-up. Prints figures; asserts nothing.")
    .option('--runs <n>', 'restarts per mode (medians reported)', positiveInt, 1)
    .parse(process.argv)
    .opts<{ runs: number }>();
  const config = loadConfig();
  const log = createLogger({ level: 'warn', pretty: false });
  const local: LocalNeo4jConfig = { ...BENCH_NEO4J, startTimeoutSeconds: config.local.startTimeoutSeconds };
  const machine = machineInfo();

  // The bench store must hold the demo corpus (bench:api loads it).
  await start(local, log);
  const db = createDb({ connection: { uri: boltUri(local), user: 'neo4j', password: local.password, database: 'neo4j' }, log, local: true });
  const [row] = await db.read<{ models: number }>('MATCH (m:Model) RETURN count(m) AS models');
  await db.close();
  if (!row || row.models === 0) throw new Error(`the bench store ${local.home} is empty: run \`npm run bench:api\` once to load the demo corpus`);

  say(`hubgraph cold-start benchmark — ${new Date().toISOString()}`);
  say(`  machine: ${machine.cpuModel}, ${machine.cores} cores; JS reference task ${machine.cpuReferenceMs} ms; load average ${machine.loadAverage.join(' / ')}`);
  say(`  ${EXAMPLES.length} example operations on the demo corpus (${row.models.toLocaleString('en-US')} models), one request at a time; ${opts.runs} Neo4j restart(s) per mode`);
  const runs: Record<Mode, RunFigures[]> = { cold: [], warm: [] };
  try {
    for (let r = 0; r < opts.runs; r++) for (const mode of ['cold', 'warm'] as const) runs[mode].push(await oneRun(local, mode, log));
  } finally {
    await stop(local, log);
  }

  const col = (mode: Mode, key: 'first' | 'after', i: number) => median(runs[mode].map((f) => f[key][i]!));
  say();
  say(`  example                     no warm-up: first  next ${AFTER} (median)   warmed up: first  next ${AFTER} (median)   (ms)`);
  EXAMPLES.forEach((e, i) => {
    say(`  ${e.name.padEnd(26)} ${pad(round(col('cold', 'first', i)), 17)} ${pad(round(col('cold', 'after', i), 1), 18)} ${pad(round(col('warm', 'first', i)), 17)} ${pad(round(col('warm', 'after', i), 1), 18)}`);
  });
  const total = (mode: Mode) => median(runs[mode].map((f) => f.first.reduce((a, b) => a + b, 0)));
  const range = (mode: Mode) => {
    const firsts = EXAMPLES.map((_, i) => col(mode, 'first', i));
    return `${round(Math.min(...firsts))}–${round(Math.max(...firsts))}`;
  };
  say();
  say(`  first requests, all examples: ${round(total('cold'))} ms without the warm-up (${range('cold')} ms each), ${round(total('warm'))} ms after it (${range('warm')} ms each)`);
  say(`  warm-up: /ready ${round(median(runs.warm.map((f) => f.readySeconds!)), 1)} s after the server printed its URL (median)`);
  const errors = [...runs.cold, ...runs.warm].reduce((n, f) => n + f.errors, 0);
  say(`  first requests answered with errors: ${errors}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:cold-start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
