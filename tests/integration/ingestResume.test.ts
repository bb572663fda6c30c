/**
 * Resumability: a run killed with SIGKILL mid-way, then re-run, ends with exactly the graph an
 * uninterrupted run makes (compared node by node and relationship by relationship), and the re-run
 * resumes past what was committed instead of starting over. Also the live-Hub crawl: a crawl that
 * fails at page 3 resumes from page 3's cursor.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inputIdentity } from '../../ingest/checkpoint.js';
import { runJob } from '../../ingest/job.js';
import { ingestModelsFile, ingestModelsHub } from '../../ingest/jobs/models.js';
import { createHubClient } from '../../ingest/sources/hub/index.js';
import { PROJECT_ROOT } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import type { Db } from '../../src/neo4j/db.js';
import { migrate } from '../../src/neo4j/migrate.js';
import { createReplay, loadExchanges } from '../fixtures/hub/replay.js';
import { apiModel, cleanupPrefix, committedRows, fingerprint, ingestDeps, namespacePrefix, tempDir, writeNdjson } from './ingestFixtures.js';
import { testDb, testNeo4j } from './neo4j.js';

const MODELS = 3000;

function modelsFor(p: string) {
  return Array.from({ length: MODELS }, (_, i) =>
    apiModel(p, `m${String(i).padStart(5, '0')}`, {
      downloads: i,
      tags: ['transformers', `${p}-tag${i % 7}`, `dataset:${p}-ds/d${i % 11}`, `license:${p}-lic${i % 3}`, ...(i > 0 ? [`base_model:finetune:${p}-org/m${String(i - 1).padStart(5, '0')}`] : [])],
    }),
  );
}

describe('resuming an interrupted ingest', () => {
  let db: Db;
  const killed = namespacePrefix();
  const reference = namespacePrefix();
  const dir = tempDir();

  beforeAll(async () => {
    db = testDb();
    await migrate(db, silentLogger());
  });
  afterAll(async () => {
    await cleanupPrefix(db, killed);
    await cleanupPrefix(db, reference);
    await db.close();
  });

  it('a run killed with SIGKILL and re-run equals an uninterrupted run', async () => {
    // Reference: one uninterrupted run.
    const refFile = writeNdjson(dir, 'reference.ndjson', modelsFor(reference));
    await runJob(ingestDeps(db, dir), 'models', async (run) => void (await ingestModelsFile(run, refFile, 'resume-test')));

    // The same rows under another prefix, loaded by the real CLI and killed mid-way.
    const file = writeNdjson(dir, 'killed.ndjson', modelsFor(killed));
    const n = testNeo4j();
    const checkpoints = path.join(dir, 'cli-checkpoints');
    const env = {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('NEO4J_') && !k.startsWith('HUBGRAPH_'))),
      NEO4J_URI: n.uri,
      NEO4J_USER: n.user,
      NEO4J_PASSWORD: n.password,
      NEO4J_DATABASE: n.database,
      HUBGRAPH_CHECKPOINT_DIR: checkpoints,
      HUBGRAPH_QUARANTINE_DIR: path.join(dir, 'cli-quarantine'),
      HUBGRAPH_REPORTS_DIR: path.join(dir, 'cli-reports'),
      LOG_LEVEL: 'warn',
    };
    const args = [path.join(PROJECT_ROOT, 'bin', 'hubgraph.js'), 'ingest', 'models', '--file', file, '--source', 'resume-test', '--batch-size', '50'];
    const child = spawn(process.execPath, args, { env, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('close', resolve));
    const committed = () => committedRows(checkpoints);
    const deadline = Date.now() + 60_000;
    while (committed() < 600 && Date.now() < deadline && child.exitCode === null) await sleep(20);
    child.kill('SIGKILL');
    await exited;
    const atKill = committed();
    expect(atKill).toBeGreaterThanOrEqual(600);
    expect(atKill).toBeLessThan(MODELS);
    const [partial] = await db.read<{ n: number }>("MATCH (m:Model {source: 'resume-test'}) WHERE m.id STARTS WITH $p RETURN count(m) AS n", { p: killed });
    expect(partial!.n).toBeLessThan(MODELS);

    // Re-run: resumes after the checkpoint and finishes.
    const rerun = await runJob(ingestDeps(db, dir, { checkpointDir: checkpoints }), 'models', async (run) => void (await ingestModelsFile(run, file, 'resume-test')));
    expect(rerun.totals.skipped).toBe(atKill);
    expect(rerun.totals.loaded).toBe(MODELS - atKill);
    expect(readdirSync(checkpoints).filter((x) => x.endsWith('.json'))).toEqual([]);

    const a = await fingerprint(db, killed, true);
    const b = await fingerprint(db, reference, true);
    expect(a.nodes.length).toBeGreaterThan(MODELS);
    expect(a).toEqual(b);
  }, 180_000);

  it('never resumes from a checkpoint another database left in the same directory (regression)', async () => {
    // Two loads of one file into two databases used to share a checkpoint: the second skipped the
    // rows the first had committed — into the other database — and silently lost them.
    const p = namespacePrefix();
    const file = writeNdjson(dir, `${p}-other-db.ndjson`, modelsFor(p).slice(0, 50));
    const checkpoints = path.join(dir, 'shared-checkpoints');
    const elsewhere: Db = { ...db, uri: 'bolt://other-host:7687', database: db.database, close: async () => {} };
    await runJob(ingestDeps(elsewhere, dir, { checkpointDir: checkpoints }), 'models', async (run) => {
      run.checkpoint('models', inputIdentity(file)).save({ committed: 40 });
    });
    expect(readdirSync(checkpoints).filter((x) => x.endsWith('.json'))).toHaveLength(1);
    try {
      const summary = await runJob(ingestDeps(db, dir, { checkpointDir: checkpoints }), 'models', async (run) => void (await ingestModelsFile(run, file, 'other-db-test')));
      expect(summary.totals.skipped).toBe(0);
      expect(summary.totals.loaded).toBe(50);
      const [row] = await db.read<{ n: number }>('MATCH (m:Model) WHERE m.id STARTS WITH $p RETURN count(m) AS n', { p });
      expect(row!.n).toBe(50);
    } finally {
      await cleanupPrefix(db, p);
    }
  }, 120_000);

  it('a Hub crawl that fails at page 3 resumes from page 3’s cursor and completes the set', async () => {
    const p = namespacePrefix();
    // Recorded pages, with model ids moved under this test's prefix so they are its own nodes.
    const pages = loadExchanges('models-page-1', 'models-page-2', 'models-page-3');
    const prefixed = (body: unknown) =>
      (body as Record<string, unknown>[]).map((m) => ({ ...m, id: `${p}-${m.id as string}`, modelId: `${p}-${m.modelId as string}`, author: `${p}-${m.author as string}` }));
    for (const e of pages) if (Array.isArray(e.response.body)) e.response.body = prefixed(e.response.body);
    const page3Url = pages[2]!.request.url;

    const failing = createReplay(pages.map((e) => (e.request.url === page3Url ? { ...e, response: { status: 401, body: { error: 'Invalid credentials' } } } : e)));
    const deps = ingestDeps(db, dir, { checkpointDir: path.join(dir, 'hub-checkpoints') });
    const client = (fetch: typeof globalThis.fetch) => createHubClient({ fetch, log: silentLogger(), retries: 0, requestsPerMinute: 6000 });
    await expect(runJob(deps, 'models', (run) => ingestModelsHub(run, client(failing.fetch), { limit: 9, pageSize: 3, source: 'hub-test' }).then(() => undefined))).rejects.toThrow(/401/);
    const [afterFailure] = await db.read<{ n: number }>('MATCH (m:Model) WHERE m.id STARTS WITH $p RETURN count(m) AS n', { p });
    expect(afterFailure!.n).toBe(6);

    const working = createReplay(pages);
    await runJob(deps, 'models', (run) => ingestModelsHub(run, client(working.fetch), { limit: 9, pageSize: 3, source: 'hub-test' }).then(() => undefined));
    // Only page 3 was asked for again: the first two pages came from the checkpoint's cursor.
    expect(working.calls.map((c) => c.url)).toEqual([expect.stringContaining('cursor=')]);
    const [done] = await db.read<{ n: number }>('MATCH (m:Model) WHERE m.id STARTS WITH $p RETURN count(m) AS n', { p });
    expect(done!.n).toBe(9);
    await cleanupPrefix(db, p);
  });
});
