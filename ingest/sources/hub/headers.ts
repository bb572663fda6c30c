/**
 * The two response headers the Hub client steers by, parsed as pure functions so they can be
 * tested without HTTP:
 *
 * - `Link` (RFC 8288, the GitHub-style pagination the Hub uses): the `rel="next"` target is the
 *   whole next-page URL, query and opaque `cursor` included. huggingface_hub follows it the same
 *   way (`utils/_pagination.py`: `response.links.get("next")`), so we never build cursors ourselves.
 * - `Retry-After` (RFC 9110 §10.2.3): either delay-seconds or an HTTP-date.
 */

/**
 * The target of the first link whose `rel` includes `next`, resolved against `baseUrl` (RFC 8288
 * allows relative references), or null when there is none.
 */
export function parseNextLink(header: string | null, baseUrl: string): string | null {
  if (!header) return null;
  // Each link-value is `<uri-reference>` followed by `;`-separated params. The URI sits inside
  // angle brackets and may itself contain `,` or `;`, so we scan for brackets instead of splitting.
  const linkValue = /<([^>]*)>((?:\s*;\s*[^;,]+)*)/g;
  for (const match of header.matchAll(linkValue)) {
    const target = match[1] ?? '';
    const params = match[2] ?? '';
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(params);
    const relValue = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase();
    // `rel` may hold several space-separated relation types, e.g. rel="next last".
    if (relValue.split(/\s+/).includes('next')) {
      try {
        return new URL(target, baseUrl).toString();
      } catch {
        return null;
      }
    }
  }
  return null;
}

/**
 * How long the server asked us to wait, in ms, or null when the header is absent or unreadable.
 * A date in the past means "now" (0).
 */
export function parseRetryAfter(header: string | null, nowMs: number): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (value === '') return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // All three HTTP-date forms name the day and month in letters; without this check Date.parse
  // would read "-5" as the year -5.
  if (!/^[A-Za-z]{3}/.test(value)) return null;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - nowMs);
}
