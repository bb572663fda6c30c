/** `hubgraph stored status`: how fresh the stored answers are (src/stored/status.ts). */
import type { Command } from 'commander';
import { storedStatus } from '../stored/status.js';
import type { CliContext } from './context.js';
import { printJson, printTable } from './output.js';

export function registerStoredCommands(program: Command, context: () => CliContext): void {
  const stored = program.command('stored').description('the stored answers (precomputed per-user and per-creator lists)');

  stored
    .command('status')
    .description('per question: lists stored, share valid now, oldest and newest computedAt, and what last refreshed them')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const ctx = context();
      const s = await ctx.withDb((d) => storedStatus(d));
      if (opts.json) return printJson(s);
      printTable(
        s.questions.map((q) => ({
          question: q.question,
          lists: q.lists,
          valid: q.validShare === null ? '-' : `${(q.validShare * 100).toFixed(1)} %`,
          oldest: q.oldest ?? '-',
          newest: q.newest ?? '-',
        })),
      );
      const jobs = s.jobs.map((j) => `ingest ${j.job} at ${j.finishedAt}`).join('; ') || 'no ingest job recorded';
      const runs = s.analytics.map((r) => `analytics run ${r.run} at ${r.computedAt}`).join('; ') || 'no analytics run';
      process.stdout.write(`\nlast refreshed by: ${jobs}; ${runs}; and each user's own writes (their lists, at once)\n`);
    });
}
