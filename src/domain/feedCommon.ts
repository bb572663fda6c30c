/**
 * The pure parts of feedCandidates: candidate selection, diversification, the opaque cursor and
 * pagination. No database here, so each is unit-tested on its own (tests/unit/feedCommon.test.ts).
 */
import { createHash } from 'node:crypto';
import { badInput } from './input.js';

/** What diversification needs to know about a candidate. */
export interface Diversifiable {
  /** The model id (unique in a feed). */
  id: string;
  /** Where the candidate came from: a followed creator, a topic, a liker… (`creator:TheBloke`). */
  seed: string;
  /** The model's creator; null never conflicts. */
  creatorId: string | null;
  /** The model's topic (task); null never conflicts. */
  topic: string | null;
  score: number;
}

const byScore = <T extends Diversifiable>(a: T, b: T) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The candidates of one tier segment: one per model not in `exclude` — its best-scoring source,
 * and on equal scores the smallest seed — then, best first, at most `perSeed` per seed and `limit`
 * in all. The result depends only on the set of rows, never on the order they arrive in: two
 * sources can offer a model at the same score (a topic's trending model liked by one followed
 * creator scores 1 × freshness × popularity both ways), the database returns such rows in no
 * defined order, and the winning source decides the seed and so the model's place in the feed —
 * which every page request recomputes, so it must not change between requests.
 */
export function selectCandidates<T extends Diversifiable>(rows: readonly T[], exclude: ReadonlySet<string>, perSeed: number, limit: number): T[] {
  const best = new Map<string, T>();
  for (const row of rows) {
    if (exclude.has(row.id)) continue;
    const current = best.get(row.id);
    if (!current || row.score > current.score || (row.score === current.score && row.seed < current.seed)) best.set(row.id, row);
  }
  const perSeedCount = new Map<string, number>();
  const out: T[] = [];
  if (limit <= 0) return out;
  for (const row of [...best.values()].sort(byScore)) {
    const n = perSeedCount.get(row.seed) ?? 0;
    if (n >= perSeed) continue;
    perSeedCount.set(row.seed, n + 1);
    out.push(row);
    if (out.length >= limit) break;
  }
  return out;
}

/**
 * Round-robin by seed: seeds ordered by their best candidate, then one candidate from each seed in
 * turn (each seed's own candidates best first). A prolific seed cannot fill the top of the feed.
 */
export function roundRobinBySeed<T extends Diversifiable>(items: readonly T[]): T[] {
  const groups = new Map<string, T[]>();
  for (const item of [...items].sort(byScore)) {
    const group = groups.get(item.seed);
    if (group) group.push(item);
    else groups.set(item.seed, [item]);
  }
  // Map insertion order is the order of each seed's best candidate, ties by model id (byScore).
  const ordered = [...groups.values()];
  const out: T[] = [];
  for (let round = 0; out.length < items.length; round++) {
    for (const group of ordered) {
      const item = group[round];
      if (item) out.push(item);
    }
  }
  return out;
}

/**
 * Can the remaining items still be arranged with no two consecutive from the same creator, the
 * first not by `previous`? (A creator with k of n items needs k ≤ ⌈n/2⌉, or ≤ ⌊n/2⌋ when it is
 * also the creator just placed.)
 */
function arrangeable(counts: Map<string, number>, total: number, previous: string | null): boolean {
  for (const [creator, k] of counts) {
    const limit = creator === previous ? Math.floor(total / 2) : Math.ceil(total / 2);
    if (k > limit) return false;
  }
  return true;
}

/**
 * Keeps the preferred order as far as possible while avoiding two consecutive items from the same
 * creator or on the same topic where avoidable. At each step it takes the first remaining item that
 * (1) differs from the previous item in creator and topic and leaves the rest arrangeable by
 * creator, else (2) differs in creator and leaves the rest arrangeable, else (3) differs in creator
 * and is by the creator with the most items left, else (4) differs in creator, else (5) the first. The creator rule comes first: the brief's "same creator" repetition is
 * the more visible one. `previous` is the item shown just before (the end of the previous tier).
 */
export function spreadOut<T extends Diversifiable>(preferred: readonly T[], previous?: T | null): T[] {
  const remaining = [...preferred];
  const counts = new Map<string, number>();
  for (const item of remaining) if (item.creatorId !== null) counts.set(item.creatorId, (counts.get(item.creatorId) ?? 0) + 1);
  const out: T[] = [];
  let last: T | null = previous ?? null;
  const sameCreator = (a: T, b: T | null) => b !== null && a.creatorId !== null && a.creatorId === b.creatorId;
  const sameTopic = (a: T, b: T | null) => b !== null && a.topic !== null && a.topic === b.topic;
  const leavesArrangeable = (item: T) => {
    if (item.creatorId === null) return arrangeable(counts, remaining.length - 1, null);
    counts.set(item.creatorId, (counts.get(item.creatorId) ?? 1) - 1);
    const ok = arrangeable(counts, remaining.length - 1, item.creatorId);
    counts.set(item.creatorId, (counts.get(item.creatorId) ?? 0) + 1);
    return ok;
  };
  while (remaining.length > 0) {
    const most = Math.max(0, ...counts.values());
    const rules: ((item: T) => boolean)[] = [
      (i) => !sameCreator(i, last) && !sameTopic(i, last) && leavesArrangeable(i),
      (i) => !sameCreator(i, last) && leavesArrangeable(i),
      // No repeat-free arrangement is left: spend the most frequent creator first, which leaves
      // the fewest repeats for the end.
      (i) => !sameCreator(i, last) && i.creatorId !== null && counts.get(i.creatorId) === most,
      (i) => !sameCreator(i, last),
      () => true,
    ];
    let index = -1;
    for (const rule of rules) {
      index = remaining.findIndex(rule);
      if (index >= 0) break;
    }
    const [item] = remaining.splice(index, 1) as [T];
    if (item.creatorId !== null) counts.set(item.creatorId, (counts.get(item.creatorId) ?? 1) - 1);
    out.push(item);
    last = item;
  }
  return out;
}

