/**
 * `ingest models`: model records from a file (list_models CSV/NDJSON, /api/models JSON, the 2022
 * dump) or from the live Hub, into Model nodes with their creator and tag-derived relationships.
 */
import { inputIdentity } from '../checkpoint.js';
import type { JobRun } from '../job.js';
import { createDuplicateFilter } from '../map/duplicates.js';
import { mapModel } from '../map/models.js';
import type { StepSummary } from '../pipeline.js';
import { readRecords } from '../sources/files/read.js';
import type { HubClient, ModelSort } from '../sources/hub/index.js';
import type { ModelRecord, Parsed } from '../types.js';

/**
 * The row upsert-models writes. `recordedAt` is when the record's snapshot was taken (a dump's date,
 * a crawl's start): a model met in several sources keeps the newest record's values; null = unknown,
 * which always writes (the order of loading decides).
 */
export function modelRow(m: ModelRecord, recordedAt: string | null = null): Record<string, unknown> {
  return {
    recordedAt,
    id: m.id,
    name: m.name,
    author: m.author,
    authorKind: m.authorKind,
    downloads: m.downloads,
    likes: m.likes,
    createdAt: m.createdAt,
    lastModified: m.lastModified,
    pipelineTag: m.pipelineTag,
    tagText: m.tagText,
    source: m.source,
    tagsKnown: m.tagsKnown ?? true,
    tags: m.tags,
    libraries: m.libraries,
    licenses: m.licenses,
    languages: m.languages,
    datasets: m.datasets,
    papers: m.papers,
    // A model is never its own base (the Hub has a few such tags).
    baseModels: m.baseModels.filter((b) => b.id !== m.id),
  };
}

/** Maps raw records to models, rejecting duplicates and counting unknown tag prefixes. */
async function* mapped(
  records: AsyncIterable<Parsed<Record<string, unknown>>>,
  source: string,
  unknownPrefixes: Map<string, number>,
): AsyncGenerator<Parsed<ModelRecord>> {
  const duplicates = createDuplicateFilter<ModelRecord>((m) => m.id);
  for await (const r of records) {
    if (!r.ok) {
      yield r;
      continue;
    }
    const m = mapModel(r.value, r.position, { source });
    if (m.ok) for (const p of m.unknownTagPrefixes) unknownPrefixes.set(p, (unknownPrefixes.get(p) ?? 0) + 1);
    yield duplicates.check(m.ok ? { ok: true, value: m.value, position: m.position } : m);
  }
}

function noteUnknown(run: JobRun, unknownPrefixes: Map<string, number>): void {
  if (unknownPrefixes.size === 0) return;
  const top = [...unknownPrefixes].sort((a, b) => b[1] - a[1]).slice(0, 10);
  run.notes.push(`unknown tag prefixes kept as plain tags: ${top.map(([p, n]) => `${p}: (${n})`).join(', ')}`);
}

export interface ModelsFileOptions {
  /** When the file's snapshot was taken (ISO-8601): the newest record of a model wins. */
  recordedAt?: string | null;
  /** The step's name in the summary and its checkpoint (default `models`). */
  step?: string;
}

export async function ingestModelsFile(run: JobRun, file: string, source: string, options: ModelsFileOptions = {}): Promise<StepSummary> {
  const unknown = new Map<string, number>();
  const recordedAt = options.recordedAt ?? null;
  const summary = await run.step(
    {
      step: options.step ?? 'models',
      cypher: 'ingest/upsert-models',
      records: mapped(readRecords(file), source, unknown),
      toRow: (m) => modelRow(m, recordedAt),
    },
    inputIdentity(file),
  );
  noteUnknown(run, unknown);
  return summary;
}

export interface HubCrawlOptions {
  limit?: number;
  sort?: ModelSort;
  source?: string;
  /** Models per request (the Hub allows up to 1000; default the client's). */
  pageSize?: number;
}

/**
 * A live crawl of /api/models. The checkpoint keeps the Hub's next-page cursor: a killed crawl
 * resumes from the page after the last committed one.
 */
export async function ingestModelsHub(run: JobRun, client: HubClient, options: HubCrawlOptions): Promise<StepSummary> {
  const source = options.source ?? 'hub-api';
  // A live record is as new as the crawl: it wins over any dump's record of the same model.
  const recordedAt = new Date().toISOString();
  const key = `hub:${options.sort ?? 'downloads'}:${options.limit ?? 'all'}`;
  const checkpoint = run.checkpoint('models-hub', key);
  const saved = checkpoint.read();
  const unknown = new Map<string, number>();
  let lastCursor: string | null = saved?.cursor ?? null;
  let pageEnds: { end: number; cursor: string | null }[] = [];
  let count = saved?.committed ?? 0;
  async function* raw(): AsyncGenerator<Parsed<Record<string, unknown>>> {
    const pages = client.listModels({
      ...(options.sort ? { sort: options.sort } : {}),
      ...(options.pageSize ? { pageSize: options.pageSize } : {}),
      ...(options.limit !== undefined ? { limit: Math.max(0, options.limit - count) } : {}),
      ...(lastCursor ? { cursor: lastCursor } : {}),
    });
    for await (const page of pages) {
      // Known before the page's rows are handed on, so the step can commit at the page's end.
      count += page.models.length;
      pageEnds.push({ end: count, cursor: page.nextCursor });
      for (const [i, m] of page.models.entries()) {
        yield m !== null && typeof m === 'object' && !Array.isArray(m)
          ? { ok: true, value: m as Record<string, unknown>, position: { source: `hub page ${page.pageIndex}`, index: i } }
          : { ok: false, rejection: { position: { source: `hub page ${page.pageIndex}`, index: i }, reason: 'not a JSON object' } };
      }
    }
  }
  const base = saved?.committed ?? 0;
  const summary = await run.step({
    step: 'models-hub',
    cypher: 'ingest/upsert-models',
    records: mapped(raw(), source, unknown),
    toRow: (m) => modelRow(m, recordedAt),
    // Commit at every page end: a crawl that dies loses at most the page in flight.
    flushAt: (handled) => pageEnds.some((p) => p.end === base + handled),
    // After each commit, remember the cursor of the last page fully committed.
    afterBatch: (handled) => {
      const committed = base + handled;
      const done = pageEnds.filter((p) => p.end <= committed);
      if (done.length > 0) {
        lastCursor = done[done.length - 1]!.cursor;
        pageEnds = pageEnds.filter((p) => p.end > committed);
        checkpoint.save({ committed: done[done.length - 1]!.end, cursor: lastCursor });
      }
    },
  });
  checkpoint.clear();
  noteUnknown(run, unknown);
  return summary;
}
