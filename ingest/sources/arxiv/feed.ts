/**
 * One GET of an arXiv API query URL, done the way arXiv asks: at most one request every three
 * seconds (https://info.arxiv.org/help/api/tou.html), retried with exponential backoff when the
 * network or arXiv fails transiently (network error, timeout, 429, 5xx, a 200 whose body is not a
 * feed), and cached on disk so a re-run asks only for what it does not have. A cache hit makes no
 * request and so does not wait for the throttle.
 *
 * Shared by the id client and the search adapter so both draw on the same request budget.
 */
import pRetry, { AbortError } from 'p-retry';
import pThrottle from 'p-throttle';
import { ErrorCodes, HubgraphError, isHubgraphError } from '../../../src/errors.js';
import type { Logger } from '../../../src/log.js';
import { createDiskCache } from './cache.js';
import { parseArxivFeed, type ArxivFeed } from './parse.js';

export interface FeedResponse {
  url: string;
  /** 200, or 400 when arXiv rejected the request with an error feed (see `feed.error`). */
  status: number;
  feed: ArxivFeed;
  fromCache: boolean;
}

export interface FeedFetcher {
  /** @throws HubgraphError HTTP_FAILED when arXiv cannot be reached or keeps failing. */
  get(url: string): Promise<FeedResponse>;
  /**
   * Runs a request made by code we do not control (arxiv-api-ts calls the global fetch) inside the
   * same one-request-per-interval budget.
   */
  throttled<T>(task: () => Promise<T>): Promise<T>;
}

export interface FeedFetcherOptions {
  /** Injected for tests (recorded responses); default: the global fetch. */
  fetch?: typeof fetch;
  /** Directory of the response cache. */
  cacheDir: string;
  log: Logger;
  /** Minimum time between the starts of two requests. Default 3000 (arXiv's terms of use). */
  minIntervalMs?: number;
  /** Retries after the first attempt. Default 4. */
  retries?: number;
  /** Delay before the first retry; doubles on each further one. Default 3000. */
  retryMinTimeoutMs?: number;
  /** Per-attempt timeout. Default 60000 (a 100-id page can take arXiv several seconds). */
  timeoutMs?: number;
  /** Sent as User-Agent, so arXiv's operators can tell this client apart if it misbehaves. */
  userAgent?: string;
}

export const FEED_DEFAULTS = {
  minIntervalMs: 3000,
  retries: 4,
  retryMinTimeoutMs: 3000,
  timeoutMs: 60_000,
  userAgent: 'hubgraph-ingest (arXiv metadata for a research graph)',
} as const;

/** A failure worth another attempt. */
class TransientError extends Error {
  override readonly name = 'TransientError';
}

export function createFeedFetcher(options: FeedFetcherOptions): FeedFetcher {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const { log } = options;
  const minIntervalMs = options.minIntervalMs ?? FEED_DEFAULTS.minIntervalMs;
  const retries = options.retries ?? FEED_DEFAULTS.retries;
  const retryMinTimeoutMs = options.retryMinTimeoutMs ?? FEED_DEFAULTS.retryMinTimeoutMs;
  const timeoutMs = options.timeoutMs ?? FEED_DEFAULTS.timeoutMs;
  const userAgent = options.userAgent ?? FEED_DEFAULTS.userAgent;
  const cache = createDiskCache(options.cacheDir, log);

  // strict: each call is spaced from the previous one, not merely "1 per window".
  const run =
    minIntervalMs > 0
      ? pThrottle({ limit: 1, interval: minIntervalMs, strict: true })((task: () => Promise<unknown>) => task())
      : (task: () => Promise<unknown>) => task();
  const throttled = <T>(task: () => Promise<T>): Promise<T> => run(task) as Promise<T>;

  async function attempt(url: string): Promise<{ status: number; body: string; feed: ArxivFeed }> {
    const response = await throttled(() =>
      fetchImpl(url, {
        headers: { 'user-agent': userAgent },
        signal: AbortSignal.timeout(timeoutMs),
      }),
    );
    const { status } = response;
    const body = await response.text();

    if (status === 429 || status >= 500) {
      throw new TransientError(`arXiv answered HTTP ${status}`);
    }
    if (status !== 200 && status !== 400) {
      throw new AbortError(
        new HubgraphError(ErrorCodes.HTTP_FAILED, `arXiv answered HTTP ${status} for ${url}`),
      );
    }
    let feed: ArxivFeed;
    try {
      feed = parseArxivFeed(body, url);
    } catch (cause) {
      if (status === 200) {
        // A 200 that is not a feed comes from an overloaded front end, not from the API.
        throw new TransientError(`arXiv answered HTTP 200 with something that is not a feed`, { cause });
      }
      throw new AbortError(
        new HubgraphError(ErrorCodes.HTTP_FAILED, `arXiv answered HTTP 400 without an error feed for ${url}`, {
          cause,
        }),
      );
    }
    return { status, body, feed };
  }

  async function get(url: string): Promise<FeedResponse> {
    const cached = await cache.get(url);
    if (cached !== null) {
      try {
        const feed = parseArxivFeed(cached.body, cache.fileFor(url));
        log.debug({ url }, 'arxiv: cache hit');
        return { url, status: cached.status_code, feed, fromCache: true };
      } catch {
        log.warn({ url, file: cache.fileFor(url) }, 'arxiv cache: entry is not a feed; fetching again');
      }
    }

    let attempts = 0;
    let result: Awaited<ReturnType<typeof attempt>>;
    try {
      result = await pRetry(
        () => {
          attempts += 1;
          log.debug({ url, attempt: attempts }, 'arxiv: request');
          return attempt(url);
        },
        {
          retries,
          factor: 2,
          minTimeout: retryMinTimeoutMs,
          onFailedAttempt: ({ error, attemptNumber, retriesLeft }) => {
            log.warn({ url, attempt: attemptNumber, retriesLeft, err: error.message }, 'arxiv: request failed');
          },
        },
      );
    } catch (error) {
      if (isHubgraphError(error)) throw error;
      throw new HubgraphError(
        ErrorCodes.HTTP_FAILED,
        `arXiv request failed after ${attempts} attempt(s): ${(error as Error).message}`,
        {
          hint: 'arXiv may be down or rate-limiting; run again later — answered requests are cached',
          cause: error,
        },
      );
    }

    // Both answers are final: a 200 feed, and a 400 error feed (malformed id — asking again gets the
    // same answer). Transient failures never reach here, so they are never cached.
    try {
      await cache.set({ url, status_code: result.status, body: result.body });
    } catch (error) {
      log.warn({ url, err: (error as Error).message }, 'arxiv cache: could not write entry');
    }
    return { url, status: result.status, feed: result.feed, fromCache: false };
  }

  return { get, throttled };
}
