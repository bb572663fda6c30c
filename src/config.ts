/**
 * The one place that reads process.env. Every setting is declared here with its default and
 * documentation (the README's configuration table is this list), validated once at start-up; a bad
 * value stops the program with one line naming the variable.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ErrorCodes, HubgraphError } from './errors.js';

/** The repository root (this file lives in src/). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().positive();
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * Each entry: the environment variable, its schema (with default) and what it does.
 * `doc` feeds the README table; keep them short.
 */
export const SETTINGS = {
  NEO4J_URI: {
    schema: z
      .string()
      .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^\s]+$/, 'must look like neo4j://host:7687 or bolt://host:7687')
      .optional(),
    doc: 'Neo4j to use. Unset: hubgraph starts and uses its own local Neo4j. `neo4j://` (routing: clusters, Aura) or `bolt://` (direct).',
  },
  NEO4J_USER: { schema: z.string().min(1).default('neo4j'), doc: 'Neo4j user.' },
  NEO4J_PASSWORD: {
    schema: z.string().min(8, 'must have at least 8 characters (Neo4j refuses shorter)').default('hubgraph-local'),
    doc: 'Neo4j password. The local Neo4j is created with it on its first start (default `hubgraph-local`, for local use only).',
  },
  NEO4J_DATABASE: { schema: z.string().min(1).default('neo4j'), doc: 'Neo4j database name.' },
  HUBGRAPH_NEO4J_DIR: {
    schema: z.string().min(1).default('.neo4j'),
    doc: 'Home of the local Neo4j (config, data, logs, pid); relative paths are from the repository root. Git-ignored.',
  },
  HUBGRAPH_NEO4J_BOLT_PORT: { schema: port.default(7687), doc: 'Bolt port of the local Neo4j.' },
  HUBGRAPH_NEO4J_HTTP_PORT: { schema: port.default(7474), doc: 'HTTP port of the local Neo4j (Neo4j Browser).' },
  HUBGRAPH_NEO4J_HEAP: { schema: z.string().regex(/^\d+[mg]$/).default('1g'), doc: 'JVM heap of the local Neo4j (e.g. 1g, 2g).' },
  HUBGRAPH_NEO4J_PAGECACHE: { schema: z.string().regex(/^\d+[mg]$/).default('512m'), doc: 'Page cache of the local Neo4j.' },
  HUBGRAPH_NEO4J_START_TIMEOUT: { schema: positiveInt.default(120), doc: 'Seconds to wait for the local Neo4j to answer on Bolt.' },
  HOST: { schema: z.string().min(1).default('127.0.0.1'), doc: 'Address the GraphQL server listens on.' },
  PORT: { schema: port.default(4000), doc: 'Port of the GraphQL server.' },
  LOG_LEVEL: {
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    doc: 'Log level (logs go to stderr: pretty on a TTY, JSON lines otherwise).',
  },
  LOG_PRETTY: { schema: bool.optional(), doc: 'Force pretty (true) or JSON (false) logs; default: pretty on a TTY.' },
  HUBGRAPH_DATA_DIR: {
    schema: z.string().min(1).optional(),
    doc: 'Directory with the demo corpus (shared/data layout). Default: ../shared/data when it exists.',
  },
  HUBGRAPH_BATCH_SIZE: { schema: positiveInt.max(100_000).default(2000), doc: 'Rows per write transaction in ingest jobs.' },
  HUBGRAPH_QUARANTINE_DIR: {
    schema: z.string().min(1).default('quarantine'),
    doc: 'Where ingest jobs write rejected rows (NDJSON, one file per job run).',
  },
  HUBGRAPH_CHECKPOINT_DIR: {
    schema: z.string().min(1).default('.cache/checkpoints'),
    doc: 'Where ingest jobs record their progress so a killed run resumes (deleted when a job finishes).',
  },
  HUBGRAPH_REPORTS_DIR: { schema: z.string().min(1).default('reports'), doc: 'Where job summaries (JSON) and reports are written.' },
  HUBGRAPH_ARXIV_CACHE_DIR: { schema: z.string().min(1).default('.cache/arxiv'), doc: 'On-disk cache of arXiv API responses.' },
  HF_TOKEN: { schema: z.string().min(1).optional(), doc: 'Hugging Face token for live Hub crawls (optional; raises rate limits, reaches gated metadata).' },
  HUBGRAPH_HUB_URL: { schema: z.string().url().default('https://huggingface.co'), doc: 'Base URL of the Hugging Face Hub API.' },
  HUBGRAPH_HUB_RPM: { schema: positiveInt.default(100), doc: 'Requests per minute to the Hub (live crawls).' },
  HUBGRAPH_TX_TIMEOUT_MS: { schema: positiveInt.default(15_000), doc: 'Per-request transaction timeout for API queries (ms).' },
} as const;

