/**
 * A job that fails at a later step and is run again skips the steps it had finished (the demo's
 * models step was reloaded from its start after a kill during the stand-in); a job that finishes
 * leaves no checkpoint, so the next run is a full one.
 */
import { describe, expect, it } from 'vitest';
import { runJob } from '../../ingest/job.js';
import { ingestLineage } from '../../ingest/jobs/lineage.js';
import { ingestModelsFile } from '../../ingest/jobs/models.js';
import { apiModel, ingestDeps, ingestSuite, writeNdjson } from './ingestFixtures.js';

describe('rerunning a job that failed', () => {
  const suite = ingestSuite();
  const { p, dir } = suite;

  it('skips the steps the failed run finished, and runs everything again once the job has finished', async () => {
    const models = writeNdjson(dir, 'models.ndjson', [apiModel(p, 'a'), apiModel(p, 'b'), apiModel(p, 'c')]);
    const lineage = writeNdjson(dir, 'lineage.ndjson', [{ source: `${p}-org/a`, target: `${p}-org/b`, edge: 'finetuned' }]);
    let failAfterModels = true;
    const job = () =>
      runJob(ingestDeps(suite.db, dir), 'two-steps', async (run) => {
        await ingestModelsFile(run, models, 'test-fixture');
        if (failAfterModels) throw new Error('killed after the models step');
        await ingestLineage(run, lineage);
      });
    await expect(job()).rejects.toThrow('killed after the models step');
    failAfterModels = false;
    const resumed = await job();
    expect(resumed.steps.find((s) => s.step === 'models')).toMatchObject({ read: 3, loaded: 0, skipped: 3 });
    expect(resumed.steps.find((s) => s.step === 'lineage')).toMatchObject({ read: 1, loaded: 1 });
    const full = await job();
    expect(full.steps.find((s) => s.step === 'models')).toMatchObject({ read: 3, loaded: 3, skipped: 0 });
  });
});
