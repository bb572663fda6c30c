/**
 * search — models and creators matching a text, ranked by full-text relevance combined with social
 * authority and popularity (the shape of the Twitter/LinkedIn people-search blend of text match and
 * reputation; the seed formula's relevance + followers + reactions + creations):
 *
 *   score = w.relevance·relevance + w.followers·ln(1 + followers) + w.likes·ln(1 + likes)
 *         + w.downloads·ln(1 + downloads) + w.models·ln(1 + models)
 *
 * relevance is the Lucene score over the best score of the same index for this query (0–1], so
 * model and creator hits share one scale; followers and models are the (model's) creator's, likes
 * and downloads the model's own (a creator: the sums over all their models, so a creator never
 * ranks below one of its models for the same match). Logs damp the heavy tails. Relevance (10)
 * keeps text match first, but BM25 penalises long documents: the original openai/whisper-* models,
 * tagged with a hundred languages, score 0.63–0.83 of a bare mirror such as Xenova/whisper-base.
 * Downloads (millions against a thousand) close that gap; a lineage-only stub (no downloads, no
 * likes) falls below its creator and its Hub models.
 *
 * The user's text never reaches Lucene's query parser as syntax: it is lower-cased (so AND, OR,
 * NOT are plain words) and every special character is escaped, so `foo AND (bar`, `*`, `~` or a
 * stray quote search for those words instead of failing or matching everything.
 */
import type { Db } from '../neo4j/db.js';
import { loadCypher } from '../neo4j/cypher.js';
import { badInput, intInRange } from './input.js';
import type { CreatorRecord, ModelRecord } from './modelRecord.js';

export type SearchType = 'MODEL' | 'CREATOR';

export const DEFAULTS = {
  weights: { relevance: 10, followers: 0.3, likes: 0.3, downloads: 0.5, models: 0.2 },
  first: 20,
  maxFirst: 50,
  maxQueryLength: 200,
  /** Hits read from each full-text index before re-ranking. */
  pool: 200,
};

export interface SearchInput {
  query: string;
  types?: readonly SearchType[] | null;
  first?: number;
}

export interface SearchOptions {
  weights?: Partial<typeof DEFAULTS.weights>;
}

export interface SearchHit {
  kind: SearchType;
  score: number;
  relevance: number;
  followers: number;
  likes: number;
  /** Downloads of the model, or of all the creator's models (0 when unknown). */
  downloads: number;
  models: number;
  /** The model (MODEL hits). */
  model: ModelRecord | null;
  /** The creator (CREATOR hits), or the model's creator (MODEL hits). */
  creator: CreatorRecord | null;
}

/** Lucene's query-syntax characters (classic query parser), `&&`/`||` included via & and |. */
const LUCENE_SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;

/** The user's text as a literal Lucene query: lower-cased, whitespace collapsed, syntax escaped. */
export function escapeLucene(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase().replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

export async function search(db: Db, input: SearchInput, options: SearchOptions = {}): Promise<SearchHit[]> {
  const text = input.query.trim();
  if (text.length === 0) throw badInput('query must not be empty');
  if (text.length > DEFAULTS.maxQueryLength) throw badInput(`query must have at most ${DEFAULTS.maxQueryLength} characters`);
  const types = input.types == null ? (['MODEL', 'CREATOR'] as const) : [...new Set(input.types)];
  if (types.length === 0) throw badInput('types must name MODEL, CREATOR or both (or be omitted for both)');
  const first = intInRange('first', input.first ?? DEFAULTS.first, 1, DEFAULTS.maxFirst);
  // Nothing an analyzer would index (only punctuation): no hit can match, and Lucene need not see it.
  if (!/[\p{L}\p{N}]/u.test(text)) return [];

  const params = { query: escapeLucene(text), pool: DEFAULTS.pool, w: { ...DEFAULTS.weights, ...options.weights }, first };
  const [models, creators] = await Promise.all([
    types.includes('MODEL')
      ? db.read<Omit<SearchHit, 'kind'>>(loadCypher('api/search-models'), params, { op: 'search.models' })
      : Promise.resolve([]),
    types.includes('CREATOR')
      ? db.read<Omit<SearchHit, 'kind' | 'model'>>(loadCypher('api/search-creators'), params, { op: 'search.creators' })
      : Promise.resolve([]),
  ]);
  const hits: SearchHit[] = [
    ...models.map((h) => ({ ...h, kind: 'MODEL' as const })),
    ...creators.map((h) => ({ ...h, model: null, kind: 'CREATOR' as const })),
  ];
  const key = (h: SearchHit) => (h.kind === 'MODEL' ? h.model?.id : h.creator?.id) ?? '';
  return hits.sort((a, b) => b.score - a.score || a.kind.localeCompare(b.kind) || key(a).localeCompare(key(b))).slice(0, first);
}
