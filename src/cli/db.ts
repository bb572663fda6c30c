/** `hubgraph db migrate|stats|schema`: the HIN schema and what the graph holds. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CYPHER_DIR } from '../neo4j/cypher.js';
import { migrate } from '../neo4j/migrate.js';
import { graphStats } from '../neo4j/stats.js';
import { renderGraphStatsCypher, renderSchemaCypher } from '../schema.js';
import type { CliContext } from './context.js';
import { printJson, printTable } from './output.js';

export function registerDbCommands(program: Command, context: () => CliContext): void {
  const db = program.command('db').description('schema and contents of the graph');

  db.command('migrate')
    .description('apply cypher/schema.cypher (constraints, indexes, full-text indexes); idempotent')
    .action(async () => {
      const ctx = context();
      const r = await ctx.withDb((d) => migrate(d, ctx.log));
      process.stdout.write(`${r.statements} statements; ${r.constraintsAdded} constraints and ${r.indexesAdded} indexes added\n`);
    });

  db.command('stats')
    .description('print node counts per label and relationship counts per type')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const ctx = context();
      const s = await ctx.withDb((d) => graphStats(d));
      if (opts.json) return printJson(s);
      printTable(s.labels.map((l) => ({ label: l.name, nodes: l.count })));
      process.stdout.write('\n');
      printTable(s.relationshipTypes.map((r) => ({ relationship: r.name, count: r.count })));
      process.stdout.write(`\ntotal: ${s.nodes} nodes, ${s.relationships} relationships\n`);
    });

  db.command('schema')
    .description('print the Cypher rendered from src/schema.ts; --write updates cypher/schema.cypher and cypher/stats/graph-stats.cypher')
    .option('--write', 'write the files')
    .action((opts: { write?: boolean }) => {
      if (!opts.write) return void process.stdout.write(renderSchemaCypher());
      writeFileSync(path.join(CYPHER_DIR, 'schema.cypher'), renderSchemaCypher());
      writeFileSync(path.join(CYPHER_DIR, 'stats', 'graph-stats.cypher'), renderGraphStatsCypher());
      process.stdout.write('wrote cypher/schema.cypher and cypher/stats/graph-stats.cypher\n');
    });
}
