import { describe, expect, it } from 'vitest';
import { createDuplicateFilter } from '../../ingest/map/duplicates.js';
import { mapModel, type MappedModel } from '../../ingest/map/models.js';
import type { ModelRecord, Parsed, Rejection } from '../../ingest/types.js';

const at = { source: 'test.csv', line: 7 };
const options = { source: 'test-source' };

const accepted = (result: MappedModel): ModelRecord => {
  if (!result.ok) throw new Error(`expected a record, got rejection: ${result.rejection.reason}`);
  return result.value;
};
const rejected = (result: Parsed<unknown>): Rejection => {
  if (result.ok) throw new Error(`expected a rejection, got ${JSON.stringify(result.value)}`);
  return result.rejection;
};

describe('mapModel: the three input shapes', () => {
  it('maps a 2024-09 list_models CSV row (strings, Python tag literal)', () => {
    const row = {
      modelId: 'google-bert/bert-base-uncased',
      modelName: 'bert-base-uncased',
      author: 'google-bert',
      downloads: '61903514',
      lastModified: '2024-02-19 11:06:12+00:00',
      tags: "['transformers', 'pytorch', 'bert', 'fill-mask', 'en', 'dataset:bookcorpus', 'arxiv:1810.04805', 'license:apache-2.0', 'endpoints_compatible', 'region:us']",
      pipeline_tag: 'fill-mask',
      sha: '86b5e0934494bd15c9632b12f734a8a67f723594',
      private: 'False',
      inference: 'loading',
    };
    const result = mapModel(row, at, options);
    expect(result).toMatchObject({ ok: true, position: at, unknownTagPrefixes: [] });
    expect(accepted(result)).toEqual({
      id: 'google-bert/bert-base-uncased',
      name: 'bert-base-uncased',
      author: 'google-bert',
      authorKind: 'unknown',
      downloads: 61903514,
      likes: null,
      createdAt: null,
      lastModified: '2024-02-19T11:06:12.000Z',
      pipelineTag: 'fill-mask',
      libraries: ['transformers'],
      papers: ['1810.04805'],
      datasets: ['bookcorpus'],
      baseModels: [],
      licenses: ['apache-2.0'],
      languages: ['en'],
      tags: ['pytorch', 'bert', 'endpoints_compatible', 'region:us'],
      tagText:
        'transformers pytorch bert fill-mask en dataset:bookcorpus arxiv:1810.04805 license:apache-2.0 endpoints_compatible region:us',
      source: 'test-source',
      tagsKnown: true,
    });
  });

  it('maps the NDJSON twin of that row to the same record', () => {
    const csvRow = {
      modelId: 'a/b',
      modelName: 'b',
      author: 'a',
      downloads: '3',
      lastModified: '2024-02-19 11:06:12+00:00',
      tags: "['transformers', 'arxiv:2106.09685']",
      pipeline_tag: '',
    };
    const jsonRow = {
      id: 'a/b',
      modelId: 'a/b',
      author: 'a',
      downloads: 3,
      lastModified: '2024-02-19 11:06:12+00:00',
      tags: ['transformers', 'arxiv:2106.09685'],
      pipeline_tag: null,
    };
    // modelName is absent from the NDJSON twin; the name falls back to the id's last part, which is the same.
    expect(accepted(mapModel(jsonRow, at, options))).toEqual(accepted(mapModel(csvRow, at, options)));
  });

  it('maps a Hub /api/models object, using cardData and ignoring siblings, config and unknown fields', () => {
    const api = {
      _id: '64f5e1c3aa1b2c3d4e5f6789',
      id: 'TheBloke/Llama-2-7B-GGUF',
      author: 'TheBloke',
      likes: 900,
      downloads: 12345,
      library_name: 'gguf',
      createdAt: '2023-09-04T16:38:41.000Z',
      lastModified: '2023-09-27T12:47:10.000Z',
      pipeline_tag: 'text-generation',
      tags: ['transformers', 'gguf', 'llama', 'base_model:quantized:meta-llama/Llama-2-7b-hf', 'text-generation'],
      cardData: {
        base_model: ['meta-llama/Llama-2-7b-hf', 'extra/base'],
        language: ['en', 'multilingual', 'opt'],
        license: 'llama2',
        datasets: 'tatsu-lab/alpaca',
        model_creator: 'Meta',
      },
      siblings: [{ rfilename: 'llama-2-7b.Q4_K_M.gguf' }],
      config: { model_type: 'llama' },
      somethingNew: { nested: [1, 2, 3] },
    };
    expect(accepted(mapModel(api, { source: 'api.json', index: 3 }, options))).toEqual({
      id: 'TheBloke/Llama-2-7B-GGUF',
      name: 'Llama-2-7B-GGUF',
      author: 'TheBloke',
      authorKind: 'unknown',
      downloads: 12345,
      likes: 900,
      createdAt: '2023-09-04T16:38:41.000Z',
      lastModified: '2023-09-27T12:47:10.000Z',
      pipelineTag: 'text-generation',
      libraries: ['gguf', 'transformers'],
      papers: [],
      datasets: ['tatsu-lab/alpaca'],
      baseModels: [
        { id: 'meta-llama/Llama-2-7b-hf', kind: 'quantized' },
        { id: 'extra/base', kind: 'unknown' },
      ],
      licenses: ['llama2'],
      languages: ['en', 'opt'],
      tags: ['gguf', 'llama'],
      tagText: 'transformers gguf llama base_model:quantized:meta-llama/Llama-2-7b-hf text-generation',
      source: 'test-source',
      tagsKnown: true,
    });
  });

  it("maps a 2022 model-card row (creation_time, task_category; 'unknown' means no pipeline tag)", () => {
    const row = {
      modelId: 'bert-base-uncased',
      author: 'huggingface',
      creation_time: '2018-11-14T23:35:08.000Z',
      downloads: '31924518',
      has_modelcard: 'true',
      task_category: 'fill-mask',
      task_domain: 'nlp',
    };
    expect(accepted(mapModel(row, at, options))).toMatchObject({
      id: 'bert-base-uncased',
      name: 'bert-base-uncased',
      author: 'huggingface',
      createdAt: '2018-11-14T23:35:08.000Z',
      lastModified: null,
      pipelineTag: 'fill-mask',
      tags: [],
      tagText: '',
      // No tags column: the record says nothing about tags (the writer keeps existing ones).
      tagsKnown: false,
    });
    expect(accepted(mapModel({ ...row, task_category: 'unknown', creation_time: '' }, at, options))).toMatchObject({
      pipelineTag: null,
      createdAt: null,
    });
  });
});

