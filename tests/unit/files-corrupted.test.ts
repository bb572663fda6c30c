/**
 * End to end over hand-made corrupted inputs (tests/fixtures/files/models-corrupted.*, models-api.json,
 * described line by line in tests/fixtures/files/README.md): read → mapModel → duplicate filter.
 * Every good row must come out as a ModelRecord, every bad one as a Rejection naming line and field.
 */
import { copyFileSync, mkdtempSync, rmSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createDuplicateFilter } from '../../ingest/map/duplicates.js';
import { mapModel } from '../../ingest/map/models.js';
import { openRecords } from '../../ingest/sources/files/read.js';
import type { ModelRecord, Rejection } from '../../ingest/types.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'files');
const tmp = mkdtempSync(path.join(tmpdir(), 'hubgraph-corrupted-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Loaded {
  models: (ModelRecord & { line: number | undefined; index: number | undefined })[];
  rejections: Rejection[];
  unknownPrefixes: string[];
}

async function load(file: string): Promise<Loaded> {
  const input = await openRecords(file);
  const duplicates = createDuplicateFilter<ModelRecord>((model) => model.id);
  const out: Loaded = { models: [], rejections: [], unknownPrefixes: [] };
  for await (const item of input.records) {
    const mapped = item.ok ? mapModel(item.value, item.position, { source: 'fixture' }) : item;
    if (mapped.ok) out.unknownPrefixes.push(...mapped.unknownTagPrefixes);
    const result = duplicates.check(mapped);
    if (result.ok) out.models.push({ ...result.value, line: result.position.line, index: result.position.index });
    else out.rejections.push(result.rejection);
  }
  return out;
}

/** [line, field, reason pattern] of each rejection, for compact comparison. */
const summary = (rejections: Rejection[]): [number | undefined, string | undefined, string][] =>
  rejections.map((r) => [r.position.line, r.field, r.reason]);

describe('corrupted NDJSON (list_models shape) plus a generated 10 MB line', async () => {
  const file = path.join(tmp, 'models-corrupted.ndjson');
  copyFileSync(path.join(fixtures, 'models-corrupted.ndjson'), file);
  // Line 16: 10 MB, generated here rather than committed. Line 17: a good row after it.
  appendFileSync(file, `{"id": "huge/line", "tags": ["${'x'.repeat(10 * 1024 * 1024)}"]}\n`);
  appendFileSync(file, '{"id": "good/after-huge", "downloads": 8}\n');
  const loaded = await load(file);

  it('parses every good row', () => {
    expect(loaded.models.map((m) => [m.line, m.id])).toEqual([
      [1, 'good/one'],
      [8, 'good/prefixes'],
      [13, 'good/last'],
      [15, 'good/after-utf8'],
      [17, 'good/after-huge'],
    ]);
  });

  it('maps the good rows fully', () => {
    expect(loaded.models[0]).toMatchObject({
      author: 'good',
      downloads: 10,
      lastModified: '2024-01-02T03:04:05.000Z',
      pipelineTag: 'fill-mask',
      libraries: ['transformers'],
      languages: ['en'],
      papers: ['1810.04805'],
      datasets: ['squad'],
      licenses: ['mit'],
      baseModels: [{ id: 'bert-base-uncased', kind: 'finetune' }],
      tags: ['region:us'],
    });
    expect(loaded.models[2]).toMatchObject({ downloads: 42, likes: 7, createdAt: '2022-05-01T00:00:00.000Z' });
  });

  it('rejects every bad row with a reason naming the line and the field', () => {
    const rows = summary(loaded.rejections);
    expect(rows.map(([line, field]) => [line, field])).toEqual([
      [2, undefined],
      [3, 'id'],
      [4, 'downloads'],
      [5, 'downloads'],
      [6, 'lastModified'],
      [7, 'tags'],
      [9, 'id'],
      [11, undefined],
      [12, 'id'],
      [14, undefined],
      [16, undefined],
    ]);
    const reasons = rows.map(([, , reason]) => reason);
    expect(reasons[0]).toMatch(/^invalid JSON: /);
    expect(reasons[1]).toBe('id: missing or empty');
    expect(reasons[2]).toBe('downloads: expected a non-negative integer, got "abc"');
    expect(reasons[3]).toBe('downloads: expected a non-negative integer, got -3');
    expect(reasons[4]).toBe('lastModified: not an ISO-8601 date, got "2023-02-30T00:00:00Z"');
    expect(reasons[5]).toMatch(/^tags: not a list of strings/);
    expect(reasons[6]).toBe('duplicate of line 1: id "good/one" was already read');
    expect(reasons[7]).toBe('not a JSON object: got an array');
    expect(reasons[8]).toBe('id: not a Hub repo id (namespace/name), got "bad id with spaces"');
    expect(reasons[9]).toMatch(/^invalid UTF-8/);
    expect(reasons[10]).toMatch(/^line too long: 10485\d+ bytes, the limit is 1048576$/);
  });

  it('keeps the raw row with each rejection, cut to 4 KB', () => {
    for (const rejection of loaded.rejections) {
      expect(rejection.raw, `line ${rejection.position.line}`).toBeTruthy();
      expect(Buffer.byteLength(rejection.raw ?? '')).toBeLessThanOrEqual(4096);
    }
    expect(loaded.rejections[1]?.raw).toContain('"author":"nobody"');
  });

  it('reports the unknown tag prefixes', () => {
    expect(loaded.unknownPrefixes).toEqual(['foo', 'weird']);
  });
});

describe('corrupted CSV (list_models shape, BOM, CRLF)', async () => {
  const loaded = await load(path.join(fixtures, 'models-corrupted.csv'));

  it('parses every good row, including quoted, escaped and multi-line fields', () => {
    expect(loaded.models.map((m) => [m.line, m.id])).toEqual([
      [2, 'org/alpha'],
      [3, 'org/quoted'],
      [9, 'org/multi'],
      [13, 'org/after-stray'],
      [15, 'org/omega'],
    ]);
    expect(loaded.models[0]).toMatchObject({ papers: ['2106.09685'], languages: ['fr'], licenses: ['apache-2.0'], pipelineTag: 'text-generation' });
    expect(loaded.models[1]).toMatchObject({ tags: ["it's", "say 'hi'"], datasets: ['org/data,with,commas'], pipelineTag: null });
    expect(loaded.models[2]?.tags).toEqual(['line one', 'line two']);
    expect(loaded.models[4]).toMatchObject({ languages: ['sd', 'yue'], tags: ['foo:bar', 'jax'], lastModified: '2024-09-01T10:00:00.000Z' });
  });

  it('rejects every bad row with a reason naming the line and the field', () => {
    const rows = summary(loaded.rejections);
    expect(rows.map(([line, field]) => [line, field])).toEqual([
      [4, undefined],
      [5, 'id'],
      [6, 'downloads'],
      [7, 'lastModified'],
      [8, 'tags'],
      [11, 'id'],
      [12, undefined],
      [14, undefined],
    ]);
    const reasons = rows.map(([, , reason]) => reason);
    expect(reasons[0]).toBe('wrong column count: expected 10, got 4');
    expect(reasons[1]).toBe('id: missing or empty');
    expect(reasons[2]).toBe('downloads: expected a non-negative integer, got "lots"');
    expect(reasons[3]).toBe('lastModified: not an ISO-8601 date, got "yesterday"');
    expect(reasons[4]).toMatch(/^tags: not a list of strings \(unterminated string/);
    expect(reasons[5]).toBe('duplicate of line 2: id "org/alpha" was already read');
    expect(reasons[6]).toMatch(/^unterminated quoted field: opened on line 12/);
    expect(reasons[7]).toMatch(/^invalid UTF-8/);
  });

  it('reports the unknown tag prefixes', () => {
    expect(loaded.unknownPrefixes).toEqual(['foo']);
  });
});

describe('Hub /api/models JSON array with extra fields and bad elements', async () => {
  const loaded = await load(path.join(fixtures, 'models-api.json'));

  it('parses every good element, ignoring siblings, config and unknown fields', () => {
    expect(loaded.models.map((m) => [m.index, m.line, m.id])).toEqual([
      [0, 2, 'google-bert/bert-base-uncased'],
      [4, 81, 'TheBloke/Llama-2-7B-GGUF'],
      [6, 125, 'acme-org/tiny'],
    ]);
    expect(loaded.models[0]).toMatchObject({
      likes: 2000,
      createdAt: '2022-03-02T23:29:04.000Z',
      libraries: ['transformers'],
      languages: ['en'],
      datasets: ['bookcorpus', 'wikipedia'],
      licenses: ['apache-2.0'],
      papers: ['1810.04805'],
    });
    expect(loaded.models[1]).toMatchObject({
      authorKind: 'user',
      libraries: ['gguf', 'transformers'],
      baseModels: [
        { id: 'meta-llama/Llama-2-7b-hf', kind: 'quantized' },
        { id: 'extra/base', kind: 'unknown' },
      ],
      languages: ['en', 'yue'],
      licenses: ['llama2', 'other'],
      datasets: ['tatsu-lab/alpaca'],
    });
    expect(loaded.models[2]).toMatchObject({ authorKind: 'organization', likes: 0, downloads: 0 });
  });

  it('rejects every bad element with its line, index and field', () => {
    expect(loaded.rejections.map((r) => [r.position.index, r.position.line, r.field])).toEqual([
      [1, 78, undefined],
      [2, 79, 'likes'],
      [3, 80, undefined],
      [5, 124, 'createdAt'],
      [7, 126, 'author'],
    ]);
    const reasons = loaded.rejections.map((r) => r.reason);
    expect(reasons[0]).toBe('not a JSON object: got a string');
    expect(reasons[1]).toBe('likes: expected a non-negative integer, got "many"');
    expect(reasons[2]).toMatch(/^invalid JSON: /);
    expect(reasons[3]).toBe('createdAt: not an ISO-8601 date, got "2023-13-45T00:00:00Z"');
    expect(reasons[4]).toBe('author: missing, and id "legacy-no-namespace" has no namespace to take it from');
  });
});
