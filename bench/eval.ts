/**
 * `npm run bench:eval` — the offline evaluation of every recommender (`hubgraph eval all`), timed:
 * prints the data size, the seconds per task and the whole run, and where the report went
 * (Markdown + JSON + SVG in the reports dir). Runs against the configured Neo4j (NEO4J_URI, else
 * the local one), which must hold the demo corpus; it hides and restores edges (see src/eval/journal.ts).
 * Options: --k 10,20,50 --seed N --no-authority.
 */
import { Command } from 'commander';
import { loadConfig } from '../src/config.js';
import { DEFAULTS, evalSettings, runEval, TASKS } from '../src/eval/index.js';
import { createLogger } from '../src/log.js';
import { createDb } from '../src/neo4j/db.js';

const program = new Command('bench-eval')
  .option('--k <list>', 'cut-offs', (v: string) => v.split(',').map(Number), DEFAULTS.ks)
  .option('--seed <n>', 'split seed', Number, DEFAULTS.seed)
  .option('--no-authority', 'do not recompute authority after hiding and restoring')
  .parse();
const opts = program.opts<{ k: number[]; seed: number; authority: boolean }>();

const config = loadConfig();
const log = createLogger({ level: 'info', pretty: false });
const db = createDb({ connection: config.neo4j, log, maxConnectionPoolSize: 8 });
try {
  await db.verify();
  const settings = evalSettings(config, log, { ks: opts.k, seed: opts.seed, authority: opts.authority });
  const { report, files } = await runEval(db, TASKS, settings, { reportsDir: config.ingest.reportsDir });
  console.log(`data: ${JSON.stringify(report.database.size)}`);
  for (const t of report.tasks) console.log(`${t.task}: ${t.seconds.toFixed(1)} s — ${JSON.stringify(t.setup)}`);
  console.log(`whole run: ${report.seconds.toFixed(1)} s (seed ${opts.seed}, k ${opts.k.join(',')}, authority ${opts.authority})`);
  console.log(`report: ${files.markdown}`);
} finally {
  await db.close();
}
