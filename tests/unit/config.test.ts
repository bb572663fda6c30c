import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoDataDir } from '../../ingest/jobs/demo.js';
import { loadConfig, PROJECT_ROOT, SETTINGS } from '../../src/config.js';
import { HubgraphError } from '../../src/errors.js';

describe('loadConfig', () => {
  it('finds the demo corpus inside the project, so a clone anywhere has it', () => {
    // Regression: the default was a data folder beside the clone, which exists only on the project's own machines.
    const dir = loadConfig({}).dataDir;
    expect(dir).toBe(path.join(PROJECT_ROOT, 'data', 'demo'));
    expect(demoDataDir(dir)).toBe(dir);
    expect(loadConfig({ HUBGRAPH_DATA_DIR: '/elsewhere' }).dataDir).toBe('/elsewhere');
  });

  it('has documented defaults for local use', () => {
    const c = loadConfig({});
    expect(c.neo4jUri).toBeUndefined();
    expect(c.neo4j).toEqual({ uri: 'bolt://127.0.0.1:7687', user: 'neo4j', password: 'hubgraph-local', database: 'neo4j' });
    expect(c.local.home).toBe(path.join(PROJECT_ROOT, '.neo4j'));
    expect(c.server).toMatchObject({ host: '127.0.0.1', port: 4000 });
  });

  it('uses NEO4J_URI when set, routing URIs included', () => {
    const c = loadConfig({ NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io', NEO4J_PASSWORD: 'secret-password' });
    expect(c.neo4jUri).toBe('neo4j+s://abc.databases.neo4j.io');
    expect(c.neo4j.uri).toBe('neo4j+s://abc.databases.neo4j.io');
    expect(c.neo4j.password).toBe('secret-password');
  });

  it('moves the local instance with its ports', () => {
    const c = loadConfig({ HUBGRAPH_NEO4J_BOLT_PORT: '17000', HUBGRAPH_NEO4J_HTTP_PORT: '17001', HUBGRAPH_NEO4J_DIR: '/tmp/x' });
    expect(c.neo4j.uri).toBe('bolt://127.0.0.1:17000');
    expect(c.local).toMatchObject({ boltPort: 17000, httpPort: 17001, home: '/tmp/x' });
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ NEO4J_URI: '', PORT: '' }).server.port).toBe(4000);
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({ NEO4J_URI: 'http://x', PORT: '70000', NEO4J_PASSWORD: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HubgraphError);
    const message = (error as HubgraphError).message;
    expect(message).toContain('NEO4J_URI');
    expect(message).toContain('PORT');
    expect(message).toContain('NEO4J_PASSWORD');
    expect((error as HubgraphError).code).toBe('CONFIG_INVALID');
  });

  it('refuses the same port for Bolt and HTTP', () => {
    expect(() => loadConfig({ HUBGRAPH_NEO4J_BOLT_PORT: '7000', HUBGRAPH_NEO4J_HTTP_PORT: '7000' })).toThrow(/both 7000/);
  });

  it('documents every setting', () => {
    for (const [name, s] of Object.entries(SETTINGS)) expect(s.doc.length, name).toBeGreaterThan(5);
  });
});
