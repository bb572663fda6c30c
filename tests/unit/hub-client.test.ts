import { describe, expect, it } from 'vitest';
import { createHubClient, type HubClientDeps, type ModelPage } from '../../ingest/sources/hub/client.js';
import { HubHttpError } from '../../ingest/sources/hub/errors.js';
import { ErrorCodes, HubgraphError } from '../../src/errors.js';
import { silentLogger } from '../../src/log.js';
import { createReplay, loadExchanges, recordedBody, urlKey, type Replay } from '../fixtures/hub/replay.js';

const ALL_PAGES = ['models-page-1', 'models-page-2', 'models-page-3'];
const FIRST_URL = loadExchanges('models-page-1')[0]!.request.url;

/** Fast settings: no throttling to speak of, millisecond backoff. Tests override what they measure. */
function clientFor(replay: Replay, overrides: Partial<HubClientDeps> = {}) {
  return createHubClient({
    fetch: replay.fetch,
    log: silentLogger(),
    requestsPerMinute: 600_000,
    retries: 3,
    minTimeoutMs: 1,
    maxTimeoutMs: 5,
    maxRetryAfterMs: 1000,
    ...overrides,
  });
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

function ids(pages: ModelPage[]): string[] {
  return pages.flatMap((page) => page.models.map((model) => (model as { id: string }).id));
}

function recordedIds(...names: string[]): string[] {
  return names.flatMap((name) => (recordedBody(name) as { id: string }[]).map((model) => model.id));
}

function linkTarget(name: string): string {
  const link = loadExchanges(name)[0]!.response.headers!.link!;
  return /<([^>]+)>/.exec(link)![1]!;
}

async function failure(promise: Promise<unknown>): Promise<HubHttpError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HubHttpError);
  return error as HubHttpError;
}

describe('listModels pagination', () => {
  it('follows Link rel="next" across three pages and stops when it is absent', async () => {
    const replay = createReplay(loadExchanges(...ALL_PAGES));
    const pages = await collect(clientFor(replay).listModels({ pageSize: 3 }));

    expect(pages.map((p) => p.pageIndex)).toEqual([0, 1, 2]);
    expect(ids(pages)).toEqual(recordedIds(...ALL_PAGES));
    expect(ids(pages)).toHaveLength(9);
    expect(replay.calls).toHaveLength(3);
    expect(pages[0]!.nextCursor).toBe(linkTarget('models-page-1'));
    expect(pages[1]!.nextCursor).toBe(linkTarget('models-page-2'));
    expect(pages[2]!.nextCursor).toBeNull();
  });

  it('asks for full, card data and config, sorted descending, one page of pageSize', async () => {
    const replay = createReplay(loadExchanges(...ALL_PAGES));
    await collect(clientFor(replay).listModels({ pageSize: 3 }));

    const first = new URL(replay.calls[0]!.url);
    expect(first.origin + first.pathname).toBe('https://huggingface.co/api/models');
    expect(Object.fromEntries(first.searchParams)).toEqual({
      full: 'true',
      cardData: 'true',
      config: 'true',
      sort: 'downloads',
      direction: '-1',
      limit: '3',
    });
    // Later pages are exactly the Link targets.
    expect(urlKey(replay.calls[1]!.url)).toBe(urlKey(linkTarget('models-page-1')));
    expect(urlKey(replay.calls[2]!.url)).toBe(urlKey(linkTarget('models-page-2')));
  });

  it('yields the raw Hub objects untouched', async () => {
    const replay = createReplay(loadExchanges(...ALL_PAGES));
    const [first] = await collect(clientFor(replay).listModels({ pageSize: 3 }));
    expect(first!.models).toEqual(recordedBody('models-page-1'));
    const bert = first!.models[0] as Record<string, unknown>;
    expect(bert.cardData).toMatchObject({ license: 'apache-2.0' });
    expect(bert.siblings).toContainEqual({ rfilename: 'config.json' });
  });

  it('sends the sort key it is given', async () => {
    const replay = createReplay([]);
    const client = clientFor(replay, { retries: 0 });
    await failure(collect(client.listModels({ sort: 'likes', pageSize: 3 })));
    expect(new URL(replay.calls[0]!.url).searchParams.get('sort')).toBe('likes');
  });
});

