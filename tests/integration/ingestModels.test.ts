/**
 * `ingest models` against a real Neo4j: the relationships tags imply, idempotence, incremental
 * replacement, and bad input (every good row loads, every bad one is quarantined with its reason).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJob } from '../../ingest/job.js';
import { ingestModelsFile } from '../../ingest/jobs/models.js';
import { apiModel, fingerprint, ingestDeps, ingestSuite, writeNdjson } from './ingestFixtures.js';

describe('ingest models', () => {
  const suite = ingestSuite();
  const { p, dir } = suite;
  const load = (file: string) => runJob(ingestDeps(suite.db, dir), 'models', async (run) => void (await ingestModelsFile(run, file, 'test-fixture')));

  it('turns tags into the typed relationships of the HIN', async () => {
    const file = writeNdjson(dir, 'models.ndjson', [apiModel(p, 'alpha'), apiModel(p, 'beta', { tags: ['transformers', `${p}-plain`] , pipeline_tag: null })]);
    const summary = await load(file);
    expect(summary.totals).toMatchObject({ read: 2, loaded: 2, rejected: 0 });
    const rels = await suite.db.read<{ type: string; target: string; kind: string | null }>(
      'MATCH (m:Model {id: $id})-[r]->(x) RETURN type(r) AS type, x.id AS target, r.kind AS kind ORDER BY type, target',
      { id: `${p}-org/alpha` },
    );
    expect(rels).toEqual([
      { type: 'CITES', target: '2999.00001', kind: null },
      { type: 'DERIVED_FROM', target: `${p}-org/base`, kind: 'finetune' },
      { type: 'HAS_LICENSE', target: `${p}-lic`, kind: null },
      { type: 'HAS_TASK', target: 'text-generation', kind: null },
      { type: 'SUPPORTS_LANGUAGE', target: 'en', kind: null },
      { type: 'TAGGED', target: 'region:us', kind: null },
      { type: 'TAGGED', target: `${p}-plain`, kind: null },
      { type: 'TRAINED_ON', target: `${p}-ds/corpus`, kind: null },
      { type: 'USES_LIBRARY', target: 'transformers', kind: null },
    ]);
    const creator = await suite.db.read<{ id: string; models: number }>(
      'MATCH (c:Creator)-[:CREATED]->(m:Model) WHERE c.id = $c RETURN c.id AS id, count(m) AS models',
      { c: `${p}-org` },
    );
    expect(creator).toEqual([{ id: `${p}-org`, models: 2 }]);
    const [model] = await suite.db.read<{ downloads: number; likes: number; createdAt: string }>(
      'MATCH (m:Model {id: $id}) RETURN m.downloads AS downloads, m.likes AS likes, toString(m.createdAt) AS createdAt',
      { id: `${p}-org/alpha` },
    );
    expect(model).toEqual({ downloads: 1000, likes: 10, createdAt: '2024-01-02T03:04:05Z' });
  });

  it('changes no counts when run a second time', async () => {
    const before = await fingerprint(suite.db, p);
    const summary = await load(path.join(dir, 'models.ndjson'));
    expect(summary.totals.loaded).toBe(2);
    expect(summary.totals.relationshipsCreated).toBe(0);
    expect(await fingerprint(suite.db, p)).toEqual(before);
  });

  it('replaces a re-ingested model’s relationships instead of accumulating them', async () => {
    const changed = apiModel(p, 'alpha', {
      downloads: 5,
      pipeline_tag: 'fill-mask',
      tags: ['fill-mask', `license:${p}-lic2`, 'fr', `dataset:${p}-ds/other`],
    });
    await load(writeNdjson(dir, 'models-changed.ndjson', [changed]));
    const rels = await suite.db.read<{ type: string; target: string }>(
      'MATCH (m:Model {id: $id})-[r]->(x) RETURN type(r) AS type, x.id AS target ORDER BY type, target',
      { id: `${p}-org/alpha` },
    );
    expect(rels).toEqual([
      { type: 'HAS_LICENSE', target: `${p}-lic2` },
      { type: 'HAS_TASK', target: 'fill-mask' },
      { type: 'SUPPORTS_LANGUAGE', target: 'fr' },
      { type: 'TRAINED_ON', target: `${p}-ds/other` },
      { type: 'USES_LIBRARY', target: 'transformers' },
    ]);
    const [m] = await suite.db.read<{ downloads: number }>('MATCH (m:Model {id: $id}) RETURN m.downloads AS downloads', { id: `${p}-org/alpha` });
    expect(m?.downloads).toBe(5);
  });

  it('keeps one node per model across sources, the newest record winning whatever the order of loading', async () => {
    const loadAs = (file: string, source: string, recordedAt: string) =>
      runJob(ingestDeps(suite.db, dir), 'models', async (run) => void (await ingestModelsFile(run, file, source, { recordedAt })));
    const state = (id: string) =>
      suite.db.read<{ downloads: number; likes: number; lastModified: string | null; source: string; sources: string[]; tags: string[] }>(
        `MATCH (m:Model {id: $id})
         RETURN m.downloads AS downloads, m.likes AS likes, toString(m.lastModified) AS lastModified, m.source AS source,
                m.sources AS sources, COLLECT { MATCH (m)-[:TAGGED]->(t) RETURN t.id ORDER BY t.id } AS tags`,
        { id },
      );
    // The older dump has lastModified and no likes; the newer record has likes, no lastModified and other tags.
    const older = (name: string) =>
      writeNdjson(dir, `${name}-older.ndjson`, [{ ...apiModel(p, name), downloads: 5, likes: null, tags: [`${p}-old-tag`] }]);
    const newer = (name: string) =>
      writeNdjson(dir, `${name}-newer.ndjson`, [{ ...apiModel(p, name), downloads: 9, likes: 42, lastModified: null, tags: [`${p}-new-tag`] }]);
    const expected = (id: string) => ({
      downloads: 9,
      likes: 42,
      lastModified: '2024-06-01T00:00:00Z',
      source: 'newer-dump',
      tags: [`${p}-new-tag`],
      sources: expect.arrayContaining(['older-dump', 'newer-dump']) as unknown as string[],
      id,
    });
    await loadAs(older('in-order'), 'older-dump', '2024-09-20T00:00:00Z');
    await loadAs(newer('in-order'), 'newer-dump', '2025-01-01T00:00:00Z');
    await loadAs(newer('reversed'), 'newer-dump', '2025-01-01T00:00:00Z');
    await loadAs(older('reversed'), 'older-dump', '2024-09-20T00:00:00Z');
    for (const name of ['in-order', 'reversed']) {
      const id = `${p}-org/${name}`;
      const [m] = await state(id);
      expect({ ...m, id }).toEqual(expected(id));
      expect(m?.sources).toHaveLength(2);
    }
    expect(await suite.db.read('MATCH (m:Model) WHERE m.id IN $ids RETURN m.id', { ids: [`${p}-org/in-order`, `${p}-org/reversed`] })).toHaveLength(2);
  });

  it('keeps tag relationships when a dump without a tags column (the 2022 file) updates a model', async () => {
    // Regression: loading the 2022 dump used to delete the tags, papers, datasets… of models it shares with newer dumps.
    const id = `${p}-org/keep`;
    await load(writeNdjson(dir, 'keep.ndjson', [apiModel(p, 'keep')]));
    const before = await suite.db.read<{ type: string; target: string }>('MATCH (:Model {id: $id})-[r]->(x) RETURN type(r) AS type, x.id AS target ORDER BY type, target', { id });
    const csv = path.join(dir, 'model-info-2022.csv');
    writeFileSync(csv, `modelId,author,creation_time,downloads,has_modelcard,task_category,task_domain\n${id},${p}-org,2022-01-01T00:00:00.000Z,77,True,text-generation,nlp\n`);
    const summary = await load(csv);
    expect(summary.totals).toMatchObject({ loaded: 1, rejected: 0 });
    const after = await suite.db.read<{ type: string; target: string }>('MATCH (:Model {id: $id})-[r]->(x) RETURN type(r) AS type, x.id AS target ORDER BY type, target', { id });
    expect(after).toEqual(before);
    expect(after.length).toBeGreaterThan(5);
    const [m] = await suite.db.read<{ downloads: number; tagText: string }>('MATCH (m:Model {id: $id}) RETURN m.downloads AS downloads, m.tagText AS tagText', { id });
    expect(m?.downloads).toBe(77);
    expect(m?.tagText).toContain('region:us');
  });

  it('loads every good row of a corrupted file and quarantines every bad one with its reason and line', async () => {
    const good = (n: string) => JSON.stringify(apiModel(p, n));
    const lines: (string | Buffer)[] = [
      good('c-good-1'), // 1
      '{"id": "broken json', // 2
      JSON.stringify({ ...apiModel(p, 'x'), id: undefined, modelId: undefined }), // 3: no id
      JSON.stringify(apiModel(p, 'c-bad-downloads', { downloads: 'abc' })), // 4: wrong type
      JSON.stringify(apiModel(p, 'c-unknown-prefix', { tags: ['foo:bar', 'transformers'] })), // 5: good, plain tag kept
      JSON.stringify(apiModel(p, 'c-huge', { cardData: { text: 'x'.repeat(10 * 1024 * 1024) } })), // 6: 10 MB line
      Buffer.concat([Buffer.from(`{"id": "${p}-org/c-utf8", "author": "${p}-org", "tags": ["`), Buffer.from([0xff, 0xfe]), Buffer.from('"]}')]), // 7
      good('c-good-1'), // 8: duplicate of line 1
      good('c-good-2'), // 9
    ];
    const file = path.join(dir, 'corrupted.ndjson');
    writeFileSync(file, Buffer.concat(lines.flatMap((l) => [Buffer.isBuffer(l) ? l : Buffer.from(l), Buffer.from('\n')])));
    const summary = await load(file);
    expect(summary.totals).toMatchObject({ read: 9, loaded: 3, rejected: 6 });
    const loaded = await suite.db.read<{ id: string }>("MATCH (m:Model) WHERE m.id STARTS WITH $p + '-org/c-' RETURN m.id AS id ORDER BY id", { p });
    expect(loaded.map((r) => r.id)).toEqual([`${p}-org/c-good-1`, `${p}-org/c-good-2`, `${p}-org/c-unknown-prefix`]);
    const tag = await suite.db.read('MATCH (:Model {id: $id})-[:TAGGED]->(t:Tag {id: "foo:bar"}) RETURN t.id AS id', { id: `${p}-org/c-unknown-prefix` });
    expect(tag).toHaveLength(1);

    expect(summary.quarantine.file).not.toBeNull();
    const entries = readFileSync(summary.quarantine.file!, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { line: number; reason: string; field: string | null });
    const byLine = new Map(entries.map((e) => [e.line, e]));
    expect([...byLine.keys()].sort((a, b) => a - b)).toEqual([2, 3, 4, 6, 7, 8]);
    expect(byLine.get(2)!.reason).toMatch(/JSON/i);
    expect(byLine.get(3)!.field).toBe('id');
    expect(byLine.get(4)!.field).toBe('downloads');
    expect(byLine.get(4)!.reason).toContain('abc');
    expect(byLine.get(6)!.reason).toMatch(/longer than|too long|exceeds/i);
    expect(byLine.get(7)!.reason).toMatch(/UTF-8/);
    expect(byLine.get(8)!.reason).toMatch(/duplicate of line 1/);
    expect(summary.notes.join(' ')).toContain('foo:');
  });
});