type Settings = typeof SETTINGS;
export type RawConfig = { [K in keyof Settings]: z.output<Settings[K]['schema']> };

export interface Neo4jConnectionConfig {
  uri: string;
  user: string;
  password: string;
  database: string;
}

export interface LocalNeo4jConfig {
  home: string;
  boltPort: number;
  httpPort: number;
  heap: string;
  pagecache: string;
  password: string;
  startTimeoutSeconds: number;
}

export interface Config {
  /** Undefined: use the project's local Neo4j. */
  neo4jUri: string | undefined;
  neo4j: Neo4jConnectionConfig;
  local: LocalNeo4jConfig;
  server: { host: string; port: number; txTimeoutMs: number };
  log: { level: string; pretty: boolean | undefined };
  dataDir: string | undefined;
  ingest: {
    batchSize: number;
    quarantineDir: string;
    checkpointDir: string;
    reportsDir: string;
    arxivCacheDir: string;
    hub: { baseUrl: string; token: string | undefined; requestsPerMinute: number };
  };
}

const envSchema = z.object(
  Object.fromEntries(Object.entries(SETTINGS).map(([k, v]) => [k, v.schema])) as {
    [K in keyof Settings]: Settings[K]['schema'];
  },
);

function fromRoot(p: string): string {
  return path.isAbsolute(p) ? p : path.resolve(PROJECT_ROOT, p);
}

/** Reads and validates the environment. Throws CONFIG_INVALID naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as unset, as most shells and .env files mean them.
  const cleaned = Object.fromEntries(
    Object.keys(SETTINGS).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('; ');
    throw new HubgraphError(ErrorCodes.CONFIG_INVALID, `Invalid configuration: ${problems}`, {
      hint: 'see the configuration table in README.md',
    });
  }
  const e = parsed.data as RawConfig;
  const local: LocalNeo4jConfig = {
    home: fromRoot(e.HUBGRAPH_NEO4J_DIR),
    boltPort: e.HUBGRAPH_NEO4J_BOLT_PORT,
    httpPort: e.HUBGRAPH_NEO4J_HTTP_PORT,
    heap: e.HUBGRAPH_NEO4J_HEAP,
    pagecache: e.HUBGRAPH_NEO4J_PAGECACHE,
    password: e.NEO4J_PASSWORD,
    startTimeoutSeconds: e.HUBGRAPH_NEO4J_START_TIMEOUT,
  };
  if (local.boltPort === local.httpPort) {
    throw new HubgraphError(
      ErrorCodes.CONFIG_INVALID,
      `Invalid configuration: HUBGRAPH_NEO4J_BOLT_PORT and HUBGRAPH_NEO4J_HTTP_PORT are both ${local.boltPort}`,
    );
  }
  const defaultDataDir = path.resolve(PROJECT_ROOT, '..', 'shared', 'data');
  return {
    neo4jUri: e.NEO4J_URI,
    neo4j: {
      uri: e.NEO4J_URI ?? `bolt://127.0.0.1:${local.boltPort}`,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
    },
    local,
    server: { host: e.HOST, port: e.PORT, txTimeoutMs: e.HUBGRAPH_TX_TIMEOUT_MS },
    log: { level: e.LOG_LEVEL, pretty: e.LOG_PRETTY },
    dataDir: e.HUBGRAPH_DATA_DIR ? fromRoot(e.HUBGRAPH_DATA_DIR) : existsSync(defaultDataDir) ? defaultDataDir : undefined,
    ingest: {
      batchSize: e.HUBGRAPH_BATCH_SIZE,
      quarantineDir: fromRoot(e.HUBGRAPH_QUARANTINE_DIR),
      checkpointDir: fromRoot(e.HUBGRAPH_CHECKPOINT_DIR),
      reportsDir: fromRoot(e.HUBGRAPH_REPORTS_DIR),
      arxivCacheDir: fromRoot(e.HUBGRAPH_ARXIV_CACHE_DIR),
      hub: { baseUrl: e.HUBGRAPH_HUB_URL, token: e.HF_TOKEN, requestsPerMinute: e.HUBGRAPH_HUB_RPM },
    },
  };
}

/** The README's configuration table (a unit test keeps README.md in step with this). */
export function renderConfigMarkdown(): string {
  const rows = ['| variable | default | what it does |', '|---|---|---|'];
  for (const [name, setting] of Object.entries(SETTINGS)) {
    const parsed = (setting.schema as z.ZodType).safeParse(undefined);
    const def = parsed.success && parsed.data !== undefined ? `\`${String(parsed.data)}\`` : '—';
    rows.push(`| \`${name}\` | ${def} | ${setting.doc} |`);
  }
  return rows.join('\n');
}
