/**
 * `hubgraph start` (what `npm start` runs), end to end, on its own local Neo4j (own home and
 * ports): it starts Neo4j, migrates, serves GraphQL whose graphStats answers, prints the URLs, warms
 * up (/ready once it has), creates the API key mutations need and prints it, and Ctrl-C stops the
 * server and the Neo4j it started.
 * Regression: Apollo's own SIGINT handler used to kill the process before Neo4j was stopped.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { reset } from '../../src/neo4j/local.js';
import { TEST_LOCAL_NEO4J } from './neo4j.js';

const home = path.join(PROJECT_ROOT, '.neo4j-test-start');

/** A demo corpus in the layout of data/demo, a few rows per file. */
function tinyDemo(): string {
  const dir = path.join(tmpdir(), `hubgraph-tiny-demo-${process.pid}`);
  const put = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), gzipSync(text));
  };
  const model = (id: string, downloads: number, tags: string[]) =>
    JSON.stringify({ id, modelId: id, author: id.split('/')[0], downloads, lastModified: '2024-09-01T00:00:00.000Z', tags, pipeline_tag: 'text-generation' });
  put(
    'hf_models/hf_list_models_2024-09-20_top_downloads.ndjson.gz',
    [model('tinyorg/a', 300, ['transformers', 'arxiv:1810.04805']), model('tinyorg/b', 200, ['base_model:finetune:tinyorg/a']), model('tinyuser/c', 100, [])].join('\n') + '\n',
  );
  put(
    'hf_api_models/hf_api_models_2025-01_rimel_union.ndjson.gz',
    JSON.stringify({ id: 'tinyorg/a', modelId: 'tinyorg/a', likes: 7, downloads: 350, tags: ['transformers'], createdAt: '2023-01-01T00:00:00.000Z', library_name: 'transformers' }) + '\n',
  );
  put('hf_lineage/lineage_edges_2025-06-11.csv.gz', 'source,target,edge\ntinyorg/a,tinyuser/c,quantized\n');
  put('arxiv/hf_cited_categories/arxiv_categories.csv.gz', 'arxiv_id,primary_category,categories\n1810.04805,cs.CL,cs.CL\n');
  put('social_github_musae/nodes.csv.gz', 'id,name,ml_target\n0,alice,1\n1,bob,0\n2,carol,1\n3,dave,0\n');
  put('social_github_musae/edges_train.csv.gz', 'id_1,id_2\n0,1\n0,2\n1,3\n');
  return dir;
}
const env = {
  // No NODE_ENV (vitest sets `test`): `start` runs as a user runs it, under its default `production`.
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('NEO4J_') && !k.startsWith('HUBGRAPH_') && k !== 'NODE_ENV')),
  HUBGRAPH_NEO4J_DIR: home,
  HUBGRAPH_NEO4J_BOLT_PORT: '37687',
  HUBGRAPH_NEO4J_HTTP_PORT: '37474',
  HUBGRAPH_NEO4J_HEAP: '512m',
  HUBGRAPH_NEO4J_PAGECACHE: '128m',
  // APOC only: Graph Data Science makes a start take minutes on a loaded machine, and start needs none of it.
  HUBGRAPH_NEO4J_PLUGINS_DIR: path.join(PROJECT_ROOT, 'neo4j', 'target', 'plugins'),
  HUBGRAPH_DATA_DIR: tinyDemo(),
  HUBGRAPH_QUARANTINE_DIR: path.join(tmpdir(), 'hubgraph-start-quarantine'),
  HUBGRAPH_REPORTS_DIR: path.join(tmpdir(), 'hubgraph-start-reports'),
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
  let child: ReturnType<typeof spawn> | undefined;
  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    // A run that failed before reading the pid still leaves no Neo4j behind (the next run's reset refuses a running one).
    const pidFile = path.join(home, 'run', 'neo4j.pid');
    if (!neo4jPid && existsSync(pidFile)) neo4jPid = Number(readFileSync(pidFile, 'utf8'));
    if (neo4jPid && alive(neo4jPid)) process.kill(neo4jPid, 'SIGKILL');
  });

  it('loads the demo corpus into an empty database, serves graphStats, prints the URLs, and Ctrl-C stops what it started', async () => {
    // An empty store: the demo corpus is loaded only into an empty database.
    reset({ ...TEST_LOCAL_NEO4J, home, boltPort: 37687, httpPort: 37474 });
    // No key kept from an earlier run (reset leaves it): this start must create one.
    rmSync(path.join(home, 'api-key'), { force: true });
    const proc = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'hubgraph.js'), 'start'], { env, cwd: PROJECT_ROOT });
    child = proc;
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => proc.on('close', resolve));

    const deadline = Date.now() + 300_000;
    while (!out.includes('GraphQL:') && Date.now() < deadline && proc.exitCode === null) await sleep(250);
    expect(out).toContain('GraphQL:        http://127.0.0.1:34000/graphql');
    expect(out).toContain('Neo4j Browser:  http://127.0.0.1:37474/browser/');
    expect(out).toContain('password hubgraph-local');

    const res = await fetch('http://127.0.0.1:34000/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ graphStats { nodes labels { name count } relationshipTypes { name count } } }' }),
    });
    const body = (await res.json()) as { data: { graphStats: { nodes: number; labels: { name: string; count: number }[]; relationshipTypes: { name: string; count: number }[] } } };
    const labels = Object.fromEntries(body.data.graphStats.labels.map((l) => [l.name, l.count]));
    const types = Object.fromEntries(body.data.graphStats.relationshipTypes.map((l) => [l.name, l.count]));
    expect(labels.Model).toBe(3);
    expect(labels.Paper).toBe(1);
    expect(types.FOLLOWS).toBe(6);
    expect(types.DERIVED_FROM).toBe(2);
    expect(res.headers.get('cache-control')).toBe('no-store');
    // Introspection stays on under NODE_ENV=production (Apollo's default there is off).
    const introspection = await fetch('http://127.0.0.1:34000/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
    });
    expect(await introspection.json()).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    expect(out).toContain('ingest demo');
    expect((await fetch('http://127.0.0.1:37474/browser/')).status).toBe(200);

    // Mutations work on a local start: with no HUBGRAPH_API_KEY, start created a key, kept it in
    // its home and printed it with the header to send. (Regression: every mutation was refused.)
    const printed = / {2}API key: +(\S+) {2}\(for mutations; kept in \.neo4j-test-start\/api-key/.exec(out)?.[1];
    expect(printed, out).toMatch(/^[0-9a-f]{64}$/);
    expect(out).toContain(`Authorization: Bearer ${printed}`);
    expect(readFileSync(path.join(home, 'api-key'), 'utf8').trim()).toBe(printed);
    // The stand-in maps the two best-connected GitHub developers onto tinyorg and tinyuser; dave stays github:dave.
    const follow = (auth?: string) =>
      fetch('http://127.0.0.1:34000/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
        body: JSON.stringify({ query: 'mutation { follow(userId: "github:dave", creatorId: "tinyorg") { following changed followers } }' }),
      });
    expect((await follow()).status).toBe(401);
    const followed = await follow(`Bearer ${printed}`);
    expect(await followed.json()).toEqual({ data: { follow: { following: true, changed: true, followers: 3 } } });

    // The warm-up asks every example question once; /ready says ready only after it (503 before).
    const readyBy = Date.now() + 240_000;
    let ready = await fetch('http://127.0.0.1:34000/ready');
    while (ready.status !== 200 && Date.now() < readyBy) {
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'warming up' });
      await sleep(250);
      ready = await fetch('http://127.0.0.1:34000/ready');
    }
    expect(ready.status).toBe(200);
    expect(out).toMatch(/warm-up: \d+ example operations in [\d.]+ s \(0 answered with errors\); ready/);

    neo4jPid = Number(readFileSync(path.join(home, 'run', 'neo4j.pid'), 'utf8'));
    expect(alive(neo4jPid)).toBe(true);

    proc.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(out).toContain('local Neo4j stopped');
    expect(alive(neo4jPid)).toBe(false);
    expect(existsSync(path.join(home, 'run', 'neo4j.pid'))).toBe(false);
  }, 720_000);
});
