/**
 * What operators watch: GET /metrics in Prometheus's text format (docs/metrics.md lists every
 * metric, its labels and what to alert on). Each createMetrics makes its own registry, never
 * prom-client's global one, so two servers in one process (as in the tests) never share counts.
 *
 * - Requests are recorded by ./graphql/plugins/metrics.ts and Neo4j calls by ./neo4j/observed.ts,
 *   into the instruments made here.
 * - What only the graph knows — the last run of each ingest job (ingest runs in its own process and
 *   records it there, ingest/job.ts) and how old the stored answers are — is read at scrape time, at
 *   most once per `graphCacheMs`, and a scrape waits for it at most `graphTimeoutMs`: with Neo4j
 *   down it still answers at once, with the process metrics and `hubgraph_neo4j_up 0`.
 */
import type http from 'node:http';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { isHubgraphError } from './errors.js';
import type { Logger } from './log.js';
import { loadCypher } from './neo4j/cypher.js';
import type { Db } from './neo4j/db.js';

export interface MetricsDeps {
  /** The Db the scrape reads the graph through (not the observed one: scrapes are not requests). */
  db: Db;
  log: Logger;
  /** How long one graph read serves scrapes (default 10 s; it scans every user's stored lists). */
  graphCacheMs?: number;
  /** How long a scrape waits for the graph before answering without it (default 1 s). */
  graphTimeoutMs?: number;
  /** Only ingest jobs and nodes whose ids start with this (tests); default all. */
  scope?: string;
  /** Node's process metrics: CPU, memory, event loop lag, GC (default true). */
  processMetrics?: boolean;
  /** Clock in ms (tests). */
  now?: () => number;
}

export type Neo4jCallKind = 'read' | 'write' | 'readTx' | 'writeTx';

export interface Metrics {
  readonly registry: Registry;
  readonly graphql: {
    /** Seconds from the request's start to its response, per question. */
    requestSeconds: Histogram<'question'>;
    errors: Counter<'question' | 'code'>;
  };
  readonly neo4j: {
    /** Calls in flight through the observed Db: each holds a pooled connection or waits for one. */
    sessionsInUse: Gauge;
    /** Seconds a call waited for a connection and ran, per kind and transaction name (`op`). */
    callSeconds: Histogram<'kind' | 'op'>;
    /** Seconds a transaction function waited before it first ran: the pool's wait, plus BEGIN. */
    acquireSeconds: Histogram<'kind'>;
    errors: Counter<'kind' | 'code'>;
  };
  readonly stored: {
    /** Seconds from a write that changed an owner's inputs to its list refreshed just behind it (src/stored/refresher.ts). */
    refreshDelaySeconds: Histogram<'question' | 'outcome'>;
  };
  /** The exposition text and its content type (what GET /metrics answers). */
  scrape(): Promise<{ contentType: string; body: string }>;
  /** Answers GET (and HEAD) /metrics; any other method gets 405. */
  handleMetrics(req: http.IncomingMessage, res: http.ServerResponse): Promise<void>;
}

/** 5 ms to 10 s: a cached answer takes a few ms, a cold walk over a large graph seconds. */
export const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** 0.1 s to 5 min: a list refreshed behind a write waits a second, then for the lists queued before it. */
export const REFRESH_DELAY_BUCKETS = [0.1, 0.25, 0.5, 1, 1.5, 2, 3, 5, 10, 30, 60, 120, 300];
/** 1 ms to 10 s: one query of a question is often a millisecond or two. */
export const NEO4J_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The questions with stored answers (src/stored/registry.ts): the names cypher/stats/stored-answers.cypher returns. */
export { STORED_QUESTIONS } from './stored/registry.js';

export const INGEST_OUTCOMES = ['loaded', 'rejected', 'skipped'] as const;

/**
 * A label value from code or a client, kept to a bounded set: what does not look like a name
 * becomes `fallback`, so a client cannot mint series.
 */
export function boundedLabel(value: unknown, fallback: string, pattern = /^[A-Za-z][A-Za-z0-9_.:-]{0,63}$/): string {
  return typeof value === 'string' && pattern.test(value) ? value : fallback;
}

/** The catalogue code of an error (src/errors.ts), Neo4j's status code when it passed unmapped, else UNEXPECTED. */
export function errorCodeLabel(error: unknown): string {
  if (isHubgraphError(error)) return error.code;
  const code = error !== null && typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
  return boundedLabel(code, 'UNEXPECTED', /^Neo\.[A-Za-z]+\.[A-Za-z]+\.[A-Za-z]+$/);
}

export interface IngestJobRow {
  job: string;
  finishedAtMs: number | null;
  seconds: number | null;
  steps: string[] | null;
  loaded: number[] | null;
  rejected: number[] | null;
  skipped: number[] | null;
}

