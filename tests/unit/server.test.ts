/**
 * The HTTP server's settings that must not depend on NODE_ENV. `hubgraph serve` and `start` run
 * under NODE_ENV=production (bin/hubgraph.js), where Apollo's defaults differ: introspection off,
 * Apollo's production landing page. The server sets these itself; these tests hold it to that, over
 * real HTTP, with a stand-in Db (no Neo4j). Also: Apollo's cache-control plugin is disabled, and
 * every answer still says `cache-control: no-store`, as it did. Answers are compact JSON (Apollo
 * indents them by default: twice the bytes of a 20-row answer).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCodes, HubgraphError } from '../../src/errors.js';
import { loadConfig } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/graphql/server.js';
import { silentLogger } from '../../src/log.js';
import type { Db } from '../../src/neo4j/db.js';
import { standInDb as standIn } from './standInDb.js';

const ROW = {
  creator: { id: 'org-b', name: 'Org B', kind: 'organization', source: 'hub', authority: null },
  score: 0.25,
  count: 3,
  computedAt: null,
};

/** A Db answering every read with one recommendation row, or failing with an unexpected error. */
function standInDb(fail: boolean): Db {
  return standIn({
    read: async <T>(): Promise<T[]> => {
      if (fail) throw new Error('boom: an unexpected failure deep in the Db');
      return [ROW as T];
    },
  });
}

const QUESTION = '{ commonlyFollowedWith(creatorId: "org-a", first: 5) { creator { id } score reason { kind count } } }';

async function post(server: RunningServer, query: string) {
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: JSON.parse(text) as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
}

for (const nodeEnv of ['production', 'development']) {
  describe(`the GraphQL server under NODE_ENV=${nodeEnv}`, () => {
    const saved = process.env.NODE_ENV;
    let server: RunningServer;
    let failing: RunningServer;

    beforeAll(async () => {
      // Apollo reads NODE_ENV when the server is constructed.
      process.env.NODE_ENV = nodeEnv;
      const deps = { config: loadConfig({}), log: silentLogger() };
      server = await startServer({ ...deps, db: standInDb(false) }, { host: '127.0.0.1', port: 0 });
      failing = await startServer({ ...deps, db: standInDb(true) }, { host: '127.0.0.1', port: 0 });
    });
    afterAll(async () => {
      if (saved === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = saved;
      await server?.stop();
      await failing?.stop();
    });

    it('answers a question, with cache-control: no-store', async () => {
      const res = await post(server, QUESTION);
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.commonlyFollowedWith).toEqual([{ creator: { id: 'org-b' }, score: 0.25, reason: { kind: 'COMMONLY_FOLLOWED_WITH', count: 3 } }]);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.text).toBe(JSON.stringify(res.body));
    });

    it('answers introspection', async () => {
      const res = await post(server, '{ __schema { queryType { name } } __type(name: "Query") { fields { name } } }');
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.__schema.queryType.name).toBe('Query');
      expect(res.body.data.__type.fields.map((f: { name: string }) => f.name)).toContain('commonlyFollowedWith');
    });

    it('masks an unexpected error: no stack trace, no internals, still no-store', async () => {
      const res = await post(failing, QUESTION);
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors![0]!.message).toBe('Internal server error');
      expect(res.body.errors![0]!.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(res.text).not.toMatch(/boom|stacktrace|\bat .*\.(ts|js):\d+/);
      expect(res.headers.get('cache-control')).toBe('no-store');
    });

    it('reports a syntax error with its code and no stack trace', async () => {
      const res = await post(server, '{ commonlyFollowedWith(');
      expect(res.status).toBe(400);
      expect(res.body.errors![0]!.extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
      expect(res.text).not.toMatch(/stacktrace|\bat .*\.(ts|js):\d+/);
    });

    it("serves the project's own landing page to a browser", async () => {
      const res = await fetch(server.url, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('<title>hubgraph GraphQL</title>');
      expect(html).not.toMatch(/<script[^>]+src=/i);
    });
  });
}

describe('the warm-up and /ready', () => {
  const deps = () => ({ config: loadConfig({}), log: silentLogger(), db: standInDb(false) });
  const ready = async (server: RunningServer) => {
    const res = await fetch(server.url.replace(/\/graphql$/, '/ready'));
    return { status: res.status, body: (await res.json()) as { status: string } };
  };
  const servers: RunningServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.stop();
  });
  const serve = async (extra: Partial<Parameters<typeof startServer>[0]> = {}) => {
    const server = await startServer({ ...deps(), ...extra }, { host: '127.0.0.1', port: 0 });
    servers.push(server);
    return server;
  };

  it('is ready at once without a warm-up', async () => {
    const server = await serve();
    expect(await server.warmedUp).toBeNull();
    expect(await ready(server)).toEqual({ status: 200, body: { status: 'ready' } });
  });

  it('answers 503 "warming up" until the warm-up is over, serving questions meanwhile', async () => {
    let finish: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    const server = await serve({
      warmUp: async () => {
        await gate;
        return { operations: 3, errors: 0, seconds: 0.1 };
      },
    });
    const before = await ready(server);
    expect(before.status).toBe(503);
    expect(before.body.status).toBe('warming up');
    expect((await post(server, QUESTION)).body.data.commonlyFollowedWith).toHaveLength(1);
    finish();
    expect(await server.warmedUp).toEqual({ operations: 3, errors: 0, seconds: 0.1 });
    expect(await ready(server)).toEqual({ status: 200, body: { status: 'ready' } });
  });

  it('stops a warm-up still running when the server stops, and waits for it', async () => {
    let aborted = false;
    const server = await startServer(
      {
        ...deps(),
        warmUp: async (_apollo, _context, signal) => {
          await new Promise((resolve) => signal!.addEventListener('abort', resolve));
          aborted = true;
          return { operations: 1, errors: 0, seconds: 0 };
        },
      },
      { host: '127.0.0.1', port: 0 },
    );
    expect((await ready(server)).status).toBe(503);
    await server.stop();
    expect(aborted).toBe(true);
  });

  it('becomes ready, cold, when the warm-up fails', async () => {
    const server = await serve({
      warmUp: async () => {
        throw new Error('Neo4j went away');
      },
    });
    expect(await server.warmedUp).toBeNull();
    expect((await ready(server)).status).toBe(200);
  });
});

describe('a server that cannot listen', () => {
  const deps = () => ({ config: loadConfig({}), log: silentLogger(), db: standInDb(false) });

  it('says the port is in use in one line with a code, not as a bug', async () => {
    // Regression: EADDRINUSE reached the CLI as "unexpected error (a bug)", exit 2, with a stack.
    const first = await startServer(deps(), { host: '127.0.0.1', port: 0 });
    try {
      const port = Number(new URL(first.url).port);
      const error = await startServer(deps(), { host: '127.0.0.1', port }).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(HubgraphError);
      expect(error).toMatchObject({ code: ErrorCodes.SERVER_LISTEN_FAILED, message: `Port ${port} is already in use (127.0.0.1:${port})` });
      expect((error as HubgraphError).hint).toContain('PORT');
    } finally {
      await first.stop();
    }
  });

  it('says HOST is not an address of this machine when it does not resolve', async () => {
    const error = await startServer(deps(), { host: 'no-such-host.invalid', port: 0 }).then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ code: ErrorCodes.SERVER_LISTEN_FAILED });
    expect((error as HubgraphError).message).toContain('HOST is not an address of this machine');
  });
});
