import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { XML_DATA } from 'arxiv-api-ts/dist/constants.js';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger, type Logger } from '../../src/log.js';
import { createFeedFetcher } from '../../ingest/sources/arxiv/feed.js';
import {
  arxivApiTsSearchFn,
  createArxivApiTsSearch,
  createArxivFeedSearch,
  type ArxivApiTsSearchFn,
} from '../../ingest/sources/arxiv/search.js';
import { fakeFetch, feedXml, recordedEntries, recording, type FakeAnswer } from '../fixtures/arxiv/recorded.js';

const BASE = 'https://arxiv.test/api/query';
const LIBRARY_URL = 'http://export.arxiv.org/api/query';
let cacheDir: string;

beforeEach(async () => {
  cacheDir = await mkdtemp(path.join(os.tmpdir(), 'hubgraph-arxiv-search-'));
});
afterEach(async () => {
  // arxiv-api-ts calls the global fetch (it cannot be given one); the stub lives only per test
  vi.unstubAllGlobals();
  await rm(cacheDir, { recursive: true, force: true });
});

/**
 * Serves one recorded body to every request: the library's (through the stubbed global fetch)
 * and our raw one (through the injected fetch).
 */
function serve(answer: FakeAnswer | ((url: URL) => FakeAnswer), log: Logger = silentLogger()) {
  const fake = fakeFetch((url) => (typeof answer === 'function' ? answer(url) : answer));
  vi.stubGlobal('fetch', fake.fetch);
  const feed = createFeedFetcher({ fetch: fake.fetch, cacheDir, log, minIntervalMs: 0, retryMinTimeoutMs: 1 });
  return { fake, feed, log };
}

const recorded = (name: string): FakeAnswer => {
  const rec = recording(name);
  return { status: rec.status, body: rec.body };
};

const libraryCalls = (calls: { url: string }[]) => calls.filter((c) => c.url.startsWith(LIBRARY_URL));
const rawCalls = (calls: { url: string }[]) => calls.filter((c) => c.url.startsWith(BASE));

