/**
 * The landing page and its example operations, over real HTTP on the demo corpus: the page is
 * served to a browser, is self-contained (works offline), and every example it offers runs
 * without errors and answers something — so a newcomer's first click never shows a broken query.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { EXAMPLES } from '../../src/graphql/examples.js';
import { landingPageHtml } from '../../src/graphql/plugins/landingPage.js';
import { startServer, type RunningServer } from '../../src/graphql/server.js';
import { silentLogger } from '../../src/log.js';
import type { Db } from '../../src/neo4j/db.js';
import { ensureDemo } from './demo.js';
import { testDb } from './neo4j.js';

/**
 * Examples that may rightly answer nothing on the demo corpus: communities exist only after an
 * analytics run; the stand-in follows are all mutual (musae-github is a mutual-follower graph), so
 * no one follows a user without being followed back; and no public data says who belongs to which
 * organization. Those run without errors; the rest must answer something.
 */
const MAY_BE_EMPTY = new Set(['Communities', 'FollowBack', 'SameOrganization']);

describe('landing page', () => {
  let db: Db;
  let server: RunningServer;

  beforeAll(async () => {
    db = testDb();
    await ensureDemo(db);
    server = await startServer({ config: loadConfig({}), db, log: silentLogger() }, { host: '127.0.0.1', port: 0 });
  }, 600_000);
  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it('is served to a browser at the endpoint, lists every example and loads nothing from elsewhere', async () => {
    const res = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    for (const example of EXAMPLES) expect(html).toContain(`id="${example.name}"`);
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+stylesheet/i);
    expect(html).toContain('stand-in');
  });

  it('cannot be broken out of by an example’s text (escaped in HTML and in the script block)', () => {
    const html = landingPageHtml([{ name: 'X', title: '<img src=x onerror=alert(1)>', query: '{ a } </script><script>alert(1)</script>', variables: { q: '</script>' } }]);
    expect(html).not.toContain('<img src=x');
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
    if (!MAY_BE_EMPTY.has(name)) {
      const items = Array.isArray(answer) ? answer : ((answer as { edges?: unknown[]; creators?: unknown[] }).edges ?? (answer as { creators?: unknown[] }).creators ?? [answer]);
      expect(items.length).toBeGreaterThan(0);
    }
  });
});
