/** `hubgraph report communities`: the communities of the current analytics run as HTML, Markdown, CSV or JSON. */
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { REPORT_FORMATS, writeCommunityReports, type ReportFormat } from '../analytics/report/index.js';
import type { CommunityKind } from '../analytics/writeBack.js';
import type { CliContext } from './context.js';

function formats(v: string): ReportFormat[] {
  const list = v.split(',').map((s) => s.trim()).filter(Boolean);
  for (const f of list) if (!REPORT_FORMATS.includes(f as ReportFormat)) throw new InvalidArgumentError(`unknown format ${f} (one of ${REPORT_FORMATS.join(', ')})`);
  return list as ReportFormat[];
}

function positive(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

export function registerReportCommands(program: Command, context: () => CliContext): void {
  const report = program.command('report').description('reports on what analytics computed');
  report
    .command('communities')
    .description('per community: a label from what sets it apart (lift), creators by contribution, stubs and members without models apart, the stand-in flag, links; with a run header (docs/reports.md)')
    .requiredOption('--format <formats>', `one or more of ${REPORT_FORMATS.join(', ')} (comma-separated)`, formats)
    .option('--out <dir>', 'output directory (default HUBGRAPH_REPORTS_DIR)')
    .addOption(new Option('--kind <kind>', 'creator or model communities (default both)').choices(['creator', 'model']))
    .option('--limit <n>', 'the largest N communities (default 50)', positive)
    .option('--first <n>', 'items per list (default 5)', positive)
    .action(async (opts: { format: ReportFormat[]; out?: string; kind?: CommunityKind; limit?: number; first?: number }) => {
      const ctx = context();
      const outDir = path.resolve(opts.out ?? ctx.config.ingest.reportsDir);
      const files = await ctx.withDb((db) =>
        writeCommunityReports(db, {
          kinds: opts.kind ? [opts.kind] : ['creator', 'model'],
          formats: opts.format,
          outDir,
          ...(opts.limit ? { limit: opts.limit } : {}),
          ...(opts.first ? { first: opts.first } : {}),
        }),
      );
      for (const f of files) process.stdout.write(`wrote ${f}\n`);
    });
}
