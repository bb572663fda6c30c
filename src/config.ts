/**
 * The one place that reads process.env. Every setting is declared here with its default and
 * documentation (the configuration table in docs/configuration.md is this list), validated once at start-up; a bad
 * value stops the program with one line naming the variable.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ErrorCodes, HubgraphError } from './errors.js';

/** The repository root (this file lives in src/). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The demo corpus shipped with the project (data/demo/PROVENANCE.md says where each file comes from). */
export const DEMO_DATA_DIR = path.join(PROJECT_ROOT, 'data', 'demo');

const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().positive();
/** A non-negative scoring weight. */
const weight = z.coerce.number().min(0);
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * Each entry: the environment variable, its schema (with default) and what it does.
 * `doc` feeds the table in docs/configuration.md; keep them short.
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
  HUBGRAPH_NEO4J_PLUGINS_DIR: {
    schema: z.string().min(1).optional(),
    doc: 'Plugin directory of the local Neo4j (its jars go on the class path; `apoc.*` and `gds.*` are allowed). Unset: `neo4j/target/plugins-gds` (APOC + Graph Data Science) once `hubgraph analytics gds-install` has resolved it, else `neo4j/target/plugins` (APOC). Read at each start; a start with GDS waits at least 300 s (HUBGRAPH_NEO4J_START_TIMEOUT).',
  },
  HOST: { schema: z.string().min(1).default('127.0.0.1'), doc: 'Address the GraphQL server listens on.' },
  PORT: { schema: port.default(4000), doc: 'Port of the GraphQL server.' },
  LOG_LEVEL: {
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    doc: 'Log level (logs go to stderr: pretty on a TTY, JSON lines otherwise).',
  },
  LOG_PRETTY: { schema: bool.optional(), doc: 'Force pretty (true) or JSON (false) logs; default: pretty on a TTY.' },
  HUBGRAPH_DATA_DIR: {
    schema: z.string().min(1).optional(),
    doc: 'Directory with the demo corpus (the layout of data/demo). Default: data/demo, which ships with the project.',
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
  HUBGRAPH_WARM_UP: {
    schema: bool.default(true),
    doc: '`serve` and `start` ask every example question once after they start listening (src/graphql/warmUp.ts), and `/ready` answers 503 until that is done: the first requests of the 17 example questions after a Neo4j start took 4.8 s cold and 0.5 s warmed up (demo corpus, `npm run bench:cold-start`). `false` skips it.',
  },
  HUBGRAPH_TX_TIMEOUT_MS: {
    schema: positiveInt.default(15_000),
    doc: 'Timeout of every Neo4j transaction an API request runs (ms): one query, or all the queries of a question that runs them in one transaction (recommendedCreators). Past it Neo4j stops the transaction and the client gets QUERY_TIMEOUT.',
  },
  // Query limits (src/graphql/plugins/limits.ts): a refused query is HTTP 400, code BAD_USER_INPUT, and never runs.
  HUBGRAPH_MAX_QUERY_LENGTH: { schema: positiveInt.default(20_000), doc: 'Longest GraphQL query text, in characters (checked before parsing; pass long values as variables).' },
  HUBGRAPH_MAX_TOKENS: { schema: positiveInt.default(2_000), doc: 'Most lexical tokens in a query (names, punctuation, values; checked before parsing).' },
  HUBGRAPH_MAX_DEPTH: { schema: positiveInt.default(10), doc: 'Deepest field nesting of an operation (`{ a { b } }` is 2; a fragment spread counts one level).' },
  HUBGRAPH_MAX_ALIASES: { schema: positiveInt.default(30), doc: 'Most aliased fields in an operation.' },
  HUBGRAPH_MAX_DIRECTIVES: { schema: positiveInt.default(50), doc: 'Most directives (`@include`, `@skip`, …) in an operation.' },
  HUBGRAPH_MAX_COST: {
    schema: positiveInt.default(15_000),
    doc: 'Highest operation cost: each field costs 1, times the `first`/`limit` of the list it is in (HUBGRAPH_COST_LIST_SIZE for a list without one). Room for the largest `subgraph` (12,003 with every field).',
  },
  HUBGRAPH_COST_LIST_SIZE: { schema: positiveInt.default(10), doc: 'Items the cost assumes for a list field with no `first`/`limit` (tags, reasons’ `via`, …).' },
  HUBGRAPH_MAX_FIRST: {
    schema: positiveInt.default(2_000),
    doc: 'Largest `first` or `limit` argument anywhere in an operation (a backstop: each field’s own range, e.g. 1–100, still applies).',
  },
  // API access (src/graphql/plugins/auth.ts).
  HUBGRAPH_API_KEY: {
    schema: z.string().min(16, 'must have at least 16 characters').optional(),
    doc: 'API key clients send as `Authorization: Bearer <key>`. Mutations need it. Unset: `hubgraph start` creates one (kept in .neo4j/api-key, printed at start); `hubgraph serve` refuses mutations (UNAUTHENTICATED).',
  },
  HUBGRAPH_REQUIRE_KEY_FOR_READS: { schema: bool.default(false), doc: 'Require the API key for queries too (needs HUBGRAPH_API_KEY).' },
  // similarModels: PathSim meta-path weights and candidate bounds (src/domain/similarModels.ts).
  HUBGRAPH_SIMILAR_W_TAG: { schema: weight.default(1), doc: 'similarModels: weight of the Model–Tag–Model PathSim.' },
  HUBGRAPH_SIMILAR_W_TASK: { schema: weight.default(0.125), doc: 'similarModels: weight of Model–Task–Model (one task is shared by thousands: coarse).' },
  HUBGRAPH_SIMILAR_W_PAPER: { schema: weight.default(2), doc: 'similarModels: weight of Model–Paper–Model (a shared paper is specific).' },
  HUBGRAPH_SIMILAR_W_DATASET: { schema: weight.default(1.5), doc: 'similarModels: weight of Model–Dataset–Model.' },
  HUBGRAPH_SIMILAR_W_LIBRARY: { schema: weight.default(0.0625), doc: 'similarModels: weight of Model–Library–Model (coarse).' },
  HUBGRAPH_SIMILAR_W_LINEAGE: { schema: weight.default(2), doc: 'similarModels: weight of lineage (shared base model, or parent/child).' },
  HUBGRAPH_SIMILAR_MAX_SHARED_DEGREE: {
    schema: positiveInt.default(1000),
    doc: 'similarModels: shared nodes with more models than this (e.g. `region:us`) are hubs: not expanded for candidates (still counted in scores).',
  },
  HUBGRAPH_SIMILAR_HUB_SAMPLE: { schema: positiveInt.max(1000).default(100), doc: 'similarModels: candidates taken from each hub node (its most-downloaded models).' },
  // feedCandidates (src/domain/feedCandidates.ts).
  HUBGRAPH_FEED_HALF_LIFE_DAYS: { schema: z.coerce.number().positive().default(180), doc: 'feedCandidates: freshness halves every this many days (age from createdAt, else lastModified).' },
  HUBGRAPH_FEED_W_DOWNLOADS: { schema: weight.default(1), doc: 'feedCandidates: popularity weight of ln(1 + downloads).' },
  HUBGRAPH_FEED_W_LIKES: { schema: weight.default(2), doc: 'feedCandidates: popularity weight of ln(1 + likes).' },
  HUBGRAPH_FEED_W_LIKED_CREATOR: { schema: weight.default(1), doc: 'feedCandidates: affinity weight of ln(1 + models of the creator you liked).' },
  HUBGRAPH_FEED_W_MUTUAL: { schema: weight.default(0.5), doc: 'feedCandidates: affinity bonus when the creator follows you back.' },
  HUBGRAPH_FEED_PER_SEED: { schema: positiveInt.max(100).default(5), doc: 'feedCandidates: most candidates taken from one seed (a followed creator, a topic, …).' },
  HUBGRAPH_FEED_TIER_SIZE: { schema: positiveInt.max(1000).default(100), doc: 'feedCandidates: most candidates per tier (the feed holds at most three tiers of this).' },
  HUBGRAPH_FEED_FALLBACK_BELOW: {
    schema: z.coerce.number().int().min(0).default(50),
    doc: 'feedCandidates: the fallback tier is added when the in- and out-of-network tiers hold fewer candidates than this.',
  },
  HUBGRAPH_COFOLLOW_MIN_WALK: {
    schema: z.coerce.number().int().min(1).default(2000),
    doc: 'commonlyFollowedWith / similarCreators: creators whose live walk (Σ of their followers’ follow counts) reaches this get a stored top-100 list, refreshed after each social ingest and by `hubgraph ingest derived`; the rest are answered live.',
  },
  HUBGRAPH_USER_LISTS_MIN_WALK: {
    schema: z.coerce.number().int().min(0).default(0),
    doc: 'popularAmongSimilarUsers, followOfFollow and secondDegree (and so recommendedCreators and the feed): users whose live walk (the rows their live query aggregates) reaches this get a stored top-100 list of each, refreshed after each social ingest and by `hubgraph ingest derived`; 0 stores one for every user with an answer. Measured on the demo: live costs 3–10 ms of Neo4j time even for a user following five creators, stored about 1. (recommendedCreators\' own stored blend is kept for every user who follows someone, whatever this is.)',
  },
  // search (src/domain/search.ts): score = w1·relevance + w2·ln(1+followers) + w3·ln(1+likes) + w4·ln(1+models).
  HUBGRAPH_SEARCH_W_RELEVANCE: { schema: weight.default(10), doc: 'search: weight of full-text relevance (normalised to 0–1 per index).' },
  HUBGRAPH_SEARCH_W_FOLLOWERS: { schema: weight.default(0.3), doc: 'search: weight of ln(1 + followers) of the creator.' },
  HUBGRAPH_SEARCH_W_LIKES: { schema: weight.default(0.3), doc: 'search: weight of ln(1 + likes) (the model’s, or all of a creator’s models).' },
  HUBGRAPH_SEARCH_W_MODELS: { schema: weight.default(0.2), doc: 'search: weight of ln(1 + models) the creator published.' },
  HUBGRAPH_SEARCH_W_DOWNLOADS: { schema: weight.default(0.5), doc: 'search: weight of ln(1 + downloads) (the model’s, or all of a creator’s models).' },
  // analytics (src/analytics/): authority, communities, write-back.
  HUBGRAPH_ANALYTICS_ENGINE: {
    schema: z.enum(['graphology', 'gds']).default('graphology'),
    doc: 'analytics: `graphology` (in this process) or `gds` (Neo4j Graph Data Science, which must be installed in the Neo4j).',
  },
  HUBGRAPH_ANALYTICS_SEED: { schema: z.coerce.number().int().min(0).max(2147483647).default(42), doc: 'analytics: seed of Louvain’s random node order (same graph + seed → same communities).' },
  HUBGRAPH_ANALYTICS_DAMPING: { schema: z.coerce.number().gt(0).lt(1).default(0.85), doc: 'analytics: PageRank damping factor α.' },
  HUBGRAPH_ANALYTICS_RESOLUTION: { schema: z.coerce.number().positive().default(1), doc: 'analytics: Louvain resolution γ (above 1: more, smaller communities).' },
  HUBGRAPH_ANALYTICS_MAX_ITERATIONS: { schema: positiveInt.default(1000), doc: 'analytics: most PageRank / HITS iterations before failing with ANALYTICS_NOT_CONVERGED.' },
  HUBGRAPH_ANALYTICS_BATCH_SIZE: { schema: positiveInt.max(100_000).default(10_000), doc: 'analytics: rows per page when projecting from Neo4j and per UNWIND when writing back.' },
  HUBGRAPH_ANALYTICS_GC_GRACE_SECONDS: {
    schema: z.coerce.number().int().min(0).default(15),
    doc: 'analytics: after a run becomes current, wait this long before deleting the previous run’s communities (readers still on it finish).',
  },
  HUBGRAPH_ANALYTICS_MIN_COMMUNITY_SIZE: { schema: positiveInt.default(3), doc: 'analytics: smaller communities get no Community node (their members no communityId).' },
  HUBGRAPH_ANALYTICS_COFOLLOW_MIN_JACCARD: {
    schema: z.coerce.number().min(0).max(1).default(0.05),
    doc: 'analytics: co-follow graph keeps a creator pair when the Jaccard similarity of their follower sets reaches this.',
  },
  HUBGRAPH_ANALYTICS_COFOLLOW_MIN_COMMON: { schema: positiveInt.default(2), doc: 'analytics: … and they have at least this many followers in common.' },
  HUBGRAPH_ANALYTICS_COFOLLOW_MAX_FOLLOWING: {
    schema: positiveInt.default(1000),
    doc: 'analytics: followers who follow more creators than this are left out of co-follow counts.',
  },
  HUBGRAPH_ANALYTICS_MODEL_MAX_SHARED: {
    schema: positiveInt.default(200),
    doc: 'analytics: model graph: a task/tag/library/dataset/paper on more models than this is a hub and links nothing.',
  },
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
  /** Plugin directory; undefined: derived at start (src/neo4j/local.ts, `pluginsDir`). */
  pluginsDir?: string | undefined;
}

