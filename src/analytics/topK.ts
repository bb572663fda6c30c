/**
 * Bounded top-k selection for the stored recommendation lists (commonlyFollowedWith.ts,
 * creatorProfileSimilarity.ts): candidates are integer indices, better = higher score, ties by
 * smaller id rank — the Cypher `ORDER BY score DESC, c.id ASC` of the live queries.
 *
 * Why a heap: a hub has ~10⁴ candidates but keeps 100; the best k so far sit in a binary heap
 * whose root is the worst of them, so most candidates are compared with the root once and never
 * allocated. The scores live in a caller-owned array indexed by candidate, written before `offer`.
 */

/** The rank of every id in code-unit order (Cypher's string order), so ties compare integers. */
export function idRanks(ids: readonly string[]): Int32Array {
  const rank = new Int32Array(ids.length);
  Array.from({ length: ids.length }, (_, i) => i)
    .sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0))
    .forEach((node, r) => (rank[node] = r));
  return rank;
}

export interface TopK {
  /** Considers candidate `c` (its score already in the score array). */
  offer(c: number): void;
  /** The kept candidates, best first; the selector is empty again afterwards. */
  take(): number[];
}

export function boundedTopK(k: number, score: Float64Array, idRank: Int32Array): TopK {
  const heap = new Int32Array(k);
  let size = 0;
  const worse = (a: number, b: number) => score[a]! < score[b]! || (score[a] === score[b] && idRank[a]! > idRank[b]!);
  const siftDown = (from: number) => {
    let i = from;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < size && worse(heap[l]!, heap[m]!)) m = l;
      if (r < size && worse(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  return {
    offer(c: number) {
      if (size < k) {
        heap[size++] = c;
        if (size === k) for (let h = (k >> 1) - 1; h >= 0; h--) siftDown(h);
      } else if (k > 0 && worse(heap[0]!, c)) {
        heap[0] = c;
        siftDown(0);
      }
    },
    take() {
      const top = Array.from(heap.subarray(0, size)).sort((p, q) => (worse(p, q) ? 1 : worse(q, p) ? -1 : 0));
      size = 0;
      return top;
    },
  };
}

/**
 * The walk budget of the user-centred queries (follow-of-follow.cypher, second-degree.cypher,
 * popular-among-similar-users.cypher): `items` sorted by cost ascending (ties by id rank), then
 * the longest prefix whose costs sum to at most `budget` — always at least the first item.
 * Sorts `items` in place; returns the kept prefix and what it costs.
 */
export function cheapestWithin(items: number[], cost: (i: number) => number, idRank: Int32Array, budget: number): { kept: number[]; spent: number } {
  items.sort((p, q) => cost(p) - cost(q) || idRank[p]! - idRank[q]!);
  let spent = 0;
  let n = 0;
  while (n < items.length && (n === 0 || spent + cost(items[n]!) <= budget)) spent += cost(items[n++]!);
  return { kept: items.slice(0, n), spent };
}
