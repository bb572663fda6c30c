/**
 * `ingest demo`: the whole demo corpus from the data directory (default data/demo, shipped with the project):
 * tasks and libraries, the 2024-09 list_models dump, the 2024-12/2025-01 /api/models records (real
 * likes, library_name and createdAt; newest record wins where both name a model), base-model
 * lineage, arXiv categories of the cited papers (offline), and the social stand-in (SNAP GitHub
 * follow graph mapped onto creators).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ErrorCodes, HubgraphError } from '../../src/errors.js';
import { migrate } from '../../src/neo4j/migrate.js';
import { runJob, type IngestDeps, type JobSummary } from '../job.js';
import { refreshDerived } from './derived.js';
import { ingestLineage } from './lineage.js';
import { ingestModelsFile } from './models.js';
import { ingestPaperCategories } from './papers.js';
import { ingestStandin } from './standin.js';
import { ingestTasks } from './tasks.js';

export const DEMO_MODELS_SOURCE = 'hub-list-models-2024-09';
export const DEMO_API_MODELS_SOURCE = 'hub-api-models-2025-01';

/** When each models file's snapshot was taken (data/demo/PROVENANCE.md); the newer record of a model wins. */
export const DEMO_RECORDED_AT = {
  models: '2024-09-20T00:00:00Z',
  // A union of snapshots taken 2024-12-11 to 2025-01-14: the earliest, so no record claims to be newer than it is.
  apiModels: '2024-12-11T00:00:00Z',
} as const;

export const DEMO_FILES = {
  models: 'hf_models/hf_list_models_2024-09-20_top_downloads.ndjson.gz',
  apiModels: 'hf_api_models/hf_api_models_2025-01_rimel_union.ndjson.gz',
  lineage: 'hf_lineage/lineage_edges_2025-06-11.csv.gz',
  categories: 'arxiv/hf_cited_categories/arxiv_categories.csv.gz',
  social: 'social_github_musae',
} as const;

export function demoDataDir(dataDir: string | undefined): string {
  if (!dataDir) {
    throw new HubgraphError(ErrorCodes.DATA_DIR_MISSING, 'No data directory for the demo corpus', {
      hint: 'set HUBGRAPH_DATA_DIR to a folder in the layout of data/demo, or crawl the live Hub with `hubgraph ingest models --hub --limit 1000`',
    });
  }
  for (const rel of Object.values(DEMO_FILES)) {
    const p = path.join(dataDir, rel);
    if (!existsSync(p)) {
      throw new HubgraphError(ErrorCodes.INPUT_FILE_MISSING, `The demo corpus is incomplete: ${p} is missing`, {
        hint: 'HUBGRAPH_DATA_DIR must point at a folder in the layout of data/demo (see data/demo/PROVENANCE.md)',
      });
    }
  }
  return dataDir;
}

export async function ingestDemo(deps: IngestDeps): Promise<JobSummary> {
  const dir = demoDataDir(deps.dataDir);
  await migrate(deps.db, deps.log);
  return runJob(deps, 'demo', async (run) => {
    await ingestTasks(run);
    await ingestModelsFile(run, path.join(dir, DEMO_FILES.models), DEMO_MODELS_SOURCE, { recordedAt: DEMO_RECORDED_AT.models });
    await ingestModelsFile(run, path.join(dir, DEMO_FILES.apiModels), DEMO_API_MODELS_SOURCE, {
      recordedAt: DEMO_RECORDED_AT.apiModels,
      step: 'models-api',
    });
    await ingestLineage(run, path.join(dir, DEMO_FILES.lineage));
    await ingestPaperCategories(run, path.join(dir, DEMO_FILES.categories));
    // The stand-in maps onto the 2024-09 dump's creators, as it always has (see standin.ts).
    await ingestStandin(run, path.join(dir, DEMO_FILES.social), path.join(dir, DEMO_FILES.models));
    await refreshDerived(run);
  });
}
