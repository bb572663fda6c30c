/**
 * The model mapper on the real dumps in tests/fixtures/real and data/demo (see their PROVENANCE.md). Counts asserted here
 * were measured with this code and agree with PROVENANCE.md where it gives them.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDuplicateFilter } from '../../ingest/map/duplicates.js';
import { mapModel } from '../../ingest/map/models.js';
import { openRecords } from '../../ingest/sources/files/read.js';
import type { ModelRecord, Rejection } from '../../ingest/types.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const hfModels = path.join(repoRoot, 'tests', 'fixtures', 'real', 'hf_models');
const demoModels = path.join(repoRoot, 'data', 'demo', 'hf_models');

interface Loaded {
  models: ModelRecord[];
  rejections: Rejection[];
  unknownPrefixes: Set<string>;
  duplicates: number;
}

async function load(file: string, source: string, dir = hfModels): Promise<Loaded> {
  const input = await openRecords(path.join(dir, file));
  const filter = createDuplicateFilter<ModelRecord>((m) => m.id);
  const out: Loaded = { models: [], rejections: [], unknownPrefixes: new Set(), duplicates: 0 };
  for await (const item of input.records) {
    const mapped = item.ok ? mapModel(item.value, item.position, { source }) : item;
    if (mapped.ok) for (const prefix of mapped.unknownTagPrefixes) out.unknownPrefixes.add(prefix);
    const result = filter.check(mapped);
    if (result.ok) out.models.push(result.value);
    else out.rejections.push(result.rejection);
  }
  out.duplicates = filter.duplicates;
  return out;
}

const rowsWith = (models: ModelRecord[], has: (m: ModelRecord) => boolean): number => models.filter(has).length;

describe('2024-09 list_models dump, CSV and NDJSON', async () => {
  const source = 'hub-list-models-2024-09';
  const [csv, ndjson] = await Promise.all([
    load('hf_list_models_2024-09-20_top_downloads.csv.gz', source),
    load('hf_list_models_2024-09-20_top_downloads.ndjson.gz', source, demoModels),
  ]);

  it('maps all 9,715 rows of each, rejecting none', () => {
    expect(csv.rejections).toEqual([]);
    expect(ndjson.rejections).toEqual([]);
    expect(csv.models).toHaveLength(9_715);
    expect(ndjson.models).toHaveLength(9_715);
  });

  it('gives identical ModelRecords from the two files', () => {
    expect(ndjson.models).toEqual(csv.models);
  });

  it('finds the relationship counts PROVENANCE.md reports', () => {
    const models = csv.models;
    expect(rowsWith(models, (m) => m.papers.length > 0)).toBe(3_478);
    expect(new Set(models.flatMap((m) => m.papers)).size).toBe(1_235);
    expect(rowsWith(models, (m) => m.datasets.length > 0)).toBe(2_607);
    expect(rowsWith(models, (m) => m.baseModels.length > 0)).toBe(1_658);
    expect(rowsWith(models, (m) => m.licenses.length > 0)).toBe(7_667);
    expect(new Set(models.map((m) => m.author)).size).toBe(2_520);
  });

  it('types every base model: each plain base_model tag in this dump has a typed twin', () => {
    const kinds: Record<string, number> = {};
    for (const base of csv.models.flatMap((m) => m.baseModels)) kinds[base.kind] = (kinds[base.kind] ?? 0) + 1;
    expect(kinds).toEqual({ finetune: 652, quantized: 671, merge: 248, adapter: 233 });
  });

  it('finds languages and libraries, and no unknown tag prefixes', () => {
    expect(rowsWith(csv.models, (m) => m.languages.length > 0)).toBe(4_367);
    expect(rowsWith(csv.models, (m) => m.libraries.includes('transformers'))).toBe(6_796);
    expect(csv.unknownPrefixes.size).toBe(0);
  });

  it('keeps the first row as the Hub had it', () => {
    expect(csv.models[0]).toEqual({
      id: 'MIT/ast-finetuned-audioset-10-10-0.4593',
      name: 'ast-finetuned-audioset-10-10-0.4593',
      author: 'MIT',
      authorKind: 'unknown',
      downloads: 189_285_567,
      likes: null,
      createdAt: null,
      lastModified: '2023-09-06T14:49:15.000Z',
      pipelineTag: 'audio-classification',
      libraries: ['transformers'],
      papers: ['2104.01778'],
      datasets: [],
      baseModels: [],
      licenses: ['bsd-3-clause'],
      languages: [],
      tags: ['pytorch', 'safetensors', 'audio-spectrogram-transformer', 'endpoints_compatible', 'region:us'],
      tagText:
        'transformers pytorch safetensors audio-spectrogram-transformer audio-classification arxiv:2104.01778 license:bsd-3-clause endpoints_compatible region:us',
      source,
      tagsKnown: true,
    });
  });
});

describe('2022-10 model-card study dump', async () => {
  const loaded = await load('hf_model_info_2022-10-01_74970.csv.gz', 'model-cards-2022-10');

  it('maps all 74,970 rows, rejecting none and finding no duplicate ids', () => {
    expect(loaded.rejections).toEqual([]);
    expect(loaded.duplicates).toBe(0);
    expect(loaded.models).toHaveLength(74_970);
  });

  it('has the authors and the gaps PROVENANCE.md and the data show', () => {
    const models = loaded.models;
    expect(new Set(models.map((m) => m.author)).size).toBe(20_455);
    // 173 rows have an empty creation_time; 26,296 have task_category "unknown".
    expect(rowsWith(models, (m) => m.createdAt === null)).toBe(173);
    expect(rowsWith(models, (m) => m.pipelineTag === null)).toBe(26_296);
    // 68 legacy ids without namespace, all credited to `huggingface` by the dump.
    const legacy = models.filter((m) => !m.id.includes('/'));
    expect(legacy).toHaveLength(68);
    expect(new Set(legacy.map((m) => m.author))).toEqual(new Set(['huggingface']));
    expect(rowsWith(models, (m) => m.tags.length + m.papers.length > 0)).toBe(0);
  });
});
