/** `hubgraph analytics run|status|gds-install`: authority and communities, computed and written back. */
import { Command, InvalidArgumentError, Option } from 'commander';
import { installGds } from '../analytics/gdsInstall.js';
import { status } from '../neo4j/local.js';
import { currentRun } from '../analytics/queries.js';
import { analyticsSettings, runAnalytics, type AnalyticsSettings, type Engine } from '../analytics/run.js';
import type { CliContext } from './context.js';
import { printJson, printTable } from './output.js';

function number(what: string, ok: (n: number) => boolean) {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isFinite(n) || !ok(n)) throw new InvalidArgumentError(`expected ${what}`);
    return n;
  };
}

interface RunOptions {
  engine?: Engine;
  seed?: number;
  damping?: number;
  resolution?: number;
  json?: boolean;
}

export function registerAnalyticsCommands(program: Command, context: () => CliContext): void {
  const analytics = program.command('analytics').description('authority (PageRank, HITS) and communities (Louvain), written to the graph');

  analytics
    .command('run')
    .description('project the graph, compute PageRank/HITS on the follow graph and Louvain on the co-follow and model graphs, write back atomically')
    .addOption(new Option('--engine <engine>', 'graphology (in this process) or gds (Neo4j Graph Data Science)').choices(['graphology', 'gds']))
    .option('--seed <n>', 'Louvain seed (default HUBGRAPH_ANALYTICS_SEED)', number('a whole number 0..2147483647', (n) => Number.isInteger(n) && n >= 0 && n <= 2147483647))
    .option('--damping <d>', 'PageRank damping (default HUBGRAPH_ANALYTICS_DAMPING)', number('a number between 0 and 1', (n) => n > 0 && n < 1))
    .option('--resolution <r>', 'Louvain resolution (default HUBGRAPH_ANALYTICS_RESOLUTION)', number('a positive number', (n) => n > 0))
    .option('--json', 'print the result as JSON')
    .action(async (opts: RunOptions) => {
      const ctx = context();
      const overrides: Partial<AnalyticsSettings> = {};
      if (opts.engine) overrides.engine = opts.engine;
      if (opts.seed !== undefined) overrides.seed = opts.seed;
      if (opts.damping !== undefined) overrides.damping = opts.damping;
      if (opts.resolution !== undefined) overrides.resolution = opts.resolution;
      const result = await ctx.withDb((db) => runAnalytics(db, analyticsSettings(ctx.config, overrides), ctx.log));
      if (opts.json) return printJson(result);
      const r = result.run;
      process.stdout.write(`analytics run ${r.id} (${r.engine}, seed ${r.seed}, damping ${r.damping}, resolution ${r.resolution})\n`);
      process.stdout.write(
        `  follow graph: ${r.creators} creators, ${r.follows} follows · co-follow graph: ${r.coFollowEdges} edges, ${r.creatorCommunities} communities, modularity ${r.creatorModularity.toFixed(4)}\n` +
          `  model graph: ${r.models} models, ${r.modelEdges} edges, ${r.modelCommunities} communities, modularity ${r.modelModularity.toFixed(4)}\n\n`,
      );
      printTable(Object.entries(result.timings).map(([phase, seconds]) => ({ phase, seconds: Number(seconds.toFixed(2)) })));
      const w = result.write;
      process.stdout.write(
        `\npeak RSS ${(result.peakRssBytes / 1e6).toFixed(0)} MB; written to slot ${w.slot} (${w.seconds.write.toFixed(1)} s), made current in one transaction (${w.seconds.flip.toFixed(2)} s), ` +
          `live properties copied (${w.seconds.live.toFixed(1)} s), previous run's communities removed after the grace period; ${w.transactions} transactions\n`,
      );
    });

  analytics
    .command('status')
    .description('the analytics run whose values the graph holds now')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const ctx = context();
      const run = await ctx.withDb((db) => currentRun(db));
      if (opts.json) return printJson(run);
      if (!run) return void process.stdout.write('no analytics run yet — run `hubgraph analytics run`\n');
      printTable(Object.entries(run).map(([field, value]) => ({ field, value: typeof value === 'number' ? value : String(value) })));
    });

  analytics
    .command('gds-install')
    .description('resolve Neo4j Graph Data Science (neo4j/gds/pom.xml) into neo4j/target/plugins-gds, with APOC; the local Neo4j starts with it from then on')
    .option('--force', 'resolve again')
    .action(async (opts: { force?: boolean }) => {
      const ctx = context();
      const r = installGds(ctx.log, opts);
      process.stdout.write(`${r.installed ? 'resolved' : 'already resolved:'} Graph Data Science ${r.version} in ${r.dir}\n`);
      if (ctx.config.neo4jUri) {
        process.stdout.write(`NEO4J_URI is set: that Neo4j needs the GDS ${r.version} plugin (these jars) with gds.* allowed for --engine gds.\n`);
        return;
      }
      const setting = ctx.config.local.pluginsDir;
      const local = await status(ctx.config.local);
      if (setting && setting !== r.dir) {
        process.stdout.write(`HUBGRAPH_NEO4J_PLUGINS_DIR points the local Neo4j at ${setting}: unset it to load GDS.\n`);
      } else if (local.pluginsDir !== r.dir) {
        process.stdout.write(`The local Neo4j runs with ${local.pluginsDir}: \`hubgraph neo4j stop\` and \`hubgraph neo4j start\` to load GDS.\n`);
      } else {
        process.stdout.write(`The local Neo4j ${local.running ? 'runs' : 'starts'} with it: \`hubgraph analytics run --engine gds\`.\n`);
      }
    });
}
