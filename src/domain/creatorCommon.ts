/**
 * What the creator questions share: the recommendation shape, the `first` argument's bounds, the
 * unknown-id check, and the mapping from a Cypher row to a recommendation with its reason.
 */
import { loadCypher } from '../neo4j/cypher.js';
import type { Db } from '../neo4j/db.js';
import { intInRange, unknownId, type IdKind as InputIdKind } from './input.js';
import { withText, type AuthoritySource, type Reason, type ReasonKind, type ReasonVia, type ViaType } from './reason.js';

/** A creator as the API returns it (the node's own properties; counts are resolved separately). */
export interface CreatorNode {
  id: string;
  name: string | null;
  kind: string | null;
  source: string | null;
  authority: number | null;
}

export interface CreatorRecommendation {
  creator: CreatorNode;
  score: number;
  reason: Reason;
}

export const DEFAULT_FIRST = 20;
export const MAX_FIRST = 100;

/** `first` defaults to 20 and must be a whole number in 1..100: anything else is the caller's mistake, not an empty page. */
export function validateFirst(first: number | null | undefined, max = MAX_FIRST): number {
  if (first === null || first === undefined) return DEFAULT_FIRST;
  return intInRange('first', first, 1, max);
}

export type IdKind = Extract<InputIdKind, 'user' | 'creator' | 'task'>;

/**
 * Throws BAD_USER_INPUT naming the id when no node of that kind has it. Questions call this only
 * when their own query came back empty: a known id with no answer is an empty list, an unknown
 * id is an error, and the common case (some answer) costs no extra round trip.
 */
export async function assertKnownId(db: Db, kind: IdKind, id: string): Promise<void> {
  if (known.get(db)?.has(`${kind}:${id}`)) return;
  const rows = await db.read<Record<IdKind, boolean>>(loadCypher('recommend/known-ids'), { id }, { op: `knownIds:${kind}` });
  if (!rows[0]?.[kind]) throw unknownId(kind, id);
}

/**
 * Ids a caller has already found in the graph, per Db — in practice per oneRead transaction, so
 * the memo lives exactly as long as the request. recommendedCreators checks its user once, then
 * asks its signals; each signal that comes back empty (followBack always does on the demo) would
 * otherwise re-check the same id with a query of its own.
 */
const known = new WeakMap<Db, Set<string>>();

/** Records that `id` is a known node of that kind, for the questions later asked through `db`. */
export function markKnownId(db: Db, kind: IdKind, id: string): void {
  let ids = known.get(db);
  if (!ids) known.set(db, (ids = new Set()));
  ids.add(`${kind}:${id}`);
}

/** The columns every creator question returns (see the RETURN clause of its Cypher file). */
export interface CreatorRow {
  creator: CreatorNode;
  score: number;
  count?: number | null;
  via?: string[] | null;
  authoritySource?: AuthoritySource | null;
  /** True when `count` is over a bounded walk (reason.ts: the text says "at least"). */
  countIsLowerBound?: boolean | null;
  /** Set by questions answered from a stored list (see commonly-followed-with.cypher). */
  computedAt?: string | null;
}

/** Turns rows into recommendations; `via` ids are typed by the caller (creators, a task, …). */
export function toRecommendations<R extends CreatorRow>(
  rows: R[],
  kind: ReasonKind,
  via: (row: R) => ReasonVia[],
): CreatorRecommendation[] {
  return rows.map((row) => ({
    creator: row.creator,
    score: row.score,
    reason: withText(
      {
        kind,
        via: via(row),
        count: row.count ?? null,
        countIsLowerBound: row.countIsLowerBound ?? false,
        authoritySource: row.authoritySource ?? null,
        ...(row.computedAt ? { computedAt: row.computedAt } : {}),
      },
    ),
  }));
}

/** The row's `via` ids as reason vias of one type. */
export function viaIds(type: ViaType) {
  return (row: CreatorRow): ReasonVia[] => (row.via ?? []).map((id) => ({ type, id }));
}

/**
 * Runs a question's query; when it answers nothing, tells an unknown id (BAD_USER_INPUT) from a
 * known one with nothing to recommend.
 */
export async function runCreatorQuestion(
  db: Db,
  op: string,
  cypherName: string,
  params: Record<string, unknown>,
  subject: { kind: IdKind; id: string },
): Promise<CreatorRow[]> {
  const rows = await db.read<CreatorRow>(loadCypher(cypherName), params, { op });
  if (rows.length === 0) await assertKnownId(db, subject.kind, subject.id);
  return rows;
}