describe('mapModel: creator', () => {
  it('takes the namespace of the id when there is no author', () => {
    expect(accepted(mapModel({ id: 'someone/model' }, at, options)).author).toBe('someone');
  });

  it('rejects a legacy id with no author, naming author', () => {
    expect(rejected(mapModel({ id: 'gpt2' }, at, options))).toMatchObject({ field: 'author', reason: expect.stringMatching(/^author: missing/) });
  });

  it('marks known organizations, or what authorData says', () => {
    const organizations = new Set(['google']);
    expect(accepted(mapModel({ id: 'google/t5' }, at, { ...options, organizations })).authorKind).toBe('organization');
    expect(accepted(mapModel({ id: 'alice/t5' }, at, { ...options, organizations })).authorKind).toBe('unknown');
    expect(accepted(mapModel({ id: 'x/a', authorData: { type: 'org' } }, at, options)).authorKind).toBe('organization');
    expect(accepted(mapModel({ id: 'x/a', authorData: { type: 'user' } }, at, options)).authorKind).toBe('user');
  });

  it('reports unknown tag prefixes', () => {
    expect(mapModel({ id: 'x/a', tags: ['foo:bar', 'region:us', 'baz:1'] }, at, options)).toMatchObject({ ok: true, unknownTagPrefixes: ['foo', 'baz'] });
  });
});

