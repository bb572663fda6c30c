/**
 * The landing page and its example operations, over real HTTP on the demo corpus: the page is
 * served to a browser, is self-contained (works offline), its examples are editable, and every
 * example it offers runs without errors and answers something — or, where the demo's data cannot
 * answer, says so in a note — so a newcomer's first click never shows a broken query or a silent [].
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { EXAMPLES, MUTATION_EXAMPLES } from '../../src/graphql/examples.js';
import { landingPageHtml } from '../../src/graphql/plugins/landingPage.js';
import { startServer, type RunningServer } from '../../src/graphql/server.js';
import { silentLogger } from '../../src/log.js';
import type { Db } from '../../src/neo4j/db.js';
import { ensureDemo } from './demo.js';
import { testDb } from './neo4j.js';

const KEY = 'landing-page-test-key-0123456789';

/** The items of an answer: a list, a connection's edges, a group's creators, or the object itself. */
const itemsOf = (answer: unknown): unknown[] =>
  Array.isArray(answer) ? answer : ((answer as { edges?: unknown[] }).edges ?? (answer as { creators?: unknown[] }).creators ?? [answer]);

describe('landing page', () => {
  let db: Db;
  let server: RunningServer;

  beforeAll(async () => {
    db = testDb();
    await ensureDemo(db);
    server = await startServer({ config: loadConfig({ HUBGRAPH_API_KEY: KEY }), db, log: silentLogger() }, { host: '127.0.0.1', port: 0 });
  }, 600_000);
  afterAll(async () => {
    await server?.stop();
    // The mutation examples wrote to the shared demo graph: undone, so later suites see the demo as loaded.
    const v = Object.assign({}, ...MUTATION_EXAMPLES.map((e) => e.variables)) as { userId: string; creatorId: string; taskId: string; modelId: string };
    await db?.write(
      `MATCH (u:User {id: $userId})
       OPTIONAL MATCH (u)-[f:FOLLOWS]->(:Creator {id: $creatorId}) DELETE f
       WITH u OPTIONAL MATCH (u)-[t:FOLLOWS_TOPIC]->(:Task {id: $taskId}) DELETE t
       WITH u OPTIONAL MATCH (u)-[l:LIKED]->(m:Model {id: $modelId}) SET m.likes = m.likes - 1 DELETE l
       WITH DISTINCT u MATCH (c:Creator {id: $creatorId}) SET c.followers = COUNT { (c)<-[:FOLLOWS]-() }`,
      v,
    );
    await db?.close();
  });

  it('is served to a browser at the endpoint, lists every example and loads nothing from elsewhere', async () => {
    const res = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    for (const example of [...EXAMPLES, ...MUTATION_EXAMPLES]) expect(html).toContain(`id="${example.name}"`);
    // Editable: each operation and its variables in a text area the Run button reads.
    expect(html.match(/<textarea class="op"/g)).toHaveLength(EXAMPLES.length + MUTATION_EXAMPLES.length);
    expect(html.match(/<textarea class="vars"/g)).toHaveLength(EXAMPLES.length + MUTATION_EXAMPLES.length);
    // The key is typed in by the person, never served in the page.
    expect(html).toContain('id="api-key"');
    expect(html).not.toContain(KEY);
    for (const example of [...EXAMPLES, ...MUTATION_EXAMPLES]) if (example.demoNote) expect(html).toContain('On the demo: ');
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+stylesheet/i);
    expect(html).toContain('stand-in');
  });

  it('cannot be broken out of by an example’s text (escaped in HTML and in the script block)', () => {
    const html = landingPageHtml(
      [{ name: 'X', title: '<img src=x onerror=alert(1)>', query: '{ a } </textarea></script><script>alert(1)</script>', variables: { q: '</script>' }, demoNote: '</script><script>alert(2)</script>' }],
      [],
    );
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('</textarea></script>');
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).toContain('\\u003c/script>');
  });

  it.each(EXAMPLES.map((e) => [e.name, e] as const))('example %s runs without errors and answers', async (name, example) => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: example.query, variables: example.variables, operationName: example.name }),
    });
    const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    expect(res.status).toBe(200);
    const answer = Object.values(body.data ?? {})[0];
    expect(answer).not.toBeNull();
    // An example answers something on the demo, or its note says why it cannot (no silent []).
    if (itemsOf(answer).length === 0) expect(example.demoNote, `${name} answered nothing and has no demoNote`).toBeTruthy();
    else if (name !== 'Communities') expect(example.demoNote, `${name} answers on the demo: its note would mislead`).toBeUndefined();
  });

  it.each(MUTATION_EXAMPLES.map((e) => [e.name, e] as const))('mutation example %s runs with the API key, and is refused without it', async (_name, example) => {
    const ask = (auth?: string) =>
      fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
        body: JSON.stringify({ query: example.query, variables: example.variables, operationName: example.name }),
      });
    expect((await ask()).status).toBe(401);
    const res = await ask(`Bearer ${KEY}`);
    const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    expect(Object.values(body.data ?? {})[0]).toBeTruthy();
  });
});