describe('listModels limit', () => {
  it('stops after `limit` models, asking the last page for only what remains', async () => {
    const replay = createReplay(loadExchanges('models-page-1', 'models-page-2-limit-2', 'models-page-3'));
    const pages = await collect(clientFor(replay).listModels({ pageSize: 3, limit: 5 }));

    expect(ids(pages)).toEqual(recordedIds(...ALL_PAGES).slice(0, 5));
    expect(replay.calls).toHaveLength(2);
    expect(new URL(replay.calls[1]!.url).searchParams.get('limit')).toBe('2');
    // The cursor after a short last page resumes right after the last model yielded.
    expect(pages[1]!.nextCursor).toBe(linkTarget('models-page-2-limit-2'));
  });

  it('does not fetch another page once the limit is met on a page boundary', async () => {
    const replay = createReplay(loadExchanges(...ALL_PAGES));
    const pages = await collect(clientFor(replay).listModels({ pageSize: 3, limit: 3 }));
    expect(ids(pages)).toEqual(recordedIds('models-page-1'));
    expect(replay.calls).toHaveLength(1);
  });

  it('truncates the last page when the server ignores `limit`', async () => {
    const [page2] = loadExchanges('models-page-2');
    const ignoring = { ...page2!, request: { url: linkTarget('models-page-1').replace('limit=3', 'limit=2') } };
    const replay = createReplay([...loadExchanges('models-page-1'), ignoring]);
    const pages = await collect(clientFor(replay).listModels({ pageSize: 3, limit: 5 }));
    expect(ids(pages)).toEqual(recordedIds(...ALL_PAGES).slice(0, 5));
    expect(pages[1]!.models).toHaveLength(2);
  });

  it('rejects a pageSize the Hub would refuse', async () => {
    const client = clientFor(createReplay([]));
    const error = await collect(client.listModels({ pageSize: 5000 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubgraphError);
    expect((error as HubgraphError).code).toBe(ErrorCodes.BAD_USER_INPUT);
  });
});

describe('listModels resume', () => {
  it('resuming from the cursor saved after page 2 equals an uninterrupted run', async () => {
    const uninterrupted = ids(await collect(clientFor(createReplay(loadExchanges(...ALL_PAGES))).listModels({ pageSize: 3 })));

    const first = createReplay(loadExchanges(...ALL_PAGES));
    const before: ModelPage[] = [];
    let saved: string | null = null;
    for await (const page of clientFor(first).listModels({ pageSize: 3 })) {
      before.push(page);
      saved = page.nextCursor;
      if (page.pageIndex === 1) break; // the process dies after persisting page 2's cursor
    }
    expect(first.calls).toHaveLength(2);
    expect(saved).not.toBeNull();

    const second = createReplay(loadExchanges(...ALL_PAGES));
    const after = await collect(clientFor(second).listModels({ pageSize: 3, cursor: saved! }));
    expect(urlKey(second.calls[0]!.url)).toBe(urlKey(saved!));

    const union = [...ids(before), ...ids(after)];
    expect(union).toEqual(uninterrupted);
    expect(new Set(union).size).toBe(union.length);
  });

  it('accepts a bare Hub cursor token as well as a saved URL', async () => {
    const token = new URL(linkTarget('models-page-2')).searchParams.get('cursor')!;
    const replay = createReplay(loadExchanges(...ALL_PAGES));
    const pages = await collect(clientFor(replay).listModels({ pageSize: 3, cursor: token }));
    expect(ids(pages)).toEqual(recordedIds('models-page-3'));
    expect(replay.calls).toHaveLength(1);
  });

  it('refuses a cursor that points to another origin', async () => {
    const replay = createReplay([]);
    const cursor = linkTarget('models-page-1').replace('https://huggingface.co', 'https://evil.example');
    const error = await collect(clientFor(replay).listModels({ cursor })).catch((e: unknown) => e);
    expect((error as HubgraphError).code).toBe(ErrorCodes.BAD_USER_INPUT);
    expect(replay.calls).toHaveLength(0);
  });
});

describe('retries', () => {
  it('retries a 429 after waiting its Retry-After (capped), then returns the page', async () => {
    const replay = createReplay(loadExchanges('models-429', ...ALL_PAGES));
    // Retry-After is 1 s; the cap makes it 150 ms, far above the 1 ms backoff.
    const client = clientFor(replay, { minTimeoutMs: 1, maxRetryAfterMs: 150 });
    const [page] = await collect(client.listModels({ pageSize: 3, limit: 3 }));

    expect(page!.models).toEqual(recordedBody('models-page-1'));
    expect(replay.calls).toHaveLength(2);
    const waited = replay.calls[1]!.at - replay.calls[0]!.at;
    expect(waited).toBeGreaterThanOrEqual(140);
    expect(waited).toBeLessThan(900);
  });

  it('retries 503 twice with growing backoff, then succeeds', async () => {
    const replay = createReplay(loadExchanges('models-503-twice', ...ALL_PAGES));
    const client = clientFor(replay, { minTimeoutMs: 30, maxTimeoutMs: 1000 });
    const [page] = await collect(client.listModels({ pageSize: 3, limit: 3 }));

    expect(page!.models).toEqual(recordedBody('models-page-1'));
    expect(replay.calls).toHaveLength(3);
    const [a, b, c] = replay.calls.map((call) => call.at);
    expect(b! - a!).toBeGreaterThanOrEqual(28);
    expect(c! - b!).toBeGreaterThanOrEqual(58);
  });

  it('retries a network failure', async () => {
    const down = { request: { url: FIRST_URL }, response: { status: 0, networkError: true } };
    const replay = createReplay([down, ...loadExchanges(...ALL_PAGES)]);
    const [page] = await collect(clientFor(replay).listModels({ pageSize: 3, limit: 3 }));
    expect(page!.models).toEqual(recordedBody('models-page-1'));
    expect(replay.calls).toHaveLength(2);
  });

  it('times out a request that hangs, and retries it', async () => {
    const replay = createReplay(loadExchanges(...ALL_PAGES));
    let calls = 0;
    const hangOnce: typeof fetch = (input, init) => {
      calls += 1;
      if (calls > 1) return replay.fetch(input, init);
      // Never answers; only the client's timeout signal ends it.
      return new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    };
    const client = createHubClient({ fetch: hangOnce, log: silentLogger(), timeoutMs: 50, minTimeoutMs: 1, retries: 0, requestsPerMinute: 600_000 });
    const error = await failure(collect(client.listModels({ pageSize: 3 })));
    expect(error.message).toContain('timed out');

    calls = 0;
    const retrying = createHubClient({ fetch: hangOnce, log: silentLogger(), timeoutMs: 50, minTimeoutMs: 1, retries: 1, requestsPerMinute: 600_000 });
    const [page] = await collect(retrying.listModels({ pageSize: 3, limit: 3 }));
    expect(page!.models).toEqual(recordedBody('models-page-1'));
  });

  it('fails at once on 401 with the URL, the status and a hint about the token', async () => {
    const replay = createReplay(loadExchanges('models-401'));
    const error = await failure(collect(clientFor(replay).listModels({ pageSize: 3 })));

    expect(replay.calls).toHaveLength(1);
    expect(error.code).toBe(ErrorCodes.HTTP_FAILED);
    expect(error.status).toBe(401);
    expect(error.message).toContain(FIRST_URL);
    expect(error.message).toContain('HTTP 401');
    expect(error.message).toContain('Invalid credentials in Authorization header');
    expect(error.hint).toMatch(/token/);
  });

  it('gives up after the configured retries with an error that says so', async () => {
    const replay = createReplay(loadExchanges('models-503-twice'));
    const error = await failure(collect(clientFor(replay, { retries: 1 }).listModels({ pageSize: 3 })));

    expect(replay.calls).toHaveLength(2);
    expect(error.message).toContain(`GET ${FIRST_URL} failed after 2 attempts`);
    expect(error.message).toContain('HTTP 503');
    expect(error.status).toBe(503);
    expect(error.attempts).toBe(2);
    expect(error.cause).toBeInstanceOf(HubHttpError);
  });

  it('fails clearly on a 200 whose body is not JSON', async () => {
    const replay = createReplay(loadExchanges('models-not-json'));
    const error = await failure(collect(clientFor(replay).listModels({ pageSize: 3 })));
    expect(replay.calls).toHaveLength(1);
    expect(error.message).toContain(FIRST_URL);
    expect(error.message).toContain('not JSON');
    expect(error.message).toContain('text/html');
  });

  it('fails clearly on JSON that is not an array', async () => {
    const replay = createReplay(loadExchanges('models-wrong-shape'));
    const error = await failure(collect(clientFor(replay).listModels({ pageSize: 3 })));
    expect(replay.calls).toHaveLength(1);
    expect(error.message).toContain(FIRST_URL);
    expect(error.message).toContain('expected an array, got an object');
  });

  it('does not follow a next link to another origin', async () => {
    const [page1] = loadExchanges('models-page-1');
    const away = {
      ...page1!,
      response: { ...page1!.response, headers: { link: '<https://evil.example/api/models?cursor=x>; rel="next"' } },
    };
    const replay = createReplay([away]);
    const error = await failure(collect(clientFor(replay).listModels({ pageSize: 3 })));
    expect(error.message).toContain('another origin');
    expect(replay.calls).toHaveLength(1);
  });
});

describe('authentication and rate limiting', () => {
  it('sends the token as a Bearer header on every request', async () => {
    const replay = createReplay(loadExchanges(...ALL_PAGES));
    await collect(clientFor(replay, { token: 'hf_testtoken' }).listModels({ pageSize: 3 }));
    expect(replay.calls.map((call) => call.headers.get('authorization'))).toEqual([
      'Bearer hf_testtoken',
      'Bearer hf_testtoken',
      'Bearer hf_testtoken',
    ]);
  });

  it('sends no Authorization header without a token', async () => {
    const replay = createReplay(loadExchanges(...ALL_PAGES));
    await collect(clientFor(replay).listModels({ pageSize: 3 }));
    expect(replay.calls.every((call) => !call.headers.has('authorization'))).toBe(true);
  });

  it('spaces requests at requestsPerMinute', async () => {
    const replay = createReplay(loadExchanges(...ALL_PAGES));
    // 600 per minute: one every 100 ms.
    await collect(clientFor(replay, { requestsPerMinute: 600 }).listModels({ pageSize: 3 }));
    const [a, b, c] = replay.calls.map((call) => call.at);
    expect(b! - a!).toBeGreaterThanOrEqual(90);
    expect(c! - b!).toBeGreaterThanOrEqual(90);
  });
});

describe('social listings', () => {
  it('lists a user’s followers across Link pages', async () => {
    const replay = createReplay(loadExchanges('users-followers'));
    const users = await collect(clientFor(replay).listFollowers('julien-c', 'user'));
    expect(users.map((u) => (u as { user: string }).user)).toEqual(['osanseviero', 'clem', 'lysandre', 'merve', '']);
    expect(replay.calls).toHaveLength(2);
    expect(new URL(replay.calls[0]!.url).pathname).toBe('/api/users/julien-c/followers');
  });

  it('lists an organization’s followers under /api/organizations', async () => {
    const replay = createReplay(loadExchanges('orgs-followers'));
    const users = await collect(clientFor(replay).listFollowers('huggingface', 'organization'));
    expect(users).toHaveLength(2);
    expect(new URL(replay.calls[0]!.url).pathname).toBe('/api/organizations/huggingface/followers');
  });

  it('lists whom a user follows', async () => {
    const replay = createReplay(loadExchanges('users-following'));
    const users = await collect(clientFor(replay).listFollowing('julien-c'));
    expect(users).toHaveLength(4);
    expect(new URL(replay.calls[0]!.url).pathname).toBe('/api/users/julien-c/following');
  });

  it('lists a model’s likers, keeping the namespace slash in the path', async () => {
    const replay = createReplay(loadExchanges('models-likers'));
    const users = await collect(clientFor(replay).listModelLikers('google-bert/bert-base-uncased'));
    expect(users).toHaveLength(3);
    expect(new URL(replay.calls[0]!.url).pathname).toBe('/api/models/google-bert/bert-base-uncased/likers');
  });

  it('fails on a social listing the same way as on models', async () => {
    const replay = createReplay([
      {
        request: { url: 'https://huggingface.co/api/users/nobody-here/followers' },
        response: { status: 404, body: { error: 'User not found' } },
      },
    ]);
    const error = await failure(collect(clientFor(replay).listFollowers('nobody-here', 'user')));
    expect(error.status).toBe(404);
    expect(error.message).toContain('https://huggingface.co/api/users/nobody-here/followers');
    expect(replay.calls).toHaveLength(1);
  });
});