export interface Config {
  /** Undefined: use the project's local Neo4j. */
  neo4jUri: string | undefined;
  neo4j: Neo4jConnectionConfig;
  local: LocalNeo4jConfig;
  server: { host: string; port: number; txTimeoutMs: number; warmUp: boolean };
  log: { level: string; pretty: boolean | undefined };
  dataDir: string | undefined;
  /** Query limits, enforced before execution (src/graphql/plugins/limits.ts). */
  limits: {
    maxQueryLength: number;
    maxTokens: number;
    maxDepth: number;
    maxAliases: number;
    maxDirectives: number;
    maxCost: number;
    costListSize: number;
    maxFirst: number;
  };
  /** API access: the key mutations need, and whether reads need it too. */
  api: { key: string | undefined; requireKeyForReads: boolean };
  /** Scoring settings of the recommendation and search questions (defaults in each domain module's DEFAULTS). */
  recommend: {
    similar: {
      weights: { TAG: number; TASK: number; PAPER: number; DATASET: number; LIBRARY: number; LINEAGE: number };
      maxSharedDegree: number;
      hubSample: number;
    };
    feed: {
      halfLifeDays: number;
      weights: { downloads: number; likes: number; likedCreator: number; mutual: number };
      perSeed: number;
      tierSize: number;
      fallbackBelow: number;
    };
    search: { weights: { relevance: number; followers: number; likes: number; models: number; downloads: number } };
  };
  /** Analytics (src/analytics/): defaults of `hubgraph analytics run`. */
  analytics: {
    engine: 'graphology' | 'gds';
    seed: number;
    damping: number;
    resolution: number;
    maxIterations: number;
    batchSize: number;
    minCommunitySize: number;
    gcGraceSeconds: number;
    coFollow: { minJaccard: number; minCommon: number; maxFollowing: number };
    modelMaxShared: number;
    /** Only nodes whose id starts with this ('' = the whole graph, always so from the environment; tests set their prefix). */
    scope: string;
  };
  ingest: {
    batchSize: number;
    quarantineDir: string;
    checkpointDir: string;
    reportsDir: string;
    arxivCacheDir: string;
    hub: { baseUrl: string; token: string | undefined; requestsPerMinute: number };
    /** Walk from which a creator's commonly-followed-with list is stored (src/domain/commonlyFollowedWith.ts). */
    coFollowMinWalk: number;
    /** Walk from which a user's popularAmongSimilarUsers and followOfFollow lists are stored (src/analytics/). */
    userListsMinWalk: number;
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
      hint: 'see the configuration table in docs/configuration.md',
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
    pluginsDir: e.HUBGRAPH_NEO4J_PLUGINS_DIR ? fromRoot(e.HUBGRAPH_NEO4J_PLUGINS_DIR) : undefined,
  };
  if (local.boltPort === local.httpPort) {
    throw new HubgraphError(
      ErrorCodes.CONFIG_INVALID,
      `Invalid configuration: HUBGRAPH_NEO4J_BOLT_PORT and HUBGRAPH_NEO4J_HTTP_PORT are both ${local.boltPort}`,
    );
  }
  if (e.HUBGRAPH_REQUIRE_KEY_FOR_READS && !e.HUBGRAPH_API_KEY) {
    throw new HubgraphError(
      ErrorCodes.CONFIG_INVALID,
      'Invalid configuration: HUBGRAPH_REQUIRE_KEY_FOR_READS is true but HUBGRAPH_API_KEY is not set',
    );
  }
  return {
    neo4jUri: e.NEO4J_URI,
    neo4j: {
      uri: e.NEO4J_URI ?? `bolt://127.0.0.1:${local.boltPort}`,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
    },
    local,
    server: { host: e.HOST, port: e.PORT, txTimeoutMs: e.HUBGRAPH_TX_TIMEOUT_MS, warmUp: e.HUBGRAPH_WARM_UP },
    log: { level: e.LOG_LEVEL, pretty: e.LOG_PRETTY },
    dataDir: e.HUBGRAPH_DATA_DIR ? fromRoot(e.HUBGRAPH_DATA_DIR) : DEMO_DATA_DIR,
    limits: {
      maxQueryLength: e.HUBGRAPH_MAX_QUERY_LENGTH,
      maxTokens: e.HUBGRAPH_MAX_TOKENS,
      maxDepth: e.HUBGRAPH_MAX_DEPTH,
      maxAliases: e.HUBGRAPH_MAX_ALIASES,
      maxDirectives: e.HUBGRAPH_MAX_DIRECTIVES,
      maxCost: e.HUBGRAPH_MAX_COST,
      costListSize: e.HUBGRAPH_COST_LIST_SIZE,
      maxFirst: e.HUBGRAPH_MAX_FIRST,
    },
    api: { key: e.HUBGRAPH_API_KEY, requireKeyForReads: e.HUBGRAPH_REQUIRE_KEY_FOR_READS },
    recommend: {
      similar: {
        weights: {
          TAG: e.HUBGRAPH_SIMILAR_W_TAG,
          TASK: e.HUBGRAPH_SIMILAR_W_TASK,
          PAPER: e.HUBGRAPH_SIMILAR_W_PAPER,
          DATASET: e.HUBGRAPH_SIMILAR_W_DATASET,
          LIBRARY: e.HUBGRAPH_SIMILAR_W_LIBRARY,
          LINEAGE: e.HUBGRAPH_SIMILAR_W_LINEAGE,
        },
        maxSharedDegree: e.HUBGRAPH_SIMILAR_MAX_SHARED_DEGREE,
        hubSample: e.HUBGRAPH_SIMILAR_HUB_SAMPLE,
      },
      feed: {
        halfLifeDays: e.HUBGRAPH_FEED_HALF_LIFE_DAYS,
        weights: {
          downloads: e.HUBGRAPH_FEED_W_DOWNLOADS,
          likes: e.HUBGRAPH_FEED_W_LIKES,
          likedCreator: e.HUBGRAPH_FEED_W_LIKED_CREATOR,
          mutual: e.HUBGRAPH_FEED_W_MUTUAL,
        },
        perSeed: e.HUBGRAPH_FEED_PER_SEED,
        tierSize: e.HUBGRAPH_FEED_TIER_SIZE,
        fallbackBelow: e.HUBGRAPH_FEED_FALLBACK_BELOW,
      },
      search: {
        weights: {
          relevance: e.HUBGRAPH_SEARCH_W_RELEVANCE,
          followers: e.HUBGRAPH_SEARCH_W_FOLLOWERS,
          likes: e.HUBGRAPH_SEARCH_W_LIKES,
          models: e.HUBGRAPH_SEARCH_W_MODELS,
          downloads: e.HUBGRAPH_SEARCH_W_DOWNLOADS,
        },
      },
    },
    analytics: {
      engine: e.HUBGRAPH_ANALYTICS_ENGINE,
      seed: e.HUBGRAPH_ANALYTICS_SEED,
      damping: e.HUBGRAPH_ANALYTICS_DAMPING,
      resolution: e.HUBGRAPH_ANALYTICS_RESOLUTION,
      maxIterations: e.HUBGRAPH_ANALYTICS_MAX_ITERATIONS,
      batchSize: e.HUBGRAPH_ANALYTICS_BATCH_SIZE,
      minCommunitySize: e.HUBGRAPH_ANALYTICS_MIN_COMMUNITY_SIZE,
      gcGraceSeconds: e.HUBGRAPH_ANALYTICS_GC_GRACE_SECONDS,
      coFollow: {
        minJaccard: e.HUBGRAPH_ANALYTICS_COFOLLOW_MIN_JACCARD,
        minCommon: e.HUBGRAPH_ANALYTICS_COFOLLOW_MIN_COMMON,
        maxFollowing: e.HUBGRAPH_ANALYTICS_COFOLLOW_MAX_FOLLOWING,
      },
      modelMaxShared: e.HUBGRAPH_ANALYTICS_MODEL_MAX_SHARED,
      scope: '',
    },
    ingest: {
      batchSize: e.HUBGRAPH_BATCH_SIZE,
      quarantineDir: fromRoot(e.HUBGRAPH_QUARANTINE_DIR),
      checkpointDir: fromRoot(e.HUBGRAPH_CHECKPOINT_DIR),
      reportsDir: fromRoot(e.HUBGRAPH_REPORTS_DIR),
      arxivCacheDir: fromRoot(e.HUBGRAPH_ARXIV_CACHE_DIR),
      hub: { baseUrl: e.HUBGRAPH_HUB_URL, token: e.HF_TOKEN, requestsPerMinute: e.HUBGRAPH_HUB_RPM },
      coFollowMinWalk: e.HUBGRAPH_COFOLLOW_MIN_WALK,
      userListsMinWalk: e.HUBGRAPH_USER_LISTS_MIN_WALK,
    },
  };
}

/** The configuration table (a unit test keeps docs/configuration.md in step with this). */
export function renderConfigMarkdown(): string {
  const rows = ['| variable | default | what it does |', '|---|---|---|'];
  for (const [name, setting] of Object.entries(SETTINGS)) {
    const parsed = (setting.schema as z.ZodType).safeParse(undefined);
    const value: unknown = parsed.success ? parsed.data : undefined;
    // Every default is a string, a number or a boolean.
    const def = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? `\`${String(value)}\`` : '—';
    rows.push(`| \`${name}\` | ${def} | ${setting.doc} |`);
  }
  return rows.join('\n');
}
