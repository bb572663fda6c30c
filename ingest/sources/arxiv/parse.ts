/**
 * Parses an arXiv API Atom feed (export.arxiv.org/api/query) into PaperRecords.
 *
 * Two feed generations are in the wild and both must parse: the 2016 one declares the `opensearch:`
 * and `arxiv:` namespaces on each element and hard-wraps titles and abstracts at ~80 columns; the
 * current one declares them on <feed> and does not wrap. Namespace prefixes are stripped
 * (removeNSPrefix) so either spelling lands on the same key, attributes are kept (categories live
 * only in `term` attributes) and the repeated elements are forced to arrays (a one-entry feed must
 * not come back as an object — the defect that breaks arxiv-api-ts).
 *
 * An API error (HTTP 400) arrives as a feed with one pseudo-entry whose id is
 * `https://arxiv.org/api/errors#…`; it is returned as `error`, never as a paper.
 */
import { XMLParser } from 'fast-xml-parser';
import { ErrorCodes, HubgraphError } from '../../../src/errors.js';
import type { PaperRecord, Rejection } from '../../types.js';
import { parseArxivId } from './ids.js';

export { normalizeArxivId, parseArxivId } from './ids.js';

/** A PaperRecord plus what the feed says about the version it describes. */
export interface ArxivPaperRecord extends PaperRecord {
  /** Version of the entry as served (`…/abs/2104.12255v1` → 1); null if the id had none. */
  version: number | null;
}

export interface ArxivFeed {
  entries: ArxivPaperRecord[];
  /** opensearch:totalResults; null when absent or when the feed is an error feed. */
  totalResults: number | null;
  /** The API's error text (e.g. "incorrect id format for abc"); null for a normal feed. */
  error: string | null;
  /** Entries that could not be turned into a paper (no parsable id). */
  rejected: Rejection[];
}

const ARRAY_PATHS = new Set([
  'feed.link',
  'feed.entry',
  'feed.entry.author',
  'feed.entry.category',
  'feed.entry.link',
]);

const ERROR_ENTRY_ID = /\/api\/errors(?:#|$)/;

type XmlNode = Record<string, unknown>;

/**
 * @param xml the response body as text.
 * @param source where it came from (URL or file), used in rejections.
 * @throws HubgraphError INPUT_FORMAT_UNKNOWN when the text is not an Atom feed at all (an HTML
 *   error page from a proxy, a truncated body): that is a failed request, not an empty answer.
 */
export function parseArxivFeed(xml: string, source = 'arxiv-feed'): ArxivFeed {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    // Keep every value a string: a title such as "0" (arXiv:2104.12255) must not become a number.
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    isArray: (_name, jpath) => typeof jpath === 'string' && ARRAY_PATHS.has(jpath),
  });

  let doc: unknown;
  try {
    doc = parser.parse(xml);
  } catch (cause) {
    throw notAFeed(xml, source, cause);
  }
  const feed = isNode(doc) ? doc['feed'] : undefined;
  if (!isNode(feed)) throw notAFeed(xml, source);

  const entries: ArxivPaperRecord[] = [];
  const rejected: Rejection[] = [];
  let error: string | null = null;

  for (const [index, node] of asArray(feed['entry']).entries()) {
    if (!isNode(node)) continue;
    const rawId = clean(node['id']);
    if (rawId !== null && ERROR_ENTRY_ID.test(rawId)) {
      error = clean(node['summary']) ?? clean(node['title']) ?? rawId;
      continue;
    }
    const parts = rawId === null ? null : parseArxivId(rawId);
    if (parts === null) {
      rejected.push({
        position: { source, index },
        field: 'id',
        reason: `id: not an arXiv abs URL, got ${JSON.stringify(rawId)}`,
        raw: JSON.stringify(node).slice(0, 4096),
      });
      continue;
    }
    entries.push(toPaper(node, parts.id, parts.version));
  }

  return {
    entries,
    // The error feed reports totalResults 1 — it counts the error pseudo-entry, not papers.
    totalResults: error === null ? toCount(feed['totalResults']) : null,
    error,
    rejected,
  };
}

function toPaper(entry: XmlNode, id: string, version: number | null): ArxivPaperRecord {
  const categories: string[] = [];
  for (const c of asArray(entry['category'])) {
    const term = isNode(c) ? clean(c['@_term']) : null;
    if (term !== null && !categories.includes(term)) categories.push(term);
  }
  const primary = entry['primary_category'];
  const authors: string[] = [];
  for (const a of asArray(entry['author'])) {
    const name = isNode(a) ? clean(a['name']) : null;
    if (name !== null) authors.push(name);
  }
  return {
    id,
    version,
    title: clean(entry['title']),
    abstract: clean(entry['summary']),
    published: clean(entry['published']),
    updated: clean(entry['updated']),
    authors,
    primaryCategory: isNode(primary) ? clean(primary['@_term']) : null,
    categories,
    doi: clean(entry['doi']),
    journalRef: clean(entry['journal_ref']),
    comment: clean(entry['comment']),
  };
}

/** Text of an element (plain string, or `#text` when it also has attributes), whitespace collapsed. */
function clean(node: unknown): string | null {
  let text: unknown = node;
  if (isNode(node)) text = node['#text'];
  if (typeof text === 'number' || typeof text === 'boolean') text = String(text);
  if (typeof text !== 'string') return null;
  // The 2016 feed wraps titles/abstracts with newline + indent; one space is what was meant.
  const collapsed = text.replace(/\s+/g, ' ').trim();
  return collapsed === '' ? null : collapsed;
}

function toCount(node: unknown): number | null {
  const text = clean(node);
  if (text === null || !/^\d+$/.test(text)) return null;
  return Number(text);
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function notAFeed(text: string, source: string, cause?: unknown): HubgraphError {
  const head = text.slice(0, 120).replace(/\s+/g, ' ').trim();
  return new HubgraphError(
    ErrorCodes.INPUT_FORMAT_UNKNOWN,
    `${source}: not an arXiv Atom feed (starts with ${JSON.stringify(head)})`,
    { hint: 'arXiv or a proxy answered with something else; retry later', cause },
  );
}
