/**
 * The stored answers of the profile half of similarCreators.
 *
 * Why: answered live, the profile part walks from a creator's items (the distinct tasks and tags
 * of its models, leaving out those on more than `maxItemModels` models) to every creator
 * publishing one of them, then reads each candidate's own profile — two 2-hop walks per question,
 * the bulk of similarCreators' time under load. None of it depends on who asks, so it is computed
 * for every creator at once: profiles are read page by page, an inverted index item → creators
 * is built, and one counter array reused per creator counts shared items (as the co-follow lists
 * in commonlyFollowedWith.ts do). Each creator with a non-empty profile gets its top 100 — the
 * live query's formula and order exactly: |P(x) ∩ P(c)| / |P(x) ∪ P(c)| descending, then id —
 * stored on its node (`profileSimIds`, `profileSimScores`) stamped `profileSimAt` and with the
 * item cap it was computed under (`profileSimMaxItemModels`). One SET per creator: a reader sees a
 * creator's old list or its new one.
 *
 * The query reads a stored list only when its cap is the one asked for; otherwise, and for
 * creators without a list — no profile, or created after the refresh — it walks live, so those
 * are always current. A stored list is as old as its `profileSimAt`: refreshed after every models
 * ingest, every social ingest and by `hubgraph ingest derived`. A candidate outside a creator's
 * 100 gets profile Jaccard 0 in the combined score — it ranks below the 100th anyway.
 */
import type { Db } from '../neo4j/db.js';
import { readByIdPages, writeStoredLists } from './storedLists.js';
import { STORED_LIST_SIZE } from './commonlyFollowedWith.js';
import { boundedTopK, idRanks } from './topK.js';

/** A creator's profile: the opaque keys (element ids) of its tasks and tags under the cap. */
export interface CreatorProfile {
  id: string;
  items: readonly string[];
}

export interface ProfileSimList {
  id: string;
  ids: string[];
  scores: number[];
}

/**
 * The top-`k` profile-similarity list of every creator with a non-empty profile: by Jaccard of
 * the item sets, ties by id. Items in a profile are expected distinct (the read returns them so).
 * `pairs` is the number of (creator, candidate, shared item) visits — the work done.
 */
export function profileSimilarityLists(profiles: Iterable<CreatorProfile>, k = STORED_LIST_SIZE): { lists: ProfileSimList[]; items: number; pairs: number } {
  const ids: string[] = [];
  const itemIndex = new Map<string, number>();
  const memberItems: number[][] = [];
  for (const p of profiles) {
    if (p.items.length === 0) continue;
    ids.push(p.id);
    memberItems.push(
      p.items.map((key) => {
        let i = itemIndex.get(key);
        if (i === undefined) itemIndex.set(key, (i = itemIndex.size));
        return i;
      }),
    );
  }
  const n = ids.length;
  const m = itemIndex.size;
  // Compressed adjacency both ways: creator → items (its profile) and item → creators.
  const profileStart = new Int32Array(n + 1);
  for (let c = 0; c < n; c++) profileStart[c + 1] = profileStart[c]! + memberItems[c]!.length;
  const profile = new Int32Array(profileStart[n]!);
  const itemStart = new Int32Array(m + 1);
  for (let c = 0; c < n; c++) {
    profile.set(memberItems[c]!, profileStart[c]);
    for (const i of memberItems[c]!) itemStart[i + 1]!++;
  }
  memberItems.length = 0;
  for (let i = 0; i < m; i++) itemStart[i + 1]! += itemStart[i]!;
  const members = new Int32Array(itemStart[m]!);
  const fill = itemStart.slice(0, m);
  for (let c = 0; c < n; c++) for (let j = profileStart[c]!; j < profileStart[c + 1]!; j++) members[fill[profile[j]!]!++] = c;

  const size = (c: number) => profileStart[c + 1]! - profileStart[c]!;
  const common = new Int32Array(n);
  const touched = new Int32Array(n);
  const score = new Float64Array(n);
  const best = boundedTopK(k, score, idRanks(ids));
  const lists: ProfileSimList[] = [];
  let pairs = 0;
  for (let x = 0; x < n; x++) {
    let t = 0;
    for (let j = profileStart[x]!; j < profileStart[x + 1]!; j++) {
      const item = profile[j]!;
      pairs += itemStart[item + 1]! - itemStart[item]! - 1;
      for (let h = itemStart[item]!; h < itemStart[item + 1]!; h++) {
        const c = members[h]!;
        if (c !== x && common[c]!++ === 0) touched[t++] = c;
      }
    }
    const a = size(x);
    for (let i = 0; i < t; i++) {
      const c = touched[i]!;
      score[c] = common[c]! / (a + size(c) - common[c]!);
      best.offer(c);
    }
    const top = best.take();
    lists.push({ id: ids[x]!, ids: top.map((c) => ids[c]!), scores: top.map((c) => score[c]!) });
    for (let i = 0; i < t; i++) common[touched[i]!] = 0;
  }
  return { lists, items: m, pairs };
}

export interface RefreshCreatorProfileSimilarityOptions {
  /** Items on more models than this are left out of profiles: the API's cap (similarCreators DEFAULTS). */
  maxItemModels: number;
  /** Only creators whose ids start with this (tests); default every creator. Items are never scoped. */
  scope?: string;
  /** Creators per read page and per write transaction. */
  batchSize?: number;
  /** Called after each write transaction with creators written and the total. */
  onProgress?: (done: number, total: number) => void;
}

export interface RefreshCreatorProfileSimilarityResult {
  /** Creators whose list was (re)computed and stored. */
  stored: number;
  /** Creators whose older list was removed (now answered live). */
  cleared: number;
  /** Distinct items in the stored creators' profiles. */
  items: number;
  /** (creator, candidate, shared item) visits of the computation. */
  pairs: number;
  transactions: number;
  computedAt: string;
  seconds: { read: number; compute: number; write: number };
}

/** Every creator's profile (possibly empty), page by page in id order. */
function readProfiles(db: Db, scope: string, maxItemModels: number, batchSize: number): Promise<CreatorProfile[]> {
  return readByIdPages<CreatorProfile>(db, 'recommend/similar-creators-profiles', { scope, maxItemModels }, batchSize, 'creatorProfileSimilarity.read');
}

export async function refreshCreatorProfileSimilarity(db: Db, options: RefreshCreatorProfileSimilarityOptions): Promise<RefreshCreatorProfileSimilarityResult> {
  const scope = options.scope ?? '';
  const batchSize = options.batchSize ?? 1000;
  const { maxItemModels } = options;
  const computedAt = new Date().toISOString();
  let t = Date.now();
  const profiles = await readProfiles(db, scope, maxItemModels, batchSize);
  const read = (Date.now() - t) / 1000;
  t = Date.now();
  const { lists, items, pairs } = profileSimilarityLists(profiles);
  const compute = (Date.now() - t) / 1000;
  t = Date.now();
  // Lists from an earlier refresh that this one did not replace (the creator lost its models, or
  // its whole profile went over the cap) would be stale: they go, and those creators answer live.
  const { cleared, transactions } = await writeStoredLists(db, {
    store: 'recommend/similar-creators-profile-store',
    clear: 'recommend/similar-creators-profile-clear',
    op: 'creatorProfileSimilarity',
    lists,
    computedAt,
    scope,
    batchSize,
    extra: { maxItemModels },
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return { stored: lists.length, cleared, items, pairs, transactions, computedAt, seconds: { read, compute, write: (Date.now() - t) / 1000 } };
}
