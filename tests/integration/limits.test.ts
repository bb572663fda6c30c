/**
 * Query limits and the transaction timeout over real HTTP against the real Neo4j: each limit
 * refuses with HTTP 400, code BAD_USER_INPUT and a message naming the limit and the value found,
 * without a stack trace and without running anything; a normal query still answers; a query past
 * HUBGRAPH_TX_TIMEOUT_MS is stopped by Neo4j and answered with QUERY_TIMEOUT.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { HubgraphError } from '../../src/errors.js';
import { startServer, type RunningServer } from '../../src/graphql/server.js';
import { silentLogger } from '../../src/log.js';
import { withDefaults, type Db } from '../../src/neo4j/db.js';
import { cleanup, testDb, uniquePrefix } from './neo4j.js';

/** Cypher that takes seconds (no APOC needed): Neo4j checks the timeout while it runs. */
const SLOW_CYPHER = 'UNWIND range(1, 500000000) AS x WITH x WHERE x % 7 = 0 RETURN count(*) AS n';

interface GqlBody {
  data?: any;
  errors?: Array<{ message: string; extensions?: Record<string, unknown>; [k: string]: unknown }>;
}

async function post(server: RunningServer, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, body: (await res.json()) as GqlBody };
}

/** A refusal: 400, one error with code BAD_USER_INPUT and only that in extensions, no stack. */
function expectRefused(res: { status: number; body: GqlBody }, message: RegExp): void {
  expect(res.status).toBe(400);
  expect(res.body.data).toBeUndefined();
  expect(res.body.errors).toHaveLength(1);
  const error = res.body.errors![0]!;
  expect(error.message).toMatch(message);
  expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT' });
  expect(JSON.stringify(res.body)).not.toMatch(/stacktrace|\n\s+at |\.ts:\d+/);
}

/** `model { creator { models { edges { node { creator … } } } } }`, `levels` connections deep. */
function nestedModels(modelId: string, levels: number): string {
  let inner = 'id';
  for (let i = 0; i < levels; i++) inner = `creator { models(first: 2) { edges { node { id ${inner} } } } }`;
  return `{ model(id: ${JSON.stringify(modelId)}) { ${inner} } }`;
}

