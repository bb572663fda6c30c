/** `hubgraph stored status`: how fresh the stored answers are (src/stored/status.ts). */
import type { Command } from 'commander';
import { STORED_ANSWERS, type StoredQuestion } from '../stored/registry.js';
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
          owner: STORED_ANSWERS[q.question as StoredQuestion]?.owner ?? '-',
          lists: q.lists,
          valid: q.validShare === null ? '-' : `${(q.validShare * 100).toFixed(1)} %`,
          oldest: q.oldest ?? '-',
          newest: q.newest ?? '-',
          'refreshed after': STORED_ANSWERS[q.question as StoredQuestion]?.refreshedAfter.join(', ') ?? '-',
        })),
      );
      const jobs = s.jobs.map((j) => `ingest ${j.job} at ${j.finishedAt}`).join('; ') || 'no ingest job recorded';
      const runs = s.analytics.map((r) => `analytics run ${r.run} at ${r.computedAt}`).join('; ') || 'no analytics run';
      process.stdout.write(
        `\nlast refreshed by: ${jobs}; ${runs}; and the API's writes (the writer's lists at once, a followed creator's within about a second)\n` +
          'what each list reads, what makes it stale and what a read checks: src/stored/registry.ts\n',
      );
    });
}
