/** `hubgraph eval <task>|restore`: offline evaluation of the recommenders against gold labels (src/eval/). */
import { Argument, Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULTS, evalSettings, restoreEval, runEval, TASKS, type TaskName } from '../eval/index.js';
import type { CliContext } from './context.js';
import { printJson, printTable } from './output.js';

function intIn(what: string, min: number, max: number) {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`expected ${what} (${min}..${max})`);
    return n;
  };
}

function ksList(v: string): number[] {
  const ks = v.split(',').map((x) => Number(x.trim()));
  if (ks.length === 0 || ks.some((k) => !Number.isInteger(k) || k < 1 || k > 100)) throw new InvalidArgumentError('expected whole numbers 1..100 separated by commas, e.g. 10,20,50');
  return [...new Set(ks)].sort((a, b) => a - b);
}

function fraction(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || n >= 1) throw new InvalidArgumentError('expected a number between 0 and 1');
  return n;
}

interface EvalOptions {
  k: number[];
  seed: number;
  sample?: number;
  fraction: number;
  minFollows: number;
  tune?: boolean;
  authority: boolean;
  reciprocal: boolean;
  concurrency: number;
  json?: boolean;
}

export function registerEvalCommands(program: Command, context: () => CliContext): void {
  const evaluate = program
    .command('eval')
    .description('offline evaluation of the recommenders against gold labels (hidden follows, lineage, papers); writes a report into the reports dir')
    .addHelpText('after', '\nTasks: creators (who to follow), models (similar models), feed (feed candidates), all.\n`hubgraph eval restore` puts back the edges of a run that did not finish.');

  evaluate
    .command('run', { isDefault: true })
    .addArgument(new Argument('<task>', `${TASKS.join(', ')} or all`).choices([...TASKS, 'all']))
    .description('run one task (or all) and write the report')
    .option('--k <list>', 'cut-offs, comma-separated', ksList, DEFAULTS.ks)
    .option('--seed <n>', 'seed of the split (users, hidden edges, model queries)', intIn('a whole number', 0, 2147483647), DEFAULTS.seed)
    .option('--sample <n>', `queries sampled (default creators ${DEFAULTS.sample.creators} users, models ${DEFAULTS.sample.models} per gold, feed ${DEFAULTS.sample.feed} users)`, intIn('a whole number', 1, 100000))
    .option('--fraction <f>', 'share of each sampled user\'s follows hidden', fraction, DEFAULTS.fraction)
    .option('--min-follows <n>', 'users need at least this many follows to be sampled', intIn('a whole number', 2, 100000), DEFAULTS.minFollows)
    .option('--tune', 'also run the tuning grids (blend weights, PathSim weights, feed half-life) and report the best settings')
    .option('--no-authority', 'do not recompute authority (an analytics run) after hiding and restoring')
    .option('--no-reciprocal', "keep c→u when u→c is hidden (on a graph of mutual follows that hands followBack the answer)")
    .addOption(new Option('--concurrency <n>', 'queries in flight').argParser(intIn('a whole number', 1, 16)).default(DEFAULTS.concurrency))
    .option('--json', 'print the report as JSON')
    .action(async (task: string, opts: EvalOptions) => {
      const tasks: TaskName[] = task === 'all' ? [...TASKS] : [task as TaskName];
      const ctx = context();
      const settings = evalSettings(ctx.config, ctx.log, {
        ks: opts.k,
        seed: opts.seed,
        fraction: opts.fraction,
        minFollows: opts.minFollows,
        authority: opts.authority,
        hideReciprocal: opts.reciprocal,
        concurrency: opts.concurrency,
      });
      const samples = opts.sample === undefined ? {} : Object.fromEntries(tasks.map((t) => [t, opts.sample!]));
      const { report, files } = await ctx.withDb((db) => runEval(db, tasks, settings, { tune: opts.tune ?? false, samples, reportsDir: ctx.config.ingest.reportsDir }));
      if (opts.json) return printJson(report);
      const maxK = Math.max(...opts.k);
      for (const t of report.tasks) {
        for (const table of t.tables) {
          process.stdout.write(`\n${table.title} — ${Object.entries(t.setup).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
          printTable(
            table.summaries.map((s) => ({
              method: s.method,
              ...Object.fromEntries(opts.k.map((k) => [`recall@${k}`, Number(s.recall[k]!.toFixed(3))])),
              [`nDCG@${maxK}`]: Number(s.ndcg[maxK]!.toFixed(3)),
              [`hit@${maxK}`]: Number(s.hit[maxK]!.toFixed(3)),
              MRR: Number(s.mrr.toFixed(3)),
            })),
          );
        }
        for (const tune of t.tuning ?? []) process.stdout.write(`\ntuning ${tune.parameter}: best ${tune.chosen} (current ${tune.current})\n`);
      }
      process.stdout.write(`\n${report.tasks.length} task(s) in ${report.seconds.toFixed(1)} s; report ${files.markdown} (+ .json, ${files.svgs.length} SVG)\n`);
    });

  evaluate
    .command('restore')
    .description('put back the edges an unfinished evaluation hid (from its journal), then recompute follower counts and authority')
    .option('--no-authority', 'do not recompute authority')
    .action(async (opts: { authority: boolean }) => {
      const ctx = context();
      const r = await ctx.withDb((db) => restoreEval(db, ctx.config, ctx.log, { authority: opts.authority }));
      if (!r) return void process.stdout.write('nothing to restore: no unfinished evaluation\n');
      process.stdout.write(`restored ${r.edges} edges hidden by an unfinished "${r.task}" evaluation; the graph holds ${r.counts.follows} FOLLOWS and ${r.counts.likes} LIKED edges again\n`);
    });
}
