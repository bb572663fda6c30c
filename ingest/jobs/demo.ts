/**
 * `ingest demo`: the whole demo corpus from the data directory (shared/data layout):
 * tasks and libraries, the 2024-09 list_models dump, base-model lineage, arXiv categories of the
 * cited papers (offline), and the social stand-in (SNAP GitHub follow graph mapped onto creators).
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

export const DEMO_FILES = {
  models: 'hf_models/hf_list_models_2024-09-20_top_downloads.ndjson.gz',
  lineage: 'hf_lineage/lineage_edges_2025-06-11.csv.gz',
  categories: 'arxiv/hf_cited_categories/arxiv_categories.csv.gz',
  social: 'social_github_musae',
} as const;

export function demoDataDir(dataDir: string | undefined): string {
  if (!dataDir) {
    throw new HubgraphError(ErrorCodes.DATA_DIR_MISSING, 'No data directory for the demo corpus', {
      hint: 'set HUBGRAPH_DATA_DIR to a folder in the shared/data layout, or crawl the live Hub with `hubgraph ingest models --hub --limit 1000`',
    });
  }
  for (const rel of Object.values(DEMO_FILES)) {
    const p = path.join(dataDir, rel);
    if (!existsSync(p)) {
      throw new HubgraphError(ErrorCodes.INPUT_FILE_MISSING, `The demo corpus is incomplete: ${p} is missing`, {
        hint: 'HUBGRAPH_DATA_DIR must point at a folder in the shared/data layout',
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
    await ingestModelsFile(run, path.join(dir, DEMO_FILES.models), DEMO_MODELS_SOURCE);
    await ingestLineage(run, path.join(dir, DEMO_FILES.lineage));
    await ingestPaperCategories(run, path.join(dir, DEMO_FILES.categories));
    await ingestStandin(run, path.join(dir, DEMO_FILES.social), DEMO_MODELS_SOURCE);
    await refreshDerived(run);
  });
}
