/** `hubgraph neo4j install|start|stop|status|reset`: the project's local Neo4j. */
import type { Command } from 'commander';
import { hasGds, install, reset, start, status, stop } from '../neo4j/local.js';
import type { CliContext } from './context.js';
import { formatBytes, printJson } from './output.js';

export function registerNeo4jCommands(program: Command, context: () => CliContext): void {
  const neo4j = program.command('neo4j').description('run the local Neo4j 5.26 Community (resolved from Maven Central)');

  neo4j
    .command('install')
    .description('resolve Neo4j, Neo4j Browser and APOC core from Maven Central into neo4j/target')
    .option('--force', 'resolve again even if already resolved')
    .action((opts: { force?: boolean }) => {
      const { log } = context();
      const r = install(log, { force: opts.force ?? false });
      process.stdout.write(`${r.installed ? 'resolved' : 'already resolved'}: Neo4j ${r.versions.neo4j}, Browser ${r.versions.browser}, APOC ${r.versions.apoc}\n`);
    });

  neo4j
    .command('start')
    .description('start the local Neo4j (reuses a running one) and wait until Bolt answers')
    .action(async () => {
      const { config, log } = context();
      const r = await start(config.local, log);
      process.stdout.write(
        `Neo4j ${r.reused ? 'already running' : 'started'} (pid ${r.pid})\n` +
          `  Bolt:          ${r.boltUri}\n` +
          `  Neo4j Browser: ${r.browserUrl}  (user neo4j, password from NEO4J_PASSWORD)\n` +
          `  Plugins:       ${r.pluginsDir} (APOC${hasGds(r.pluginsDir) ? ' + Graph Data Science' : ''})\n`,
      );
    });

  neo4j
    .command('stop')
    .description('stop the local Neo4j cleanly')
    .action(async () => {
      const { config, log } = context();
      const r = await stop(config.local, log);
      process.stdout.write(r.stopped ? `Neo4j stopped (pid ${r.pid})\n` : 'Neo4j was not running\n');
    });

  neo4j
    .command('status')
    .description('print whether the local Neo4j runs, its version, URIs and store size')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const { config } = context();
      const s = await status(config.local);
      if (opts.json) return printJson(s);
      process.stdout.write(
        [
          `status:   ${s.running ? `running (pid ${s.pid})` : 'stopped'}`,
          `version:  ${s.version ? `Neo4j ${s.version} ${s.edition ?? ''}`.trim() : s.installed ? 'unknown (not running)' : 'not installed yet'}`,
          `bolt:     ${s.boltUri}`,
          `browser:  ${s.browserUrl}`,
          `home:     ${s.home}`,
          `store:    ${formatBytes(s.storeBytes)}`,
          `plugins:  ${s.pluginsDir} (APOC${s.gds ? ' + Graph Data Science' : ''})`,
        ].join('\n') + '\n',
      );
      if (!s.running) process.exitCode = 3;
    });

  neo4j
    .command('reset')
    .description('delete the local store (data and logs); Neo4j must be stopped')
    .action(() => {
      const { config } = context();
      reset(config.local);
      process.stdout.write(`deleted the store under ${config.local.home}\n`);
    });
}
