/** Loads the demo corpus into the test database once (later suites reuse it: their own data is prefixed). */
import { ingestDemo } from '../../ingest/jobs/demo.js';
import type { JobSummary } from '../../ingest/job.js';
import { loadConfig } from '../../src/config.js';
import type { Db } from '../../src/neo4j/db.js';
import { ingestDeps, tempDir } from './ingestFixtures.js';

export const DEMO_DATA_DIR = loadConfig({ HUBGRAPH_DATA_DIR: process.env.HUBGRAPH_DATA_DIR }).dataDir;

export async function demoLoaded(db: Db): Promise<boolean> {
  const [row] = await db.read<{ models: number; apiModels: number; follows: number }>(
    `RETURN COUNT { MATCH (m:Model) WHERE 'hub-list-models-2024-09' IN m.sources } AS models,
            COUNT { MATCH (m:Model) WHERE 'hub-api-models-2025-01' IN m.sources } AS apiModels,
            COUNT { MATCH ()-[r:FOLLOWS {source: 'github-musae-standin'}]->() } AS follows`,
  );
  return row?.models === 9715 && row.apiModels === 4706 && row.follows === 520206;
}

/** Returns the load's summary, or null when an earlier suite already loaded it. */
export async function ensureDemo(db: Db): Promise<JobSummary | null> {
  if (await demoLoaded(db)) return null;
  if (!DEMO_DATA_DIR) throw new Error('The demo corpus is needed: data/demo (or HUBGRAPH_DATA_DIR)');
  return ingestDemo({ ...ingestDeps(db, tempDir()), dataDir: DEMO_DATA_DIR });
}
