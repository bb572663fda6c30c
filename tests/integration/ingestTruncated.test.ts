/**
 * A gzip file cut short mid-way: the records before the cut are committed, and the error says how
 * many were loaded and what a rerun does (it resumes after them and stops at the same place).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runJob } from '../../ingest/job.js';
import { ingestModelsFile } from '../../ingest/jobs/models.js';
import { ErrorCodes } from '../../src/errors.js';
import { apiModel, ingestDeps, ingestSuite } from './ingestFixtures.js';

describe('a truncated .gz input', () => {
  const suite = ingestSuite();
  const { p, dir } = suite;

  it('commits the records before the cut and says how many were loaded and what a rerun does', async () => {
    // Regression: the rows of the last open batch were lost and the error said nothing of what had loaded.
    const text = Array.from({ length: 3000 }, (_, i) => JSON.stringify(apiModel(p, `m${i}`))).join('\n') + '\n';
    const whole = gzipSync(text);
    const file = path.join(dir, 'cut.ndjson.gz');
    writeFileSync(file, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const load = () => runJob(ingestDeps(suite.db, dir, { batchSize: 500 }), 'models', async (run) => void (await ingestModelsFile(run, file, 'test-fixture')));
    const error = await load().then(() => null, (e: unknown) => e as { code: string; message: string; hint?: string });
    expect(error?.code).toBe(ErrorCodes.INPUT_FILE_UNREADABLE);
    const m = /after (\d+) records of step models: (\d+) loaded \(committed\), 0 rejected/.exec(error?.message ?? '');
    expect(m, error?.message).not.toBeNull();
    const [read, loaded] = [Number(m![1]), Number(m![2])];
    expect(loaded).toBe(read);
    expect(read).toBeGreaterThan(500);
    expect(read).toBeLessThan(3000);
    expect(error?.hint).toContain(`resumes after record ${read}`);
    const [n] = await suite.db.read<{ n: number }>("MATCH (m:Model {source: 'test-fixture'}) WHERE m.id STARTS WITH $prefix RETURN count(m) AS n", { prefix: `${p}-org/m` });
    expect(n?.n).toBe(loaded);
    // The rerun resumes after them and stops at the same place, loading nothing twice.
    const again = await load().then(() => null, (e: unknown) => e as { message: string });
    expect(again?.message).toContain(`after ${read} records of step models: 0 loaded (committed), 0 rejected, ${read} loaded by an earlier run`);
    expect(readFileSync(file).length).toBeGreaterThan(0);
  });
});
