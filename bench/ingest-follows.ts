/**
 * The FOLLOWS comparison: the same rows (the SNAP musae-github stand-in, each undirected edge as two
 * directed follows, node ids = musae ids as strings) loaded three ways —
 *   naive:    one MERGE-per-row statement per managed write transaction (the reference floor),
 *   hubgraph: the real ingest path, ingest/pipeline.ts runStep with cypher/ingest/upsert-users and
 *             cypher/ingest/upsert-follows in batches of HUBGRAPH_BATCH_SIZE,
 *   importer: neo4j-admin database import full (see bench/ingest-importer.ts).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { STANDIN_SOURCE } from '../ingest/jobs/standin.js';
import { followRow } from '../ingest/jobs/social.js';
import { mapMusaeEdge, mapMusaeNode, type MusaeNode } from '../ingest/map/musae.js';
import { runStep, type StepSummary } from '../ingest/pipeline.js';
import { createQuarantine } from '../ingest/quarantine.js';
import { readRecords } from '../ingest/sources/files/read.js';
import type { FollowRecord, Parsed } from '../ingest/types.js';
import type { Logger } from '../src/log.js';
import type { Db } from '../src/neo4j/db.js';

export interface FollowsFiles {
  nodes: string;
  edges: string;
}

export function followsFiles(dataDir: string): FollowsFiles {
  const dir = path.join(dataDir, 'social_github_musae');
  return { nodes: path.join(dir, 'nodes.csv.gz'), edges: path.join(dir, 'edges_train.csv.gz') };
}

export interface FollowsData {
  nodes: MusaeNode[];
  /** Directed follows in file order: edge i gives (id_1 → id_2), then (id_2 → id_1). */
  follows: FollowRecord[];
  edgesRead: number;
  rejected: number;
}

/** Node ids stay the musae ids: the map is the identity. */
function identityMap(nodes: MusaeNode[]): Map<string, string> {
  return new Map(nodes.map((n) => [n.id, n.id]));
}

async function readNodes(file: string): Promise<{ parsed: Parsed<MusaeNode>[]; nodes: MusaeNode[] }> {
  const parsed: Parsed<MusaeNode>[] = [];
  const nodes: MusaeNode[] = [];
  for await (const r of readRecords(file)) {
    const p = r.ok ? mapMusaeNode(r.value, r.position) : r;
    parsed.push(p);
    if (p.ok) nodes.push(p.value);
  }
  return { parsed, nodes };
}

/** The directed follows as the ingest path sees them, streamed from the gzip file. */
async function* followRecords(file: string, idOf: ReadonlyMap<string, string>): AsyncGenerator<Parsed<FollowRecord>> {
  for await (const r of readRecords(file)) {
    if (!r.ok) {
      yield r;
      continue;
    }
    const e = mapMusaeEdge(r.value, r.position, idOf, { source: STANDIN_SOURCE });
    if (!e.ok) {
      yield e;
      continue;
    }
    for (const f of e.value) yield { ok: true, value: f, position: e.position };
  }
}

/** All nodes and directed follows in memory (for the naive sample and the importer's CSV files). */
export async function loadFollowsData(files: FollowsFiles): Promise<FollowsData> {
  const { nodes } = await readNodes(files.nodes);
  const idOf = identityMap(nodes);
  const follows: FollowRecord[] = [];
  let rejected = 0;
  for await (const f of followRecords(files.edges, idOf)) {
    if (!f.ok) rejected++;
    else follows.push(f.value);
  }
  return { nodes, follows, edgesRead: follows.length / 2, rejected };
}

export interface GraphCounts {
  nodes: number;
  follows: number;
}

export async function countGraph(db: Db): Promise<GraphCounts> {
  const [n] = await db.read<{ n: number }>('MATCH (n) RETURN count(n) AS n', {}, { op: 'bench.count' });
  const [r] = await db.read<{ r: number }>('MATCH ()-[r:FOLLOWS]->() RETURN count(r) AS r', {}, { op: 'bench.count' });
  return { nodes: n?.n ?? 0, follows: r?.r ?? 0 };
}

/**
 * Deletes every node and relationship, in batches (each its own transaction, so a 500k-relationship
 * graph never sits in one transaction's memory). Constraints and indexes stay.
 */
export async function wipe(db: Db): Promise<{ seconds: number }> {
  const started = Date.now();
  for (;;) {
    const { summary } = await db.write('MATCH ()-[r]->() WITH r LIMIT 50000 DELETE r', {}, { op: 'bench.wipe' });
    if (summary.relationshipsDeleted === 0) break;
  }
  for (;;) {
    const { summary } = await db.write('MATCH (n) WITH n LIMIT 20000 DETACH DELETE n', {}, { op: 'bench.wipe' });
    if (summary.nodesDeleted === 0) break;
  }
  return { seconds: (Date.now() - started) / 1000 };
}

/** The reference floor: what a first attempt looks like. Not hubgraph code; inline on purpose. */
export const NAIVE_CYPHER = 'MERGE (a:Creator {id: $f}) MERGE (b:Creator {id: $t}) MERGE (a)-[:FOLLOWS]->(b)';

export interface NaiveRun {
  rows: number;
  seconds: number;
  recordsPerSecond: number;
}

/** One row per managed write transaction (Db.write = a session + executeWrite per call). */
export async function naiveLoad(db: Db, sample: readonly FollowRecord[]): Promise<NaiveRun> {
  const started = process.hrtime.bigint();
  for (const f of sample) await db.write(NAIVE_CYPHER, { f: f.follower, t: f.followee }, { op: 'bench.naive' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { rows: sample.length, seconds, recordsPerSecond: Math.round(sample.length / seconds) };
}

export interface HubgraphRun {
  users: StepSummary;
  follows: StepSummary;
  /** users + follows, wall clock. */
  seconds: number;
}

/**
 * hubgraph's own batched load, exactly as the stand-in job does it (ingest/jobs/standin.ts) except
 * that node ids are the musae ids: users first (upsert-users), then follows (upsert-follows) streamed
 * from the gzip file through the same reader and mapper.
 */
export async function hubgraphLoad(
  deps: { db: Db; log: Logger; batchSize: number; quarantineDir: string },
  files: FollowsFiles,
): Promise<HubgraphRun> {
  mkdirSync(deps.quarantineDir, { recursive: true });
  const quarantine = createQuarantine({ dir: deps.quarantineDir, job: 'bench-follows' });
  const stepDeps = { db: deps.db, log: deps.log, quarantine, batchSize: deps.batchSize, tty: false };
  const started = Date.now();
  try {
    const { parsed, nodes } = await readNodes(files.nodes);
    const users = await runStep(stepDeps, {
      step: 'users',
      cypher: 'ingest/upsert-users',
      records: parsed,
      toRow: (n) => ({ id: n.id, name: n.login, source: STANDIN_SOURCE, sourceId: n.id }),
    });
    const follows = await runStep(stepDeps, {
      step: 'follows',
      cypher: 'ingest/upsert-follows',
      records: followRecords(files.edges, identityMap(nodes)),
      toRow: (f) => ({ ...followRow(f), followeeKind: null }),
    });
    return { users, follows, seconds: (Date.now() - started) / 1000 };
  } finally {
    await quarantine.close();
  }
}
