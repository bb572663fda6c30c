/**
 * The chaos suite (issue 17): Neo4j itself dies or stops under work, on an instance of its own —
 * the project's local Maven-resolved Neo4j with its own home and ports (HUBGRAPH_TEST_CHAOS_BOLT_PORT,
 * HUBGRAPH_TEST_CHAOS_HTTP_PORT; default 17689, 17479), so killing it never touches the instance the
 * other suites share.
 *   (a) SIGKILL of the Neo4j JVM under a running `ingest models`: the job ends with one
 *       NEO4J_UNAVAILABLE line and exit code 1 within 30 s; after a restart the rerun resumes and the
 *       graph equals an uninterrupted load.
 *   (b) Neo4j stopped under 8 GraphQL clients: every request refused is refused within 2 s, with
 *       SERVICE_UNAVAILABLE (one answered while Neo4j starts again may be slower: it is an answer); /ready answers 503 with the reason within 1 s; after the restart the
 *       first answer comes within 5 s.
 * Bounds, not speed figures: these are what the outage handling promises. The measured numbers are
 * printed (docs/reliability.md quotes them).
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../../ingest/job.js';
import { ingestModelsFile } from '../../ingest/jobs/models.js';
import { loadConfig, PROJECT_ROOT, type LocalNeo4jConfig } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/graphql/server.js';
import { silentLogger } from '../../src/log.js';
import { createDb, type Db } from '../../src/neo4j/db.js';
import { install, NEO4J_POM_DIR, reset, start, status, stop } from '../../src/neo4j/local.js';
import { migrate } from '../../src/neo4j/migrate.js';
import { apiModel, committedRows, fingerprint, ingestDeps, namespacePrefix, tempDir, writeNdjson } from './ingestFixtures.js';

const env = process.env;
const CHAOS: LocalNeo4jConfig = {
  home: path.join(PROJECT_ROOT, env.HUBGRAPH_TEST_CHAOS_DIR ?? '.neo4j-chaos'),
  boltPort: Number(env.HUBGRAPH_TEST_CHAOS_BOLT_PORT ?? 17689),
  httpPort: Number(env.HUBGRAPH_TEST_CHAOS_HTTP_PORT ?? 17479),
  heap: '512m',
  pagecache: '128m',
  password: 'hubgraph-chaos',
  startTimeoutSeconds: 300,
  // APOC only: Graph Data Science would add 30–80 s to each of the three starts.
  pluginsDir: path.join(NEO4J_POM_DIR, 'target', 'plugins'),
};
const connection = { uri: `bolt://127.0.0.1:${CHAOS.boltPort}`, user: 'neo4j', password: CHAOS.password, database: 'neo4j' };
const log = silentLogger();
const MODELS = 3000;

function modelsFor(p: string) {
  return Array.from({ length: MODELS }, (_, i) =>
    apiModel(p, `m${String(i).padStart(5, '0')}`, {
      downloads: i,
      tags: ['transformers', `${p}-tag${i % 7}`, `dataset:${p}-ds/d${i % 11}`, ...(i > 0 ? [`base_model:finetune:${p}-org/m${String(i - 1).padStart(5, '0')}`] : [])],
    }),
  );
}

/** SIGKILL, as the OOM killer or a lost host would: no shutdown, no goodbye on the sockets. */
async function killNeo4j(): Promise<void> {
  const { pid } = await status(CHAOS);
  if (pid === null) throw new Error('the chaos Neo4j is not running');
  process.kill(pid, 'SIGKILL');
  while ((await status(CHAOS)).running) await sleep(50);
}

