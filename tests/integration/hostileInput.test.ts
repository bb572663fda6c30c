/**
 * 1,000 hostile strings — Cypher fragments, quotes of every kind, Lucene syntax, huge strings,
 * unicode oddities (RTL, emoji, combining marks, NUL, lone surrogates), path traversal, numbers,
 * crafted feed cursors, the empty string — as the id or text argument of every question, of the
 * entity lookups and of the mutations, over real HTTP against the real Neo4j.
 *
 * Every answer is data (possibly null or empty) or GraphQL errors with a client code — never
 * INTERNAL_SERVER_ERROR, never a 5xx, never a stack trace — and the database is unchanged: the
 * same counts per label and relationship type, the same follower, like and property checksums.
 *
 * The strings go in as variables (as a client sends ids), four requests at a time: one question a
 * request (the questions' fields are non-null, so one error nulls the whole answer and graphql
 * reports only the first), 30 aliased lookups a request (nullable: each answers for itself). A
 * sample also goes in inlined into the query text, and as the whole query text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { feedUserKey } from '../../src/domain/feedCommon.js';
import { startServer, type RunningServer } from '../../src/graphql/server.js';
import { pino } from 'pino';
import type { Db } from '../../src/neo4j/db.js';
import { graphStats } from '../../src/neo4j/stats.js';
import { cleanup, testDb, uniquePrefix } from './neo4j.js';

const KEY = 'hostile-test-key-0123456789';
const HUGE = 100 * 1024;
/** Codes a hostile request may get back. */
const CLIENT_CODES = new Set(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'UNAUTHENTICATED', 'PAYLOAD_TOO_LARGE']);

