/**
 * Refusals over real HTTP, with a stand-in Db (no Neo4j): one status rule (docs/errors.md) — a
 * request refused before execution answers 4xx with no `data`; an error raised while a field
 * executes answers 200, with `data` null at that field and the error in `errors` — and the refusals
 * of issue 17 item 7: `ofType` nested 30 deep, 1,000 repeated fields, integers past 2^53.
 */
import { readFileSync } from 'node:fs';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createFormatError } from '../../src/graphql/errors.js';
import { parseJsonBody } from '../../src/graphql/plugins/bigIntegers.js';
import { FIXED_LIMITS, queryLimits } from '../../src/graphql/plugins/limits.js';
import { loadTypeDefs } from '../../src/graphql/schema.js';
import { createApollo, startServer, type RunningServer } from '../../src/graphql/server.js';
import { silentLogger } from '../../src/log.js';
import type { Db } from '../../src/neo4j/db.js';
import { standInDb } from './standInDb.js';

interface Answer {
  status: number;
  body: { data?: any; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] };
}

/** One creator, `org-a`, for the entity lookups; every other read answers nothing. */
function db(): Db {
  return standInDb({
    read: async <T>(_cypher: string, _params?: unknown, options?: { op?: string }): Promise<T[]> =>
      options?.op === 'creatorsById' ? [{ id: 'org-a', creator: { id: 'org-a', name: 'Org A', kind: 'organization', source: 'hub' } } as T] : [],
  });
}

async function post(server: RunningServer, body: unknown): Promise<Answer> {
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

async function get(server: RunningServer, query: string, variables: string): Promise<Answer> {
  const url = `${server.url}?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(variables)}`;
  const res = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

/** Refused before execution: the status, no `data` at all, and the first error's code. */
function expectRequestError(res: Answer, status: number, code: string, message?: RegExp): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body).not.toHaveProperty('data');
  expect(res.body.errors?.[0]?.extensions?.code).toBe(code);
  if (message) expect(res.body.errors?.[0]?.message).toMatch(message);
}

/** `{ __schema { types { ofType { ofType … { name } } } } }`, `levels` deep. */
function nestedOfType(levels: number): string {
  let inner = 'name';
  for (let i = 0; i < levels; i++) inner = `ofType { ${inner} }`;
  return `{ __schema { types { ${inner} } } }`;
}