export interface StoredAnswersRow {
  question: string;
  lists: number;
  /** ISO-8601 stamps of the oldest and newest stored list (null: none). */
  oldest: string | null;
  newest: string | null;
}

interface GraphSnapshot {
  up: boolean;
  jobs: IngestJobRow[];
  stored: StoredAnswersRow[];
}

const DOWN: GraphSnapshot = { up: false, jobs: [], stored: [] };

/** Neo4j stops a scrape's read past this, so a slow scan left running after a scrape gave up on it cannot pile up. */
const GRAPH_QUERY_TIMEOUT_MS = 10_000;

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Neo4j did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Rows per (step, outcome) of one job's last run; a step name that repeats adds up. */
export function ingestRows(job: IngestJobRow): Map<string, Record<(typeof INGEST_OUTCOMES)[number], number>> {
  const out = new Map<string, Record<(typeof INGEST_OUTCOMES)[number], number>>();
  (job.steps ?? []).forEach((step, i) => {
    const row = out.get(step) ?? { loaded: 0, rejected: 0, skipped: 0 };
    row.loaded += job.loaded?.[i] ?? 0;
    row.rejected += job.rejected?.[i] ?? 0;
    row.skipped += job.skipped?.[i] ?? 0;
    out.set(step, row);
  });
  return out;
}

