/**
 * `tsx bench/analytics.ts` — how long analytics takes and how much memory it needs, in figures
 * (printed, and written to reports/bench-analytics.json); it asserts nothing.
 *
 * Runs against the configured Neo4j (NEO4J_URI, else the local one), which must hold the demo
 * corpus (`hubgraph ingest demo`). It RUNS ANALYTICS on it (the current run is replaced by an
 * equal one). For each data set — the demo graph, and a 10× scale-up of its follow graph — and in a
 * fresh process each (so peak RSS is that run's):
 *
 *  - hubgraph/graphology: projection, PageRank, HITS, co-follow graph, Louvain, write-back
 *    (slot writes, flip) seconds and peak RSS (`runAnalytics`, GC grace 0);
 *  - igraph (Debian's python3-igraph, /usr/bin/python3) on the same exported edge lists:
 *    PageRank and HITS on the follow graph, multilevel (Louvain) on the co-follow graph, timed in
 *    the Python process, with its peak RSS; top-20 PageRank overlap with hubgraph's;
 *  - GDS, where the Neo4j has it: the `gds` engine's phases (compute only).
 *
 * The scale-up is a configuration-model copy of the follow graph: 10 copies of every creator,
 * each with the out- and in-degree of its original; out-stubs are paired with shuffled in-stubs
 * (seeded), self-loops and repeated pairs dropped — the degree distribution is kept, the
 * structure randomised. It is written under the id prefix `bench-x10/` (a scope of its own; no
 * models) and deleted at the end unless --keep. Options: --scale N (10), --skip-scale, --skip-gds,
 * --skip-igraph, --keep.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { gdsVersion } from '../src/analytics/gds.js';
import type { Graph } from '../src/analytics/graphology.js';
import { coFollowGraph, projectFollowGraph } from '../src/analytics/projection.js';
import { seededRng } from '../src/analytics/rng.js';
import { analyticsSettings, compute, runAnalytics } from '../src/analytics/run.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { createDb, type Db } from '../src/neo4j/db.js';

const SCRIPT = fileURLToPath(import.meta.url);
const SCALE_PREFIX = (n: number) => `bench-x${n}/`;
const log = createLogger({ level: 'warn', pretty: false });

function openDb(): Db {
  return createDb({ connection: loadConfig().neo4j, log, maxConnectionPoolSize: 4 });
}

const mb = (bytes: number) => Math.round(bytes / 1e6);
const r2 = (x: number) => Math.round(x * 100) / 100;

/** Runs this script as a child (fresh process: its own peak RSS) and parses the JSON it prints. */
function child(args: string[]): Record<string, unknown> {
  const r = spawnSync('npx', ['tsx', SCRIPT, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: process.env });
  if (r.status !== 0) throw new Error(`child ${args.join(' ')} failed: ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------
// Children

async function measure(scope: string, engine: 'graphology' | 'gds'): Promise<void> {
  const db = openDb();
  try {
    const settings = analyticsSettings(loadConfig(), { scope, engine, gcGraceMs: 0 });
    if (engine === 'gds') {
      const c = await compute(db, settings, log);
      process.stdout.write(JSON.stringify({ timings: c.timings, peakRssMB: mb(process.resourceUsage().maxRSS * 1024), creators: c.creators.length, follows: c.follows, coFollowEdges: c.coFollowEdges, creatorModularity: c.creatorPartition.modularity, modelModularity: c.modelPartition.modularity }) + '\n');
      return;
    }
    const r = await runAnalytics(db, settings, log);
    process.stdout.write(
      JSON.stringify({
        timings: r.timings,
        write: r.write.seconds,
        transactions: r.write.transactions,
        peakRssMB: mb(r.peakRssBytes),
        creators: r.run.creators,
        follows: r.run.follows,
        coFollowEdges: r.run.coFollowEdges,
        models: r.run.models,
        modelEdges: r.run.modelEdges,
        creatorModularity: r.run.creatorModularity,
        modelModularity: r.run.modelModularity,
        creatorCommunities: r.run.creatorCommunities,
        modelCommunities: r.run.modelCommunities,
      }) + '\n',
    );
  } finally {
    await db.close();
  }
}

/** Exports the follow graph (integer ids) and the co-follow graph (weighted) of a scope, and hubgraph's top-20 PageRank. */
async function exportEdges(scope: string, dir: string): Promise<void> {
  const db = openDb();
  try {
    const config = loadConfig();
    const follow = await projectFollowGraph(db, { scope, batchSize: config.analytics.batchSize });
    const nodes = follow.nodes();
    const index = new Map(nodes.map((n, i) => [n, i]));
    const lines: string[] = [];
    follow.forEachEdge((_e, _a, s, t) => void lines.push(`${index.get(s)} ${index.get(t)}`));
    writeFileSync(path.join(dir, 'follows.txt'), lines.join('\n') + '\n');
    const co = coFollowGraph(follow, config.analytics.coFollow);
    const coLines: string[] = [];
    co.forEachEdge((_e, a, s, t) => void coLines.push(`${index.get(s)} ${index.get(t)} ${(a as { weight: number }).weight}`));
    writeFileSync(path.join(dir, 'cofollow.txt'), coLines.join('\n') + '\n');
    const rows = await db.read<{ id: string; pagerank: number }>(
      `MATCH (c:Creator) WHERE c.id STARTS WITH $scope AND c.pagerank IS NOT NULL
       RETURN c.id AS id, c.pagerank AS pagerank ORDER BY pagerank DESC LIMIT 20`,
      { scope },
    );
    process.stdout.write(JSON.stringify({ nodes: nodes.length, edges: follow.size, coFollowEdges: co.size, top20: rows.map((r) => index.get(r.id)) }) + '\n');
  } finally {
    await db.close();
  }
}

const IGRAPH = `
import json, resource, sys, time
import igraph as ig
d, n = sys.argv[1], int(sys.argv[2])
out = {}
t = time.perf_counter()
with open(d + '/follows.txt') as f:
    edges = [tuple(map(int, l.split())) for l in f if l.strip()]
g = ig.Graph(n=n, edges=edges, directed=True)
del edges
out['loadFollows'] = time.perf_counter() - t
t = time.perf_counter(); pr = g.pagerank(damping=0.85); out['pagerank'] = time.perf_counter() - t
t = time.perf_counter(); g.hub_score(); g.authority_score(); out['hits'] = time.perf_counter() - t
out['top20'] = sorted(range(n), key=lambda i: -pr[i])[:20]
t = time.perf_counter()
el, w = [], []
with open(d + '/cofollow.txt') as f:
    for l in f:
        p = l.split()
        if p:
            el.append((int(p[0]), int(p[1]))); w.append(float(p[2]))
h = ig.Graph(n=n, edges=el, directed=False)
h.es['weight'] = w
del el, w
out['loadCoFollow'] = time.perf_counter() - t
t = time.perf_counter(); cl = h.community_multilevel(weights='weight', resolution=1.0); out['multilevel'] = time.perf_counter() - t
out['modularity'] = h.modularity(cl.membership, weights='weight')
out['communities'] = len(cl)
out['peakRssMB'] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6)
print(json.dumps(out))
`;

function runIgraph(dir: string, n: number): Record<string, unknown> {
  const script = path.join(dir, 'igraph_bench.py');
  writeFileSync(script, IGRAPH);
  const r = spawnSync('/usr/bin/python3', [script, dir, String(n)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`igraph failed (apt-get install -y python3-igraph): ${(r.stderr || r.error?.message || '').slice(-1500)}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------
// The scale-up

/** A configuration-model copy of the follow graph, `factor` times larger (see the header). */
export function scaleUp(follow: Graph, factor: number, seed = 1): { n: number; edges: Uint32Array; dropped: number } {
  const nodes = follow.nodes();
  const n0 = nodes.length;
  const index = new Map(nodes.map((x, i) => [x, i]));
  const outStubs: number[] = [];
  const inStubs: number[] = [];
  for (let copy = 0; copy < factor; copy++) {
    follow.forEachEdge((_e, _a, s, t) => {
      outStubs.push(copy * n0 + index.get(s)!);
      inStubs.push(copy * n0 + index.get(t)!);
    });
  }
  // Shuffle the in-stubs (Fisher–Yates, seeded) and pair them with the out-stubs.
  const rng = seededRng(seed);
  for (let i = inStubs.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [inStubs[i], inStubs[j]] = [inStubs[j]!, inStubs[i]!];
  }
  const n = n0 * factor;
  const seen = new Set<number>();
  const out: number[] = [];
  let dropped = 0;
  for (let i = 0; i < outStubs.length; i++) {
    const a = outStubs[i]!;
    const b = inStubs[i]!;
    const key = a * n + b;
    if (a === b || seen.has(key)) {
      dropped++;
      continue;
    }
    seen.add(key);
    out.push(a, b);
  }
  return { n, edges: Uint32Array.from(out), dropped };
}

async function generate(factor: number): Promise<void> {
  const db = openDb();
  const prefix = SCALE_PREFIX(factor);
  try {
    const follow = await projectFollowGraph(db, { scope: '', batchSize: 10_000 });
    const t0 = performance.now();
    const { n, edges, dropped } = scaleUp(follow, factor);
    const generateSeconds = (performance.now() - t0) / 1000;
    await deleteScaled(db, prefix);
    const t1 = performance.now();
    const pad = (i: number) => String(i).padStart(7, '0');
    for (let from = 0; from < n; from += 20_000) {
      await db.write(
        `UNWIND range($from, $to) AS i
         CREATE (:Creator:User {id: $prefix + right('000000' + toString(i), 7), kind: 'user', source: 'bench-scale-up'})`,
        { prefix, from, to: Math.min(n, from + 20_000) - 1 },
      );
    }
    for (let i = 0; i < edges.length; i += 2 * 20_000) {
      const rows: [string, string][] = [];
      for (let k = i; k < Math.min(edges.length, i + 2 * 20_000); k += 2) rows.push([pad(edges[k]!), pad(edges[k + 1]!)]);
      await db.write(
        `UNWIND $rows AS r
         MATCH (a:Creator {id: $prefix + r[0]})
         MATCH (b:Creator {id: $prefix + r[1]})
         CREATE (a)-[:FOLLOWS]->(b)`,
        { prefix, rows },
      );
    }
    const loadSeconds = (performance.now() - t1) / 1000;
    process.stdout.write(JSON.stringify({ nodes: n, follows: edges.length / 2, dropped, generateSeconds, loadSeconds }) + '\n');
  } finally {
    await db.close();
  }
}

async function deleteScaled(db: Db, prefix: string): Promise<void> {
  // Relationships first, in pages (a copy of a hub has thousands), then the nodes.
  for (const q of [
    'MATCH (c:Creator)-[r:FOLLOWS]->() WHERE c.id STARTS WITH $prefix WITH r LIMIT 20000 DELETE r RETURN count(*) AS n',
    'MATCH (c:Creator) WHERE c.id STARTS WITH $prefix WITH c LIMIT 20000 DETACH DELETE c RETURN count(*) AS n',
  ]) {
    for (;;) {
      const { rows } = await db.write<{ n: number }>(q, { prefix });
      if ((rows[0]?.n ?? 0) === 0) break;
    }
  }
  await db.write('MATCH (k:Community) WHERE k.id STARTS WITH $prefix DETACH DELETE k', { prefix });
  await db.write('MATCH (r:AnalyticsRun {scope: $prefix}) DETACH DELETE r', { prefix });
}

// ---------------------------------------------------------------------------------------------
// Main

interface Options {
  scale: number;
  skipScale?: boolean;
  skipGds?: boolean;
  skipIgraph?: boolean;
  keep?: boolean;
}

async function main(o: Options): Promise<void> {
  // The demo is the whole graph (scope ''): a scaled copy left by a --keep run would be part of it.
  child(['delete', String(o.scale)]);
  const db = openDb();
  const [counts] = await db.read<{ creators: number; follows: number }>(
    'MATCH (c:Creator) WITH count(c) AS creators MATCH ()-[f:FOLLOWS]->() RETURN creators, count(f) AS follows',
  );
  let gds: string | null = null;
  if (!o.skipGds) {
    try {
      gds = await gdsVersion(db);
    } catch (error) {
      console.log(`GDS: not available — ${(error as Error).message}`);
    }
  }
  await db.close();
  console.log(`Neo4j ${loadConfig().neo4j.uri}: ${counts!.creators} creators, ${counts!.follows} follows; GDS ${gds ?? 'absent'}; ${os.cpus().length} cores`);
  const results: Record<string, unknown> = { machine: { cores: os.cpus().length, memoryGB: Math.round(os.totalmem() / 1e9), node: process.version }, gds };
  const datasets: { name: string; scope: string }[] = [{ name: 'demo', scope: '' }];
  if (!o.skipScale) datasets.push({ name: `${o.scale}×`, scope: SCALE_PREFIX(o.scale) });
  for (const d of datasets) {
    if (d.scope !== '') {
      console.log(`\ngenerating the ${o.scale}× configuration-model copy of the follow graph …`);
      const g = child(['generate', String(o.scale)]);
      results.scaleUp = g;
      console.log(`  ${g.nodes} creators, ${g.follows} follows (${g.dropped} self-loops/repeats dropped); generated in ${r2(g.generateSeconds as number)} s, loaded into Neo4j in ${r2(g.loadSeconds as number)} s`);
    }
    console.log(`\n== ${d.name} ==`);
    const hub = child(['measure', d.scope, 'graphology']);
    const t = hub.timings as Record<string, number>;
    const w = hub.write as Record<string, number>;
    console.log(
      `hubgraph/graphology: ${hub.creators} creators, ${hub.follows} follows, co-follow ${hub.coFollowEdges} edges; models ${hub.models}, model edges ${hub.modelEdges}\n` +
        `  projection ${r2(t.projectFollows!)} s · PageRank ${r2(t.pagerank!)} s · HITS ${r2(t.hits!)} s · co-follow ${r2(t.coFollow!)} s · Louvain creators ${r2(t.louvainCreators!)} s` +
        ` · model projection ${r2(t.projectModels!)} s · Louvain models ${r2(t.louvainModels!)} s\n` +
        `  write-back ${r2(w.total!)} s (slot ${r2(w.write!)} s, flip ${r2(w.flip!)} s, live copy ${r2(w.live!)} s, gc ${r2(w.gc!)} s; ${hub.transactions} transactions) · peak RSS ${hub.peakRssMB} MB` +
        ` · modularity creators ${(hub.creatorModularity as number).toFixed(4)}, models ${(hub.modelModularity as number).toFixed(4)}`,
    );
    const entry: Record<string, unknown> = { hubgraph: hub };
    if (!o.skipIgraph) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'hubgraph-bench-'));
      const ex = child(['export', d.scope, dir]);
      const ig = runIgraph(dir, ex.nodes as number);
      const ours = new Set(ex.top20 as number[]);
      const overlap = (ig.top20 as number[]).filter((i) => ours.has(i)).length / 20;
      entry.igraph = { ...ig, top20: undefined, top20OverlapWithHubgraph: overlap };
      console.log(
        `igraph ${'0.10'}: PageRank ${r2(ig.pagerank as number)} s · HITS ${r2(ig.hits as number)} s · multilevel ${r2(ig.multilevel as number)} s` +
          ` (modularity ${(ig.modularity as number).toFixed(4)}, ${ig.communities} communities) · load ${r2((ig.loadFollows as number) + (ig.loadCoFollow as number))} s · peak RSS ${ig.peakRssMB} MB` +
          ` · top-20 PageRank overlap with hubgraph ${Math.round(overlap * 100)} %`,
      );
    }
    // The targets: Louvain compute within 3× of igraph's multilevel; end-to-end (read +
    // compute + write-back) within 3× of compute alone (PageRank, HITS, the co-follow build, Louvain).
    const compute = t.pagerank! + t.hits! + t.coFollow! + t.louvainCreators! + t.louvainModels!;
    const endToEnd = t.projectFollows! + t.projectModels! + compute + w.total!;
    const targets: Record<string, { ratio: number; met: boolean }> = {
      endToEndOverCompute: { ratio: endToEnd / compute, met: endToEnd / compute <= 3 },
    };
    if (entry.igraph) {
      const ig = entry.igraph as { multilevel: number };
      targets.louvainOverIgraph = { ratio: t.louvainCreators! / ig.multilevel, met: t.louvainCreators! / ig.multilevel <= 3 };
    }
    entry.targets = targets;
    for (const [name, v] of Object.entries(targets)) console.log(`target ${name} ≤ 3×: ${v.ratio.toFixed(2)}× — ${v.met ? 'met' : 'NOT met'}`);
    if (gds) {
      const g = child(['measure', d.scope, 'gds']);
      const gt = g.timings as Record<string, number>;
      entry.gds = g;
      console.log(
        `GDS ${gds}: projection ${r2(gt.projectFollows!)} s · PageRank ${r2(gt.pagerank!)} s · HITS (k and k + 5 iterations, k doubling until they agree) ${r2(gt.hits!)} s · Louvain creators ${r2(gt.louvainCreators!)} s · Louvain models ${r2(gt.louvainModels!)} s` +
          ` · modularity creators ${(g.creatorModularity as number).toFixed(4)}, models ${(g.modelModularity as number).toFixed(4)} · bench process peak RSS ${g.peakRssMB} MB`,
      );
    }
    results[d.name] = entry;
  }
  if (!o.skipScale && !o.keep) {
    const cleanupDb = openDb();
    await deleteScaled(cleanupDb, SCALE_PREFIX(o.scale));
    await cleanupDb.close();
  }
  const reports = loadConfig().ingest.reportsDir;
  mkdirSync(reports, { recursive: true });
  writeFileSync(path.join(reports, 'bench-analytics.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(`\nfigures: ${path.join(reports, 'bench-analytics.json')}`);
}

const program = new Command('bench-analytics').description('analytics timings and memory (see the header of bench/analytics.ts)');
program
  .option('--scale <n>', 'scale-up factor', (v) => Number.parseInt(v, 10), 10)
  .option('--skip-scale', 'only the demo graph')
  .option('--skip-gds', 'leave GDS out')
  .option('--skip-igraph', 'leave igraph out')
  .option('--keep', 'keep the scaled-up copy in Neo4j')
  .action((o: Options) => main(o));
program.command('measure <scope> <engine>').action((scope: string, engine: 'graphology' | 'gds') => measure(scope, engine));
program.command('export <scope> <dir>').action((scope: string, dir: string) => exportEdges(scope, dir));
program.command('generate <factor>').action((factor: string) => generate(Number.parseInt(factor, 10)));
program.command('delete <factor>').action(async (factor: string) => {
  const db = openDb();
  await deleteScaled(db, SCALE_PREFIX(Number.parseInt(factor, 10)));
  await db.close();
  process.stdout.write('{}\n');
});

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

