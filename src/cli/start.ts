/**
 * `hubgraph start` (npm start): the main job. Starts the local Neo4j unless NEO4J_URI points
 * elsewhere, migrates the schema, loads the demo corpus into an empty database, serves GraphQL and
 * prints where everything is. Ctrl-C stops what this process started (not a Neo4j it reused).
 * `start` also makes sure mutations work out of the box: without HUBGRAPH_API_KEY it creates a
 * random key, keeps it in the local state and prints it (localApiKey).
 * `hubgraph serve` only serves, against whatever NEO4J_URI / the local instance holds, and needs
 * an explicit HUBGRAPH_API_KEY for mutations: a deployed server never gets a key nobody chose.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { PROJECT_ROOT, type Config } from '../config.js';
import { startServer } from '../graphql/server.js';
import { warmUp } from '../graphql/warmUp.js';
import { start as startLocal, stop as stopLocal, browserUrl } from '../neo4j/local.js';
import { migrate } from '../neo4j/migrate.js';
import { graphStats } from '../neo4j/stats.js';
import { formatJobSummary } from '../../ingest/job.js';
import { ingestDemo } from '../../ingest/jobs/demo.js';
import { openDb, type CliContext } from './context.js';

export function registerStartCommands(program: Command, context: () => CliContext): void {
  program
    .command('start')
    .description('start Neo4j (local unless NEO4J_URI is set), migrate, load the demo corpus if empty, serve GraphQL')
    .option('--no-demo', 'do not load the demo corpus into an empty database')
    .action(async (opts: { demo: boolean }) => {
      await run(context(), { manageNeo4j: true, migrate: true, demo: opts.demo });
    });

  program
    .command('serve')
    .description('migrate (idempotent) and serve the GraphQL API against the configured Neo4j (which must be running)')
    .action(async () => {
      await run(context(), { manageNeo4j: false, migrate: true, demo: false });
    });
}

/** Where `start` keeps the key it created: beside the local Neo4j's data (git-ignored local state). */
export function apiKeyFile(config: Config): string {
  return path.join(config.local.home, 'api-key');
}

export interface StartApiKey {
  key: string;
  /** HUBGRAPH_API_KEY, or the key file (`created` on this start, `reused` from an earlier one). */
  source: 'HUBGRAPH_API_KEY' | 'created' | 'reused';
  /** The key file, when the key is kept in one. */
  file?: string;
}

/** A new key: 32 random bytes in hex (64 characters: safe in a header, a shell and a command line, never starting with '-'). */
export function newApiKey(): string {
  return randomBytes(32).toString('hex');
}

/**
 * The API key of a local `start`: HUBGRAPH_API_KEY when set (it always wins); else the key kept
 * in the key file by an earlier start, so clients keep working across restarts; else a new random
 * key, written there readable by its owner only.
 */
export function localApiKey(config: Config, create: () => string = newApiKey): StartApiKey {
  if (config.api.key) return { key: config.api.key, source: 'HUBGRAPH_API_KEY' };
  const file = apiKeyFile(config);
  let kept = '';
  try {
    kept = readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  // A key shorter than a generated one was not written by start (an empty or truncated file): replaced.
  if (kept.length >= 32 && /^[A-Za-z0-9_-]+$/.test(kept)) return { key: kept, source: 'reused', file };
  const key = create();
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, key + '\n', { mode: 0o600 });
  return { key, source: 'created', file };
}

/** The lines `start` prints about the key: the key itself only when start created or kept it. */
export function apiKeyLines(apiKey: StartApiKey): string[] {
  if (apiKey.source === 'HUBGRAPH_API_KEY') {
    return ['  API key:        from HUBGRAPH_API_KEY (mutations: send the header Authorization: Bearer <HUBGRAPH_API_KEY>)'];
  }
  const where = path.relative(PROJECT_ROOT, apiKey.file!) || apiKey.file!;
  return [
    `  API key:        ${apiKey.key}  (for mutations; kept in ${where}, reused on the next start; HUBGRAPH_API_KEY overrides it)`,
    `                  send the header  Authorization: Bearer ${apiKey.key}`,
  ];
}

/** A V8 call site, which formats itself as a stack line (CallSite.prototype.toString; @types/node omits it). */
type CallSite = NodeJS.CallSite & { toString(): string };
type PrepareStackTrace = (error: Error, trace: CallSite[]) => unknown;

/** The stack neo4j-driver captures for each query it runs: `new Error('')`, read in `captureStacktrace`. */
function isDriverCapture(error: Error, trace: NodeJS.CallSite[]): boolean {
  return error.message === '' && trace[0]?.getFunctionName() === 'captureStacktrace' && (trace[0].getFileName() ?? '').includes('neo4j-driver-core');
}

