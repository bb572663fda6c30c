/**
 * `ingest tasks`: the Hub's own task list and model-library list, as shipped in the
 * @huggingface/tasks npm package (task ids, labels and modalities; library ids and names).
 */
import { MODEL_LIBRARIES_UI_ELEMENTS, PIPELINE_DATA } from '@huggingface/tasks';
import type { JobRun } from '../job.js';
import type { Parsed } from '../types.js';

interface TaskRow {
  id: string;
  name: string;
  modality: string;
}
interface LibraryRow {
  id: string;
  name: string;
  repoUrl: string | null;
}

function ok<T>(value: T, index: number): Parsed<T> {
  return { ok: true, value, position: { source: '@huggingface/tasks', index } };
}

export async function ingestTasks(run: JobRun): Promise<void> {
  const tasks = Object.entries(PIPELINE_DATA).map(([id, t], i) => ok<TaskRow>({ id, name: t.name, modality: t.modality }, i));
  await run.step({ step: 'tasks', cypher: 'ingest/upsert-tasks', records: tasks, toRow: (t) => ({ ...t }) });
  const libraries = Object.entries(MODEL_LIBRARIES_UI_ELEMENTS).map(([id, l], i) =>
    ok<LibraryRow>({ id, name: l.prettyLabel, repoUrl: l.repoUrl ?? null }, i),
  );
  await run.step({ step: 'libraries', cypher: 'ingest/upsert-libraries', records: libraries, toRow: (l) => ({ ...l }) });
}