describe('refusals over HTTP', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({ config: loadConfig({}), log: silentLogger(), db: db() }, { host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe('one status rule: refused before execution is 4xx, a field error is 200', () => {
    it('answers 400 and no data for every request refused before execution, with its code', async () => {
      expectRequestError(await post(server, { query: '{ health { status }' }), 400, 'GRAPHQL_PARSE_FAILED');
      expectRequestError(await post(server, { query: '{ nope }' }), 400, 'GRAPHQL_VALIDATION_FAILED');
      expectRequestError(await post(server, { query: `{ ${'a '.repeat(2500)} }` }), 400, 'BAD_USER_INPUT', /^Token limit of 2,000 exceeded/);
      expectRequestError(await post(server, { query: `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: health { status }`).join(' ')} }` }), 400, 'BAD_USER_INPUT', /^Aliases limit of 30/);
      const deep = '{ creator(id: "x") { models(first: 100) { edges { node { creator { models(first: 100) { edges { node { id } } } } } } } } }';
      expectRequestError(await post(server, { query: deep }), 400, 'BAD_USER_INPUT', /^Query cost limit of 15,000 exceeded/);
      expectRequestError(await post(server, { query: '{ topCitedPapers(first: 10000) { modelCount } }' }), 400, 'BAD_USER_INPUT', /^Argument limit of 2,000/);
      const variable = 'query ($n: Int) { topCitedPapers(first: $n) { modelCount } }';
      expectRequestError(await post(server, { query: variable, variables: { n: 'ten' } }), 400, 'BAD_USER_INPUT', /^Variable "\$n" got invalid value "ten"/);
    });

    // Regression: an operation name the document does not hold, or two operations and no name,
    // reached the API-key plugin without an operation and answered 500 INTERNAL_SERVER_ERROR.
    it('answers 400 OPERATION_RESOLUTION_FAILURE when the operation cannot be chosen', async () => {
      expectRequestError(await post(server, { query: 'query A { health { status } }', operationName: 'B' }), 400, 'OPERATION_RESOLUTION_FAILURE', /^Unknown operation named "B"\./);
      expectRequestError(
        await post(server, { query: 'query A { health { status } } query B { health { status } }' }),
        400,
        'OPERATION_RESOLUTION_FAILURE',
        /^Must provide operation name if query contains multiple operations\./,
      );
    });

    it('answers 401 UNAUTHENTICATED to a mutation without the key, before it executes', async () => {
      expectRequestError(await post(server, { query: 'mutation { follow(userId: "u", creatorId: "org-a") { __typename } }' }), 401, 'UNAUTHENTICATED');
    });

    it('answers 200 to a field refused while executing (`first: -1`), data null at that field only', async () => {
      const res = await post(server, { query: '{ a: creator(id: "org-a") { id } b: creator(id: "org-a") { models(first: -1) { totalCount } } }' });
      expect(res.status).toBe(200);
      // Creator.models is non-null: its null reaches the nearest nullable field, `b`.
      expect(res.body.data).toEqual({ a: { id: 'org-a' }, b: null });
      expect(res.body.errors).toEqual([{ message: 'first must be an integer from 1 to 100 (got -1)', path: ['b', 'models'], extensions: { code: 'BAD_USER_INPUT' } }]);
    });

    it('answers 200 with data null when the refused field is a non-null root field', async () => {
      const res = await post(server, { query: '{ topCitedPapers(first: 0) { modelCount } }' });
      expect(res.status).toBe(200);
      expect(res.body.data).toBeNull();
      expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT' });
      expect(res.body.errors?.[0]?.path).toEqual(['topCitedPapers']);
    });

    it('answers 200 PERSISTED_QUERY_NOT_FOUND: the persisted-query protocol’s “send the text”, not a refusal', async () => {
      const res = await post(server, { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } });
      expect(res.status).toBe(200);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    });
  });

  describe('introspection depth', () => {
    it('answers the standard introspection query, every option on', async () => {
      const query = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true });
      const res = await post(server, { query });
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.__schema.queryType.name).toBe('Query');
    });

    // Regression: 30 levels were answered (graphql-armor's depth limit skips `__schema`).
    it('refuses `ofType` nested 30 deep, naming the limit', async () => {
      const res = await post(server, { query: nestedOfType(30) });
      expectRequestError(res, 400, 'BAD_USER_INPUT', /^Introspection depth limit of 10 nested `ofType` exceeded, found 30\./);
      expect(res.body.errors).toHaveLength(1);
    });
  });

  describe('repeated fields', () => {
    // Regression: graphql's overlapping-fields rule ran out of its budget and answered only
    // "Validation aborted.", naming no limit.
    it('refuses 1,000 repeated fields, naming the limit, not "Validation aborted."', async () => {
      const res = await post(server, { query: `{ ${'__typename '.repeat(1000)}}` });
      expectRequestError(res, 400, 'BAD_USER_INPUT', /^Field repetition limit of 100 exceeded, found `__typename` selected 1,000 times\./);
      expect(res.body.errors).toHaveLength(1);
    });

    it('counts a field where it lands in the answer: under repeated parents, through fragments', async () => {
      const nested = await post(server, { query: `{ ${`health { ${'status '.repeat(40)}} `.repeat(45)}}` });
      expectRequestError(nested, 400, 'BAD_USER_INPUT', /found `health\.status` selected 1,800 times/);
      const spreads = await post(server, { query: `{ ${'...F '.repeat(150)}} fragment F on Query { health { status } }` });
      expectRequestError(spreads, 400, 'BAD_USER_INPUT', /found `health` selected 150 times/);
    });

    it('answers a field selected 100 times', async () => {
      const res = await post(server, { query: `{ ${'__typename '.repeat(100)}}` });
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({ __typename: 'Query' });
    });
  });

  describe('integers past 2^53', () => {
    it('echoes a literal as written', async () => {
      const res = await post(server, { query: '{ subgraph(downloadsAtLeast: 9007199254740993) { nodes { id } } }' });
      expectRequestError(res, 400, 'GRAPHQL_VALIDATION_FAILED', /9007199254740993/);
      expect(res.body.errors?.[0]?.message).not.toMatch(/9007199254740992/);
    });

    // Regression: "Variable "$n" got invalid value 9007199254740992": JSON.parse had rounded it.
    it('echoes a variable as written in a GET request', async () => {
      const res = await get(server, 'query ($n: Int) { subgraph(downloadsAtLeast: $n) { nodes { id } } }', '{"n":9007199254740993}');
      expectRequestError(res, 400, 'BAD_USER_INPUT', /^Variable \$n is 9007199254740993, past the largest integer a JSON number holds exactly \(9,007,199,254,740,991\): it reads as 9007199254740992\./);
    });

    it('refuses such a variable in a POST body, saying it was rounded', async () => {
      const res = await post(server, '{"query":"query ($n: Int) { subgraph(downloadsAtLeast: $n) { nodes { id } } }","variables":{"n":9007199254740993}}');
      expectRequestError(res, 400, 'BAD_USER_INPUT', /^Variable \$n .*past the largest integer a JSON number holds exactly/);
    });

    // Regression: an ID sent as a number that large was rounded and looked up as another id.
    it('refuses a rounded number where an ID goes', async () => {
      const res = await post(server, '{"query":"query ($id: ID!) { creator(id: $id) { id } }","variables":{"id":12345678901234567891}}');
      expectRequestError(res, 400, 'BAD_USER_INPUT', /^Variable \$id .*past the largest integer/);
    });

    it('passes integers a JSON number holds exactly', async () => {
      const res = await post(server, { query: 'query ($n: Int) { topCitedPapers(first: $n) { modelCount } }', variables: { n: 5 } });
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
    });
  });
});

describe('integers past 2^53 in a POST body read by parseJsonBody', () => {
  // What server.ts answers once it reads bodies with parseJsonBody: the raw text travels with the body.
  it('echoes the variable as written', async () => {
    const apollo = createApollo({ config: loadConfig({}), log: silentLogger(), db: db() });
    await apollo.start();
    try {
      const text = '{"query":"query ($n: Int) { subgraph(downloadsAtLeast: $n) { nodes { id } } }","variables":{"n":-9007199254740993}}';
      const result = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: 'POST', headers: new HeaderMap([['content-type', 'application/json']]), search: '', body: parseJsonBody(text) },
        context: async () => ({}) as never,
      });
      expect(result.status).toBe(400);
      const body = JSON.parse(result.body.kind === 'complete' ? result.body.string : '{}') as Answer['body'];
      expect(body.errors?.[0]?.message).toMatch(/^Variable \$n is -9007199254740993, past the largest integer a JSON number holds exactly/);
    } finally {
      await apollo.stop();
    }
  });
});

describe('graphql giving up on validation for a cause no limit names', () => {
  it('answers a refusal that says so, not a bare "Validation aborted."', async () => {
    // With the repetition limit out of the way, 1,000 `__typename` exhaust graphql's own budget.
    const limits = queryLimits(loadConfig({}).limits, silentLogger(), { ...FIXED_LIMITS, maxFieldRepeats: 1_000_000 });
    const apollo = new ApolloServer({
      typeDefs: loadTypeDefs(),
      resolvers: { Query: {} },
      formatError: createFormatError(silentLogger()),
      validationRules: limits.validationRules,
      plugins: [limits.plugin],
    });
    await apollo.start();
    try {
      const res = await apollo.executeOperation({ query: `{ ${'__typename '.repeat(1000)}}` });
      expect(res.http.status).toBe(400);
      const errors = res.body.kind === 'single' ? res.body.singleResult.errors : undefined;
      expect(errors).toEqual([
        {
          message: "Query too repetitive to validate: graphql's validation stopped at its work budget. — select each field once where it appears, and spread each fragment once",
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ]);
    } finally {
      await apollo.stop();
    }
  });
});

describe('docs/errors.md', () => {
  it('lists every query limit with its default', () => {
    const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
    const l = loadConfig({}).limits;
    const settings = {
      HUBGRAPH_MAX_QUERY_LENGTH: l.maxQueryLength,
      HUBGRAPH_MAX_TOKENS: l.maxTokens,
      HUBGRAPH_MAX_DEPTH: l.maxDepth,
      HUBGRAPH_MAX_ALIASES: l.maxAliases,
      HUBGRAPH_MAX_DIRECTIVES: l.maxDirectives,
      HUBGRAPH_MAX_FIRST: l.maxFirst,
      HUBGRAPH_MAX_COST: l.maxCost,
    };
    for (const [name, value] of Object.entries(settings)) expect(doc).toContain(`| \`${name}\` | ${value} |`);
    for (const [name, value] of Object.entries(FIXED_LIMITS)) expect(doc).toContain(`| fixed \`${name}\` | ${value} |`);
    expect(doc).toContain(`(\`HUBGRAPH_COST_LIST_SIZE\`, default ${l.costListSize}`);
  });
});
