/**
 * The precomputed recommendation lists (commonlyFollowedWith.ts, creatorProfileSimilarity.ts,
 * topicLeaders.ts): their inputs read a page at a time, and the lists written onto their nodes in
 * batches (two transactions in flight), one SET per node so a reader sees a node's old list or its
 * new one, followed by the removal of every list an earlier refresh left that this one did not
 * replace — those nodes are answered live from then on, never from a stale list.
 */
import pLimit from 'p-limit';
import { loadCypher } from '../neo4j/cypher.js';
import type { Db } from '../neo4j/db.js';
import { projectFollowCsr, type Csr, type OwnerVersions } from './projection.js';

export interface WriteStoredListsOptions<L> {
  /** Cypher file storing a batch: `$rows` (the lists), `$computedAt` and `extra`. */
  store: string;
  /** Cypher file removing up to `$limit` lists not stamped `$computedAt` within `$scope`; returns `cleared`. */
  clear: string;
  /** Transaction metadata prefix (`<op>.store`, `<op>.clear`). */
  op: string;
  lists: readonly L[];
  computedAt: string;
  /** Id prefix the refresh covered ('' for all). */
  scope: string;
  batchSize: number;
  /** Parameters the store statement needs besides the rows (e.g. the setting the lists were computed under). */
  extra?: Record<string, unknown>;
  /**
   * The owners' versions when their inputs were read: each row is stored with its owner's, and the
   * store statement writes it only while the owner's are unchanged (compare-and-set), so a list
   * computed before a write is never stored over it.
   */
  versionOf?: (list: L) => OwnerVersions;
  /** Store transactions in flight at once (default STORE_CONCURRENCY). */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Store transactions in flight at once. Two: while Neo4j applies one batch, this process encodes
 * the next (the driver's packing of 1,000 lists of 100 entries is real CPU). The batches write
 * disjoint nodes, so they never wait on each other's locks. Measured on the demo, `ingest derived`
 * 40.1 → 33.6 s (follow-of-follow's lists 10.6 → 8.1 s), peak RSS +50 MiB; more than two would
 * only queue on 2 cores.
 */
export const STORE_CONCURRENCY = 2;

export async function writeStoredLists<L>(db: Db, o: WriteStoredListsOptions<L>): Promise<{ cleared: number; transactions: number }> {
  let transactions = 0;
  const store = loadCypher(o.store);
  const limit = pLimit(o.concurrency ?? STORE_CONCURRENCY);
  let written = 0;
  const batches: Array<Promise<void>> = [];
  // After one batch fails the queued ones do not start: with Neo4j gone, each would otherwise wait out its own retries.
  let failedOnce = false;
  for (let i = 0; i < o.lists.length; i += o.batchSize) {
    const slice = o.lists.slice(i, i + o.batchSize);
    const versionOf = o.versionOf;
    const rows = versionOf ? slice.map((r) => ({ ...r, ...versionOf(r) })) : slice;
    batches.push(
      limit(async () => {
        if (failedOnce) return;
        await db.write(store, { ...o.extra, rows, computedAt: o.computedAt }, { op: `${o.op}.store` }).catch((error: unknown) => {
          failedOnce = true;
          throw error;
        });
        transactions++;
        written += rows.length;
        o.onProgress?.(written, o.lists.length);
      }),
    );
  }
  // Every batch settles before the clear below runs (a failed one fails the refresh, as before).
  const settled = await Promise.allSettled(batches);
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  const clear = loadCypher(o.clear);
  let cleared = 0;
  for (;;) {
    const { rows } = await db.write<{ cleared: number }>(clear, { computedAt: o.computedAt, scope: o.scope, limit: o.batchSize }, { op: `${o.op}.clear` });
    transactions++;
    const n = rows[0]?.cleared ?? 0;
    cleared += n;
    if (n < o.batchSize) return { cleared, transactions };
  }
}

/** An owner the projection did not read gets -1, which matches no version: its list is not stored. */
const versionsIn =
  (versions: ReadonlyMap<string, OwnerVersions>) =>
  (list: { id: string }): OwnerVersions =>
    versions.get(list.id) ?? { version: -1, followersVersion: -1 };

/**
 * Every row of a keyset-paginated read (`$after` the last id of the previous page, `$limit` rows a
 * page, ordered by id), so a refresh never holds one huge result in one transaction.
 */
export async function readByIdPages<R extends { id: string }>(
  db: Db,
  cypherName: string,
  params: Record<string, unknown>,
  batchSize: number,
  op: string,
): Promise<R[]> {
  const cypher = loadCypher(cypherName);
  const out: R[] = [];
  let after = '';
  for (;;) {
    const rows = await db.read<R>(cypher, { ...params, after, limit: batchSize }, { op });
    out.push(...rows);
    if (rows.length < batchSize) return out;
    after = rows[rows.length - 1]!.id;
  }
}

/** Options of the stored lists computed from the follow graph (commonlyFollowedWith, followOfFollow, popularAmongSimilarUsers). */
export interface FollowListsOptions {
  /** Nodes whose live walk reaches this get a stored list (0: every node with an answer). */
  minWalk: number;
  /** Only nodes (and follows) whose ids start with this (tests); default all. */
  scope?: string;
  /** Lists per write transaction. */
  batchSize?: number;
  /** Called after each write transaction with lists written and the total. */
  onProgress?: (done: number, total: number) => void;
  /** The follow graph, when the caller has projected it already (for the same scope). */
  follow?: Csr;
}

export interface FollowListsResult {
  /** Nodes whose list was (re)computed and stored. */
  stored: number;
  /** Nodes whose older list was removed (now answered live). */
  cleared: number;
  /** Σ walk of the stored nodes: the rows their live queries would have aggregated. */
  walk: number;
  transactions: number;
  computedAt: string;
  seconds: { project: number; compute: number; write: number };
}

/**
 * One refresh of follow-graph lists: project the follow graph (unless given), compute every list
 * in memory, write them and clear the ones this refresh did not replace.
 */
export async function refreshFollowLists<L extends { id: string }>(
  db: Db,
  options: FollowListsOptions,
  spec: {
    op: string;
    store: string;
    clear: string;
    extra?: Record<string, unknown>;
    compute: (follow: Csr, scope: string) => Promise<{ lists: L[]; walk: number }>;
  },
): Promise<FollowListsResult> {
  const scope = options.scope ?? '';
  const computedAt = new Date().toISOString();
  let t = Date.now();
  const follow = options.follow ?? (await projectFollowCsr(db, { scope }));
  const project = (Date.now() - t) / 1000;
  t = Date.now();
  const { lists, walk } = await spec.compute(follow, scope);
  const compute = (Date.now() - t) / 1000;
  t = Date.now();
  const { cleared, transactions } = await writeStoredLists(db, {
    store: spec.store,
    clear: spec.clear,
    op: spec.op,
    lists,
    computedAt,
    scope,
    batchSize: options.batchSize ?? 1000,
    ...(follow.versions ? { versionOf: versionsIn(follow.versions) } : {}),
    ...(spec.extra ? { extra: spec.extra } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return { stored: lists.length, cleared, walk, transactions, computedAt, seconds: { project, compute, write: (Date.now() - t) / 1000 } };
}

/**
 * The stored fields of one owner's list from a walk's counters: the top ids with their scores and
 * counts, and each one's first `viaWidth` intermediaries (ids joined by spaces) that its reason names.
 */
export function walkListFields(csr: Csr, top: number[], score: Float64Array, count: Int32Array, via: Int32Array, viaWidth: number) {
  return {
    ids: top.map((x) => csr.nodes[x]!),
    scores: top.map((x) => score[x]!),
    counts: top.map((x) => count[x]!),
    via: top.map((x) => Array.from({ length: Math.min(viaWidth, count[x]!) }, (_, j) => csr.nodes[via[x * viaWidth + j]!]!).join(' ')),
  };
}

