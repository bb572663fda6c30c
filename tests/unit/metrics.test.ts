/**
 * src/metrics.ts without a database: its own registry, the graph read at scrape time (through a
 * stand-in Db whose reads answer what the Cypher would), the cache, and a scrape that answers when
 * Neo4j fails or never answers. The real reads run against Neo4j in tests/integration/metrics.test.ts.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { register as globalRegistry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { ErrorCodes, HubgraphError } from '../../src/errors.js';
import { silentLogger } from '../../src/log.js';
import { boundedLabel, createMetrics, errorCodeLabel, ingestRows, type IngestJobRow, type MetricsDeps, type StoredAnswersRow } from '../../src/metrics.js';
import { loadCypher } from '../../src/neo4j/cypher.js';
import type { Db } from '../../src/neo4j/db.js';
import { standInDb } from './standInDb.js';

const NOW = Date.parse('2026-01-10T00:00:00.000Z');

const JOB: IngestJobRow = {
  job: 'models',
  finishedAtMs: Date.parse('2026-01-09T23:00:00.000Z'),
  seconds: 12.5,
  steps: ['models', 'model-tags'],
  loaded: [98, 400],
  rejected: [2, 0],
  skipped: [0, 0],
};

const STORED: StoredAnswersRow[] = [
  { question: 'followOfFollow', lists: 3, oldest: '2026-01-09T00:00:00.000Z', newest: '2026-01-09T23:59:00.000Z' },
  { question: 'secondDegree', lists: 0, oldest: null, newest: null },
];

/** A Db whose reads answer the scrape's two queries with the rows given; counts the reads. */
function graphDb(rows: { jobs?: IngestJobRow[]; stored?: StoredAnswersRow[] } = {}): Db & { reads: number } {
  const db = standInDb({
    read: async <T>(cypher: string): Promise<T[]> => {
      db.reads++;
      if (cypher === loadCypher('stats/ingest-jobs')) return (rows.jobs ?? [JOB]) as T[];
      if (cypher === loadCypher('stats/stored-answers')) return (rows.stored ?? STORED) as T[];
      throw new Error(`unexpected query: ${cypher}`);
    },
  }) as Db & { reads: number };
  db.reads = 0;
  return db;
}

function metricsWith(db: Db, extra: Partial<MetricsDeps> = {}) {
  return createMetrics({ db, log: silentLogger(), now: () => NOW, processMetrics: false, ...extra });
}

