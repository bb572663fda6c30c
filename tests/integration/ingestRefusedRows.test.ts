/**
 * Rows the database refuses do not stop an ingest: the batch is bisected, only the refused rows go to
 * quarantine (with Neo4j's message), the rest load — and a value too long for an index never reaches
 * the database, because validation rejects it first.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runJob } from '../../ingest/job.js';
import { ingestModelsFile } from '../../ingest/jobs/models.js';
import { runStep } from '../../ingest/pipeline.js';
import { createQuarantine } from '../../ingest/quarantine.js';
import type { Parsed } from '../../ingest/types.js';
import { silentLogger } from '../../src/log.js';
import { apiModel, ingestDeps, ingestSuite, writeNdjson } from './ingestFixtures.js';

describe('rows the database refuses', () => {
  const suite = ingestSuite();
  const { p, dir } = suite;

  it('quarantines only the refused rows of a batch, with the database’s reason, and loads the rest', async () => {
    // Regression: one id too long for Neo4j's index key limit failed its whole batch and killed the job.
    const ids = Array.from({ length: 100 }, (_, i) => `${p}-user-${i}`);
    ids[37] = `${p}-${'x'.repeat(9000)}`;
    ids[80] = `${p}-${'y'.repeat(9000)}`;
    const records: Parsed<{ id: string }>[] = ids.map((id, i) => ({ ok: true, value: { id }, position: { source: 'users.csv', line: i + 2 } }));
    const quarantine = createQuarantine({ dir, job: 'refused-rows' });
    const summary = await runStep(
      { db: suite.db, log: silentLogger(), quarantine, batchSize: 40 },
      { step: 'users', cypher: 'ingest/upsert-users', records, toRow: (u) => ({ id: u.id, name: u.id, source: 'test', sourceId: null }) },
    );
    await quarantine.close();
    expect(summary).toMatchObject({ read: 100, loaded: 98, rejected: 2 });
    const lines = readFileSync(quarantine.path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { line: number; reason: string });
    expect(lines.map((l) => l.line)).toEqual([39, 82]);
    for (const l of lines) expect(l.reason).toMatch(/^refused by Neo4j: .*(large|size|limit)/i);
    const [n] = await suite.db.read<{ n: number }>('MATCH (u:User) WHERE u.id STARTS WITH $prefix RETURN count(u) AS n', { prefix: `${p}-user-` });
    expect(n?.n).toBe(98);
  });

  it('does not quarantine a whole batch: when every row is refused the statement is at fault, and the step fails', async () => {
    const records: Parsed<{ id: string }>[] = ['a', 'b', 'c'].map((c, i) => ({ ok: true, value: { id: `${p}-${c.repeat(9000)}` }, position: { source: 'users.csv', line: i + 2 } }));
    const quarantine = createQuarantine({ dir, job: 'refused-all' });
    const step = runStep(
      { db: suite.db, log: silentLogger(), quarantine, batchSize: 10 },
      { step: 'users', cypher: 'ingest/upsert-users', records, toRow: (u) => ({ id: u.id, name: u.id, source: 'test', sourceId: null }) },
    );
    await expect(step).rejects.toThrow(/too large to index/);
    expect(quarantine.count).toBe(0);
    await quarantine.close();
  });

  it('rejects an over-long author or tag in validation: the good rows of the file load, the job succeeds', async () => {
    const file = writeNdjson(dir, 'long.ndjson', [
      apiModel(p, 'good-1'),
      { id: `${p}-org/long-author`, author: 'x'.repeat(9000) },
      { ...apiModel(p, 'long-tag'), tags: ['z'.repeat(9000)] },
      apiModel(p, 'good-2'),
    ]);
    const summary = await runJob(ingestDeps(suite.db, dir), 'models', async (run) => void (await ingestModelsFile(run, file, 'test-fixture')));
    expect(summary.totals).toMatchObject({ read: 4, loaded: 2, rejected: 2 });
    const reasons = readFileSync(summary.quarantine.file!, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { reason: string }).reason);
    expect(reasons).toEqual(['author: too long: 9000 bytes, at most 4096', 'tags: too long: 9000 bytes, at most 4096']);
  });
});
