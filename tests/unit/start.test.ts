/**
 * src/cli/start.ts: `hubgraph serve` / `start` format neo4j-driver's per-query stack capture
 * without source maps (every other stack still goes through the formatter that was there before);
 * `start` creates, keeps and reuses the API key mutations need, unless HUBGRAPH_API_KEY is set.
 */
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterEach, describe, expect, it } from 'vitest';
import { apiKeyFile, apiKeyLines, formatDriverCapturesUnmapped, localApiKey, newApiKey } from '../../src/cli/start.js';
import { loadConfig } from '../../src/config.js';

describe('formatDriverCapturesUnmapped', () => {
  const saved = Error.prepareStackTrace;
  afterEach(() => {
    Error.prepareStackTrace = saved;
  });

  it("formats the driver's capture itself, with every frame, and hands every other error to the previous formatter", () => {
    const handed: string[] = [];
    Error.prepareStackTrace = (error) => {
      handed.push(error.message);
      return `previous formatter: ${error.message}`;
    };
    const undo = formatDriverCapturesUnmapped();

    // A Result captures its stack when it is created (kept for the error, should the query fail).
    const result = new neo4j.Result(new Promise<never>(() => {}), 'RETURN 1');
    const captured = (result as unknown as { _stack: string | null })._stack ?? '';
    expect(captured).toMatch(/^\s*at captureStacktrace \(.*neo4j-driver-core.*result\.js:\d+:\d+\)/);
    expect(captured).toMatch(/\n\s+at .*start\.test\.ts/);
    expect(handed).toEqual([]);

    expect(new Error('anything else').stack).toBe('previous formatter: anything else');
    // An empty message alone does not make a driver capture.
    expect(new Error('').stack).toBe('previous formatter: ');
    expect(handed).toEqual(['anything else', '']);

    undo();
    const again = new neo4j.Result(new Promise<never>(() => {}), 'RETURN 1');
    expect((again as unknown as { _stack: string | null })._stack).toBe('previous formatter: ');
  });
});

describe('localApiKey (the key of a local start)', () => {
  const home = () => path.join(mkdtempSync(path.join(tmpdir(), 'hubgraph-key-')), '.neo4j');

  it('creates a random key on the first start, keeps it readable by its owner only, and reuses it on the next', () => {
    const config = loadConfig({ HUBGRAPH_NEO4J_DIR: home() });
    const first = localApiKey(config);
    expect(first).toEqual({ key: expect.stringMatching(/^[0-9a-f]{64}$/), source: 'created', file: apiKeyFile(config) });
    expect(readFileSync(apiKeyFile(config), 'utf8')).toBe(`${first.key}\n`);
    expect(statSync(apiKeyFile(config)).mode & 0o777).toBe(0o600);

    const again = localApiKey(config, () => {
      throw new Error('a kept key must be reused, not replaced');
    });
    expect(again).toEqual({ key: first.key, source: 'reused', file: apiKeyFile(config) });
    // Another home, another key.
    expect(localApiKey(loadConfig({ HUBGRAPH_NEO4J_DIR: home() })).key).not.toBe(first.key);
  });

  it('lets HUBGRAPH_API_KEY win and writes no file', () => {
    const config = loadConfig({ HUBGRAPH_NEO4J_DIR: home(), HUBGRAPH_API_KEY: 'chosen-by-the-operator' });
    expect(localApiKey(config)).toEqual({ key: 'chosen-by-the-operator', source: 'HUBGRAPH_API_KEY' });
    expect(() => statSync(apiKeyFile(config))).toThrow(/ENOENT/);
  });

  it.each(['', '   \n', 'short', 'has spaces in it but is long enough to pass the length check'])('replaces a key file holding %j', (text) => {
    const config = loadConfig({ HUBGRAPH_NEO4J_DIR: home() });
    mkdirSync(path.dirname(apiKeyFile(config)), { recursive: true });
    writeFileSync(apiKeyFile(config), text);
    const replaced = localApiKey(config, () => 'k'.repeat(43));
    expect(replaced).toMatchObject({ key: 'k'.repeat(43), source: 'created' });
    expect(readFileSync(apiKeyFile(config), 'utf8')).toBe(`${'k'.repeat(43)}\n`);
  });

  it('new keys differ', () => {
    expect(new Set(Array.from({ length: 20 }, newApiKey)).size).toBe(20);
  });

  it('prints the key and the header to send for a kept key, never an operator key', () => {
    const lines = apiKeyLines({ key: 'k'.repeat(43), source: 'created', file: apiKeyFile(loadConfig({})) });
    expect(lines.join('\n')).toContain(`API key:        ${'k'.repeat(43)}  (for mutations; kept in .neo4j/api-key`);
    expect(lines.join('\n')).toContain(`Authorization: Bearer ${'k'.repeat(43)}`);
    const operator = apiKeyLines({ key: 'secret-from-env', source: 'HUBGRAPH_API_KEY' }).join('\n');
    expect(operator).not.toContain('secret-from-env');
    expect(operator).toContain('from HUBGRAPH_API_KEY');
  });
});