/**
 * neo4j-driver formats a stack trace for every query it runs (`new Error('').stack`, kept to be
 * put on the error should that query fail). Under tsx every stack is source-mapped frame by frame,
 * which made that capture 9% of the server's CPU (CPU profile of `hubgraph serve` answering
 * commonlyFollowedWith at 8 concurrent clients), two thirds of it the mapping; unmapped, 5%. The
 * captured stack is ten frames: nine inside the driver and the callback in src/neo4j/db.ts that
 * every query runs through, so the mapping tells nothing. Those captures are formatted as Node does
 * without source maps — the same frames, with db.ts's position in tsx's output (`db.ts:1:<column>`)
 * rather than in the source. Every other stack trace is formatted by Node as before, source-mapped.
 * Returns the undo.
 */
export function formatDriverCapturesUnmapped(): () => void {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be restored; Node's formatter does not use `this`
  const previous = Error.prepareStackTrace as PrepareStackTrace | undefined;
  // Node 20+ exposes its own formatter here; without one there is nothing to delegate to.
  if (previous === undefined) return () => undefined;
  const prepare: PrepareStackTrace = (error, trace) =>
    isDriverCapture(error, trace) ? `Error\n    at ${trace.join('\n    at ')}` : previous(error, trace);
  Error.prepareStackTrace = prepare;
  return () => {
    if (Error.prepareStackTrace === prepare) Error.prepareStackTrace = previous;
  };
}

async function run(ctx: CliContext, opts: { manageNeo4j: boolean; migrate: boolean; demo: boolean }): Promise<void> {
  const { log } = ctx;
  // `start` is the local, first-hour command: it gets a key so the documented mutations
  // (docs/graphql-examples.md) work as written. `serve` keeps whatever HUBGRAPH_API_KEY says (none: mutations refused).
  const apiKey = opts.manageNeo4j ? localApiKey(ctx.config) : null;
  const config: Config = apiKey ? { ...ctx.config, api: { ...ctx.config.api, key: apiKey.key } } : ctx.config;
  formatDriverCapturesUnmapped();
  const local = config.neo4jUri === undefined;
  let startedNeo4j = false;
  if (local && opts.manageNeo4j) {
    const r = await startLocal(config.local, log);
    startedNeo4j = !r.reused;
  }
  const db = openDb(config, log);
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    // Each step runs even if an earlier one failed: a stuck server must not leave Neo4j running.
    const steps: [string, () => Promise<unknown>][] = [
      ['GraphQL server', async () => server?.stop()],
      ['Neo4j driver', () => db.close()],
      ['local Neo4j', async () => (startedNeo4j ? stopLocal(config.local, log) : undefined)],
    ];
    let failed = false;
    for (const [name, step] of steps) {
      try {
        await step();
      } catch (error) {
        failed = true;
        log.error({ err: error }, `could not stop the ${name}`);
      }
    }
    process.exit(failed ? 1 : 0);
  };
  try {
    const info = await db.verify();
    log.info({ uri: config.neo4j.uri, version: info.version, edition: info.edition }, 'connected to Neo4j');
    if (opts.migrate) await migrate(db, log);
    const stats = await graphStats(db);
    if (opts.demo && stats.nodes === 0) {
      if (config.dataDir) {
        log.info({ dataDir: config.dataDir }, 'the database is empty: loading the demo corpus (about 2 minutes)');
        const summary = await ingestDemo({ db, log, settings: config.ingest, dataDir: config.dataDir });
        process.stdout.write(formatJobSummary(summary));
      } else {
        log.warn(
          'the database is empty and there is no demo corpus: set HUBGRAPH_DATA_DIR to a folder in the layout of data/demo and restart, ' +
            'or load models with `hubgraph ingest models --file <list_models.csv|ndjson>` or crawl the live Hub with `hubgraph ingest models --hub --limit 1000`',
        );
      }
    }
    server = await startServer({ config, db, log, ...(config.server.warmUp ? { warmUp } : {}) }, { host: config.server.host, port: config.server.port });
  } catch (error) {
    await db.close();
    if (startedNeo4j) await stopLocal(config.local, log);
    throw error;
  }
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  const lines = [
    '',
    `  GraphQL:        ${server.url}`,
    local
      ? `  Neo4j Browser:  ${browserUrl(config.local)}  (connect to ${config.neo4j.uri}, user ${config.neo4j.user}, password ${config.neo4j.password === 'hubgraph-local' ? 'hubgraph-local' : 'from NEO4J_PASSWORD'})`
      : `  Neo4j:          ${config.neo4j.uri} (database ${config.neo4j.database})`,
    `  Health:         ${server.url.replace(/\/graphql$/, '/health')}`,
    ...(apiKey ? apiKeyLines(apiKey) : config.api.key ? [] : ['  Mutations:      refused: no API key (set HUBGRAPH_API_KEY)']),
    '',
    '  Ctrl-C stops ' + (startedNeo4j ? 'the server and the Neo4j it started.' : 'the server.'),
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
