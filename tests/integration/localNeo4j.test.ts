/**
 * The local Maven-resolved Neo4j manager. When the suite runs on the local test instance, these
 * tests use it; otherwise (NEO4J_URI or testcontainers) they start their own on other ports.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, type LocalNeo4jConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { createDb } from '../../src/neo4j/db.js';
import { GDS_MARKER, GDS_PLUGINS_DIR, hasGds, pluginsDir, start, status, stop } from '../../src/neo4j/local.js';
import { TEST_LOCAL_NEO4J, testNeo4j } from './neo4j.js';

describe('local Neo4j', () => {
  const log = silentLogger();
  let local: LocalNeo4jConfig;
  let ownInstance = false;

  beforeAll(async () => {
    const provided = testNeo4j().local;
    if (provided) {
      local = provided;
    } else {
      local = { ...TEST_LOCAL_NEO4J, boltPort: 27687, httpPort: 27474, home: path.join(PROJECT_ROOT, '.neo4j-test-2') };
      await start(local, log);
      ownInstance = true;
    }
  });
  afterAll(async () => {
    if (ownInstance) await stop(local, log);
  });

  it('start while running reuses the running instance (same pid, no second JVM)', async () => {
    const before = await status(local);
    expect(before.running).toBe(true);
    const again = await start(local, log);
    expect(again.reused).toBe(true);
    expect(again.pid).toBe(before.pid);
  });

  it('two concurrent starts both reuse it and leave the store usable', async () => {
    const before = await status(local);
    const [a, b] = await Promise.all([start(local, log), start(local, log)]);
    expect([a.pid, b.pid]).toEqual([before.pid, before.pid]);
    const db = createDb({
      connection: { uri: a.boltUri, user: 'neo4j', password: local.password, database: 'neo4j' },
      log,
    });
    try {
      const rows = await db.read<{ one: number }>('RETURN 1 AS one');
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
  });

  it('status reports version, URIs and store size', async () => {
    const s = await status(local);
    expect(s.version).toMatch(/^5\.26\./);
    expect(s.edition).toBe('community');
    expect(s.boltUri).toBe(`bolt://127.0.0.1:${local.boltPort}`);
    expect(s.browserUrl).toBe(`http://127.0.0.1:${local.httpPort}/browser/`);
    expect(s.storeBytes).toBeGreaterThan(0);
  });

  it('serves Neo4j Browser over HTTP', async () => {
    const res = await fetch(`http://127.0.0.1:${local.httpPort}/browser/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Neo4j Browser</title>');
  });

  it('has APOC core loaded', async () => {
    const db = createDb({
      connection: { uri: `bolt://127.0.0.1:${local.boltPort}`, user: 'neo4j', password: local.password, database: 'neo4j' },
      log,
    });
    try {
      const rows = await db.read<{ v: string }>('RETURN apoc.version() AS v');
      expect(rows[0]?.v).toMatch(/^5\.26\./);
    } finally {
      await db.close();
    }
  });

  it('runs with the plugin directory pluginsDir chooses, apoc.* and gds.* allowed, and says whether it has GDS', async () => {
    const s = await status(local);
    expect(s.pluginsDir).toBe(pluginsDir(local));
    expect(s.gds).toBe(hasGds(s.pluginsDir));
    const conf = readFileSync(path.join(local.home, 'conf', 'neo4j.conf'), 'utf8');
    expect(conf).toContain(`server.directories.plugins=${s.pluginsDir}\n`);
    expect(conf).toContain('dbms.security.procedures.unrestricted=apoc.*,gds.*\n');
    expect(conf).toContain('dbms.security.procedures.allowlist=apoc.*,gds.*\n');
    // The setting wins; unset, GDS's directory once gds-install has completed it.
    expect(pluginsDir({ pluginsDir: '/somewhere/plugins' })).toBe('/somewhere/plugins');
    expect(pluginsDir({})).toBe(existsSync(GDS_MARKER) ? GDS_PLUGINS_DIR : path.join(PROJECT_ROOT, 'neo4j', 'target', 'plugins'));
  });
});
