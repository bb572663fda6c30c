/**
 * arXiv full-text search behind one interface, with two implementations:
 *
 * - `createArxivFeedSearch`: our own feed client (cached, throttled, retried) and parser. One
 *   request per page, every field the feed carries.
 * - `createArxivApiTsSearch`: arxiv-api-ts 1.1.0 with its defects worked around. Measured on the
 *   recorded responses in tests/fixtures/arxiv/recorded and on the sample the package ships:
 *     1. a one-entry feed and the HTTP 400 error feed throw `entries.map is not a function`
 *        (its XML parser does not force arrays, so one <entry> is an object);
 *     2. categories, primary category and links come back empty, and doi / journal_ref / comment
 *        are always undefined (ignoreAttributes, and removeNSPrefix strips the `arxiv:` prefix its
 *        own field lookups then ask for);
 *     3. totalResults, startIndex and itemsPerPage are always 0 (same prefix mismatch);
 *     4. numeric-looking text becomes a number (a paper titled "0", arXiv:2104.12255);
 *     5. a one-author entry gives `authors` as an object, not an array;
 *     6. the HTTP status is ignored: a 5xx page parses as an empty result;
 *     7. the query is put in the URL unencoded, over plain http, and there is no id_list;
 *     8. it calls the global fetch, so it cannot be given another one, throttled or cached.
 *   So each page is also fetched raw through our feed client (cached, so a repeat costs nothing):
 *   categories, ids and totals come from it, the library's own fields are used only where they
 *   are well-typed, and whenever the two disagree the raw feed wins. A zero reported by the
 *   library is never passed on as a total.
 */
import arxivApiTs, { type SearchApiType } from 'arxiv-api-ts';
import { PREFIXES } from 'arxiv-api-ts/dist/constants.js';
import { ErrorCodes, HubgraphError } from '../../../src/errors.js';
import type { Logger } from '../../../src/log.js';
import type { PaperRecord } from '../../types.js';
import type { FeedFetcher } from './feed.js';
import { parseArxivId } from './ids.js';
import type { ArxivPaperRecord } from './parse.js';
import { ARXIV_API_URL, searchUrl } from './urls.js';

export interface ArxivSearchOptions {
  /** 0-based offset of the first result. Default 0. */
  start?: number;
  /** Page size, 1..2000 (arXiv's limit per request). Default 10. */
  max?: number;
}

export interface ArxivSearchResult {
  papers: PaperRecord[];
  /** How many papers match in all; null when arXiv did not say. */
  totalResults: number | null;
}

export interface ArxivSearch {
  /**
   * @param query arXiv query syntax: `transformers`, `au:del_maestro AND ti:checkerboard`, …
   * @throws HubgraphError BAD_USER_INPUT for an empty query, bad paging or a query arXiv rejects;
   *   HTTP_FAILED when arXiv cannot be reached.
   */
  search(query: string, opts?: ArxivSearchOptions): Promise<ArxivSearchResult>;
}

export const SEARCH_DEFAULTS = { start: 0, max: 10, maxPerRequest: 2000 } as const;

/** The library's search function (its default export), injectable for tests. */
export type ArxivApiTsSearchFn = (params: SearchApiType) => Promise<{ entries?: unknown; totalResults?: unknown }>;

export interface ArxivSearchDeps {
  /** Request machinery shared with the id client (`createArxivClient(...).feed`). */
  feed: FeedFetcher;
  log: Logger;
  /** Default https://export.arxiv.org/api/query. */
  baseUrl?: string;
}

/** Search on our own client: one request per page. */
export function createArxivFeedSearch(deps: ArxivSearchDeps): ArxivSearch {
  const baseUrl = deps.baseUrl ?? ARXIV_API_URL;
  return {
    async search(query, opts = {}) {
      const { start, max } = checkPaging(opts);
      const q = checkQuery(query);
      const page = await fetchPage(deps.feed, baseUrl, q, start, max);
      return { papers: page.entries, totalResults: page.totalResults };
    },
  };
}

/** Search through arxiv-api-ts, its defects (listed at the top of this file) handled. */
export function createArxivApiTsSearch(deps: ArxivSearchDeps & { library?: ArxivApiTsSearchFn }): ArxivSearch {
  const baseUrl = deps.baseUrl ?? ARXIV_API_URL;
  const library = deps.library ?? arxivApiTsSearchFn();
  const { log } = deps;

  return {
    async search(query, opts = {}) {
      const { start, max } = checkPaging(opts);
      const q = checkQuery(query);
      const field = splitField(q);
      // The library can only say `prefix:terms`; a query it cannot express goes raw only.
      const effective = field === null ? q : `${field.prefix}:${field.terms}`;

      let libraryEntries: unknown[] | null = null;
      if (field !== null) {
        try {
          const out = await deps.feed.throttled(() =>
            library({
              // Encoded here because the library pastes it into the URL as is (defect 7).
              searchQueryParams: [{ include: [{ name: encodeURIComponent(field.terms), prefix: field.prefix }] }],
              start,
              maxResults: max,
            }),
          );
          libraryEntries = Array.isArray(out.entries) ? out.entries : null;
        } catch (error) {
          const message = (error as Error).message;
          // Defect 1 is expected on one-entry and error feeds; anything else is worth a warning.
          if (message.includes('entries.map is not a function')) {
            log.debug({ query: effective }, 'arxiv-api-ts: one-entry or error feed; using the raw feed');
          } else {
            log.warn({ query: effective, err: message }, 'arxiv-api-ts failed; using the raw feed');
          }
        }
      }

      const page = await fetchPage(deps.feed, baseUrl, effective, start, max);
      const papers = libraryEntries === null ? page.entries : mergeWithRaw(libraryEntries, page.entries, log);
      return { papers, totalResults: page.totalResults };
    },
  };
}