/** A small seeded PRNG (mulberry32), so the generated strings are the same on every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}


/** The hand-written seeds: each a kind of attack or oddity. */
function seeds(realUser: string): string[] {
  // Crafted feed cursors, bound to the user whose feed they are sent with (a JSON array gets that
  // user's key as its last item), so they reach the checks behind the user check.
  const key = JSON.stringify(feedUserKey(realUser));
  const cursor = (json: string) => Buffer.from(`feed2:${json.replace(/\]$/, `, ${key}]`)}`, 'utf8').toString('base64url');
  const cypher = [
    "') MATCH (n) DETACH DELETE n //",
    '"}) RETURN 1 UNION MATCH (n) RETURN n//',
    "' OR 1=1 //",
    "x' WITH 1 AS a MATCH (n) DETACH DELETE n RETURN 1 //",
    "'}) MATCH (n) SET n.pwned = true RETURN n //",
    '"}) CREATE (:Pwned) //',
    "') CALL apoc.util.sleep(60000) //",
    "'; CALL dbms.killQueries([]) //",
    "' UNION CALL db.labels() YIELD label RETURN label //",
    "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
    "') LOAD CSV FROM 'http://169.254.169.254/latest/meta-data/' AS l RETURN l //",
    'UNWIND range(1, 1000000000) AS x RETURN count(x)',
    'MATCH (n) DETACH DELETE n',
    '*/ MATCH (n) DETACH DELETE n /*',
    '\\u0027) MATCH (n) DETACH DELETE n //',
    "\\') MATCH (n) DETACH DELETE n //",
    `${realUser}') MATCH (n) DETACH DELETE n //`,
    `${realUser}"}) SET n.followers = 0 //`,
    `${realUser}' OR '1'='1`,
    '$param',
    '$userId',
    '$p',
    '{userId}',
    '{{userId}}',
    '`',
    '``',
    '`n` MATCH (n) DELETE n',
    '`}) RETURN 1 //',
    'a`b`c',
    "CALL { MATCH (n) DETACH DELETE n }",
    'FOREACH (x IN [1] | CREATE (:Pwned))',
    "'; DROP TABLE users; --",
    '" OR ""="',
    '") { __schema { types { name } } } #',
    '"} mutation { follow(userId: "a", creatorId: "b") { changed } } #',
  ];
  const quotes = ["'", '"', '`', "''", '""', "\\'", '\\"', '\\', '\\\\', '‘', '’', '“', '”', '«', '»', '„', '‚', '′', '″', '＂', '＇', '‹', '›', '「', '」', `'"\`‘’“”`, "'\"", '"\'', '\'\'\'\'', '"""'];
  const lucene = [
    '*:*',
    '*',
    '?',
    '~',
    '~2',
    '^10',
    '\\',
    'name:*',
    'id:*',
    'a AND b OR c NOT d',
    'AND',
    'OR',
    'NOT',
    '&&',
    '||',
    '+-&&||!(){}[]^"~*?:\\/',
    '"unterminated',
    'title:(foo OR bar)~2^10',
    '/regex.*/',
    '/.*/',
    '[a TO z]',
    '{* TO *}',
    'foo~0.8',
    '"a b"~10000',
    '(((((((((((a)))))))))))',
    ')',
    '(',
    'a:b:c:d',
    '_exists_:id',
    '\\*:\\*',
  ];
  const unicode = [
    '\u202Eevil\u202C',
    '\u202Egpj.exe',
    'مرحبا بالعالم',
    'שלום עולם',
    '🤗',
    '🔥🤗🚀',
    '👨‍👩‍👧‍👦',
    '🏳️‍🌈',
    'e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301',
    'Z̴̡̢̛̛̗̺͖̯̞̼̀̽̈́͐̌͘a̷̧̛͓̠̤͚̐̆̏̈́͝l̶̢̨̬͖̼̈́g̸̡̛̰̲̯͊̊̍o̵̧͚̼̎̈̿',
    '\u0000',
    'a\u0000b',
    '\u0000\u0000\u0000',
    '\u0001\u0002\u0003\u001f\u007f',
    '\ud800',
    '\udfff',
    'a\ud800b',
    '\udc00\ud800',
    '\ufeff',
    '\ufeffTheBloke',
    '\u200b',
    'a\u200bb',
    '\uffff',
    '\ufffd',
    'ｍｏｄｅｌ',
    '日本語のモデル',
    '\u2028\u2029',
    'tab\there',
    'line\nbreak',
    'carriage\rreturn',
    '\r\n',
  ];
  const paths = [
    '../../etc/passwd',
    '../../../../../../../../etc/shadow',
    '..\\..\\windows\\win.ini',
    '/etc/passwd',
    'file:///etc/passwd',
    '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '..%252f..%252fetc%252fpasswd',
    '....//....//etc/passwd',
    'http://169.254.169.254/latest/meta-data/',
    'topic:../../etc/passwd',
    'topic:',
    'topic:*',
    'org/../../model',
    '/',
    '//',
    '.',
    '..',
  ];
  const numbers = ['0', '-1', '1', '1e309', '-1e309', 'NaN', 'Infinity', '-Infinity', '9007199254740993', '0x7fffffff', '-0', '1.5', '00001', '1e-7', '2147483648'];
  const misc = [
    '',
    ' ',
    '  ',
    '\t',
    '\n',
    'null',
    'undefined',
    'true',
    'false',
    '[]',
    '{}',
    '{"$ne": null}',
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    '%s%s%s%n',
    '%x%x%x',
    '${7*7}',
    '{{7*7}}',
    '#{7*7}',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '&lt;&gt;&amp;',
    'x'.repeat(500),
    'x'.repeat(501),
    '\u{1F917}'.repeat(200),
    'a'.repeat(2001),
  ];
  const cursors = [
    cursor('["2024-01-01T00:00:00Z", 0, "x"]'),
    cursor('["+275760-09-13T00:00:00.000Z", 0, "x"]'),
    cursor('["-271821-04-20T00:00:00.000Z", 0, "x"]'),
    cursor('["Sat, 01 Jan 2000 00:00:00 GMT", 0, "x"]'),
    cursor('["1", 0, "x"]'),
    cursor('["2024-01-01", 9007199254740993, "x"]'),
    cursor('["2024-01-01", 1e300, "x"]'),
    cursor('["2024-01-01", -1, "x"]'),
    cursor('["2024-01-01", 0.5, "x"]'),
    cursor('["2024-01-01", 0, null]'),
    cursor('["2024-01-01", 0, "\') MATCH (n) DETACH DELETE n //"]'),
    cursor('[null, null, null]'),
    cursor('{"now": "2024-01-01"}'),
    cursor('not json'),
    cursor(''),
    Buffer.from('feed2:["2024-01-01", 0, "x"]').toString('base64url'),
    Buffer.from('feed1:["2024-01-01", 0, "x"]').toString('base64url'),
    Buffer.from('feed2:["2024-01-01", 0, "x", "another user"]').toString('base64url'),
    'feed1:["2024-01-01",0,"x"]',
    '=',
    '-_-_',
  ];
  const huge = [
    'a'.repeat(HUGE),
    "') MATCH (n) DETACH DELETE n //".repeat(Math.ceil(HUGE / 31)),
    '🤗'.repeat(HUGE / 2),
    '\\'.repeat(HUGE),
    '"'.repeat(HUGE),
    '*:* '.repeat(HUGE / 4),
    '\u0000'.repeat(HUGE),
    'e\u0301'.repeat(HUGE / 2),
    '../'.repeat(Math.ceil(HUGE / 3)),
    cursor(`["2024-01-01", 0, "${'x'.repeat(HUGE)}"]`),
  ];
  return [...cypher, ...quotes, ...lucene, ...unicode, ...paths, ...numbers, ...misc, ...cursors, ...huge];
}