describe('mapModel: validation', () => {
  it('rejects a missing or empty id, naming field id and keeping position and raw', () => {
    for (const row of [{ modelId: '' }, { id: null, author: 'x' }, { author: 'x' }, { id: '   ' }]) {
      const rejection = rejected(mapModel(row, at, options));
      expect(rejection).toMatchObject({ field: 'id', reason: 'id: missing or empty', position: at });
      expect(rejection.raw).toBe(JSON.stringify(row));
    }
  });

  it('rejects ids that are not Hub repo ids', () => {
    for (const id of ['has space/x', 'a/b/c', '/lead', 'x/']) {
      expect(rejected(mapModel({ id }, at, options)), id).toMatchObject({ field: 'id', reason: expect.stringMatching(/^id: not a Hub repo id/) });
    }
    expect(rejected(mapModel({ id: 42 }, at, options))).toMatchObject({ field: 'id' });
  });

  it('rejects bad downloads and likes, naming the field and the value', () => {
    expect(rejected(mapModel({ id: 'a/b', downloads: 'abc' }, at, options))).toMatchObject({
      field: 'downloads',
      reason: 'downloads: expected a non-negative integer, got "abc"',
    });
    expect(rejected(mapModel({ id: 'a/b', likes: -2 }, at, options))).toMatchObject({
      field: 'likes',
      reason: 'likes: expected a non-negative integer, got -2',
    });
  });

  it('rejects bad dates, naming the column', () => {
    expect(rejected(mapModel({ id: 'a/b', lastModified: '2023-02-30 00:00:00' }, at, options))).toMatchObject({ field: 'lastModified' });
    expect(rejected(mapModel({ modelId: 'a/b', creation_time: 'soon' }, at, options))).toMatchObject({
      field: 'creation_time',
      reason: 'creation_time: not an ISO-8601 date, got "soon"',
    });
  });

  it('rejects a value too long to be an index key, naming the field, instead of failing the batch in Neo4j', () => {
    // Regression: a 9,000-character author or tag went to the database, which refused the whole batch (index key limit).
    const long = 'x'.repeat(9000);
    expect(rejected(mapModel({ id: 'a/b', author: long }, at, options)).reason).toBe('author: too long: 9000 bytes, at most 4096');
    expect(rejected(mapModel({ id: 'a/b', tags: ['ok', long] }, at, options))).toMatchObject({ field: 'tags', reason: 'tags: too long: 9000 bytes, at most 4096' });
    expect(rejected(mapModel({ id: 'a/b', tags: `['${long}']` }, at, options)).field).toBe('tags');
    expect(rejected(mapModel({ id: `a/${'b'.repeat(200)}` }, at, options)).field).toBe('id');
    expect(accepted(mapModel({ id: 'a/b', tags: ['y'.repeat(4096)] }, at, options)).tags).toEqual(['y'.repeat(4096)]);
  });

  it('holds the author to the rules of a namespace, as the id is', () => {
    // Regression: an injection string as author became a Creator owning the model.
    for (const author of ["x') DETACH DELETE n //", 'a b', 'a/b', '-lead', 'é', 'n'.repeat(97)]) {
      expect(rejected(mapModel({ id: 'ns/model', author }, at, options)).reason).toMatch(/^author: (not a Hub namespace|too long)/);
    }
    expect(accepted(mapModel({ id: 'ns/model', author: 'Org_1.x-y' }, at, options)).author).toBe('Org_1.x-y');
  });

  it('rejects a card value (datasets, license, base_model) too long to be an index key, naming cardData.<key>', () => {
    // Regression: these skipped the 4,096-byte check; Neo4j refused the batch, which was bisected to find the row.
    const long = 'x'.repeat(9000);
    expect(rejected(mapModel({ id: 'a/b', cardData: { datasets: ['ok', long] } }, at, options))).toMatchObject({ field: 'cardData.datasets', reason: 'cardData.datasets: too long: 9000 bytes, at most 4096' });
    expect(rejected(mapModel({ id: 'a/b', cardData: { license: long } }, at, options))).toMatchObject({ field: 'cardData.license', reason: 'cardData.license: too long: 9000 bytes, at most 4096' });
    expect(rejected(mapModel({ id: 'a/b', card_data: { base_model: `ns/${long}` } }, at, options))).toMatchObject({ field: 'card_data.base_model', reason: 'card_data.base_model: too long: 9003 bytes, at most 4096' });
    expect(accepted(mapModel({ id: 'a/b', cardData: { datasets: 'd'.repeat(4096), language: long } }, at, options)).datasets).toEqual(['d'.repeat(4096)]);
  });

  it('keeps a row whose base model (tag or card) is not a Hub repo id, dropping only that base model', () => {
    // Regression: such a value became a Model node (and a Creator of its "namespace"). The row is loaded without it.
    const injection = "x'}) DETACH DELETE n //";
    const tagged = accepted(mapModel({ id: 'ns/a', tags: [`base_model:finetune:ns/${injection}`, 'base_model:finetune:ok/base'] }, at, options));
    expect(tagged.baseModels).toEqual([{ id: 'ok/base', kind: 'finetune' }]);
    expect(tagged.tags).toEqual([`base_model:finetune:ns/${injection}`]);
    const carded = accepted(mapModel({ id: 'ns/b', cardData: { base_model: ['bad x/y/z', injection, './local/path', 'ok/base', 'gpt2'] } }, at, options));
    expect(carded.baseModels).toEqual([
      { id: 'ok/base', kind: 'unknown' },
      { id: 'gpt2', kind: 'unknown' },
    ]);
  });

  it('rejects tags that are not a list of strings', () => {
    expect(rejected(mapModel({ id: 'a/b', tags: "['unterminated" }, at, options))).toMatchObject({
      field: 'tags',
      reason: expect.stringMatching(/^tags: not a list of strings \(unterminated string/),
    });
    expect(rejected(mapModel({ id: 'a/b', tags: ['ok', 3] }, at, options))).toMatchObject({ field: 'tags' });
    expect(rejected(mapModel({ id: 'a/b', tags: { a: 1 } }, at, options))).toMatchObject({ field: 'tags' });
  });

  it("reads 'None' and empty tags as no tags", () => {
    expect(accepted(mapModel({ id: 'a/b', tags: 'None' }, at, options)).tags).toEqual([]);
    expect(accepted(mapModel({ id: 'a/b', tags: '' }, at, options)).tags).toEqual([]);
  });
});

describe('createDuplicateFilter', () => {
  const ok = (id: string, line: number): Parsed<{ id: string }> => ({ ok: true, value: { id }, position: { source: 'f.csv', line } });

  it('passes the first record with an id and rejects later exact duplicates, naming the first line', () => {
    const filter = createDuplicateFilter<{ id: string }>((v) => v.id);
    expect(filter.check(ok('a/b', 2)).ok).toBe(true);
    expect(filter.check(ok('a/c', 3)).ok).toBe(true);
    expect(filter.check(ok('A/B', 4)).ok).toBe(true); // exact match only
    const duplicate = rejected(filter.check(ok('a/b', 9)));
    expect(duplicate).toMatchObject({ field: 'id', position: { source: 'f.csv', line: 9 }, reason: 'duplicate of line 2: id "a/b" was already read' });
    expect(filter.size).toBe(3);
    expect(filter.duplicates).toBe(1);
  });

  it('names the record index when there are no lines, and passes rejections through', () => {
    const filter = createDuplicateFilter<{ id: string }>((v) => v.id);
    filter.check({ ok: true, value: { id: 'x' }, position: { source: 'a.json', index: 0 } });
    expect(rejected(filter.check({ ok: true, value: { id: 'x' }, position: { source: 'a.json', index: 5 } })).reason).toMatch(/^duplicate of record 0/);
    const rejection: Parsed<{ id: string }> = { ok: false, rejection: { position: { source: 'a.json' }, reason: 'r' } };
    expect(filter.check(rejection)).toBe(rejection);
  });
});