export function createMetrics(deps: MetricsDeps): Metrics {
  const { db, log } = deps;
  const now = deps.now ?? Date.now;
  const cacheMs = deps.graphCacheMs ?? 10_000;
  const timeoutMs = deps.graphTimeoutMs ?? 1_000;
  const scope = deps.scope ?? '';
  const registry = new Registry();
  const registers = [registry];
  if (deps.processMetrics ?? true) collectDefaultMetrics({ register: registry });

  const graphql = {
    requestSeconds: new Histogram({
      name: 'hubgraph_graphql_request_duration_seconds',
      help: 'GraphQL requests: seconds from start to response, per question (top-level field; "multiple" when several, "other" when unknown)',
      labelNames: ['question'] as const,
      buckets: REQUEST_BUCKETS,
      registers,
    }),
    errors: new Counter({
      name: 'hubgraph_graphql_errors_total',
      help: 'Errors in GraphQL responses, per question and extensions.code',
      labelNames: ['question', 'code'] as const,
      registers,
    }),
  };

  const neo4j = {
    sessionsInUse: new Gauge({
      name: 'hubgraph_neo4j_sessions_in_use',
      help: 'Neo4j calls in flight from requests: each holds a pooled connection or waits for one',
      registers,
    }),
    callSeconds: new Histogram({
      name: 'hubgraph_neo4j_call_duration_seconds',
      help: 'Neo4j calls from requests: seconds waiting for a connection plus running, per kind and transaction name',
      labelNames: ['kind', 'op'] as const,
      buckets: NEO4J_BUCKETS,
      registers,
    }),
    acquireSeconds: new Histogram({
      name: 'hubgraph_neo4j_acquire_seconds',
      help: 'Neo4j transaction functions (readTx, writeTx): seconds before the work first ran (waiting for a pooled connection, then BEGIN)',
      labelNames: ['kind'] as const,
      buckets: NEO4J_BUCKETS,
      registers,
    }),
    errors: new Counter({
      name: 'hubgraph_neo4j_errors_total',
      help: 'Failed Neo4j calls from requests, per kind and error code (catalogue code, or Neo4j status code)',
      labelNames: ['kind', 'code'] as const,
      registers,
    }),
  };

  const stored = {
    refreshDelaySeconds: new Histogram({
      name: 'hubgraph_stored_refresh_delay_seconds',
      help: "Stored lists refreshed just behind a write: seconds from the first write that changed the owner's inputs to its list stored (outcome stored) or left (outcome skipped: none to refresh, or a later write)",
      labelNames: ['question', 'outcome'] as const,
      buckets: REFRESH_DELAY_BUCKETS,
      registers,
    }),
  };

  // --- What the graph holds, read at scrape time -------------------------------------------------
  let cached: { at: number; snapshot: GraphSnapshot } | null = null;
  let inflight: Promise<GraphSnapshot> | null = null;
  let wasUp = true;

  async function readGraph(): Promise<GraphSnapshot> {
    const o = (op: string) => ({ op: `metrics.${op}`, timeoutMs: GRAPH_QUERY_TIMEOUT_MS });
    const [jobs, stored] = await Promise.all([
      db.read<IngestJobRow>(loadCypher('stats/ingest-jobs'), { scope }, o('ingestJobs')),
      db.read<StoredAnswersRow>(loadCypher('stats/stored-answers'), { scope }, o('storedAnswers')),
    ]);
    return { up: true, jobs, stored };
  }

  /** One read at a time: a scrape that gave up on a slow read joins it rather than starting another. */
  function refresh(): Promise<GraphSnapshot> {
    inflight ??= readGraph()
      .catch((error: unknown) => {
        if (wasUp) log.warn({ err: error }, 'metrics: cannot read the graph; hubgraph_neo4j_up is 0');
        return DOWN;
      })
      .then((snapshot) => {
        if (snapshot.up && !wasUp) log.info('metrics: the graph answers again');
        wasUp = snapshot.up;
        cached = { at: now(), snapshot };
        inflight = null;
        return snapshot;
      });
    return inflight;
  }

  // The graph gauges below live on the registry only: each asks for the snapshot when collected, and
  // prom-client collects them all at once, so a scrape makes one read (none while the last is fresh).
  function snapshot(): Promise<GraphSnapshot> {
    if (cached && now() - cached.at < cacheMs) return Promise.resolve(cached.snapshot);
    // A slow read is not an outage (the stored-answers scan takes seconds on a busy demo): the last
    // snapshot's series meanwhile, and `up` from the Db's outage guard, which knows.
    return within(timeoutMs, refresh()).catch(() => (db.outage() === null ? (cached?.snapshot ?? { ...DOWN, up: true }) : DOWN));
  }

  new Gauge({
    name: 'hubgraph_neo4j_up',
    help: '1 while Neo4j answers; 0 when the graph read failed, or did not answer in time while Neo4j is unreachable',
    registers,
    async collect() {
      this.set((await snapshot()).up ? 1 : 0);
    },
  });

  new Gauge({
    name: 'hubgraph_ingest_rows',
    help: "Rows of each ingest job's last finished run, per step and outcome (loaded; rejected: quarantined; skipped: committed by an interrupted earlier run)",
    labelNames: ['job', 'step', 'outcome'] as const,
    registers,
    async collect() {
      const { jobs } = await snapshot();
      this.reset();
      for (const job of jobs) {
        for (const [step, rows] of ingestRows(job)) {
          for (const outcome of INGEST_OUTCOMES) this.set({ job: job.job, step, outcome }, rows[outcome]);
        }
      }
    },
  });

  new Gauge({
    name: 'hubgraph_ingest_last_finished_timestamp_seconds',
    help: "When each ingest job's last run finished (Unix time)",
    labelNames: ['job'] as const,
    registers,
    async collect() {
      const { jobs } = await snapshot();
      this.reset();
      for (const job of jobs) if (job.finishedAtMs !== null) this.set({ job: job.job }, job.finishedAtMs / 1000);
    },
  });

  new Gauge({
    name: 'hubgraph_ingest_last_duration_seconds',
    help: "How long each ingest job's last finished run took",
    labelNames: ['job'] as const,
    registers,
    async collect() {
      const { jobs } = await snapshot();
      this.reset();
      for (const job of jobs) if (job.seconds !== null) this.set({ job: job.job }, job.seconds);
    },
  });

  new Gauge({
    name: 'hubgraph_stored_answers',
    help: 'Stored (precomputed) answers per question; the nodes without one are answered live',
    labelNames: ['question'] as const,
    registers,
    async collect() {
      const { stored } = await snapshot();
      this.reset();
      for (const row of stored) this.set({ question: row.question }, row.lists);
    },
  });

  new Gauge({
    name: 'hubgraph_stored_answer_age_seconds',
    help: 'Age of the oldest and of the newest stored answer per question, at scrape time',
    labelNames: ['question', 'which'] as const,
    registers,
    async collect() {
      const { stored } = await snapshot();
      this.reset();
      // Ages from the stamps at each scrape: a cached read still gives the age now.
      const t = now();
      for (const row of stored) {
        for (const [which, stamp] of [
          ['oldest', row.oldest],
          ['newest', row.newest],
        ] as const) {
          const at = stamp === null ? Number.NaN : Date.parse(stamp);
          if (Number.isFinite(at)) this.set({ question: row.question, which }, Math.max(0, (t - at) / 1000));
        }
      }
    },
  });

  async function scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: registry.contentType, body: await registry.metrics() };
  }

  return {
    registry,
    graphql,
    neo4j,
    stored,
    scrape,
    async handleMetrics(req, res) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
        res.end('GET /metrics\n');
        return;
      }
      try {
        const { contentType, body } = await scrape();
        res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : body);
      } catch (error) {
        log.error({ err: error }, 'metrics: scrape failed');
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('metrics scrape failed\n');
      }
    },
  };
}
