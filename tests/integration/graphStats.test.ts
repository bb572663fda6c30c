/** The GraphQL endpoint over real HTTP against the real Neo4j: graphStats, health, readiness, limits. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/graphql/server.js';
import { silentLogger } from '../../src/log.js';
import type { Db } from '../../src/neo4j/db.js';
import { migrate } from '../../src/neo4j/migrate.js';
import { cleanup, testDb, uniquePrefix } from './neo4j.js';

describe('GraphQL graphStats', () => {
  let db: Db;
  let server: RunningServer;
  const prefix = uniquePrefix('graphstats');

  const gql = async (query: string) => {
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    return { status: res.status, body: (await res.json()) as { data?: any; errors?: any[] } };
  };

  beforeAll(async () => {
    db = testDb();
    await migrate(db, silentLogger());
    server = await startServer({ config: loadConfig({}), db, log: silentLogger() }, { host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await server.stop();
    await cleanup(db, prefix);
    await db.close();
  });

  it('counts what was added, per label and per relationship type, as plain numbers', async () => {
    const q = '{ graphStats { nodes relationships labels { name count } relationshipTypes { name count } } }';
    const before = (await gql(q)).body.data.graphStats;
    await db.write(
      `CREATE (c:Creator:Organization {id: $p + 'org'})-[:CREATED]->(m:Model {id: $p + 'org/m1'}),
              (c)-[:CREATED]->(:Model {id: $p + 'org/m2'}), (m)-[:HAS_TASK]->(:Task {id: $p + 'task'})`,
      { p: prefix },
    );
    const { status, body } = await gql(q);
    expect(status).toBe(200);
    const after = body.data.graphStats;
    const count = (s: any, kind: 'labels' | 'relationshipTypes', name: string) => s[kind].find((x: any) => x.name === name).count;
    expect(count(after, 'labels', 'Model') - count(before, 'labels', 'Model')).toBe(2);
    expect(count(after, 'labels', 'Creator') - count(before, 'labels', 'Creator')).toBe(1);
    expect(count(after, 'labels', 'Organization') - count(before, 'labels', 'Organization')).toBe(1);
    expect(count(after, 'relationshipTypes', 'CREATED') - count(before, 'relationshipTypes', 'CREATED')).toBe(2);
    expect(count(after, 'relationshipTypes', 'HAS_TASK') - count(before, 'relationshipTypes', 'HAS_TASK')).toBe(1);
    expect(after.nodes - before.nodes).toBe(4);
    expect(after.relationships - before.relationships).toBe(3);
    expect(typeof after.nodes).toBe('number');
  });

  it('health reports the Neo4j version', async () => {
    const { body } = await gql('{ health { status neo4jVersion neo4jEdition database } }');
    expect(body.data.health).toMatchObject({ status: 'ok', database: 'neo4j' });
    expect(body.data.health.neo4jVersion).toMatch(/^5\./);
  });

  it('serves /health and /ready', async () => {
    const base = server.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('rejects an unknown field with a GraphQL validation error, not a crash', async () => {
    const { status, body } = await gql('{ graphStats { nope } }');
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a body over the size limit with 413', async () => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ graphStats { nodes } } # ${'x'.repeat(2 * 1024 * 1024)}` }),
    });
    expect(res.status).toBe(413);
  });
});
