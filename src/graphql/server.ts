/**
 * The HTTP side: Apollo Server on Node's own http server (no framework: the integration is
 * Apollo's documented `executeHTTPGraphQLRequest`). Routes: /graphql, /health (process is up),
 * /ready (Neo4j answers, decided within a second), /metrics (Prometheus). Request bodies are capped before parsing. `stop()` drains Apollo, closes
 * the listener and leaves the Db to its owner.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ErrorCodes, HubgraphError } from '../errors.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { createMetrics, type Metrics } from '../metrics.js';
import { withDefaults, type Db } from '../neo4j/db.js';
import { observeDb } from '../neo4j/observed.js';
import { StoredRefresher } from '../stored/refresher.js';
import { createContext, type GraphQLContext } from './context.js';
import { createFormatError } from './errors.js';
import { apiKeyPlugin } from './plugins/auth.js';
import { parseJsonBody } from './plugins/bigIntegers.js';
import { landingPagePlugin } from './plugins/landingPage.js';
import { queryLimits } from './plugins/limits.js';
import { metricsPlugin } from './plugins/metrics.js';
import { resolvers } from './resolvers/index.js';
import { loadTypeDefs } from './schema.js';
import type { warmUp as WarmUp, WarmUpResult } from './warmUp.js';

export interface ServerDeps {
  config: Config;
  db: Db;
  log: Logger;
  /** Max request body in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /**
   * Run after the server listens; `/ready` answers 503 until it is over. `hubgraph serve` and
   * `start` pass ./warmUp.ts unless HUBGRAPH_WARM_UP is false; none by default.
   */
  warmUp?: typeof WarmUp;
  /** Where requests and their Neo4j calls are counted, and what GET /metrics serves (startServer makes one by default). */
  metrics?: Metrics;
}

export interface RunningServer {
  url: string;
  apollo: ApolloServer<GraphQLContext>;
  /** Settles when the warm-up is over (null: none configured); until then `/ready` answers 503. */
  warmedUp: Promise<WarmUpResult | null>;
  stop(): Promise<void>;
}

/**
 * Every GraphQL answer says `cache-control: no-store`, as Apollo's cache-control plugin said when it
 * was installed: the schema sets no cache hints, so that plugin only ever computed "uncacheable" —
 * through a hook on every resolved field (measured: that hook and the resolver wrapping it needs
 * were ~0.3 ms of CPU per 20-row commonlyFollowedWith answer, a third of the GraphQL layer). It is
 * disabled; this header stays.
 */
function noStorePlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ response }) {
          if (!response.http.headers.has('cache-control')) response.http.headers.set('cache-control', 'no-store');
          return Promise.resolve();
        },
      });
    },
  };
}

export function createApollo(deps: ServerDeps, httpServer?: http.Server): ApolloServer<GraphQLContext> {
  const limits = queryLimits(deps.config.limits, deps.log);
  return new ApolloServer<GraphQLContext>({
    typeDefs: loadTypeDefs(),
    resolvers,
    formatError: createFormatError(deps.log),
    // Both set here rather than left to Apollo's NODE_ENV defaults (bin/hubgraph.js runs `serve` and
    // `start` under NODE_ENV=production, where Apollo would turn introspection off): the schema is
    // public (the landing page links to Sandbox) and no answer carries a stack trace, in any mode.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // Our shutdown (src/cli/start.ts) stops Apollo, the driver and Neo4j in order; Apollo's own
    // signal handler would re-raise SIGINT and kill the process before Neo4j is stopped.
    stopOnTerminationSignals: false,
    // Compact JSON: Apollo's default indents every answer (JSON.stringify(value, null, 2)), which
    // doubled the bytes of a 20-row answer (followOfFollow 12.9 → 6.2 kB, a feed page 15.9 → 8.2 kB).
    stringifyResult: (value) => JSON.stringify(value),
    parseOptions: limits.parseOptions,
    validationRules: limits.validationRules,
    plugins: [
      limits.plugin,
      apiKeyPlugin(deps.config.api),
      landingPagePlugin(),
      ApolloServerPluginCacheControlDisabled(),
      noStorePlugin(),
      // After limits: it sees a refusal's final response.
      ...(deps.metrics ? [metricsPlugin(deps.metrics)] : []),
      ...(httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer })] : []),
    ],
  });
}

class BodyTooLarge extends Error {}

/** `/ready` answers within a second: a balancer's probe (often 1–3 s) must never time out. */
const READY_WITHIN_MS = 800;

