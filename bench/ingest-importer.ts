/**
 * Neo4j's offline bulk importer as the speed ceiling for the FOLLOWS load:
 *   java -cp 'neo4j/target/lib/*' org.neo4j.cli.AdminTool database import full
 *     --nodes=nodes.csv --relationships=follows.csv --overwrite-destination=true neo4j
 * (what `neo4j-admin database import full` runs), with NEO4J_HOME / NEO4J_CONF set to the bench
 * instance's home so it writes that instance's store. Community can import into `neo4j` only while
 * the server is stopped. The importer prints stage times and "IMPORT DONE in …", not a records/s
 * figure; we parse what it prints and time the whole command (JVM start included) ourselves.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import type { FollowsData } from './ingest-follows.js';

export const ADMIN_TOOL = 'org.neo4j.cli.AdminTool';

export interface ImportCsv {
  nodes: string;
  relationships: string;
  nodeRows: number;
  relationshipRows: number;
  seconds: number;
}

async function writeLines(file: string, header: string, rows: Iterable<string>): Promise<number> {
  const out = createWriteStream(file);
  let n = 0;
  let chunk = `${header}\n`;
  for (const row of rows) {
    chunk += `${row}\n`;
    n++;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      chunk = '';
    }
  }
  out.end(chunk);
  await finished(out);
  return n;
}

/** Header CSV files for the importer from the same nodes and directed follows (ids are digits: no quoting). */
export async function writeImportCsv(dir: string, data: FollowsData): Promise<ImportCsv> {
  const started = Date.now();
  const nodes = path.join(dir, 'nodes.csv');
  const relationships = path.join(dir, 'follows.csv');
  const nodeRows = await writeLines(nodes, 'id:ID,:LABEL', (function* () {
    for (const n of data.nodes) yield `${n.id},Creator;User`;
  })());
  const relationshipRows = await writeLines(relationships, ':START_ID,:END_ID,:TYPE', (function* () {
    for (const f of data.follows) yield `${f.follower},${f.followee},FOLLOWS`;
  })());
  return { nodes, relationships, nodeRows, relationshipRows, seconds: (Date.now() - started) / 1000 };
}

/** "1m 2s 345ms" → seconds. */
export function parseDuration(text: string): number | null {
  let seconds = 0;
  let matched = false;
  for (const m of text.matchAll(/(\d+)\s*(ms|h|m|s)\b/g)) {
    matched = true;
    const v = Number(m[1]);
    seconds += m[2] === 'ms' ? v / 1000 : m[2] === 's' ? v : m[2] === 'm' ? v * 60 : v * 3600;
  }
  return matched ? seconds : null;
}

export interface ImporterReport {
  /** The importer's own "IMPORT DONE in …" time. */
  importDoneSeconds: number | null;
  stages: { stage: string; seconds: number | null }[];
  imported: { nodes: number; relationships: number; properties: number } | null;
  peakMemory: string | null;
  /** Any line of its output with a per-second figure (it printed none in our runs). */
  rateLines: string[];
}

export function parseImporterOutput(output: string): ImporterReport {
  const done = output.match(/IMPORT DONE in ([^\n]*?)\.?\s*$/m);
  const imported = output.match(/Imported:\s*\n\s*(\d+) nodes\s*\n\s*(\d+) relationships\s*\n\s*(\d+) properties/);
  return {
    importDoneSeconds: done ? parseDuration(done[1]!) : null,
    stages: [...output.matchAll(/^(.+?) COMPLETED in (.+)$/gm)].map((m) => ({ stage: m[1]!.trim(), seconds: parseDuration(m[2]!) })),
    imported: imported ? { nodes: Number(imported[1]), relationships: Number(imported[2]), properties: Number(imported[3]) } : null,
    peakMemory: output.match(/Peak memory usage: (.+)/)?.[1]?.trim() ?? null,
    rateLines: output
      .split('\n')
      .filter((l) => /\d\s*(?:records|rows|nodes|relationships|entities)?\s*\/\s*s(?:ec)?\b/i.test(l) && !/∆/.test(l))
      .map((l) => l.trim()),
  };
}

export interface ImportRun {
  ok: boolean;
  /** Wall clock of the whole command, JVM start included. */
  wallSeconds: number;
  exitCode: number | null;
  command: string;
  report: ImporterReport;
  /** The exact failure: spawn error or the importer's last output lines. */
  error: string | null;
  output: string;
}

export interface ImporterOptions {
  lib: string;
  home: string;
  conf: string;
  /** Working directory (the importer writes import.report there unless told otherwise). */
  cwd: string;
  csv: ImportCsv;
  database: string;
  signal?: AbortSignal;
}

export function importerArgs(o: ImporterOptions): string[] {
  return [
    '-cp',
    `${o.lib}/*`,
    ADMIN_TOOL,
    'database',
    'import',
    'full',
    `--nodes=${o.csv.nodes}`,
    `--relationships=${o.csv.relationships}`,
    '--overwrite-destination=true',
    `--report-file=${path.join(o.cwd, 'import.report')}`,
    o.database,
  ];
}

export function runImporter(o: ImporterOptions): Promise<ImportRun> {
  const args = importerArgs(o);
  const command = `NEO4J_HOME=${o.home} NEO4J_CONF=${o.conf} java ${args.map((a) => (a.includes('*') ? `'${a}'` : a)).join(' ')}`;
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const wall = () => Number(process.hrtime.bigint() - started) / 1e9;
    let output = '';
    const child = spawn('java', args, {
      cwd: o.cwd,
      env: { ...process.env, NEO4J_HOME: o.home, NEO4J_CONF: o.conf },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(o.signal ? { signal: o.signal } : {}),
    });
    child.stdout.on('data', (b: Buffer) => (output += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => (output += b.toString('utf8')));
    let spawnError: Error | null = null;
    child.once('error', (error) => {
      spawnError = error;
    });
    child.once('close', (code) => {
      const seconds = wall();
      const report = parseImporterOutput(output);
      const failed = spawnError !== null || code !== 0;
      // The exact error: the output without Java stack frames, last lines first to go.
      const lastLines = output
        .trim()
        .split('\n')
        .filter((l) => !/^\s+at |^\s*\.\.\. \d+ more/.test(l))
        .slice(-15)
        .join('\n');
      resolve({
        ok: !failed,
        wallSeconds: seconds,
        exitCode: code,
        command,
        report,
        error: failed ? (spawnError ? `${(spawnError as Error).message}\n${lastLines}` : `exit code ${code}\n${lastLines}`) : null,
        output,
      });
    });
  });
}
