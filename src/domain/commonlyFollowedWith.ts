/**
 * commonlyFollowedWith — creators whose followers overlap with a creator's, scored by the Jaccard
 * similarity of the two follower sets (Jaccard, 1901); `count` is the size of the overlap.
 * Candidates come from the creator's followers' other follows, never from all pairs.
 *
 * Hubs are answered from a stored list: a creator followed by thousands has a live walk of ~10⁵
 * rows (tens of milliseconds of Neo4j CPU per request, hundreds under load), while the list
 * changes only as its followers' follows change. `refreshCommonlyFollowedWith` stores, for every
 * creator whose walk reaches HUBGRAPH_COFOLLOW_MIN_WALK, the top 100 by the same formula; the reason
 * then carries `computedAt`. Everyone else is answered live, so their answers are always current.
 */
import { loadCypher } from '../neo4j/cypher.js';
import type { Db } from '../neo4j/db.js';
import { MAX_FIRST, runCreatorQuestion, toRecommendations, validateFirst, type CreatorRecommendation } from './creatorCommon.js';

export interface CommonlyFollowedWithInput {
  creatorId: string;
  first?: number | null;
}

export async function commonlyFollowedWith(db: Db, input: CommonlyFollowedWithInput): Promise<CreatorRecommendation[]> {
  const first = validateFirst(input.first);
  const rows = await runCreatorQuestion(
    db,
    'commonlyFollowedWith',
    'recommend/commonly-followed-with',
    { creatorId: input.creatorId, first },
    { kind: 'creator', id: input.creatorId },
  );
  return toRecommendations(rows, 'COMMONLY_FOLLOWED_WITH', () => [{ type: 'CREATOR', id: input.creatorId }]);
}

export interface RefreshCommonlyFollowedWithOptions {
  /** Creators whose live walk (Σ of their followers' out-degrees) reaches this get a stored list. */
  minWalk: number;
  /** Only these creators (default: all). */
  ids?: readonly string[];
  /** Rows of walk per write transaction (bounds a transaction's memory; one creator at least). */
  walkPerTransaction?: number;
  /** Called after each transaction with creators done and the total. */
  onProgress?: (done: number, total: number) => void;
}

export interface RefreshCommonlyFollowedWithResult {
  /** Creators whose list was (re)computed and stored. */
  stored: number;
  /** Creators whose stored list was removed (their walk dropped below minWalk). */
  dropped: number;
  /** Relationships written. */
  relationships: number;
  /** Σ walk of the stored creators: the rows the refresh aggregated. */
  walk: number;
  transactions: number;
  computedAt: string;
}

/** Size of each stored list: the most any `first` may ask for. */
export const STORED_LIST_SIZE = MAX_FIRST;
const DROPS_PER_TRANSACTION = 200;

/**
 * Stores the answer of every creator whose live query would be slow (a hub: ~10⁵ rows of walk),
 * so the question reads ~`first` relationships instead. Called after each social ingest (and by
 * `hubgraph ingest derived`); creators below the threshold are answered live. Each transaction replaces whole
 * lists, so a reader never sees half a creator's list.
 */
export async function refreshCommonlyFollowedWith(db: Db, options: RefreshCommonlyFollowedWithOptions): Promise<RefreshCommonlyFollowedWithResult> {
  const walkPerTransaction = options.walkPerTransaction ?? 1_000_000;
  const computedAt = new Date().toISOString();
  const targets = await db.read<{ id: string; walk: number; keep: boolean }>(
    loadCypher('recommend/commonly-followed-with-targets'),
    { minWalk: options.minWalk, ids: options.ids ?? null },
    { op: 'commonlyFollowedWith.targets' },
  );
  const result: RefreshCommonlyFollowedWithResult = { stored: 0, dropped: 0, relationships: 0, walk: 0, transactions: 0, computedAt };
  const cypher = loadCypher('recommend/commonly-followed-with-refresh');
  let keep: string[] = [];
  let drop: string[] = [];
  let batchWalk = 0;
  let done = 0;
  const flush = async () => {
    if (keep.length + drop.length === 0) return;
    const { summary } = await db.write(cypher, { keep, drop, k: STORED_LIST_SIZE, computedAt }, { op: 'commonlyFollowedWith.refresh' });
    result.relationships += summary.relationshipsCreated;
    result.transactions++;
    done += keep.length + drop.length;
    keep = [];
    drop = [];
    batchWalk = 0;
    options.onProgress?.(done, targets.length);
  };
  for (const t of targets) {
    if (t.keep) {
      if (batchWalk > 0 && batchWalk + t.walk > walkPerTransaction) await flush();
      keep.push(t.id);
      batchWalk += t.walk;
      result.stored++;
      result.walk += t.walk;
    } else {
      // Each dropped creator deletes up to STORED_LIST_SIZE relationships: bounded per transaction too.
      if (drop.length >= DROPS_PER_TRANSACTION) await flush();
      drop.push(t.id);
      result.dropped++;
    }
  }
  await flush();
  return result;
}
