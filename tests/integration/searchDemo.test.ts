/**
 * search on the demo corpus (issue #16): popularity counts. The original openai/whisper-* models
 * carry a hundred language tags, so BM25 scores them 0.63–0.83 of a bare mirror such as
 * Xenova/whisper-base; downloads must win their place back. TheBloke's lineage-only stubs (no
 * downloads) must rank below TheBloke and below his Hub models.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { search } from '../../src/domain/search.js';
import type { Db } from '../../src/neo4j/db.js';
import { ensureDemo } from './demo.js';
import { testDb } from './neo4j.js';

describe('search on the demo corpus', () => {
  let db: Db;

  beforeAll(async () => {
    db = testDb();
    await ensureDemo(db);
  }, 1_200_000);
  afterAll(async () => {
    await db.close();
  });

  it('puts openai/whisper-* first for "whisper", above the mirrors', async () => {
    const top = (await search(db, { query: 'whisper', types: ['MODEL'], first: 3 })).map((h) => h.model!.id);
    expect(top).toHaveLength(3);
    expect(top.some((id) => id.startsWith('openai/whisper-')), top.join(', ')).toBe(true);
    // Without downloads, Xenova/whisper-tiny (45,205 downloads, relevance 1) came first.
    expect(top[0], top.join(', ')).toMatch(/^openai\/whisper-/);
  });

  it('ranks TheBloke first, then his models with downloads: no lineage-only stub in the top 20', async () => {
    // TheBloke has about 1,000 stubs known only from lineage; without popularity they scored level
    // with him (relevance 1, his followers and model count) from the fifth place on.
    const hits = await search(db, { query: 'TheBloke', first: 20 });
    expect(hits[0]).toMatchObject({ kind: 'CREATOR', creator: { id: 'TheBloke' } });
    const rest = hits.slice(1);
    expect(rest).toHaveLength(19);
    for (const h of rest) {
      expect(h, h.model?.id).toMatchObject({ kind: 'MODEL', creator: { id: 'TheBloke' } });
      expect(h.downloads, h.model?.id).toBeGreaterThan(0);
      expect(h.score).toBeLessThan(hits[0]!.score);
    }
  });
});
