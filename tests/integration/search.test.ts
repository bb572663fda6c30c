/**
 * search on hand-made models and creators named with a token no other data contains: relevance
 * combined with authority and popularity, the formula, type filters, and hostile Lucene syntax.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { search } from '../../src/domain/search.js';
import type { Db } from '../../src/neo4j/db.js';
import { errorCode, gqlClient, type Gql } from './modelFixtures.js';
import { cleanup, testDb, uniquePrefix } from './neo4j.js';

describe('search', () => {
  let db: Db;
  let gql: Gql;
  const p = uniquePrefix('search');
  // Letters only, so the analyzer keeps it one token.
  const tok = `zq${[...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;

  const popular = `${tok}pop`;
  const quantizer = `${tok}quant`;

  beforeAll(async () => {
    db = testDb();
    gql = gqlClient(db);
    // orig/… carries the token among a hundred language tags (a long document, as openai/whisper-*
    // are), mirror/… with none; the quantizer creator has two Hub models and three lineage-only
    // stubs (no downloads, likes or tags; ids sorting before the Hub models').
    await db.write(
      `CREATE (o:Creator {id: $p + 'orig', name: 'orig', followers: 10}),
              (m:Creator {id: $p + 'mirror', name: 'mirror', followers: 10}),
              (q:Creator {id: $p + $quantizer, name: $quantizer, followers: 50}),
              (o)-[:CREATED]->(:Model {id: $p + 'orig/' + $popular + '-large', name: $popular + '-large', downloads: 3500000, likes: 30,
                 tagText: 'transformers ' + $popular + ' automatic-speech-recognition ' + reduce(s = '', i IN range(1, 100) | s + ' lang' + i)}),
              (m)-[:CREATED]->(:Model {id: $p + 'mirror/' + $popular + '-base', name: $popular + '-base', downloads: 1226, tagText: 'transformers.js ' + $popular}),
              (q)-[:CREATED]->(:Model {id: $p + $quantizer + '/zephyr-gguf', name: 'zephyr-gguf', downloads: 20000, likes: 0}),
              (q)-[:CREATED]->(:Model {id: $p + $quantizer + '/yi-gguf', name: 'yi-gguf', downloads: 300, likes: 0})
       WITH q
       UNWIND range(0, 2) AS i
       CREATE (q)-[:CREATED]->(:Model {id: $p + $quantizer + '/base-' + i, name: 'base-' + i, source: 'test-lineage'})`,
      { p, popular, quantizer },
    );
    // quiet/… and famous/… match the token identically (same id shape, name, tags); famous' creator
    // has 500 followers and 3 models. weak/… mentions it once among many tags.
    await db.write(
      `CREATE (q:Creator {id: $p + 'quiet', name: 'quiet', followers: 0}),
              (f:Creator {id: $p + 'famous', name: 'famous', followers: 500}),
              (w:Creator {id: $p + 'weak', name: 'weak', followers: 100000}),
              (l:Creator:Organization {id: $p + $tok + '-labs', name: $tok + ' labs', followers: 20}),
              (q)-[:CREATED]->(:Model {id: $p + 'quiet/' + $tok, name: $tok, tagText: $tok + ' text-generation', downloads: 1}),
              (f)-[:CREATED]->(:Model {id: $p + 'famous/' + $tok, name: $tok, tagText: $tok + ' text-generation', downloads: 1, likes: 7}),
              (f)-[:CREATED]->(:Model {id: $p + 'famous/other1', name: 'other1'}),
              (f)-[:CREATED]->(:Model {id: $p + 'famous/other2', name: 'other2'}),
              (w)-[:CREATED]->(:Model {id: $p + 'weak/unrelated-name', name: 'unrelated-name',
                 tagText: 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau ' + $tok})`,
      { p, tok },
    );
  });
  afterAll(async () => {
    await gql.stop();
    await cleanup(db, p);
    await db.close();
  });

  it('ranks equal text matches by authority, and keeps text relevance first', async () => {
    const hits = await search(db, { query: tok, types: ['MODEL'] });
    expect(hits.map((h) => h.model?.id)).toEqual([`${p}famous/${tok}`, `${p}quiet/${tok}`, `${p}weak/unrelated-name`]);
    const [famous, quiet, weak] = hits;
    expect(famous!.relevance).toBe(quiet!.relevance);
    expect(famous!.relevance).toBe(1);
    // weak's creator has 100,000 followers, but a weak match: 10·relevance dominates.
    expect(weak!.relevance).toBeLessThan(0.8);
    expect(famous).toMatchObject({ kind: 'MODEL', followers: 500, likes: 7, models: 3, creator: { id: `${p}famous` } });
  });

  it('scores = 10·relevance + 0.3·ln(1+followers) + 0.3·ln(1+likes) + 0.5·ln(1+downloads) + 0.2·ln(1+models)', async () => {
    const hits = await search(db, { query: tok });
    expect(hits.length).toBe(4);
    for (const h of hits) {
      const expected =
        10 * h.relevance + 0.3 * Math.log(1 + h.followers) + 0.3 * Math.log(1 + h.likes) + 0.5 * Math.log(1 + h.downloads) + 0.2 * Math.log(1 + h.models);
      expect(h.score).toBeCloseTo(expected, 9);
    }
    const labs = hits.find((h) => h.kind === 'CREATOR')!;
    expect(labs).toMatchObject({ creator: { id: `${p}${tok}-labs` }, model: null, followers: 20, models: 0, downloads: 0, relevance: 1 });
    expect(hits.find((h) => h.model?.id === `${p}weak/unrelated-name`)).toMatchObject({ downloads: 0 });
    // Scores are comparable across kinds: the list is sorted on one scale.
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });

  it('filters by type and honours first, through GraphQL', async () => {
    const q = `query ($q: String!, $types: [SearchType!], $first: Int) {
      search(query: $q, types: $types, first: $first) { kind score relevance model { id } creator { id } }
    }`;
    const creators = await gql(q, { q: tok, types: ['CREATOR'] });
    expect(creators.errors).toBeUndefined();
    expect(creators.data.search).toEqual([expect.objectContaining({ kind: 'CREATOR', creator: { id: `${p}${tok}-labs` }, model: null })]);
    const two = await gql(q, { q: tok, first: 2 });
    // famous: 10 + 0.3·ln 501 + 0.3·ln 8 + 0.5·ln 2 + 0.2·ln 4 ≈ 13.12 > the labs: 10 + 0.3·ln 21 ≈ 10.91
    // > quiet: 10 + 0.5·ln 2 + 0.2·ln 2 ≈ 10.49.
    expect(two.data.search.map((h: any) => h.model?.id ?? h.creator.id)).toEqual([`${p}famous/${tok}`, `${p}${tok}-labs`]);
  });

  it('treats Lucene syntax in the text literally', async () => {
    const q = 'query ($q: String!) { search(query: $q) { kind model { id } creator { id } } }';
    for (const hostile of ['foo AND (bar', '*', '~', '"', '\\', 'a:b', '[x TO y]', `${tok}~2`, 'NOT', `"${tok}`, '&& || !']) {
      const res = await gql(q, { q: hostile });
      expect(res.errors, hostile).toBeUndefined();
    }
    // `*` would match every document as a wildcard; escaped, it matches none.
    expect((await gql(q, { q: '*' })).data.search).toEqual([]);
    // A quote and a fuzzy marker around the token still find exactly the token's documents.
    const quoted = (await gql(q, { q: `"${tok}"` })).data.search;
    expect(quoted).toHaveLength(4);
    const fuzzy = (await search(db, { query: `${tok}~` })).map((h) => h.model?.id ?? h.creator?.id);
    expect(fuzzy).toHaveLength(4);
    // Upper-case operators are words: `tok AND nothing` is not a conjunction that fails, and it
    // finds the token's documents. (Other data may match the word `and` too — the demo corpus has
    // many such models — so only this suite's documents are counted.)
    const mine = async (query: string) =>
      (await search(db, { query, first: 50 })).map((h) => h.model?.id ?? h.creator!.id).filter((x) => x.startsWith(p)).sort();
    const tokens = await mine(tok);
    expect(tokens).toHaveLength(4);
    expect(await mine(`${tok} AND zzzznothing`)).toEqual(tokens);
    expect(await mine(`zzzznothing AND ${tok}`)).toEqual(tokens);
  });

  it('counts popularity: the original with many tags outranks a short mirror, stubs rank below their creator', async () => {
    // BM25 favours the mirror's short document; 3.5 million downloads against 1,226 must win back
    // the original's place (the demo's openai/whisper-* against Xenova/whisper-base).
    const orig = (await search(db, { query: popular, types: ['MODEL'] })).map((h) => h.model!.id);
    expect(orig).toEqual([`${p}orig/${popular}-large`, `${p}mirror/${popular}-base`]);
    const [original, mirror] = await search(db, { query: popular, types: ['MODEL'] });
    expect(original!.relevance).toBeLessThan(mirror!.relevance);
    expect(original).toMatchObject({ downloads: 3_500_000, likes: 30 });
    // The TheBloke shape: the creator first (downloads summed over its models), its Hub models by
    // downloads, then its lineage-only stubs (no downloads or likes), by id.
    const hits = await search(db, { query: quantizer });
    expect(hits.map((h) => h.model?.id ?? h.creator!.id)).toEqual([
      `${p}${quantizer}`,
      `${p}${quantizer}/zephyr-gguf`,
      `${p}${quantizer}/yi-gguf`,
      `${p}${quantizer}/base-0`,
      `${p}${quantizer}/base-1`,
      `${p}${quantizer}/base-2`,
    ]);
    expect(hits[0]).toMatchObject({ kind: 'CREATOR', downloads: 20_300, models: 5 });
    expect(hits.slice(3).map((h) => h.downloads)).toEqual([0, 0, 0]);
  });

  it('refuses an empty or over-long query and a bad first with BAD_USER_INPUT', async () => {
    const q = 'query ($q: String!, $first: Int, $types: [SearchType!]) { search(query: $q, first: $first, types: $types) { score } }';
    expect(errorCode(await gql(q, { q: '' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(q, { q: '   ' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(q, { q: 'x'.repeat(201) }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(q, { q: tok, first: 0 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(q, { q: tok, types: [] }))).toBe('BAD_USER_INPUT');
    expect((await gql(q, { q: 'x'.repeat(200) })).errors).toBeUndefined();
  });
});
