/**
 * One GET against the Hub, done politely and failing clearly: this module owns rate limiting,
 * retries and the mapping of every failure to a HubHttpError that names the URL. Pagination and
 * endpoints live in client.ts; this file knows nothing about models or users.
 *
 * Policy:
 * - Rate limit: requests (retries included, since they cost quota too) are spaced evenly at
 *   `requestsPerMinute` with p-throttle in strict mode, per client: no shared state between clients.
 * - Retry (p-retry): 429, 5xx and network failures/timeouts, with exponential backoff
 *   (minTimeoutMs · 2^n, capped at maxTimeoutMs). A Retry-After sent by the server is honoured as a
 *   floor on the wait, capped at maxRetryAfterMs so a hostile or buggy header cannot park the
 *   ingest for hours.
 * - Other 4xx: fail at once (retrying a 401 or 404 only burns quota), with a hint.
 * - A 2xx whose body is not JSON, or not a JSON array: fail at once naming the URL, since every Hub
 *   listing endpoint this client uses returns an array (see client.ts for the sources).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import pRetry from 'p-retry';
import pThrottle from 'p-throttle';
import type { Logger } from '../../../src/log.js';
import { HubHttpError, hintForStatus, isHubHttpError, isRetriableStatus } from './errors.js';
import { parseNextLink, parseRetryAfter } from './headers.js';

export interface HubHttpOptions {
  /** Injected for tests (replayed responses); default: the global fetch. */
  fetch?: typeof fetch;
  /** Sent as `Authorization: Bearer …` when given; never logged. */
  token?: string;
  log: Logger;
  /** Default 100: conservative against the Hub's per-5-minute quotas, which vary by plan. */
  requestsPerMinute?: number;
  /** Retries after the first attempt. Default 5. */
  retries?: number;
  /** First backoff delay in ms. Default 1000. */
  minTimeoutMs?: number;
  /** Cap on one backoff delay in ms. Default 30 000. */
  maxTimeoutMs?: number;
  /** Cap on how long a Retry-After can make us wait, in ms. Default 60 000. */
  maxRetryAfterMs?: number;
  /** Per-attempt timeout in ms; a timeout counts as a network failure. Default 30 000. */
  timeoutMs?: number;
  /** Default `hubgraph`. */
  userAgent?: string;
}

export const HTTP_DEFAULTS = {
  requestsPerMinute: 100,
  retries: 5,
  minTimeoutMs: 1000,
  maxTimeoutMs: 30_000,
  maxRetryAfterMs: 60_000,
  timeoutMs: 30_000,
  userAgent: 'hubgraph',
} as const;

/** One page of a Hub listing: the JSON array, and the `rel="next"` URL if the server sent one. */
export interface HubPage {
  url: string;
  items: unknown[];
  next: string | null;
}

export interface HubHttp {
  getPage(url: string): Promise<HubPage>;
}

