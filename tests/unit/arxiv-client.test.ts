import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { createArxivClient, type ArxivBatchResult, type ArxivClientOptions } from '../../ingest/sources/arxiv/client.js';
import { createDiskCache } from '../../ingest/sources/arxiv/cache.js';
import { fakeArxiv, fakeFetch, recording, type FakeAnswer } from '../fixtures/arxiv/recorded.js';

const BASE = 'https://arxiv.test/api/query';
let cacheDir: string;

beforeEach(async () => {
  cacheDir = await mkdtemp(path.join(os.tmpdir(), 'hubgraph-arxiv-'));
});
afterEach(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

function client(fetchImpl: typeof fetch, extra: Partial<ArxivClientOptions> = {}) {
  return createArxivClient({
    fetch: fetchImpl,
    cacheDir,
    log: silentLogger(),
    baseUrl: BASE,
    minIntervalMs: 0,
    retryMinTimeoutMs: 5,
    ...extra,
  });
}

async function collect(iterable: AsyncIterable<ArxivBatchResult>): Promise<ArxivBatchResult[]> {
  const out: ArxivBatchResult[] = [];
  for await (const batch of iterable) out.push(batch);
  return out;
}

/** Answers each id_list request with the recording made for exactly that id_list. */
function replayRecordings(names: string[]) {
  const byIdList = new Map<string, FakeAnswer>();
  for (const name of names) {
    const rec = recording(name);
    const idList = new URL(rec.url ?? '').searchParams.get('id_list') ?? '';
    // recorded with versions (2104.12255v1); the client asks without
    byIdList.set(idList.replace(/v\d+/g, ''), { status: rec.status, body: rec.body });
  }
  return fakeFetch((url) => {
    const idList = url.searchParams.get('id_list') ?? '';
    return byIdList.get(idList) ?? new Error(`no recording for id_list=${idList}`);
  });
}

describe('createArxivClient.fetchByIds on recorded responses', () => {
  it('looks up single ids in any spelling and strips versions', async () => {
    const fake = replayRecordings([
      'api_2026/id_1605.08386_s0_m100_199195aa31ad.json',
      'api_2026/id_2104.12255v1_s0_m100_6ae69987ffe1.json',
      'api_2026/id_hep-ex_0406020v1_s0_m100_84b15d66c0ce.json',
      'api_2026/id_quant-ph_0201082v1_s0_m100_86989fe779ef.json',
      'api_2026/id_astro-ph_0601001_s0_m100_3150dca9dc76.json',
    ]);
    const batches = await collect(
      client(fake.fetch, { batchSize: 1 }).fetchByIds([
        'arxiv:1605.08386',
        '2104.12255v1',
        'https://arxiv.org/abs/hep-ex/0406020v1',
        'quant-ph/0201082v1',
        'astro-ph/0601001',
      ]),
    );
    expect(batches).toHaveLength(5);
    expect(batches.flatMap((b) => b.papers.map((p) => [p.id, p.primaryCategory]))).toEqual([
      ['1605.08386', 'math.CO'],
      ['2104.12255', 'cs.CR'],
      ['hep-ex/0406020', 'hep-ex'],
      ['quant-ph/0201082', 'quant-ph'],
      ['astro-ph/0601001', 'astro-ph'],
    ]);
    expect(batches.flatMap((b) => [...b.missing, ...b.invalid])).toEqual([]);
    expect(fake.calls.map((c) => new URL(c.url).searchParams.get('id_list'))).toEqual([
      '1605.08386',
      '2104.12255',
      'hep-ex/0406020',
      'quant-ph/0201082',
      'astro-ph/0601001',
    ]);
    expect(fake.calls.every((c) => c.url.startsWith(`${BASE}?`))).toBe(true);
  });

  it('reports ids absent from the feed as missing (recorded 0808.05394,1707.08567 and 0000.0000)', async () => {
    const fake = replayRecordings([
      'api_2026/id_0808.05394_1707.08567_s0_m100_42e5aa0ec3af.json',
      'api_2026/id_0000.0000_s0_m100_8b51d9633a68.json',
    ]);
    const c = client(fake.fetch);
    const [pair] = await collect(c.fetchByIds(['0808.05394', '1707.08567']));
    expect(pair?.papers.map((p) => p.id)).toEqual(['1707.08567']);
    expect(pair?.papers[0]?.authors).toHaveLength(34);
    expect(pair?.missing).toEqual(['0808.05394']);
    expect(pair?.invalid).toEqual([]);

    const [zero] = await collect(c.fetchByIds(['0000.0000']));
    expect(zero).toEqual({ papers: [], missing: ['0000.0000'], invalid: [] });
    expect(fake.calls).toHaveLength(2);
  });

  it('filters malformed ids before asking and reports them as invalid', async () => {
    const fake = replayRecordings(['api_2026/id_1605.08386_s0_m100_199195aa31ad.json']);
    const batches = await collect(client(fake.fetch).fetchByIds(['abc', '1605.08386', 'hep_ex/1', '']));
    expect(batches).toHaveLength(1);
    expect(batches[0]?.papers.map((p) => p.id)).toEqual(['1605.08386']);
    expect(batches[0]?.invalid.map((i) => i.id)).toEqual(['abc', 'hep_ex/1', '']);
    expect(batches[0]?.invalid[0]?.reason).toMatch(/not an arXiv id/);
    expect(fake.calls.map((c) => new URL(c.url).searchParams.get('id_list'))).toEqual(['1605.08386']);
  });

  it('yields the invalid ids once, and makes no request, when nothing valid is left', async () => {
    const fake = replayRecordings([]);
    const batches = await collect(client(fake.fetch).fetchByIds(['abc', 'xyz']));
    expect(batches).toEqual([
      {
        papers: [],
        missing: [],
        invalid: [
          { id: 'abc', reason: expect.stringMatching(/not an arXiv id/) },
          { id: 'xyz', reason: expect.stringMatching(/not an arXiv id/) },
        ],
      },
    ]);
    expect(fake.calls).toHaveLength(0);
    expect(await collect(client(fake.fetch).fetchByIds([]))).toEqual([]);
  });

  it('asks once for ids that normalise to the same paper', async () => {
    const fake = replayRecordings(['api_2026/id_1605.08386_s0_m100_199195aa31ad.json']);
    const batches = await collect(
      client(fake.fetch).fetchByIds(['1605.08386', 'arxiv:1605.08386v1', 'https://arxiv.org/abs/1605.08386v2']),
    );
    expect(batches.flatMap((b) => b.papers.map((p) => p.id))).toEqual(['1605.08386']);
    expect(fake.calls).toHaveLength(1);
  });

  it('sends a request arXiv rejects with the recorded 400 error feed and reports the id as invalid', async () => {
    // normalizeArxivId would never let `abc` through; the pre-filter is bypassed by answering a
    // well-formed id with the recorded 400 body, which is what arXiv does for ids it deems bad.
    const body = recording('api_2026/id_abc_s0_m100_b79c8dcf6bc3.json').body;
    const fake = fakeFetch(() => ({ status: 400, body }));
    const [batch] = await collect(client(fake.fetch).fetchByIds(['2023.12345']));
    expect(batch).toEqual({
      papers: [],
      missing: [],
      invalid: [{ id: '2023.12345', reason: 'incorrect id format for abc' }],
    });
  });
});

describe('createArxivClient: batching', () => {
  it('asks for at most 100 ids per request, with max_results = batch size', async () => {
    const arxiv = fakeArxiv();
    const known = ['1605.08386', '1707.08567', 'hep-ex/0406020', '2202.12139', 'cond-mat/0603029'];
    const synthetic = Array.from({ length: 245 }, (_, i) => `2401.${String(90000 + i).padStart(5, '0')}`);
    const ids = [...synthetic.slice(0, 120), ...known, ...synthetic.slice(120)];
    const batches = await collect(client(arxiv.fetch).fetchByIds(ids));

    expect(arxiv.idLists().map((l) => l.length)).toEqual([100, 100, 50]);
    expect(arxiv.calls.map((c) => new URL(c.url).searchParams.get('max_results'))).toEqual(['100', '100', '50']);
    expect(arxiv.idLists().flat()).toEqual(ids);
    expect(batches).toHaveLength(3);
    expect(batches.flatMap((b) => b.papers.map((p) => p.id)).sort()).toEqual([...known].sort());
    expect(batches[1]?.papers).toHaveLength(5);
    expect(batches.flatMap((b) => b.missing)).toEqual(synthetic);
  });

  it('honours a smaller batchSize and refuses one above 100', () => {
    expect(() => client(fakeArxiv().fetch, { batchSize: 101 })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
    expect(() => client(fakeArxiv().fetch, { batchSize: 0 })).toThrow(/1\.\.100/);
  });
});

describe('createArxivClient: a batch arXiv rejects (HTTP 400)', () => {
  it('drops the id the error names and asks again for the rest', async () => {
    const arxiv = fakeArxiv({ rejected: new Map([['2023.12345', null]]) });
    const [batch] = await collect(client(arxiv.fetch).fetchByIds(['1605.08386', '2023.12345', '1707.08567']));
    expect(batch?.papers.map((p) => p.id)).toEqual(['1605.08386', '1707.08567']);
    expect(batch?.invalid).toEqual([{ id: '2023.12345', reason: 'incorrect id format for 2023.12345' }]);
    expect(batch?.missing).toEqual([]);
    expect(arxiv.idLists()).toEqual([['1605.08386', '2023.12345', '1707.08567'], ['1605.08386', '1707.08567']]);
  });

  it('bisects when the error does not name the id, and keeps every good id', async () => {
    const arxiv = fakeArxiv({ rejected: new Map([['2302.70971', 'malformed request']]) });
    const ids = ['1605.08386', '1707.08567', '0000.00000', '2302.70971', 'hep-ex/0406020', '2202.12139'];
    const [batch] = await collect(client(arxiv.fetch).fetchByIds(ids));
    expect(batch?.papers.map((p) => p.id).sort()).toEqual(['1605.08386', '1707.08567', '2202.12139', 'hep-ex/0406020']);
    expect(batch?.missing).toEqual(['0000.00000']);
    expect(batch?.invalid).toEqual([{ id: '2302.70971', reason: 'malformed request' }]);
    // depth first: 6 → 3 ok | 3 rejected → (2 rejected → 1 rejected | 1 ok) | 1 ok
    expect(arxiv.idLists()).toEqual([
      ids,
      ids.slice(0, 3),
      ids.slice(3),
      ['2302.70971', 'hep-ex/0406020'],
      ['2302.70971'],
      ['hep-ex/0406020'],
      ['2202.12139'],
    ]);
  });

  it('reports every id of a batch as invalid when each one alone is rejected', async () => {
    const arxiv = fakeArxiv({
      rejected: new Map([
        ['2501.99999', 'bad'],
        ['2507.00000', 'bad'],
      ]),
    });
    const [batch] = await collect(client(arxiv.fetch).fetchByIds(['2501.99999', '2507.00000']));
    expect(batch).toEqual({
      papers: [],
      missing: [],
      invalid: [
        { id: '2501.99999', reason: 'bad' },
        { id: '2507.00000', reason: 'bad' },
      ],
    });
  });
});

describe('createArxivClient: disk cache', () => {
  it('answers a repeated lookup from disk: no request, no throttle wait', async () => {
    const arxiv = fakeArxiv();
    const ids = ['1605.08386', '1707.08567', 'hep-ex/0406020', '0000.00000', '2202.12139', '2104.12255'];
    const first = await collect(client(arxiv.fetch, { batchSize: 2, minIntervalMs: 150 }).fetchByIds(ids));
    expect(arxiv.calls).toHaveLength(3);
    expect(await readdir(cacheDir)).toHaveLength(3);

    const again = fakeArxiv();
    // Timers frozen: a lookup that waited on the throttle would never end (a wall-clock bound here
    // was at the mercy of a loaded machine's disk).
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const second = await collect(client(again.fetch, { batchSize: 2, minIntervalMs: 150 }).fetchByIds(ids));
      expect(again.calls).toHaveLength(0);
      expect(second).toEqual(first);
    } finally {
      vi.useRealTimers();
    }
  });

  it('caches the 400 answer too, but never a failed request', async () => {
    let fail = true;
    const fake = fakeFetch((url) => {
      if (url.searchParams.get('id_list') === '1605.08386' && fail) return { status: 503, body: 'busy' };
      if (url.searchParams.get('id_list') === '2023.12345') return { status: 400, body: recording('api_2026/id_abc_s0_m100_b79c8dcf6bc3.json').body };
      return { status: 200, body: recording('api_2026/id_1605.08386_s0_m100_199195aa31ad.json').body };
    });
    await expect(collect(client(fake.fetch, { retries: 1 }).fetchByIds(['1605.08386']))).rejects.toThrow();
    expect(await readdir(cacheDir)).toHaveLength(0);

    await collect(client(fake.fetch).fetchByIds(['2023.12345']));
    expect(await readdir(cacheDir)).toHaveLength(1);
    const before = fake.calls.length;
    const [batch] = await collect(client(fake.fetch).fetchByIds(['2023.12345']));
    expect(fake.calls.length).toBe(before);
    expect(batch?.invalid).toEqual([{ id: '2023.12345', reason: 'incorrect id format for abc' }]);

    fail = false;
    const [ok] = await collect(client(fake.fetch).fetchByIds(['1605.08386']));
    expect(ok?.papers.map((p) => p.id)).toEqual(['1605.08386']);
  });

  it('ignores a corrupt cache entry and asks again', async () => {
    const arxiv = fakeArxiv();
    const c = client(arxiv.fetch);
    await collect(c.fetchByIds(['1605.08386']));
    const url = arxiv.calls[0]?.url ?? '';
    await writeFile(createDiskCache(cacheDir, silentLogger()).fileFor(url), '{"url": "trunc', 'utf8');
    const [batch] = await collect(c.fetchByIds(['1605.08386']));
    expect(arxiv.calls).toHaveLength(2);
    expect(batch?.papers.map((p) => p.id)).toEqual(['1605.08386']);
  });

  it('stores entries in the recordings envelope, keyed by the URL', async () => {
    const arxiv = fakeArxiv();
    await collect(client(arxiv.fetch).fetchByIds(['1605.08386']));
    const cache = createDiskCache(cacheDir, silentLogger());
    const url = arxiv.calls[0]?.url ?? '';
    const entry = await cache.get(url);
    expect(entry?.url).toBe(url);
    expect(entry?.status_code).toBe(200);
    expect(entry?.body).toContain('<id>http://arxiv.org/abs/1605.08386v1</id>');
    expect(await cache.get(`${url}&x=1`)).toBeNull();
  });
});

describe('createArxivClient: throttle', () => {
  it('spaces request starts by at least minIntervalMs', async () => {
    const arxiv = fakeArxiv();
    const ids = ['1605.08386', '1707.08567', 'hep-ex/0406020', '2202.12139'];
    await collect(client(arxiv.fetch, { batchSize: 1, minIntervalMs: 120 }).fetchByIds(ids));
    const gaps = arxiv.calls.slice(1).map((c, i) => c.at - (arxiv.calls[i]?.at ?? 0));
    expect(gaps).toHaveLength(3);
    // Date.now() and timers count whole milliseconds: a millisecond of slack
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(119);
  });

  it('does not wait with minIntervalMs 0 (the control for the test above)', async () => {
    // With timers frozen, a request that waited on one would never start (the test would time out);
    // a wall-clock bound here failed once under a loaded CI.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const arxiv = fakeArxiv();
      await collect(client(arxiv.fetch, { batchSize: 1 }).fetchByIds(['1605.08386', '1707.08567', '2202.12139']));
      expect(arxiv.calls).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('throttles retries too', async () => {
    const body = recording('api_2026/id_1605.08386_s0_m100_199195aa31ad.json').body;
    const fake = fakeFetch((_url, i) => (i === 0 ? { status: 503, body: 'busy' } : { status: 200, body }));
    await collect(client(fake.fetch, { minIntervalMs: 100, retryMinTimeoutMs: 1 }).fetchByIds(['1605.08386']));
    expect(fake.calls).toHaveLength(2);
    expect((fake.calls[1]?.at ?? 0) - (fake.calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(99);
  });
});

describe('createArxivClient: retries', () => {
  const ok = () => ({ status: 200, body: recording('api_2026/id_1605.08386_s0_m100_199195aa31ad.json').body });

  it.each<[string, FakeAnswer]>([
    ['503', { status: 503, body: '<html>Service Unavailable</html>' }],
    ['429', { status: 429, body: 'slow down' }],
    ['500', { status: 500, body: 'oops' }],
    ['a network error', new TypeError('fetch failed')],
    ['a 200 that is not a feed', { status: 200, body: '<!DOCTYPE html><html><body>busy</body></html>' }],
  ])('retries after %s, then succeeds', async (_label, failure) => {
    const fake = fakeFetch((_url, i) => (i === 0 ? failure : ok()));
    const [batch] = await collect(client(fake.fetch).fetchByIds(['1605.08386']));
    expect(fake.calls).toHaveLength(2);
    expect(batch?.papers.map((p) => p.id)).toEqual(['1605.08386']);
  });

  it('backs off exponentially', async () => {
    const fake = fakeFetch((_url, i) => (i < 3 ? { status: 503, body: 'busy' } : ok()));
    await collect(client(fake.fetch, { retryMinTimeoutMs: 40 }).fetchByIds(['1605.08386']));
    const at = fake.calls.map((c) => c.at);
    const gaps = at.slice(1).map((t, i) => t - (at[i] ?? 0));
    expect(gaps).toHaveLength(3);
    expect(gaps[0]).toBeGreaterThanOrEqual(39); // 40
    expect(gaps[1]).toBeGreaterThanOrEqual(79); // 80
    expect(gaps[2]).toBeGreaterThanOrEqual(159); // 160
  });

  it('gives up after `retries` with HTTP_FAILED', async () => {
    const fake = fakeFetch(() => ({ status: 503, body: 'busy' }));
    const error = await collect(client(fake.fetch, { retries: 2 }).fetchByIds(['1605.08386'])).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'HTTP_FAILED', message: expect.stringMatching(/after 3 attempt\(s\).*HTTP 503/) });
    expect(fake.calls).toHaveLength(3);
  });

  it('does not retry a 404', async () => {
    const fake = fakeFetch(() => ({ status: 404, body: 'not found' }));
    const error = await collect(client(fake.fetch).fetchByIds(['1605.08386'])).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'HTTP_FAILED', message: expect.stringContaining('HTTP 404') });
    expect(fake.calls).toHaveLength(1);
  });

  it('keeps batches already yielded when a later one fails', async () => {
    const fake = fakeFetch((_url, i) => {
      if (i >= 1) return { status: 503, body: 'busy' };
      return { status: 200, body: recording('api_2026/id_1605.08386_s0_m100_199195aa31ad.json').body };
    });
    const seen: string[] = [];
    const run = async () => {
      for await (const b of client(fake.fetch, { batchSize: 1, retries: 1 }).fetchByIds(['1605.08386', '1707.08567'])) {
        seen.push(...b.papers.map((p) => p.id));
      }
    };
    await expect(run()).rejects.toMatchObject({ code: 'HTTP_FAILED' });
    expect(seen).toEqual(['1605.08386']);
  });
});
