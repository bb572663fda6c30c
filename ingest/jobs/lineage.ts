/** `ingest lineage`: base-model lineage edges (source = base, target = derived, kind) from a CSV file. */
import { inputIdentity } from '../checkpoint.js';
import type { JobRun } from '../job.js';
import { createDuplicateFilter } from '../map/duplicates.js';
import { mapLineageEdge } from '../map/edges.js';
import { repoNamespace as owner } from '../map/fields.js';
import type { StepSummary } from '../pipeline.js';
import { readRecords } from '../sources/files/read.js';
import type { LineageRecord, Parsed } from '../types.js';

export const LINEAGE_SOURCE = 'hf-lineage';

async function* lineage(file: string): AsyncGenerator<Parsed<LineageRecord>> {
  // The same (derived, base) pair twice is one edge: the repeat is quarantined, not merged silently.
  const duplicates = createDuplicateFilter<LineageRecord>((e) => `${e.derived} -> ${e.base}`, 'target');
  for await (const r of readRecords(file)) yield r.ok ? duplicates.check(mapLineageEdge(r.value, r.position)) : r;
}

export function ingestLineage(run: JobRun, file: string): Promise<StepSummary> {
  return run.step(
    {
      step: 'lineage',
      cypher: 'ingest/upsert-lineage',
      records: lineage(file),
      extra: { source: LINEAGE_SOURCE },
      toRow: (e) => ({ base: e.base, baseOwner: owner(e.base), derived: e.derived, derivedOwner: owner(e.derived), kind: e.kind }),
    },
    inputIdentity(file),
  );
}