describe('query limits over HTTP', () => {
  let db: Db;
  let server: RunningServer;
  const p = uniquePrefix('limits');

  beforeAll(async () => {
    db = testDb();
    await db.write(
      `CREATE (c:Creator {id: $p + 'org', name: 'org', kind: 'organization', followers: 0})
       WITH c UNWIND range(1, 3) AS i
       CREATE (c)-[:CREATED]->(:Model {id: $p + 'org/m' + i, name: 'm' + i, downloads: i * 10, likes: i})`,
      { p },
    );
    server = await startServer({ config: loadConfig({}), db, log: silentLogger() }, { host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await server.stop();
    await cleanup(db, p);
    await db.close();
  });

  it('answers a normal query, nested connections included', async () => {
    const res = await post(server, nestedModels(`${p}org/m1`, 2));
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const edges = res.body.data.model.creator.models.edges;
    expect(edges.map((e: any) => e.node.id)).toEqual([`${p}org/m3`, `${p}org/m2`]);
    expect(edges[0].node.creator.models.edges).toHaveLength(2);
  });

  it('refuses a query nested past the depth limit', async () => {
    expectRefused(await post(server, nestedModels(`${p}org/m1`, 3)), /^Query depth limit of 10 exceeded, found 14\./);
  });

  it('refuses 500 aliases', async () => {
    const query = `{ health { ${Array.from({ length: 500 }, (_, i) => `a${i}: status`).join(' ')} } }`;
    expectRefused(await post(server, query), /^Aliases limit of 30 exceeded, found 500\./);
  });

  it('refuses first: 10000 anywhere, literal or variable, naming `first`', async () => {
    expectRefused(
      await post(server, `{ creator(id: "${p}org") { models(first: 10000) { totalCount } } }`),
      /^Argument limit of 2,000 for `first`\/`limit` exceeded, found first: 10000 on Creator\.models\./,
    );
    expectRefused(
      await post(server, 'query ($n: Int) { followOfFollow(userId: "x", first: $n) { score } }', { n: 10_000 }),
      /found first: 10000 on Query\.followOfFollow/,
    );
    expectRefused(await post(server, '{ subgraph(limit: 5000) { nodes { id } } }'), /found limit: 5000 on Query\.subgraph/);
  });

  it("keeps each field's own range behind the backstop", async () => {
    const res = await post(server, `{ creator(id: "${p}org") { models(first: 500) { totalCount } } }`);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.message).toMatch(/first/);
  });

  it('refuses an over-long query text before parsing it', async () => {
    const query = `{ health { status } } # ${'x'.repeat(25_000)}`;
    expectRefused(await post(server, query), /^Query text limit of 20,000 characters exceeded, found 25,02\d\./);
  });

  it('refuses too many tokens (graphql stops parsing at the limit)', async () => {
    expectRefused(await post(server, `{ ${'a '.repeat(2500)} }`), /^Token limit of 2,000 exceeded\./);
    // Valid or not, an over-long text gets the length refusal, not a parse or validation error.
    expectRefused(await post(server, `{ health { nope ${'x '.repeat(12_000)} }`), /^Query text limit of 20,000 characters/);
  });

  it('refuses a query whose cost is past the limit (nested pages multiply)', async () => {
    const query = `{ creator(id: "${p}org") { models(first: 100) { edges { node { creator { models(first: 100) { edges { node { id name } } } } } } } } }`;
    expectRefused(await post(server, query), /^Query cost limit of 15,000 exceeded, found 30,\d{3}\./);
  });

  it('lets the largest subgraph the schema allows through', async () => {
    const res = await post(server, '{ subgraph(limit: 2000, downloadsAtLeast: 1000000000) { nodes { id label properties } edges { source target type } } }');
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
  });

  it('refuses with a GET too', async () => {
    const url = `${server.url}?query=${encodeURIComponent(nestedModels('x', 3))}`;
    const res = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expectRefused({ status: res.status, body: (await res.json()) as GqlBody }, /depth limit of 10/);
  });

  it('follows the configured limits', async () => {
    const strict = await startServer(
      { config: loadConfig({ HUBGRAPH_MAX_DEPTH: '2', HUBGRAPH_MAX_ALIASES: '1', HUBGRAPH_MAX_FIRST: '5' }), db, log: silentLogger() },
      { host: '127.0.0.1', port: 0 },
    );
    try {
      expectRefused(await post(strict, '{ graphStats { labels { name } } }'), /^Query depth limit of 2 exceeded, found 3\./);
      expectRefused(await post(strict, '{ a: health { status } b: health { status } }'), /^Aliases limit of 1 exceeded, found 2\./);
      expectRefused(await post(strict, '{ topCitedPapers(first: 6) { modelCount } }'), /^Argument limit of 5 /);
      expect((await post(strict, '{ graphStats { nodes } }')).status).toBe(200);
    } finally {
      await strict.stop();
    }
  });
});

describe('transaction timeout', () => {
  let db: Db;

  beforeAll(() => {
    db = testDb();
  });
  afterAll(async () => {
    await db.close();
  });

  it('withDefaults applies the timeout to every query that sets none: Neo4j stops it, QUERY_TIMEOUT names it', async () => {
    const wrapped = withDefaults(db, { timeoutMs: 50 });
    const started = Date.now();
    const error = (await wrapped.read(SLOW_CYPHER).catch((e: unknown) => e)) as HubgraphError;
    expect(error.code).toBe('QUERY_TIMEOUT');
    expect(error.message).toBe('The query took longer than 50 ms');
    expect(Date.now() - started).toBeLessThan(10_000);
    const txError = (await wrapped.readTx((tx) => tx.run(SLOW_CYPHER)).catch((e: unknown) => e)) as HubgraphError;
    expect(txError.code).toBe('QUERY_TIMEOUT');
    // A caller's own timeout wins.
    expect(await wrapped.read('RETURN 1 AS one', {}, { timeoutMs: 5_000 })).toEqual([{ one: 1 }]);
  });

  it('the server runs every request with HUBGRAPH_TX_TIMEOUT_MS and answers QUERY_TIMEOUT', async () => {
    // graphStats made slow: the Db the server is given runs SLOW_CYPHER with the options it gets.
    const slowStats: Db = { ...db, read: (cypher, params, o) => (o?.op === 'graphStats' ? db.read(SLOW_CYPHER, {}, o) : db.read(cypher, params, o)) } as Db;
    const server = await startServer({ config: loadConfig({ HUBGRAPH_TX_TIMEOUT_MS: '50' }), db: slowStats, log: silentLogger() }, { host: '127.0.0.1', port: 0 });
    try {
      const res = await post(server, '{ graphStats { nodes } }');
      expect(res.status).toBe(200);
      expect(res.body.data).toBeNull();
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors![0]!.message).toMatch(/^The query took longer than 50 ms/);
      expect(res.body.errors![0]!.extensions).toEqual({ code: 'QUERY_TIMEOUT' });
      // /ready keeps its own 2 s timeout.
      expect((await fetch(server.url.replace(/graphql$/, 'ready'))).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});
