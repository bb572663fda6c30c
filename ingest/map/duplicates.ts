/**
 * Drops repeated records within one run: the second and later records with the same key become
 * Rejections "duplicate of line N" (or "of record N" when the source has no lines). Exact,
 * case-sensitive keys: two ids differing in case are two rows here; whether the Hub treats them as
 * one is for the writer's MERGE to decide. Keeps one position per distinct key in memory.
 */
import { truncateUtf8 } from '../quarantine.js';
import type { Parsed, Rejection, SourcePosition } from '../types.js';

export interface DuplicateFilter<T> {
  /** Passes the first record with a key, rejects later ones; rejections pass through unchanged. */
  check<P extends Parsed<T>>(parsed: P): P | { ok: false; rejection: Rejection };
  /** Distinct keys seen. */
  readonly size: number;
  /** Records rejected as duplicates. */
  readonly duplicates: number;
}

function describe(position: SourcePosition): string {
  if (position.line !== undefined) return `line ${position.line}`;
  return position.index !== undefined ? `record ${position.index}` : 'an earlier record';
}

export function createDuplicateFilter<T>(keyOf: (value: T) => string, field = 'id'): DuplicateFilter<T> {
  const seen = new Map<string, SourcePosition>();
  let duplicates = 0;
  return {
    check<P extends Parsed<T>>(parsed: P): P | { ok: false; rejection: Rejection } {
      if (!parsed.ok) return parsed;
      const key = keyOf(parsed.value);
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, parsed.position);
        return parsed;
      }
      duplicates++;
      const elsewhere = first.source !== parsed.position.source ? ` of ${first.source}` : '';
      return {
        ok: false,
        rejection: {
          position: parsed.position,
          field,
          reason: `duplicate of ${describe(first)}${elsewhere}: ${field} ${JSON.stringify(key)} was already read`,
          raw: truncateUtf8(JSON.stringify(parsed.value)).text,
        },
      };
    },
    get size() {
      return seen.size;
    },
    get duplicates() {
      return duplicates;
    },
  };
}