function capturingLogger(): { log: Logger; lines: () => Array<Record<string, unknown>> } {
  const out: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      out.push(String(chunk));
      done();
    },
  });
  return {
    log: pino({ level: 'debug' }, stream),
    lines: () => out.map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('arxiv-api-ts 1.1.0 as shipped: the defects the adapter exists for', () => {
  const search = arxivApiTsSearchFn();
  const params = { searchQueryParams: [{ include: [{ name: 'testing' }] }] };

  it('reports totalResults 0, no categories, no doi on a 10-entry page', async () => {
    serve(recorded('api_2026/q_testing_s0_m10_bc5a6c384fe9.json'));
    const out = (await search(params)) as { totalResults: unknown; entries: Array<Record<string, unknown>> };
    expect(out.totalResults).toBe(0);
    expect(out.entries).toHaveLength(10);
    expect(out.entries[0]?.['categories']).toBeUndefined();
    expect(out.entries[0]?.['primaryCategory']).toBeUndefined();
    expect(out.entries[0]?.['doi']).toBeUndefined();
    expect(out.entries[0]?.['links']).toEqual(['', '', '']);
  });

  it.each([
    'atom_2016/search_au_del_maestro_AND_ti_checkerboard.xml',
    'api_2026/id_2104.12255v1_s0_m100_6ae69987ffe1.json',
    'api_2026/id_abc_s0_m100_b79c8dcf6bc3.json',
  ])('throws "entries.map is not a function" on %s', async (name) => {
    serve(recorded(name));
    await expect(search(params)).rejects.toThrow('entries.map is not a function');
  });

  it('sends the query unencoded, over http', async () => {
    const { fake } = serve(recorded('api_2026/id_0000.0000_s0_m100_8b51d9633a68.json'));
    await search({ searchQueryParams: [{ include: [{ name: 'a b&c' }] }] });
    expect(fake.calls[0]?.url).toBe(`${LIBRARY_URL}?search_query=all:a b&c&start=0&max_results=10`);
  });
});

describe('createArxivApiTsSearch', () => {
  it('fills categories, doi and the real total on a 10-entry page (q=testing)', async () => {
    const { fake, feed, log } = serve(recorded('api_2026/q_testing_s0_m10_bc5a6c384fe9.json'));
    const result = await createArxivApiTsSearch({ feed, log, baseUrl: BASE }).search('testing', { max: 10 });
    expect(result.totalResults).toBe(214881);
    expect(result.papers).toHaveLength(10);
    expect(result.papers[0]).toMatchObject({
      id: '2202.12139',
      title: 'Testing Deep Learning Models: A First Comparative Study of Multiple Testing Techniques',
      authors: ['Mohit Kumar Ahuja', 'Arnaud Gotlieb', 'Helge Spieker'],
      primaryCategory: 'cs.SE',
      categories: ['cs.SE', 'cs.LG'],
      doi: '10.1109/ICSTW55395.2022.00035',
    });
    expect(result.papers.every((p) => p.categories.length > 0 && p.primaryCategory !== null)).toBe(true);
    expect(libraryCalls(fake.calls)).toHaveLength(1);
    expect(rawCalls(fake.calls)).toHaveLength(1);
  });

  it('falls back to the raw feed on a one-entry page (library throws)', async () => {
    const { fake, feed, log } = serve(recorded('atom_2016/search_au_del_maestro_AND_ti_checkerboard.xml'));
    const result = await createArxivApiTsSearch({ feed, log, baseUrl: BASE }).search(
      'au:del_maestro AND ti:checkerboard',
    );
    expect(result).toEqual({
      totalResults: 1,
      papers: [
        expect.objectContaining({
          id: 'cond-mat/0603029',
          categories: ['cond-mat.str-el', 'cond-mat.supr-con'],
          primaryCategory: 'cond-mat.str-el',
          authors: ['Adrian Del Maestro', 'Bernd Rosenow', 'Subir Sachdev'],
        }),
      ],
    });
    // both requests carried the same query, each decoded by arXiv to the same string
    const queries = fake.calls.map((c) => new URL(c.url).searchParams.get('search_query'));
    expect(queries).toEqual(['au:del_maestro AND ti:checkerboard', 'au:del_maestro AND ti:checkerboard']);
  });

  it('keeps the title "0" a string where the library makes it a number', async () => {
    const entries = recordedEntries();
    const body = feedXml([entries.get('2104.12255') ?? '', entries.get('1605.08386') ?? '']);
    const { feed, log } = serve({ status: 200, body });
    const library = arxivApiTsSearchFn();
    const libraryOut = (await library({ searchQueryParams: [{ include: [{ name: 'x' }] }] })) as {
      entries: Array<Record<string, unknown>>;
    };
    expect(libraryOut.entries[0]?.['title']).toBe(0); // the defect, measured
    const result = await createArxivApiTsSearch({ feed, log, baseUrl: BASE }).search('ti:0');
    expect(result.papers.map((p) => p.title)).toEqual(['0', 'Heat-bath random walks with Markov bases']);
    expect(result.papers.map((p) => p.authors)).toEqual([['Quan Thoi Minh Nguyen'], ['Caprice Stanley', 'Tobias Windisch']]);
    expect(result.totalResults).toBe(2);
  });

  it('turns the HTTP 400 error feed into BAD_USER_INPUT with arXiv’s text', async () => {
    const { feed, log } = serve(recorded('api_2026/id_abc_s0_m100_b79c8dcf6bc3.json'));
    await expect(createArxivApiTsSearch({ feed, log, baseUrl: BASE }).search('abc')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining('incorrect id format for abc'),
    });
  });

  it('reports a real zero from the feed, and null (not 0) when the feed gives no total', async () => {
    const zero = serve(recorded('api_2026/id_0000.0000_s0_m100_8b51d9633a68.json'));
    expect(await createArxivApiTsSearch({ feed: zero.feed, log: zero.log, baseUrl: BASE }).search('nothing')).toEqual({
      papers: [],
      totalResults: 0,
    });
    vi.unstubAllGlobals();

    const entries = recordedEntries();
    const noTotal = feedXml([entries.get('1605.08386') ?? '', entries.get('1707.08567') ?? ''], null);
    const s = serve({ status: 200, body: noTotal });
    const result = await createArxivApiTsSearch({ feed: s.feed, log: s.log, baseUrl: `${BASE}2` }).search('walks');
    expect(result.papers.map((p) => p.id)).toEqual(['1605.08386', '1707.08567']);
    expect(result.totalResults).toBeNull();
  });

  it('reads the sample arxiv-api-ts ships (dist/constants.js XML_DATA)', async () => {
    const { fake, feed, log } = serve({ status: 200, body: XML_DATA });
    const result = await createArxivApiTsSearch({ feed, log, baseUrl: BASE }).search('GAN');
    expect(result.totalResults).toBe(10468);
    expect(result.papers).toHaveLength(10);
    expect(result.papers[0]).toMatchObject({
      id: '2111.13282',
      title: 'Generative Adversarial Networks and Adversarial Autoencoders: Tutorial and Survey',
      categories: ['cs.LG', 'cs.CV', 'eess.IV', 'stat.ML'],
      primaryCategory: 'cs.LG',
    });
    expect(result.papers[4]).toMatchObject({ id: '1701.06264', journalRef: 'in International Journal of Computer Vision (IJCV), 2019' });
    expect(new URL(fake.calls[0]?.url ?? '').searchParams.get('search_query')).toBe('all:GAN');
  });

  it('uses the raw feed, and warns, when the library and the raw feed disagree', async () => {
    const { log, lines } = capturingLogger();
    const { feed } = serve(recorded('api_2026/q_testing_s0_m10_bc5a6c384fe9.json'), log);
    const library: ArxivApiTsSearchFn = async () => ({
      totalResults: 0,
      entries: [{ id: 'http://arxiv.org/abs/1810.04805v2', title: 'BERT', authors: [{ name: 'J. Devlin' }] }],
    });
    const result = await createArxivApiTsSearch({ feed, log, baseUrl: BASE, library }).search('testing');
    expect(result.papers.map((p) => p.id)[0]).toBe('2202.12139');
    expect(result.papers).toHaveLength(10);
    expect(lines().some((l) => l['level'] === 40 && String(l['msg']).includes('disagree'))).toBe(true);
  });

  it('falls back, and warns, when the library fails for another reason', async () => {
    const { log, lines } = capturingLogger();
    const { feed } = serve(recorded('api_2026/id_1605.08386_s0_m100_199195aa31ad.json'), log);
    const library: ArxivApiTsSearchFn = async () => {
      throw new Error('socket hang up');
    };
    const result = await createArxivApiTsSearch({ feed, log, baseUrl: BASE, library }).search('walks');
    expect(result.papers.map((p) => p.id)).toEqual(['1605.08386']);
    expect(lines().some((l) => l['level'] === 40 && l['err'] === 'socket hang up')).toBe(true);
  });

  it('does not call the library for a field prefix it does not know', async () => {
    const { fake, feed, log } = serve(recorded('api_2026/id_1605.08386_s0_m100_199195aa31ad.json'));
    const library = vi.fn<ArxivApiTsSearchFn>();
    const result = await createArxivApiTsSearch({ feed, log, baseUrl: BASE, library }).search('id:1605.08386');
    expect(library).not.toHaveBeenCalled();
    expect(result.papers.map((p) => p.id)).toEqual(['1605.08386']);
    expect(new URL(fake.calls[0]?.url ?? '').searchParams.get('search_query')).toBe('id:1605.08386');
  });

  it('passes paging to both requests and validates it', async () => {
    const { fake, feed, log } = serve(recorded('api_2026/q_testing_s0_m10_bc5a6c384fe9.json'));
    const s = createArxivApiTsSearch({ feed, log, baseUrl: BASE });
    await s.search('testing', { start: 20, max: 10 });
    for (const call of fake.calls) {
      const p = new URL(call.url).searchParams;
      expect([p.get('start'), p.get('max_results')]).toEqual(['20', '10']);
    }
    await expect(s.search('testing', { start: -1 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(s.search('testing', { max: 0 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(s.search('testing', { max: 2001 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(s.search('   ')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('a repeated search costs only the library request (the raw page is cached)', async () => {
    const { fake, feed, log } = serve(recorded('api_2026/q_testing_s0_m10_bc5a6c384fe9.json'));
    const s = createArxivApiTsSearch({ feed, log, baseUrl: BASE });
    await s.search('testing');
    await s.search('testing');
    expect(rawCalls(fake.calls)).toHaveLength(1);
    expect(libraryCalls(fake.calls)).toHaveLength(2);
  });
});

describe('createArxivFeedSearch', () => {
  it('answers with one request and the same papers as the library-backed search', async () => {
    const { fake, feed, log } = serve(recorded('atom_2016/search_au_del_maestro.xml'));
    const raw = await createArxivFeedSearch({ feed, log, baseUrl: BASE }).search('au:del_maestro');
    expect(fake.calls).toHaveLength(1);
    expect(raw.totalResults).toBe(31);
    expect(raw.papers.map((p) => p.id)).toEqual([
      '1201.4869', 'cond-mat/0412498', 'cond-mat/0603029', '1005.5383', '1303.6954',
      '1312.6177', '1412.6529', 'cond-mat/0607501', 'cond-mat/0702661', '0807.2873',
    ]);

    const viaLibrary = await createArxivApiTsSearch({ feed, log, baseUrl: BASE }).search('au:del_maestro');
    expect(viaLibrary).toEqual(raw);
  });

  it('rejects the error feed too', async () => {
    const { feed, log } = serve(recorded('api_2026/id_abc_s0_m100_b79c8dcf6bc3.json'));
    await expect(createArxivFeedSearch({ feed, log, baseUrl: BASE }).search('abc')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });
});