describe('chaos: Neo4j dies under work', () => {
  let db: Db;
  const dir = tempDir();
  const figures: Record<string, number> = {};
  const loaded = namespacePrefix();

  beforeAll(async () => {
    install(log);
    await stop(CHAOS, log);
    reset(CHAOS);
    mkdirSync(CHAOS.home, { recursive: true });
    await start(CHAOS, log);
    db = createDb({ connection, log });
    await migrate(db, log);
  }, 400_000);
  afterAll(async () => {
    console.log(`[tests] chaos figures: ${JSON.stringify(figures)}`);
    await db?.close();
    await stop(CHAOS, log);
  }, 120_000);

  it('(a) a job whose Neo4j is killed fails in one line within 30 s, and its rerun resumes to a clean load', async () => {
    const reference = namespacePrefix();
    await runJob(ingestDeps(db, dir), 'models', async (run) => void (await ingestModelsFile(run, writeNdjson(dir, 'reference.ndjson'
      , modelsFor(reference)), 'chaos-test')));

    const file = writeNdjson(dir, 'killed.ndjson', modelsFor(loaded));
    const checkpoints = path.join(dir, 'cli-checkpoints');
    const childEnv = {
      ...Object.fromEntries(Object.entries(env).filter(([k]) => !k.startsWith('NEO4J_') && !k.startsWith('HUBGRAPH_'))),
      NEO4J_URI: connection.uri,
      NEO4J_USER: connection.user,
      NEO4J_PASSWORD: connection.password,
      HUBGRAPH_CHECKPOINT_DIR: checkpoints,
      HUBGRAPH_QUARANTINE_DIR: path.join(dir, 'cli-quarantine'),
      HUBGRAPH_REPORTS_DIR: path.join(dir, 'cli-reports'),
      LOG_LEVEL: 'warn',
    };
    const args = [path.join(PROJECT_ROOT, 'bin', 'hubgraph.js'), 'ingest', 'models', '--file', file, '--source', 'chaos-test', '--batch-size', '50'];
    const child = spawn(process.execPath, args, { env: childEnv, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const committed = () => committedRows(checkpoints);
    const deadline = Date.now() + 120_000;
    while (committed() < 600 && Date.now() < deadline && child.exitCode === null) await sleep(20);
    expect(child.exitCode).toBeNull();

    const killedAt = Date.now();
    await killNeo4j();
    const code = await Promise.race([exited, sleep(60_000).then(() => 'still running')]);
    figures.jobFailsSeconds = (Date.now() - killedAt) / 1000;
    if (code === 'still running') child.kill('SIGKILL');
    expect(code).toBe(1);
    expect(figures.jobFailsSeconds).toBeLessThan(30);
    const lines = stderr.trim().split('\n').filter((l) => l.startsWith('hubgraph:'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^hubgraph: .*Neo4j.* \[NEO4J_UNAVAILABLE\]$/);
    expect(stderr).not.toMatch(/\n\s+at /);

    const restartedAt = Date.now();
    await start(CHAOS, log);
    figures.restartSeconds = (Date.now() - restartedAt) / 1000;
    const atKill = committed();
    expect(atKill).toBeGreaterThanOrEqual(600);
    const rerun = await runJob(ingestDeps(db, dir, { checkpointDir: checkpoints }), 'models', async (run) => void (await ingestModelsFile(run, file, 'chaos-test')));
    expect(rerun.totals.skipped).toBe(atKill);
    expect(rerun.totals.loaded).toBe(MODELS - atKill);
    const [a, b] = [await fingerprint(db, loaded, true), await fingerprint(db, reference, true)];
    expect(a.nodes.length).toBeGreaterThan(MODELS);
    expect(a).toEqual(b);
  }, 600_000);

  it('(b) with Neo4j stopped under 8 clients every refusal comes within 2 s, /ready within 1 s, and answers resume within 5 s of its restart', async () => {
    await start(CHAOS, log); // running already unless (a) failed before its restart
    let server: RunningServer | undefined;
    let running = true;
    let clients: Array<Promise<void>> = [];
    try {
      server = await startServer({ config: loadConfig({}), db, log }, { host: '127.0.0.1', port: 0 });
      const url = server.url;
      const query = `{ model(id: "${loaded}-org/m00042") { id downloads } }`;
      type Outcome = { startedAt: number; ms: number; ok: boolean; code: string | null };
      const outcomes: Outcome[] = [];
      const ask = async (): Promise<Outcome> => {
        const startedAt = Date.now();
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
        const body = (await res.json()) as { data?: { model?: { id: string } | null }; errors?: Array<{ extensions?: { code?: string } }> };
        // Answered (the model is there after (a); null without it, which still asks Neo4j).
        const ok = body.errors === undefined && body.data !== undefined;
        return { startedAt, ms: Date.now() - startedAt, ok, code: body.errors?.[0]?.extensions?.code ?? null };
      };
      clients = Array.from({ length: 8 }, async () => {
        while (running) {
          outcomes.push(await ask());
          await sleep(20);
        }
      });
      await sleep(1000);
      expect(outcomes.length).toBeGreaterThan(0);
      expect(outcomes.every((o) => o.ok)).toBe(true);

      const stoppingAt = Date.now();
      await stop(CHAOS, log);
      const stoppedAt = Date.now();
      await sleep(3000);
      const readyStart = Date.now();
      const ready = await fetch(url.replace('/graphql', '/ready'));
      figures.readyMs = Date.now() - readyStart;
      const readyBody = (await ready.json()) as { status: string; reason?: string };
      expect(ready.status).toBe(503);
      expect(readyBody.reason).toMatch(/Neo4j/);
      expect(figures.readyMs).toBeLessThan(1000);

      const restartAt = Date.now();
      await start(CHAOS, log);
      const upAt = Date.now();
      figures.restartSeconds2 = (upAt - restartAt) / 1000;
      while (!outcomes.some((o) => o.ok && o.startedAt >= upAt) && Date.now() - upAt < 20_000) await sleep(20);
      running = false;
      await Promise.all(clients);

      const during = outcomes.filter((o) => o.startedAt >= stoppingAt && o.startedAt < upAt);
      const refused = during.filter((o) => !o.ok);
      figures.requestsDuringOutage = during.length;
      figures.refused = refused.length;
      // The bound is on refusals: once Neo4j's Bolt is back (before `start` returns), a cold Neo4j may
      // take seconds to answer on a loaded machine (CI once: 4.1 s) — an answer, not an outage.
      figures.slowestRefusalMs = Math.max(...refused.map((o) => o.ms));
      figures.slowestAnswerDuringRestartMs = Math.max(0, ...during.filter((o) => o.ok).map((o) => o.ms));
      figures.stopSeconds = (stoppedAt - stoppingAt) / 1000;
      const slow = during.filter((o) => o.ms >= 1000).map((o) => ({ at: o.startedAt - stoppingAt, ms: o.ms, code: o.code }));
      if (slow.length > 0) console.log(`[tests] chaos: requests over 1 s while Neo4j was stopped or starting: ${JSON.stringify(slow.slice(0, 20))}`);
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.every((o) => o.code === 'SERVICE_UNAVAILABLE')).toBe(true);
      expect(figures.slowestRefusalMs).toBeLessThan(2000);
      const firstAnswer = outcomes.filter((o) => o.ok && o.startedAt >= upAt).map((o) => o.startedAt + o.ms);
      expect(firstAnswer.length).toBeGreaterThan(0);
      figures.firstAnswerAfterRestartMs = Math.min(...firstAnswer) - upAt;
      expect(figures.firstAnswerAfterRestartMs).toBeLessThan(5000);
      const after = await fetch(url.replace('/graphql', '/ready'));
      expect(after.status).toBe(200);
    } finally {
      running = false;
      await Promise.allSettled(clients);
      await server?.stop();
    }
  }, 600_000);
});
