/**
 * `hubgraph start` (npm start): the main job. Starts the local Neo4j unless NEO4J_URI points
 * elsewhere, migrates the schema, loads the demo corpus into an empty database, serves GraphQL and
 * prints where everything is. Ctrl-C stops what this process started (not a Neo4j it reused).
 * `hubgraph serve` only serves, against whatever NEO4J_URI / the local instance holds.
 */
import type { Command } from 'commander';
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

type PrepareStackTrace = (error: Error, trace: NodeJS.CallSite[]) => unknown;

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
  const { config, log } = ctx;
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
          'the database is empty and there is no demo corpus: set HUBGRAPH_DATA_DIR to a folder in the shared/data layout and restart, ' +
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
    '',
    '  Ctrl-C stops ' + (startedNeo4j ? 'the server and the Neo4j it started.' : 'the server.'),
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
