/**
 * Query URLs for the arXiv API. Built in one place so the client, the search adapter and the disk
 * cache (keyed by URL) agree on the exact spelling of a request.
 */

/** arXiv's documented endpoint for programmatic queries. */
export const ARXIV_API_URL = 'https://export.arxiv.org/api/query';

/** arXiv asks for id_list requests of at most this many ids. */
export const MAX_IDS_PER_REQUEST = 100;

/**
 * `id_list` request for canonical ids. `max_results` must be sent: arXiv's default page is 10, so a
 * 100-id list without it would silently come back with 90 papers "missing".
 */
export function idListUrl(baseUrl: string, ids: readonly string[]): string {
  const params = new URLSearchParams({
    id_list: ids.join(','),
    start: '0',
    max_results: String(ids.length),
  });
  return `${baseUrl}?${params.toString()}`;
}

/** `search_query` request (arXiv query syntax, e.g. `au:del_maestro AND ti:checkerboard`). */
export function searchUrl(baseUrl: string, query: string, start: number, max: number): string {
  const params = new URLSearchParams({
    search_query: query,
    start: String(start),
    max_results: String(max),
  });
  return `${baseUrl}?${params.toString()}`;
}