/** 1,000 distinct hostile strings: the seeds, then seeded mixes of two seeds (huge seeds are not mixed). */
function hostileStrings(realUser: string, count = 1000): string[] {
  const base = seeds(realUser);
  const out = new Set(base);
  const small = base.filter((s) => s.length < 1000);
  const random = rng(20240917);
  const pick = () => small[Math.floor(random() * small.length)]!;
  const joiners = ['', ' ', "'", '"', '/', ':', '\u0000', '`', '\\', '%'];
  while (out.size < count) out.add(pick() + joiners[Math.floor(random() * joiners.length)] + pick());
  return [...out].slice(0, count);
}

interface Slot {
  /** The GraphQL field (aliased in the request). */
  field: string;
  /** The argument the hostile string goes into, and its type. */
  arg: string;
  type: 'ID!' | 'String!' | 'String';
  /** Other arguments, fixed. */
  fixed?: string;
  selection: string;
}

const LOOKUPS = ['model', 'creator', 'task', 'paper'];
const RECOMMENDATION = '{ creator { id } score reason { kind text } }';

/** What the servers under test logged as errors (masked for the client). */
const serverErrors: string[] = [];

describe('hostile input', () => {
  let db: Db;
  let open: RunningServer;
  let keyed: RunningServer;
  const p = uniquePrefix('hostile');
  const id = (name: string) => `${p}${name}`;
  let strings: string[];

  const QUERIES = (): Slot[] => [
    ...['followOfFollow', 'secondDegree', 'followBack', 'sameOrganization', 'popularAmongSimilarUsers', 'recommendedCreators'].map(
      (field): Slot => ({ field, arg: 'userId', type: 'ID!', selection: RECOMMENDATION }),
    ),
    ...['commonlyFollowedWith', 'similarCreators'].map((field): Slot => ({ field, arg: 'creatorId', type: 'ID!', selection: RECOMMENDATION })),
    { field: 'topicTopContributors', arg: 'taskId', type: 'ID!', selection: RECOMMENDATION },
    { field: 'bulkFollowGroups', arg: 'taskId', type: 'ID!', selection: '{ id title creators { creator { id } } }' },
    { field: 'feedCandidates', arg: 'userId', type: 'ID!', selection: '{ edges { cursor node { model { id } tier score } } pageInfo { endCursor } }' },
    {
      field: 'feedCandidates',
      arg: 'after',
      type: 'String',
      fixed: `userId: ${JSON.stringify(id('u1'))}`,
      selection: '{ edges { cursor node { model { id } tier score } } pageInfo { endCursor } }',
    },
    { field: 'similarModels', arg: 'modelId', type: 'ID!', selection: '{ model { id } score metaPaths { metaPath } }' },
    { field: 'search', arg: 'query', type: 'String!', selection: '{ kind score model { id } creator { id } }' },
    { field: 'model', arg: 'id', type: 'ID!', selection: '{ id creator { id } }' },
    { field: 'creator', arg: 'id', type: 'ID!', selection: '{ id followers models(first: 2) { totalCount } }' },
    { field: 'task', arg: 'id', type: 'ID!', selection: '{ id models(first: 2) { totalCount } }' },
    { field: 'paper', arg: 'id', type: 'ID!', selection: '{ id title }' },
  ];

  const MUTATIONS = (): Slot[] => [
    { field: 'follow', arg: 'creatorId', type: 'ID!', fixed: `userId: ${JSON.stringify(id('u1'))}`, selection: '{ changed }' },
    { field: 'follow', arg: 'userId', type: 'ID!', fixed: `creatorId: ${JSON.stringify(id('c1'))}`, selection: '{ changed }' },
    { field: 'unfollow', arg: 'creatorId', type: 'ID!', fixed: `userId: ${JSON.stringify(id('u1'))}`, selection: '{ changed }' },
    { field: 'followTopic', arg: 'taskId', type: 'ID!', fixed: `userId: ${JSON.stringify(id('u1'))}`, selection: '{ changed }' },
    { field: 'bulkFollow', arg: 'groupId', type: 'ID!', fixed: `userId: ${JSON.stringify(id('u1'))}`, selection: '{ newlyFollowed }' },
    { field: 'like', arg: 'modelId', type: 'ID!', fixed: `userId: ${JSON.stringify(id('u1'))}`, selection: '{ changed }' },
    { field: 'like', arg: 'userId', type: 'ID!', fixed: `modelId: ${JSON.stringify(id('c1/m1'))}`, selection: '{ changed }' },
  ];

  /** One request: aliased fields, each hostile string in its own variable. */
  function operation(kind: 'query' | 'mutation', items: Array<{ slot: Slot; value: string }>) {
    const defs = items.map((it, i) => `$v${i}: ${it.slot.type}`).join(', ');
    const fields = items
      .map(({ slot }, i) => `f${i}: ${slot.field}(${slot.fixed ? `${slot.fixed}, ` : ''}${slot.arg}: $v${i}) ${slot.selection}`)
      .join('\n');
    return { query: `${kind} (${defs}) {\n${fields}\n}`, variables: Object.fromEntries(items.map((it, i) => [`v${i}`, it.value])) };
  }

  async function send(server: RunningServer, body: unknown, auth?: string): Promise<{ status: number; text: string; json: any }> {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, text, json };
  }

  /** The invariant every response keeps; returns its error codes. */
  function expectClean(res: { status: number; text: string; json: any }, what: string): string[] {
    expect(res.status, `${what}: HTTP ${res.status} ${res.text.slice(0, 300)}`).toBeLessThan(500);
    expect(res.json, `${what}: not JSON: ${res.text.slice(0, 200)}`).toBeTypeOf('object');
    expect('data' in res.json || 'errors' in res.json, what).toBe(true);
    expect(res.text, what).not.toMatch(/stacktrace|\n\s+at |\.ts:\d+:\d+|Neo4jError|Neo\.ClientError/);
    const codes: string[] = [];
    for (const error of res.json.errors ?? []) {
      const code = error?.extensions?.code;
      // On a masked error, name what the server logged: the client only sees "Internal server error".
      expect(CLIENT_CODES.has(code), `${what}: ${code} — ${error?.message} — server logged: ${serverErrors.at(-1) ?? 'nothing'}`).toBe(true);
      expect(Object.keys(error.extensions)).toEqual(['code']);
      codes.push(code);
    }
    return codes;
  }

  /** Runs tasks `width` at a time. */
  async function pool<T>(tasks: Array<() => Promise<T>>, width: number): Promise<T[]> {
    const results: T[] = new Array(tasks.length);
    let next = 0;
    await Promise.all(
      Array.from({ length: width }, async () => {
        while (next < tasks.length) {
          const i = next++;
          results[i] = await tasks[i]!();
        }
      }),
    );
    return results;
  }

  /** Batches of at most 30 fields and ~700 KB of variables (under the 1 MiB body cap). */
  function batches<T extends { value: string }>(items: T[]): T[][] {
    const out: T[][] = [];
    let current: T[] = [];
    let bytes = 0;
    for (const item of items) {
      const size = Buffer.byteLength(JSON.stringify(item.value));
      if (current.length === 30 || (current.length > 0 && bytes + size > 700 * 1024)) {
        out.push(current);
        current = [];
        bytes = 0;
      }
      current.push(item);
      bytes += size;
    }
    if (current.length > 0) out.push(current);
    return out;
  }

  async function fingerprint() {
    const stats = await graphStats(db);
    const [sums] = await db.read(
      `CALL { MATCH (c:Creator) RETURN sum(coalesce(c.followers, 0)) AS followers }
       CALL { MATCH (m:Model) RETURN sum(coalesce(m.likes, 0)) AS likes }
       CALL { MATCH ()-[f:FOLLOWS]->() RETURN count(f) AS follows }
       CALL { MATCH ()-[l:LIKED]->() RETURN count(l) AS liked }
       CALL { MATCH ()-[t:FOLLOWS_TOPIC]->() RETURN count(t) AS topicFollows }
       CALL { MATCH (n) RETURN count(n) AS nodes, sum(size(keys(n))) AS properties }
       RETURN followers, likes, follows, liked, topicFollows, nodes, properties`,
    );
    return { stats, sums };
  }

  let before: Awaited<ReturnType<typeof fingerprint>>;

  beforeAll(async () => {
    db = testDb();
    await db.write(
      `CREATE (u1:Creator:User {id: $p + 'u1', name: 'u1', kind: 'user', followers: 1}),
              (u2:Creator:User {id: $p + 'u2', name: 'u2', kind: 'user', followers: 1}),
              (c1:Creator:Organization {id: $p + 'c1', name: 'c1', kind: 'organization', followers: 2}),
              (t:Task {id: $p + 'task', name: 'task'}),
              (paper:Paper {id: $p + 'paper', title: 'A paper'}),
              (u1)-[:FOLLOWS]->(u2), (u2)-[:FOLLOWS]->(u1), (u1)-[:FOLLOWS]->(c1), (u2)-[:FOLLOWS]->(c1),
              (u1)-[:FOLLOWS_TOPIC]->(t), (u1)-[:MEMBER_OF]->(c1)
       WITH c1, t, paper
       UNWIND range(1, 5) AS i
       CREATE (c1)-[:CREATED]->(m:Model {id: $p + 'c1/m' + i, name: 'm' + i, downloads: i * 100, likes: i,
                                          createdAt: datetime() - duration({days: i})})-[:HAS_TASK]->(t)
       CREATE (m)-[:CITES]->(paper)`,
      { p },
    );
    strings = hostileStrings(id('u1'));
    const log = pino({ level: 'error' }, { write: (line: string) => void serverErrors.push(line.slice(0, 2000)) });
    open = await startServer({ config: loadConfig({}), db, log }, { host: '127.0.0.1', port: 0 });
    keyed = await startServer({ config: loadConfig({ HUBGRAPH_API_KEY: KEY }), db, log }, { host: '127.0.0.1', port: 0 });
    before = await fingerprint();
  });
  afterAll(async () => {
    await open?.stop();
    await keyed?.stop();
    await cleanup(db, p);
    await db.close();
  });

  it('generates 1,000 distinct strings, huge ones included', () => {
    expect(strings).toHaveLength(1000);
    expect(new Set(strings).size).toBe(1000);
    expect(strings.filter((s) => s.length >= HUGE).length).toBeGreaterThanOrEqual(10);
    expect(strings).toContain('');
    expect(strings).toContain('\ud800');
  });

  it('every question answers every string it gets with data or a client error', async () => {
    const slots = QUERIES().filter((s) => !LOOKUPS.includes(s.field));
    const results = await pool(
      strings.map((value, i) => async () => {
        const slot = slots[i % slots.length]!;
        return expectClean(await send(open, operation('query', [{ slot, value }])), `${slot.field}(${slot.arg}: #${i})`);
      }),
      4,
    );
    // Most strings name nothing: the questions say so with BAD_USER_INPUT.
    expect(results.filter((codes) => codes.includes('BAD_USER_INPUT')).length).toBeGreaterThan(500);
  });

  it('answers the entity lookups with null, not an error, for every string (30 a request)', async () => {
    const lookups = QUERIES().filter((s) => LOOKUPS.includes(s.field));
    const items = strings.map((value, i) => ({ slot: lookups[i % lookups.length]!, value }));
    const results = await pool(
      batches(items).map((batch) => async () => ({ batch, res: await send(open, operation('query', batch)) })),
      4,
    );
    for (const { batch, res } of results) {
      expect(expectClean(res, `lookups of ${batch.length}`)).toEqual([]);
      expect(Object.values(res.json.data).every((v) => v === null)).toBe(true);
    }
  });

  it('refuses every mutation without a key, whatever the ids', async () => {
    const slots = MUTATIONS();
    const items = strings.map((value, i) => ({ slot: slots[i % slots.length]!, value }));
    const results = await pool(batches(items).map((batch) => () => send(open, operation('mutation', batch))), 4);
    for (const res of results) {
      expect(res.status).toBe(401);
      expect(expectClean(res, 'mutation without a key')).toEqual(['UNAUTHENTICATED']);
    }
  });

  it('with the key, refuses hostile ids in mutations as BAD_USER_INPUT and writes nothing', async () => {
    const slots = MUTATIONS();
    // One mutation a request (a refused non-null field ends a serial mutation), a sample of 200.
    const sample = strings.filter((_, i) => i % 5 === 0);
    const results = await pool(
      sample.map((value, i) => () => send(keyed, operation('mutation', [{ slot: slots[i % slots.length]!, value }]), KEY)),
      4,
    );
    for (const res of results) expect(expectClean(res, 'mutation with the key')).toEqual(['BAD_USER_INPUT']);
  });

  it('treats a sample inlined into the query text, and as the query text itself, as client errors', async () => {
    const sample = strings.filter((_, i) => i % 10 === 0);
    const slots = QUERIES();
    const inlined = sample.map((value, i) => {
      const slot = slots[i % slots.length]!;
      // JSON string syntax is GraphQL string syntax, except for lone surrogates (a parse error).
      return { query: `{ f: ${slot.field}(${slot.fixed ? `${slot.fixed}, ` : ''}${slot.arg}: ${JSON.stringify(value)}) ${slot.selection} }` };
    });
    const asDocument = sample.map((value) => ({ query: value }));
    const results = await pool([...inlined, ...asDocument].map((body) => () => send(open, body)), 4);
    results.forEach((res, i) => expectClean(res, `inline/document #${i}`));
  });

  it('refuses a body over the size cap with 413', async () => {
    const value = 'x'.repeat(HUGE);
    const items = Array.from({ length: 12 }, () => ({ slot: QUERIES()[0]!, value }));
    const res = await send(open, operation('query', items));
    expect(res.status).toBe(413);
    expect(expectClean(res, 'oversized body')).toEqual(['PAYLOAD_TOO_LARGE']);
  });

  it('non-string values where ids go are BAD_USER_INPUT', async () => {
    for (const value of [12345, 1.5, -1, 1e308, true, null, [], {}, ['a'], { id: 'x' }]) {
      const res = await send(open, { query: 'query ($v: ID!) { followOfFollow(userId: $v) { score } }', variables: { v: value } });
      const codes = expectClean(res, `value ${JSON.stringify(value)}`);
      expect(codes.length, JSON.stringify(value)).toBeGreaterThan(0);
    }
  });

  it('leaves the database as it was', async () => {
    expect(await fingerprint()).toEqual(before);
  });
});
