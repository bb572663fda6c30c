/**
 * `hubgraph start` (what `npm start` runs), end to end, on its own local Neo4j (own home and
 * ports): it starts Neo4j, migrates, serves GraphQL whose graphStats answers, prints the URLs, and
 * Ctrl-C stops the server and the Neo4j it started.
 * Regression: Apollo's own SIGINT handler used to kill the process before Neo4j was stopped.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';

const home = path.join(PROJECT_ROOT, '.neo4j-test-start');
const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('NEO4J_') && !k.startsWith('HUBGRAPH_'))),
  HUBGRAPH_NEO4J_DIR: home,
  HUBGRAPH_NEO4J_BOLT_PORT: '37687',
  HUBGRAPH_NEO4J_HTTP_PORT: '37474',
  HUBGRAPH_NEO4J_HEAP: '512m',
  HUBGRAPH_NEO4J_PAGECACHE: '128m',
  HUBGRAPH_DATA_DIR: path.join(PROJECT_ROOT, 'tests', 'fixtures'),
  PORT: '34000',
  LOG_LEVEL: 'info',
  LOG_PRETTY: 'false',
};

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('hubgraph start', () => {
  let neo4jPid = 0;
  afterAll(() => {
    if (neo4jPid && alive(neo4jPid)) process.kill(neo4jPid, 'SIGKILL');
  });

  it('serves graphStats, prints the URLs, and Ctrl-C stops what it started', async () => {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'hubgraph.js'), 'start', '--no-demo'], { env, cwd: PROJECT_ROOT });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));

    const deadline = Date.now() + 150_000;
    while (!out.includes('GraphQL:') && Date.now() < deadline && child.exitCode === null) await sleep(250);
    expect(out).toContain('GraphQL:        http://127.0.0.1:34000/graphql');
    expect(out).toContain('Neo4j Browser:  http://127.0.0.1:37474/browser/');
    expect(out).toContain('password hubgraph-local');

    const res = await fetch('http://127.0.0.1:34000/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ graphStats { nodes labels { name count } } }' }),
    });
    const body = (await res.json()) as { data: { graphStats: { nodes: number; labels: { name: string }[] } } };
    expect(body.data.graphStats.labels.map((l) => l.name)).toContain('Model');
    expect((await fetch('http://127.0.0.1:37474/browser/')).status).toBe(200);

    neo4jPid = Number(readFileSync(path.join(home, 'run', 'neo4j.pid'), 'utf8'));
    expect(alive(neo4jPid)).toBe(true);

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(out).toContain('local Neo4j stopped');
    expect(alive(neo4jPid)).toBe(false);
    expect(existsSync(path.join(home, 'run', 'neo4j.pid'))).toBe(false);
  }, 240_000);
});