/** Round-robin by seed, then spread out by creator and topic. */
export function diversify<T extends Diversifiable>(items: readonly T[], previous?: T | null): T[] {
  return spreadOut(roundRobinBySeed(items), previous);
}

/**
 * The feed cursor: opaque to clients (base64url JSON), it carries the time the first page was
 * computed (so every page scores freshness against the same `now`), the position after the item
 * it points at, that item's id (so a page still continues after it if the list shifted), and a
 * digest of the user whose feed it pages: another user's feed is a different list, so a cursor
 * passed with the wrong userId would silently skip or repeat items — it is refused instead.
 */
export interface FeedCursor {
  /** ISO-8601 time the feed was computed at. */
  now: string;
  /** Index of the next item. */
  offset: number;
  /** Id of the item the cursor points at (the last one of a page). */
  lastId: string;
  /** feedUserKey of the user whose feed issued the cursor. */
  user: string;
}

// feed2: bound to its user (feed1 cursors, unbound, are refused as not a cursor).
const CURSOR_PREFIX = 'feed2:';

/** The user's digest in a cursor: binds it to the user without spelling the id out. */
export function feedUserKey(userId: string): string {
  return createHash('sha256').update(userId, 'utf8').digest('base64url').slice(0, 16);
}

export function encodeCursor(cursor: FeedCursor): string {
  return Buffer.from(CURSOR_PREFIX + JSON.stringify([cursor.now, cursor.offset, cursor.lastId, cursor.user]), 'utf8').toString('base64url');
}

/** Decodes `after` for `userId`'s feed: anything but a cursor that feed issued is BAD_USER_INPUT. */
export function decodeCursor(text: string, userId: string): FeedCursor {
  const invalid = () => badInput('after is not a cursor returned by feedCandidates', 'pass pageInfo.endCursor or an edge cursor unchanged');
  if (text.length > 2000 || !/^[A-Za-z0-9_-]+$/.test(text)) throw invalid();
  const decoded = Buffer.from(text, 'base64url').toString('utf8');
  if (!decoded.startsWith(CURSOR_PREFIX)) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoded.slice(CURSOR_PREFIX.length));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) throw invalid();
  const [now, offset, lastId, user] = parsed as unknown[];
  if (typeof now !== 'string' || Number.isNaN(Date.parse(now))) throw invalid();
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) throw invalid();
  if (typeof lastId !== 'string' || typeof user !== 'string') throw invalid();
  if (user !== feedUserKey(userId)) {
    throw badInput(`after is a cursor of another user's feed, not of userId ${userId}`, 'pass the cursor with the userId whose feed returned it');
  }
  return { now, offset, lastId, user };
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Page<T> {
  edges: Edge<T>[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Where the item after the cursor's item is in `list`, or null when that item is not in it. */
function afterCursor(list: readonly { id: string }[], after: FeedCursor): number | null {
  if (list[after.offset - 1]?.id === after.lastId) return after.offset;
  const at = list.findIndex((item) => item.id === after.lastId);
  return at >= 0 ? at + 1 : null;
}

/**
 * Does this prefix of the full list already decide the page `paginate` would cut from the full
 * list? It does when it holds the cursor's item and one item past the page (so hasNextPage is
 * known): a longer list only adds items after those.
 */
export function pageIsDecided(prefix: readonly { id: string }[], first: number, after: FeedCursor | null): boolean {
  const start = after ? afterCursor(prefix, after) : 0;
  return start !== null && prefix.length > start + first;
}

/**
 * One page of the full list: the items after the cursor's item. The list is recomputed for every
 * page with the cursor's `now`, so on an unchanged graph it is the same list and the pages
 * concatenate to it without gaps or repeats. If the graph changed in between, the page continues
 * after the cursor's item wherever it now is (or at the offset if it is gone). Its cursors are
 * bound to `userId`, the user whose feed `list` is.
 */
export function paginate<T extends { id: string }, N>(
  list: readonly T[],
  first: number,
  now: string,
  after: FeedCursor | null,
  toNode: (item: T) => N,
  userId: string,
): Page<N> {
  const user = feedUserKey(userId);
  const start = after ? (afterCursor(list, after) ?? Math.min(after.offset, list.length)) : 0;
  const slice = list.slice(start, start + first);
  const edges = slice.map((item, i) => ({
    cursor: encodeCursor({ now, offset: start + i + 1, lastId: item.id, user }),
    node: toNode(item),
  }));
  return {
    edges,
    pageInfo: { hasNextPage: start + slice.length < list.length, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
