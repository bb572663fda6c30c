/**
 * GET /metrics on the real server over the real Neo4j: a question asked shows in its latency
 * histogram and in the Neo4j call metrics, an error in the error counter with its code, an ingest
 * job's last run in the rows gauges, stored answers in their count and age gauges; and with Neo4j
 * unreachable the scrape still answers, with hubgraph_neo4j_up 0.
 * The server gets its own Metrics: scoped to this suite's prefix, and reading the graph afresh at
 * every scrape (in production a read serves scrapes for 10 s).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob, type JobSummary } from '../../ingest/job.js';
import { ingestModelsFile } from '../../ingest/jobs/models.js';
import { loadConfig } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/graphql/server.js';
import { silentLogger } from '../../src/log.js';
import { createMetrics } from '../../src/metrics.js';
import { loadCypher } from '../../src/neo4j/cypher.js';
import { createDb, type Db } from '../../src/neo4j/db.js';
import { apiModel, ingestDeps, ingestSuite, writeNdjson } from './ingestFixtures.js';
import { testNeo4j } from './neo4j.js';

/** The value of one series in the exposition text (0 when absent: a counter not yet incremented). */
function value(body: string, series: string): number {
  const line = body.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

async function startWith(db: Db, scope: string): Promise<RunningServer> {
  const metrics = createMetrics({ db, log: silentLogger(), scope, graphCacheMs: 0 });
  const deps = { config: loadConfig({}), db, log: silentLogger(), metrics };
  return startServer(deps, { host: '127.0.0.1', port: 0 });
}

describe('/metrics', () => {
  const suite = ingestSuite();
  const { p, dir } = suite;
  let server: RunningServer;

  const scrape = async (on: RunningServer = server) => {
    const res = await fetch(on.url.replace(/\/graphql$/, '/metrics'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text();
  };
  const ask = async (query: string) => {
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    return (await res.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
  };

  beforeAll(async () => {
    server = await startWith(suite.db, p);
    await suite.db.write(
      `CREATE (:Creator:User {id: $p + '-u1', name: 'u1', kind: 'user'})-[:FOLLOWS]->(:Creator:User {id: $p + '-u2', name: 'u2', kind: 'user'})
              -[:FOLLOWS]->(:Creator:Organization {id: $p + '-org', name: 'org', kind: 'organization'})`,
      { p },
    );
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('times a question under its name, and its Neo4j calls', async () => {
    const before = await scrape();
    const answer = await ask(`{ followOfFollow(userId: "${p}-u1") { creator { id } } }`);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.followOfFollow.map((r: any) => r.creator.id)).toEqual([`${p}-org`]);
    const after = await scrape();
    const count = 'hubgraph_graphql_request_duration_seconds_count{question="followOfFollow"}';
    expect(value(after, count) - value(before, count)).toBe(1);
    const calls = (body: string) =>
      body
        .split('\n')
        .filter((l) => l.startsWith('hubgraph_neo4j_call_duration_seconds_count{'))
        .reduce((n, l) => n + Number(l.split(' ')[1]), 0);
    expect(calls(after)).toBeGreaterThan(calls(before));
    expect(value(after, 'hubgraph_neo4j_sessions_in_use')).toBe(0);
  });

  it('counts an error under its question and code', async () => {
    const series = 'hubgraph_graphql_errors_total{question="followOfFollow",code="BAD_USER_INPUT"}';
    const before = value(await scrape(), series);
    const answer = await ask(`{ followOfFollow(userId: "${p}-nobody") { creator { id } } }`);
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(value(await scrape(), series) - before).toBe(1);
  });

  it('shows the rows of an ingest job’s last run, per step and outcome, and when it finished', async () => {
    const job = `${p}-models`;
    expect(await scrape()).not.toContain(`job="${job}"`);
    const file = writeNdjson(dir, 'models.ndjson', [
      apiModel(p, 'good-1'),
      { id: `${p}-org/long-author`, author: 'x'.repeat(9000) },
      apiModel(p, 'good-2'),
      apiModel(p, 'good-3'),
    ]);
    const summary: JobSummary = await runJob(ingestDeps(suite.db, dir), job, async (run) => void (await ingestModelsFile(run, file, 'test-fixture')));
    expect(summary.totals).toMatchObject({ loaded: 3, rejected: 1 });
    const body = await scrape();
    for (const step of summary.steps) {
      for (const outcome of ['loaded', 'rejected', 'skipped'] as const) {
        expect(value(body, `hubgraph_ingest_rows{job="${job}",step="${step.step}",outcome="${outcome}"}`), `${step.step} ${outcome}`).toBe(step[outcome]);
      }
    }
    expect(value(body, `hubgraph_ingest_rows{job="${job}",step="models",outcome="loaded"}`)).toBe(3);
    expect(value(body, `hubgraph_ingest_rows{job="${job}",step="models",outcome="rejected"}`)).toBe(1);
    const finished = value(body, `hubgraph_ingest_last_finished_timestamp_seconds{job="${job}"}`);
    expect(finished * 1000).toBeGreaterThanOrEqual(Date.parse(summary.startedAt));
    expect(value(body, `hubgraph_neo4j_up`)).toBe(1);
  });

  it('shows the stored answers per question: how many, and the age of the oldest and newest', async () => {
    const older = '2025-01-01T00:00:00.000Z';
    const newer = '2025-06-01T00:00:00.000Z';
    const store = (id: string, computedAt: string) =>
      suite.db.write(loadCypher('recommend/follow-of-follow-store'), {
        rows: [{ id, ids: [`${p}-org`], scores: [1], counts: [1], via: [`${p}-u2`], bounded: false, follows: 1, version: 0 }],
        computedAt,
        settings: 'test',
      });
    expect(value(await scrape(), 'hubgraph_stored_answers{question="followOfFollow"}')).toBe(0);
    await store(`${p}-u1`, older);
    await store(`${p}-u2`, newer);
    const body = await scrape();
    expect(value(body, 'hubgraph_stored_answers{question="followOfFollow"}')).toBe(2);
    expect(value(body, 'hubgraph_stored_answers{question="secondDegree"}')).toBe(0);
    const oldest = value(body, 'hubgraph_stored_answer_age_seconds{question="followOfFollow",which="oldest"}');
    const newest = value(body, 'hubgraph_stored_answer_age_seconds{question="followOfFollow",which="newest"}');
    // Both ages are taken at the same instant: they differ by exactly the stamps' distance.
    expect(oldest - newest).toBeCloseTo((Date.parse(newer) - Date.parse(older)) / 1000, 3);
    expect(newest).toBeGreaterThan(0);
  });

  it('answers with the process metrics and hubgraph_neo4j_up 0 when Neo4j is unreachable', async () => {
    const n = testNeo4j();
    // A closed port: nothing listens on the discard port of this machine.
    const down = createDb({ connection: { uri: 'bolt://127.0.0.1:9', user: n.user, password: n.password, database: n.database }, log: silentLogger() });
    const unreachable = await startWith(down, p);
    try {
      const body = await scrape(unreachable);
      expect(value(body, 'hubgraph_neo4j_up')).toBe(0);
      expect(body).toMatch(/^process_cpu_seconds_total /m);
      expect(body).not.toMatch(/^hubgraph_stored_answers\{/m);
    } finally {
      await unreachable.stop();
      await down.close();
    }
  });
});
