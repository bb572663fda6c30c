/**
 * The plain-HTTP baseline of bench:api, run as its own process like `hubgraph serve`: each
 * question's domain function behind node:http with JSON in and out, no GraphQL. Set beside the
 * GraphQL server and the in-process driver, it splits GraphQL's overhead from the HTTP hop's.
 *
 * POST /<question> with {"id": "..."} answers the domain function's result as JSON (500 with the
 * message on an error). It is set up as the server is: NODE_ENV=production, the same Db with the
 * request timeout, the driver's per-query stack captures formatted unmapped (src/cli/start.ts).
 * Prints `READY <url>` once listening. Configuration comes from the environment (NEO4J_URI, …).
 */
import http from 'node:http';
import { formatDriverCapturesUnmapped } from '../src/cli/start.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { createDb, withDefaults } from '../src/neo4j/db.js';
import { QUESTIONS } from './api-questions.js';

formatDriverCapturesUnmapped();
const config = loadConfig();
const log = createLogger({ level: 'warn' });
const base = createDb({ connection: config.neo4j, log });
const db = withDefaults(base, { timeoutMs: config.server.txTimeoutMs });
const byPath = new Map(QUESTIONS.map((q) => [`/${q.name}`, q]));

const server = http.createServer((req, res) => {
  const question = byPath.get(req.url ?? '');
  if (req.method !== 'POST' || !question) {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    void (async () => {
      try {
        const { id } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: string };
        const body = JSON.stringify(await question.driver(db, config, id));
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
      } catch (error) {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(error instanceof Error ? error.message : String(error));
      }
    })();
  });
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  process.stdout.write(`READY http://127.0.0.1:${port}\n`);
});

const stop = () => {
  server.close();
  void base.close().finally(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