function withinMs<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Neo4j did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      // Refuse before reading; what the client still sends is discarded, not buffered.
      req.resume();
      return reject(new BodyTooLarge());
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > limit) {
        refused = true;
        chunks.length = 0;
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** A failed listen as one line naming the setting to change. */
export function listenError(error: Error & { code?: string }, listen: { host: string; port: number }): Error {
  const at = `${listen.host}:${listen.port}`;
  switch (error.code) {
    case 'EADDRINUSE':
      return new HubgraphError(ErrorCodes.SERVER_LISTEN_FAILED, `Port ${listen.port} is already in use (${at})`, {
        hint: 'stop what uses it, or set PORT to a free port',
        cause: error,
      });
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EADDRNOTAVAIL':
      return new HubgraphError(ErrorCodes.SERVER_LISTEN_FAILED, `Cannot listen on ${at}: HOST is not an address of this machine`, {
        hint: 'set HOST to 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)',
        cause: error,
      });
    case 'EACCES':
      return new HubgraphError(ErrorCodes.SERVER_LISTEN_FAILED, `No permission to listen on ${at}`, {
        hint: 'ports below 1024 need privileges: set PORT to 1024 or above',
        cause: error,
      });
    default:
      return error;
  }
}

export async function startServer(deps: ServerDeps, listen: { host: string; port: number }): Promise<RunningServer> {
  const { db, log, config } = deps;
  const maxBody = deps.maxBodyBytes ?? 1024 * 1024;
  const httpServer = http.createServer();
  // Node closes a keep-alive connection after 5 s idle. Clients and proxies keep theirs longer, and a
  // request sent just as the server closes the connection fails with ECONNRESET (once in 33,000
  // bench:api requests). Idle connections stay open a minute; headers must still arrive after it.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const metrics = deps.metrics ?? createMetrics({ db, log });
  const apollo = createApollo({ ...deps, metrics }, httpServer);
  // Every query a request runs gets the transaction timeout (Neo4j stops it past that: QUERY_TIMEOUT).
  const requestDb = observeDb(withDefaults(db, { timeoutMs: config.server.txTimeoutMs }), metrics);
  // One per server: it coalesces the follows of a creator across requests (src/stored/refresher.ts).
  const refresher = new StoredRefresher(requestDb, log, {
    onRefreshed: (question, seconds, stored) => metrics.stored.refreshDelaySeconds.observe({ question, outcome: stored ? 'stored' : 'skipped' }, seconds),
  });
  const afterWrite = { log, refresher };
  const context = (): GraphQLContext => createContext({ db: requestDb, log, config, afterWrite });
  await apollo.start();
  let warm = deps.warmUp === undefined;

  httpServer.on('request', (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      try {
        if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
        if (url.pathname === '/ready') {
          // Served meanwhile, but cold: a balancer waiting for ready sends no traffic to a cold server.
          if (!warm) return sendJson(res, 503, { status: 'warming up', reason: 'asking every example question once (HUBGRAPH_WARM_UP)' });
          // A probe that times out is itself an outage: answer within a second whatever Neo4j does.
          const down = db.outage();
          if (down) return sendJson(res, 503, { status: 'not ready', reason: `Neo4j unreachable since ${down.since.toISOString()}: ${down.reason}` });
          try {
            await withinMs(READY_WITHIN_MS, db.read('RETURN 1 AS ok', {}, { op: 'ready', timeoutMs: READY_WITHIN_MS }));
            return sendJson(res, 200, { status: 'ready' });
          } catch (error) {
            return sendJson(res, 503, { status: 'not ready', reason: error instanceof Error ? error.message : String(error) });
          }
        }
        if (url.pathname === '/metrics') return await metrics.handleMetrics(req, res);
        if (url.pathname !== '/graphql') return sendJson(res, 404, { error: 'not found: the GraphQL endpoint is /graphql' });
        const headers = new HeaderMap();
        for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
        let body: unknown = undefined;
        if (req.method === 'POST') {
          const text = await readBody(req, maxBody);
          try {
            body = text.length > 0 ? parseJsonBody(text) : {};
          } catch {
            return sendJson(res, 400, { errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
          }
        }
        const result = await apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
          context: (): Promise<GraphQLContext & BaseContext> => Promise.resolve(context()),
        });
        for (const [k, v] of result.headers) res.setHeader(k, v);
        res.statusCode = result.status ?? 200;
        if (result.body.kind === 'complete') return res.end(result.body.string);
        for await (const chunk of result.body.asyncIterator) res.write(chunk);
        res.end();
      } catch (error) {
        if (error instanceof BodyTooLarge) {
          res.setHeader('connection', 'close');
          return sendJson(res, 413, { errors: [{ message: `Request body exceeds ${maxBody} bytes`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
        }
        log.error({ err: error }, 'request failed');
        if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error' }] });
        else res.end();
      }
    })();
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', (error) => reject(listenError(error, listen)));
    httpServer.listen(listen.port, listen.host, () => resolve());
  });
  const address = httpServer.address() as AddressInfo;
  const url = `http://${listen.host}:${address.port}/graphql`;
  // After listening: /health answers at once and clients are served during the warm-up.
  const stopping = new AbortController();
  const warmedUp: Promise<WarmUpResult | null> = deps.warmUp
    ? deps.warmUp(apollo, context, stopping.signal).then(
        (r) => {
          if (stopping.signal.aborted) log.info({ warmUp: r }, 'warm-up stopped: the server is stopping');
          else {
            // Errors are expected where the database lacks an example's kind of node (an empty one).
            const detail = r.errors > 0 ? ', each logged at debug level' : '';
            log.info({ warmUp: r }, `warm-up: ${r.operations} example operations in ${r.seconds.toFixed(1)} s (${r.errors} answered with errors${detail}); ready`);
          }
          return r;
        },
        (error: unknown) => {
          log.warn({ err: error }, 'warm-up failed; serving cold');
          return null;
        },
      )
    : Promise.resolve(null);
  void warmedUp.finally(() => (warm = true));
  return {
    url,
    apollo,
    warmedUp,
    async stop() {
      // A warm-up still running ends after its current question, before Apollo and the driver close.
      stopping.abort();
      await warmedUp;
      await apollo.stop();
      // After the requests (no follow queues more), before the driver closes.
      await refresher.close();
    },
  };
}
