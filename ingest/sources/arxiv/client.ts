/**
 * Looks papers up by arXiv id, in `id_list` batches of at most 100, and accounts for every id it
 * was given: each one ends up in `papers` (found), `missing` (well-formed, but arXiv has no such
 * paper — the Hub's placeholders like `0000.00000` land here) or `invalid` (malformed, with why).
 *
 * arXiv answers a whole batch with HTTP 400 if any one id in it is malformed in its eyes. Ids are
 * checked before asking, but arXiv's notion of malformed may be stricter than ours, so a rejected
 * batch is split until the offending ids are isolated: one bad id never costs the good ones.
 */
import { ErrorCodes, HubgraphError } from '../../../src/errors.js';
import { createFeedFetcher, type FeedFetcher, type FeedFetcherOptions } from './feed.js';
import { normalizeArxivId } from './ids.js';
import type { ArxivPaperRecord } from './parse.js';
import { ARXIV_API_URL, MAX_IDS_PER_REQUEST, idListUrl } from './urls.js';

export interface InvalidArxivId {
  /** The id as the caller gave it. */
  id: string;
  reason: string;
}

export interface ArxivBatchResult {
  papers: ArxivPaperRecord[];
  /** Canonical ids arXiv does not know. */
  missing: string[];
  invalid: InvalidArxivId[];
}

export interface ArxivClientOptions extends FeedFetcherOptions {
  /** Default https://export.arxiv.org/api/query. */
  baseUrl?: string;
  /** Ids per request, 1..100. Default 100. */
  batchSize?: number;
}

export interface ArxivClient {
  /**
   * One result per request batch, in input order. Duplicate ids (after normalisation) are asked for
   * once. Malformed ids are reported in the first result.
   * @throws HubgraphError HTTP_FAILED when arXiv keeps failing; batches already yielded are kept
   *   (and cached), so a re-run resumes cheaply.
   */
  fetchByIds(ids: Iterable<string>): AsyncIterable<ArxivBatchResult>;
  /** The request machinery, so a search adapter can share the same throttle and cache. */
  readonly feed: FeedFetcher;
  readonly baseUrl: string;
}

export const ARXIV_CLIENT_DEFAULTS = {
  baseUrl: ARXIV_API_URL,
  batchSize: MAX_IDS_PER_REQUEST,
} as const;

const MALFORMED_REASON = 'not an arXiv id (expected YYMM.NNNN(N) or archive/YYMMNNN, optional vN)';

export function createArxivClient(options: ArxivClientOptions): ArxivClient {
  const baseUrl = options.baseUrl ?? ARXIV_CLIENT_DEFAULTS.baseUrl;
  const batchSize = options.batchSize ?? ARXIV_CLIENT_DEFAULTS.batchSize;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_IDS_PER_REQUEST) {
    throw new HubgraphError(
      ErrorCodes.CONFIG_INVALID,
      `arxiv batchSize must be an integer in 1..${MAX_IDS_PER_REQUEST}, got ${batchSize}`,
    );
  }
  const { log } = options;
  const feed = createFeedFetcher(options);

  async function* fetchByIds(ids: Iterable<string>): AsyncGenerator<ArxivBatchResult> {
    const valid: string[] = [];
    const seen = new Set<string>();
    let invalid: InvalidArxivId[] = [];
    for (const raw of ids) {
      const id = normalizeArxivId(raw);
      if (id === null) invalid.push({ id: raw, reason: MALFORMED_REASON });
      else if (!seen.has(id)) {
        seen.add(id);
        valid.push(id);
      }
    }

    if (valid.length === 0) {
      if (invalid.length > 0) yield { papers: [], missing: [], invalid };
      return;
    }
    for (let i = 0; i < valid.length; i += batchSize) {
      const result = await resolve(valid.slice(i, i + batchSize));
      yield { ...result, invalid: [...invalid, ...result.invalid] };
      invalid = [];
    }
  }

  /** Asks for one batch; on a 400, isolates the ids arXiv rejects and asks again for the rest. */
  async function resolve(batch: string[]): Promise<ArxivBatchResult> {
    const response = await feed.get(idListUrl(baseUrl, batch));
    const { error } = response.feed;
    if (error === null) return match(batch, response.feed.entries);

    log.warn({ ids: batch.length, error }, 'arxiv: batch rejected');
    if (batch.length === 1) {
      return { papers: [], missing: [], invalid: [{ id: batch[0] as string, reason: error }] };
    }
    // arXiv names the id it choked on ("incorrect id format for abc"): drop it and ask again.
    const words = new Set(error.split(/\s+/));
    const named = batch.filter((id) => words.has(id));
    if (named.length > 0 && named.length < batch.length) {
      const rest = await resolve(batch.filter((id) => !words.has(id)));
      return merge({ papers: [], missing: [], invalid: named.map((id) => ({ id, reason: error })) }, rest);
    }
    // Otherwise bisect: log2(n) extra requests per bad id, and the good ids still come back.
    const half = Math.ceil(batch.length / 2);
    const left = await resolve(batch.slice(0, half));
    const right = await resolve(batch.slice(half));
    return merge(left, right);
  }

  function match(batch: string[], entries: ArxivPaperRecord[]): ArxivBatchResult {
    const wanted = new Set(batch);
    const found = new Map<string, ArxivPaperRecord>();
    for (const entry of entries) {
      if (!wanted.has(entry.id)) {
        log.warn({ id: entry.id }, 'arxiv: feed returned an id that was not asked for; ignored');
      } else if (!found.has(entry.id)) {
        found.set(entry.id, entry);
      }
    }
    return {
      papers: [...found.values()],
      missing: batch.filter((id) => !found.has(id)),
      invalid: [],
    };
  }

  return { fetchByIds, feed, baseUrl };
}

function merge(a: ArxivBatchResult, b: ArxivBatchResult): ArxivBatchResult {
  return {
    papers: [...a.papers, ...b.papers],
    missing: [...a.missing, ...b.missing],
    invalid: [...a.invalid, ...b.invalid],
  };
}