/** The value of one series in the exposition text, or undefined. */
function value(body: string, series: string): number | undefined {
  const line = body.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('createMetrics', () => {
  it('reports the last run of each ingest job per step and outcome, and when it finished', async () => {
    const { body } = await metricsWith(graphDb()).scrape();
    expect(value(body, 'hubgraph_ingest_rows{job="models",step="models",outcome="loaded"}')).toBe(98);
    expect(value(body, 'hubgraph_ingest_rows{job="models",step="models",outcome="rejected"}')).toBe(2);
    expect(value(body, 'hubgraph_ingest_rows{job="models",step="model-tags",outcome="loaded"}')).toBe(400);
    expect(value(body, 'hubgraph_ingest_rows{job="models",step="model-tags",outcome="skipped"}')).toBe(0);
    expect(value(body, 'hubgraph_ingest_last_finished_timestamp_seconds{job="models"}')).toBe(JOB.finishedAtMs! / 1000);
    expect(value(body, 'hubgraph_ingest_last_duration_seconds{job="models"}')).toBe(12.5);
    expect(value(body, 'hubgraph_neo4j_up')).toBe(1);
  });

  it('reports the stored answers per question and the age of the oldest and newest at scrape time', async () => {
    const { body } = await metricsWith(graphDb()).scrape();
    expect(value(body, 'hubgraph_stored_answers{question="followOfFollow"}')).toBe(3);
    expect(value(body, 'hubgraph_stored_answers{question="secondDegree"}')).toBe(0);
    expect(value(body, 'hubgraph_stored_answer_age_seconds{question="followOfFollow",which="oldest"}')).toBe(24 * 3600);
    expect(value(body, 'hubgraph_stored_answer_age_seconds{question="followOfFollow",which="newest"}')).toBe(60);
    // No list, no age.
    expect(body).not.toContain('hubgraph_stored_answer_age_seconds{question="secondDegree"');
  });

  it('adds up the rows of a step that ran twice in one job', () => {
    const rows = ingestRows({ ...JOB, steps: ['follows', 'follows'], loaded: [5, 7], rejected: [1, 0], skipped: [0, 3] });
    expect([...rows]).toEqual([['follows', { loaded: 12, rejected: 1, skipped: 3 }]]);
  });

  it('reads the graph once per scrape, and reuses it while it is fresh', async () => {
    let now = NOW;
    const db = graphDb();
    const metrics = metricsWith(db, { now: () => now, graphCacheMs: 10_000 });
    await metrics.scrape();
    expect(db.reads).toBe(2); // the two queries, once, for all the graph gauges
    now += 5_000;
    const { body } = await metrics.scrape();
    expect(db.reads).toBe(2);
    // The age moves on with the clock though the read is cached.
    expect(value(body, 'hubgraph_stored_answer_age_seconds{question="followOfFollow",which="newest"}')).toBe(65);
    now += 5_000;
    await metrics.scrape();
    expect(db.reads).toBe(4);
  });

  it('answers without the graph, with hubgraph_neo4j_up 0 and the process metrics, when Neo4j fails', async () => {
    const db = standInDb({
      read: async () => {
        throw new HubgraphError(ErrorCodes.NEO4J_UNAVAILABLE, 'Cannot reach Neo4j');
      },
    });
    const { contentType, body } = await metricsWith(db, { processMetrics: true }).scrape();
    expect(contentType).toMatch(/^text\/plain/);
    expect(value(body, 'hubgraph_neo4j_up')).toBe(0);
    expect(body).not.toMatch(/^hubgraph_ingest_rows\{/m);
    expect(body).not.toMatch(/^hubgraph_stored_answers\{/m);
    expect(body).toMatch(/^process_cpu_seconds_total /m);
    expect(body).toMatch(/^nodejs_heap_size_used_bytes /m);
  });

  /** A Db whose reads never answer (until released), with what its outage guard knows. */
  function hangingDb(outage: ReturnType<Db['outage']>) {
    const state = { reads: 0, release: (_rows: unknown[]) => {} };
    const db = standInDb({
      outage: () => outage,
      read: <T>() => {
        state.reads++;
        return new Promise<T[]>((resolve) => {
          state.release = resolve as (rows: unknown[]) => void;
        });
      },
    });
    return { db, state };
  }

  it('answers when the graph read is slow, and a later scrape joins the same read instead of starting another', async () => {
    const { db, state } = hangingDb({ since: new Date(), reason: 'Cannot reach Neo4j' });
    const metrics = metricsWith(db, { graphTimeoutMs: 20, graphCacheMs: 0 });
    expect(value((await metrics.scrape()).body, 'hubgraph_neo4j_up')).toBe(0);
    expect(value((await metrics.scrape()).body, 'hubgraph_neo4j_up')).toBe(0);
    expect(state.reads).toBe(2); // the two queries of the first scrape, still pending: none started since
    state.release([]);
  });

  it('says Neo4j is up when the read is only slow and the outage guard knows no outage (regression)', async () => {
    // On the demo the stored-answers scan took over the 1 s a scrape waits, and /metrics said
    // hubgraph_neo4j_up 0 while every question was answered.
    const { db, state } = hangingDb(null);
    const metrics = metricsWith(db, { graphTimeoutMs: 20, graphCacheMs: 0 });
    expect(value((await metrics.scrape()).body, 'hubgraph_neo4j_up')).toBe(1);
    state.release([]);
  });

  it('keeps its own registry: nothing in prom-client’s global one, nothing shared between two', async () => {
    const a = metricsWith(graphDb());
    const b = metricsWith(graphDb());
    a.graphql.requestSeconds.observe({ question: 'followOfFollow' }, 0.01);
    a.graphql.errors.inc({ question: 'followOfFollow', code: 'BAD_USER_INPUT' });
    expect(value((await a.scrape()).body, 'hubgraph_graphql_request_duration_seconds_count{question="followOfFollow"}')).toBe(1);
    expect(value((await b.scrape()).body, 'hubgraph_graphql_request_duration_seconds_count{question="followOfFollow"}')).toBeUndefined();
    expect(value((await a.scrape()).body, 'hubgraph_graphql_errors_total{question="followOfFollow",code="BAD_USER_INPUT"}')).toBe(1);
    expect(globalRegistry.getSingleMetric('hubgraph_graphql_request_duration_seconds')).toBeUndefined();
  });

  it('keeps label values to names: what a client could mint falls back', () => {
    expect(boundedLabel('followOfFollow', 'other')).toBe('followOfFollow');
    expect(boundedLabel('ingest.models', 'other')).toBe('ingest.models');
    expect(boundedLabel('x'.repeat(100), 'other')).toBe('other');
    expect(boundedLabel('a b', 'other')).toBe('other');
    expect(boundedLabel(undefined, 'unnamed')).toBe('unnamed');
    expect(errorCodeLabel(new HubgraphError(ErrorCodes.QUERY_TIMEOUT, 'slow'))).toBe('QUERY_TIMEOUT');
    expect(errorCodeLabel(Object.assign(new Error('syntax'), { code: 'Neo.ClientError.Statement.SyntaxError' }))).toBe('Neo.ClientError.Statement.SyntaxError');
    expect(errorCodeLabel(Object.assign(new Error('odd'), { code: 'whatever you like' }))).toBe('UNEXPECTED');
    expect(errorCodeLabel('a string')).toBe('UNEXPECTED');
  });
});

describe('handleMetrics', () => {
  let server: http.Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  it('answers GET with the text format, HEAD with its headers, other methods with 405', async () => {
    const metrics = metricsWith(graphDb());
    server = http.createServer((req, res) => void metrics.handleMetrics(req, res));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
    const get = await fetch(url);
    expect(get.status).toBe(200);
    expect(get.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(await get.text()).toContain('# TYPE hubgraph_graphql_request_duration_seconds histogram');
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    const post = await fetch(url, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('docs/metrics.md', () => {
  it('lists every hubgraph metric the registry exposes', async () => {
    const doc = readFileSync(path.join(PROJECT_ROOT, 'docs', 'metrics.md'), 'utf8');
    const names = (await metricsWith(graphDb()).registry.getMetricsAsJSON()).map((m) => m.name);
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) expect(doc, name).toContain(`\`${name}\``);
  });
});
