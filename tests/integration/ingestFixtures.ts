/**
 * Small input files for the ingest tests, generated with a unique prefix so each suite's nodes are
 * its own, plus a fingerprint of everything a prefix owns (to compare two runs of a job).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import type { Db } from '../../src/neo4j/db.js';
import { migrate } from '../../src/neo4j/migrate.js';
import type { IngestDeps } from '../../ingest/job.js';
import { testDb } from './neo4j.js';

/** Prefixes here are namespaces (`tst-<hex>`), so they fit Hub ids: `tst-ab12-org/model`. */
export function namespacePrefix(): string {
  return `tst${Math.random().toString(16).slice(2, 10)}`;
}

/** Rows a running job has committed so far, from its one checkpoint file in `dir` (0 before the first). */
export function committedRows(dir: string): number {
  if (!existsSync(dir)) return 0;
  const f = readdirSync(dir).find((x) => x.endsWith('.json'));
  return f ? (JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { committed: number }).committed : 0;
}

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'hubgraph-ingest-'));
}

export interface IngestSuite {
  /** The migrated test database (set before the suite's first test). */
  db: Db;
  /** The suite's id prefix: every node it creates starts with it, and is deleted after the suite. */
  p: string;
  /** A temporary directory for its files, quarantine and checkpoints. */
  dir: string;
}

/** What every ingest suite sets up: call once inside `describe`, read `db` inside the tests. */
export function ingestSuite(): IngestSuite {
  const suite: IngestSuite = { db: undefined as unknown as Db, p: namespacePrefix(), dir: tempDir() };
  beforeAll(async () => {
    suite.db = testDb();
    await migrate(suite.db, silentLogger());
  });
  afterAll(async () => {
    await cleanupPrefix(suite.db, suite.p);
    await suite.db.close();
  });
  return suite;
}

export function ingestDeps(db: Db, dir: string, overrides: Partial<Config['ingest']> = {}): IngestDeps {
  const base = loadConfig({}).ingest;
  return {
    db,
    log: silentLogger(),
    settings: {
      ...base,
      quarantineDir: path.join(dir, 'quarantine'),
      checkpointDir: path.join(dir, 'checkpoints'),
      reportsDir: path.join(dir, 'reports'),
      ...overrides,
    },
    tty: false,
  };
}

/** A model in the /api/models shape, with every kind of tag. */
export function apiModel(p: string, name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    _id: `${name}-internal`,
    id: `${p}-org/${name}`,
    modelId: `${p}-org/${name}`,
    author: `${p}-org`,
    downloads: 1000,
    likes: 10,
    library_name: 'transformers',
    pipeline_tag: 'text-generation',
    createdAt: '2024-01-02T03:04:05.000Z',
    lastModified: '2024-06-01T00:00:00.000Z',
    tags: [
      'transformers',
      'text-generation',
      `${p}-plain`,
      'region:us',
      'en',
      `license:${p}-lic`,
      `dataset:${p}-ds/corpus`,
      'arxiv:2999.00001',
      `base_model:${p}-org/base`,
      `base_model:finetune:${p}-org/base`,
    ],
    siblings: [{ rfilename: 'config.json' }],
    config: { architectures: ['LlamaForCausalLM'] },
    ...extra,
  };
}

export function writeNdjson(dir: string, name: string, rows: unknown[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return file;
}

export interface Fingerprint {
  nodes: string[];
  relationships: string[];
}

/**
 * Everything a prefix owns, as sorted text lines: prefixed nodes with their labels and properties,
 * and every relationship touching them with its properties. Equal fingerprints = equal graphs.
 * `strip` removes the prefix so two runs on different prefixes can be compared.
 */
export async function fingerprint(db: Db, prefix: string, strip = false): Promise<Fingerprint> {
  const clean = (s: string) => (strip ? s.split(prefix).join('P') : s);
  const nodes = await db.read<{ line: string }>(
    `MATCH (n) WHERE n.id STARTS WITH $prefix
     WITH n, [k IN keys(n) WHERE NOT k IN ['updatedAt'] | k + '=' + apoc.convert.toJson(n[k])] AS props
     RETURN apoc.text.join(apoc.coll.sort(labels(n)), ':') + ' ' + n.id + ' ' + apoc.text.join(apoc.coll.sort(props), ',') AS line`,
    { prefix },
  );
  const rels = await db.read<{ line: string }>(
    `MATCH (a)-[r]->(b) WHERE a.id STARTS WITH $prefix OR b.id STARTS WITH $prefix
     WITH a, r, b, [k IN keys(r) | k + '=' + toString(r[k])] AS props
     RETURN a.id + ' -' + type(r) + '-> ' + b.id + ' ' + apoc.text.join(apoc.coll.sort(props), ',') AS line`,
    { prefix },
  );
  return { nodes: nodes.map((r) => clean(r.line)).sort(), relationships: rels.map((r) => clean(r.line)).sort() };
}

/** Deletes a prefix's nodes, and shared vocabulary nodes (tags, papers…) the tests created and left orphaned. */
export async function cleanupPrefix(db: Db, prefix: string): Promise<void> {
  await db.write('MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix });
  await db.write("MATCH (n:Paper|Tag|Language|Library|Task|License|Dataset) WHERE n.id STARTS WITH '2999.' OR (NOT (n)--() AND NOT n:Task AND NOT n:Library) DELETE n");
}
