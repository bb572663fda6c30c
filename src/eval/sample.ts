/**
 * Seeded sampling for the evaluation: the same graph and seed give the same users, the same
 * hidden edges and the same model queries on every run (the split is reported with its seed).
 */
import { seededRng } from '../analytics/rng.js';

export type Rng = () => number;

export function rngFor(seed: number, stream: string): Rng {
  // One stream per purpose (users, edges, models…), so adding a draw to one never shifts another.
  let h = seed >>> 0;
  for (let i = 0; i < stream.length; i++) h = Math.imul(h ^ stream.charCodeAt(i), 0x01000193) >>> 0;
  return seededRng(h);
}

/** A seeded Fisher–Yates shuffle (a copy; the input is left alone). */
export function shuffle<T>(xs: readonly T[], rng: Rng): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** `n` items drawn without replacement (all of them when there are fewer). */
export function sample<T>(xs: readonly T[], n: number, rng: Rng): T[] {
  return shuffle(xs, rng).slice(0, n);
}

/** How many of a user's `degree` edges to hide: the fraction rounded, at least one, and never all of them. */
export function hiddenCount(degree: number, fraction: number): number {
  if (degree < 2) return 0;
  return Math.min(degree - 1, Math.max(1, Math.round(fraction * degree)));
}