export function createHubHttp(options: HubHttpOptions): HubHttp {
  const settings = { ...HTTP_DEFAULTS, ...definedOnly(options) };
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const { log } = options;
  if (!(settings.requestsPerMinute > 0)) {
    throw new RangeError(`requestsPerMinute must be > 0, got ${settings.requestsPerMinute}`);
  }

  const headers: Record<string, string> = {
    Accept: 'application/json',
    'User-Agent': settings.userAgent,
  };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;

  const throttle = pThrottle({ limit: 1, interval: 60_000 / settings.requestsPerMinute, strict: true });
  // The timeout starts when the request leaves the throttle queue, not while it waits in it.
  const throttledFetch = throttle((url: string) =>
    fetchImpl(url, { headers, signal: AbortSignal.timeout(settings.timeoutMs) }),
  );

  async function attempt(url: string): Promise<HubPage> {
    let response: Response;
    try {
      response = await throttledFetch(url);
    } catch (cause) {
      throw new HubHttpError({
        url,
        reason: describe(cause),
        status: null,
        retriable: true,
        cause,
      });
    }

    const text = await readBody(response, url);
    if (!response.ok) {
      const status = response.status;
      const retriable = isRetriableStatus(status);
      const hint = retriable ? undefined : hintForStatus(status);
      throw new HubHttpError({
        url,
        reason: `HTTP ${status}${statusText(response)}${serverMessage(text)}`,
        status,
        retriable,
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), Date.now()),
        ...(hint === undefined ? {} : { hint }),
      });
    }

    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (cause) {
      throw new HubHttpError({
        url,
        reason: `the body is not JSON (content-type ${response.headers.get('content-type') ?? 'none'}): ${snippet(text)}`,
        status: response.status,
        retriable: false,
        cause,
      });
    }
    if (!Array.isArray(body)) {
      throw new HubHttpError({
        url,
        reason: `unexpected JSON shape: expected an array, got ${shapeOf(body)}: ${snippet(text)}`,
        status: response.status,
        retriable: false,
      });
    }
    return { url, items: body, next: parseNextLink(response.headers.get('link'), url) };
  }

  async function getPage(url: string): Promise<HubPage> {
    let attempts = 0;
    try {
      return await pRetry(
        () => {
          attempts += 1;
          log.debug({ url, attempt: attempts }, 'Hub GET');
          return attempt(url);
        },
        {
          retries: settings.retries,
          factor: 2,
          minTimeout: settings.minTimeoutMs,
          maxTimeout: settings.maxTimeoutMs,
          shouldRetry: ({ error }) => isHubHttpError(error) && error.retriable,
          onFailedAttempt: async ({ error, attemptNumber, retriesLeft, retriesConsumed }) => {
            if (!isHubHttpError(error) || !error.retriable || retriesLeft <= 0) return;
            // p-retry waits its own backoff after this hook returns; top it up so the total wait
            // is at least the (capped) Retry-After.
            const backoff = Math.min(settings.minTimeoutMs * 2 ** retriesConsumed, settings.maxTimeoutMs);
            const requested = error.retryAfterMs === null ? 0 : Math.min(error.retryAfterMs, settings.maxRetryAfterMs);
            log.warn(
              { url, status: error.status, attempt: attemptNumber, retriesLeft, waitMs: Math.max(backoff, requested) },
              'Hub request failed; retrying',
            );
            if (requested > backoff) await sleep(requested - backoff);
          },
        },
      );
    } catch (error) {
      if (isHubHttpError(error) && error.retriable) {
        // Retries exhausted: one final error that says so, keeping the last failure as cause.
        throw new HubHttpError({
          url,
          reason: error.reason,
          status: error.status,
          retriable: false,
          attempts,
          hint: 'the Hub is unavailable or rate limiting this client; try again later or lower requestsPerMinute',
          cause: error,
        });
      }
      throw error;
    }
  }

  return { getPage };
}

/** Drop keys whose value is undefined so they do not override defaults in a spread. */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

async function readBody(response: Response, url: string): Promise<string> {
  try {
    return await response.text();
  } catch (cause) {
    // The connection dropped mid-body: as transient as a failed connect.
    throw new HubHttpError({
      url,
      reason: `connection lost while reading the body: ${describe(cause)}`,
      status: response.status,
      retriable: true,
      cause,
    });
  }
}

function statusText(response: Response): string {
  return response.statusText ? ` ${response.statusText}` : '';
}

/** The Hub's error bodies are `{"error": "..."}`; show that message when present. */
function serverMessage(text: string): string {
  if (!text) return '';
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && 'error' in parsed && typeof parsed.error === 'string') {
      return ` — ${snippet(parsed.error)}`;
    }
  } catch {
    // not JSON: fall through to the raw snippet
  }
  return ` — ${snippet(text)}`;
}

function snippet(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

function shapeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `${error.name === 'TimeoutError' ? 'timed out' : error.message}${cause}`;
  }
  return String(error);
}