async function fetchPage(
  feed: FeedFetcher,
  baseUrl: string,
  query: string,
  start: number,
  max: number,
): Promise<{ entries: ArxivPaperRecord[]; totalResults: number | null }> {
  const response = await feed.get(searchUrl(baseUrl, query, start, max));
  if (response.feed.error !== null) {
    throw new HubgraphError(ErrorCodes.BAD_USER_INPUT, `arXiv rejected the query "${query}": ${response.feed.error}`, {
      hint: 'see https://info.arxiv.org/help/api/user-manual.html#query_details',
    });
  }
  return { entries: response.feed.entries, totalResults: response.feed.totalResults };
}

/**
 * The library's entries where they are well-typed, everything else from the raw feed. The two
 * come from two requests; if they do not list the same ids in the same order, the raw feed is the
 * answer.
 */
function mergeWithRaw(libraryEntries: unknown[], raw: ArxivPaperRecord[], log: Logger): ArxivPaperRecord[] {
  const fromLibrary = libraryEntries.map(readLibraryEntry);
  const agree =
    fromLibrary.length === raw.length && fromLibrary.every((entry, i) => entry !== null && entry.id === raw[i]?.id);
  if (!agree) {
    log.warn(
      { library: fromLibrary.map((e) => e?.id ?? null), raw: raw.map((e) => e.id) },
      'arxiv-api-ts and the raw feed disagree; using the raw feed',
    );
    return raw;
  }
  return raw.map((paper, i) => {
    const lib = fromLibrary[i];
    if (!lib) return paper;
    return {
      ...paper,
      title: lib.title ?? paper.title,
      abstract: lib.abstract ?? paper.abstract,
      published: lib.published ?? paper.published,
      updated: lib.updated ?? paper.updated,
      authors: lib.authors ?? paper.authors,
    };
  });
}

interface LibraryFields {
  id: string;
  title: string | null;
  abstract: string | null;
  published: string | null;
  updated: string | null;
  authors: string[] | null;
}

/** Reads one library entry defensively: a field that is not a string (defect 4) counts as absent. */
function readLibraryEntry(entry: unknown): LibraryFields | null {
  if (typeof entry !== 'object' || entry === null) return null;
  const e = entry as Record<string, unknown>;
  const id = typeof e['id'] === 'string' ? parseArxivId(e['id'])?.id : undefined;
  if (id === undefined) return null;
  const rawAuthors = e['authors'];
  // Defect 5: one author comes back as an object.
  const authorList = Array.isArray(rawAuthors) ? rawAuthors : rawAuthors === undefined ? [] : [rawAuthors];
  const names = authorList.map((a) =>
    typeof a === 'object' && a !== null ? text((a as Record<string, unknown>)['name']) : null,
  );
  return {
    id,
    title: text(e['title']),
    abstract: text(e['summary']),
    published: text(e['published']),
    updated: text(e['updated']),
    authors: names.length > 0 && names.every((n) => n !== null) ? names : null,
  };
}

function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const collapsed = value.replace(/\s+/g, ' ').trim();
  return collapsed === '' ? null : collapsed;
}

const LIBRARY_PREFIXES: readonly string[] = Object.values(PREFIXES);

/** `au:del_maestro AND ti:x` → { prefix: 'au', terms: 'del_maestro AND ti:x' }; bare words → `all`. */
function splitField(query: string): { prefix: string; terms: string } | null {
  const m = /^([a-z]+):(.+)$/s.exec(query);
  if (!m) return /^[a-z]+:/.test(query) ? null : { prefix: 'all', terms: query };
  const [, prefix, terms] = m;
  if (prefix === undefined || terms === undefined || !LIBRARY_PREFIXES.includes(prefix)) return null;
  return { prefix, terms };
}

function checkQuery(query: string): string {
  const q = query.trim();
  if (q === '') throw new HubgraphError(ErrorCodes.BAD_USER_INPUT, 'arXiv search: the query is empty');
  return q;
}

function checkPaging(opts: ArxivSearchOptions): { start: number; max: number } {
  const start = opts.start ?? SEARCH_DEFAULTS.start;
  const max = opts.max ?? SEARCH_DEFAULTS.max;
  if (!Number.isInteger(start) || start < 0) {
    throw new HubgraphError(ErrorCodes.BAD_USER_INPUT, `arXiv search: start must be an integer ≥ 0, got ${start}`);
  }
  if (!Number.isInteger(max) || max < 1 || max > SEARCH_DEFAULTS.maxPerRequest) {
    throw new HubgraphError(
      ErrorCodes.BAD_USER_INPUT,
      `arXiv search: max must be an integer in 1..${SEARCH_DEFAULTS.maxPerRequest}, got ${max}`,
    );
  }
  return { start, max };
}

/**
 * The library's search function. The package is CommonJS with `exports.default = search`: under
 * Node's ESM loader the default import is the exports object, under vitest's it is the function.
 */
export function arxivApiTsSearchFn(): ArxivApiTsSearchFn {
  const mod: unknown = arxivApiTs;
  if (typeof mod === 'function') return mod as ArxivApiTsSearchFn;
  const inner = (mod as { default?: unknown }).default;
  if (typeof inner === 'function') return inner as ArxivApiTsSearchFn;
  throw new Error('arxiv-api-ts: no search function exported');
}
