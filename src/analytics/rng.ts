/**
 * A seeded pseudo-random generator (mulberry32: 32-bit state, period 2³², passes PractRand to 32
 * GiB — plenty for shuffling Louvain's node order). The same seed gives the same sequence on every
 * platform, so the same graph and seed give the same partition.
 */
export function seededRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
