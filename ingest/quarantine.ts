/**
 * The quarantine: every rejected row of an ingest job run, as NDJSON, so a person can see why a row
 * was not loaded, fix it and feed the file back. One file per job run,
 * `<dir>/<job>-<runId>.ndjson`, one line per rejection:
 *   {"job","runId","source","line","index","field","reason","raw"}  (+ "rawTruncated": true when cut)
 * `line`, `index`, `field` and `raw` are null when unknown. `raw` is cut to RAW_LIMIT_BYTES.
 *
 * The file (and its directory) is created on the first rejection only: a clean run leaves nothing
 * behind, and `path` says where the file would be. Writes go through one append stream; `close()`
 * flushes it and reports a write failure, if any.
 */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import type { Rejection } from './types.js';

/** How much of a rejected record is kept: enough to recognise and fix it, bounded for a 10 MB line. */
export const RAW_LIMIT_BYTES = 4096;

/** The longest prefix of `text` whose UTF-8 encoding fits in `maxBytes`, never splitting a character. */
export function truncateUtf8(text: string, maxBytes: number = RAW_LIMIT_BYTES): { text: string; truncated: boolean } {
  // Each UTF-16 unit is at most 3 UTF-8 bytes, so short strings need no encoding.
  if (text.length * 3 <= maxBytes) return { text, truncated: false };
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return { text, truncated: false };
  let end = maxBytes;
  // Step back over continuation bytes (10xxxxxx) so the cut falls on a character boundary.
  while (end > 0 && ((bytes[end] as number) & 0xc0) === 0x80) end--;
  return { text: bytes.subarray(0, end).toString('utf8'), truncated: true };
}

/**
 * A short, stable label for a reason, to count rejections by kind: the part before the first ": "
 * (reasons are written "<field or problem>: <detail>"), with numbers replaced by N, so
 * `downloads: expected a non-negative integer, got "x"` counts as `downloads` and
 * `duplicate of line 12` as `duplicate of line N`.
 */
export function reasonCategory(reason: string): string {
  const head = reason.split(': ', 1)[0] as string;
  return head.replace(/\d+/g, 'N').trim().slice(0, 80) || 'unspecified';
}

export interface QuarantineOptions {
  /** Directory of quarantine files; created when the first rejection arrives. */
  dir: string;
  /** Job name, e.g. `ingest-files`; the first part of the file name. */
  job: string;
  /** Identifies this run; default: the start time, `20240920T144915Z`-style, plus the pid. */
  runId?: string;
}

export interface Quarantine {
  add(rejection: Rejection): void;
  /** Rejections added so far. */
  readonly count: number;
  /** Rejections added so far by reasonCategory(). */
  readonly byReason: Record<string, number>;
  /** The file path (written only if count > 0). */
  readonly path: string;
  readonly runId: string;
  /** Flushes and closes the file; rejects if a write failed. Safe to call more than once. */
  close(): Promise<void>;
}

function defaultRunId(): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${process.pid}`;
}

export function createQuarantine(options: QuarantineOptions): Quarantine {
  const runId = options.runId ?? defaultRunId();
  if (/[/\\]/.test(options.job) || /[/\\]/.test(runId)) {
    // The name becomes a file name; a separator would write outside `dir`.
    throw new Error(`quarantine job and runId must not contain path separators: ${options.job}, ${runId}`);
  }
  const filePath = path.join(options.dir, `${options.job}-${runId}.ndjson`);
  const byReason: Record<string, number> = {};
  let count = 0;
  let stream: WriteStream | null = null;
  let writeError: Error | null = null;
  let closing: Promise<void> | null = null;

  const open = (): WriteStream => {
    mkdirSync(options.dir, { recursive: true });
    const s = createWriteStream(filePath, { flags: 'a' });
    s.on('error', (error) => {
      writeError ??= error;
    });
    return s;
  };

  return {
    add(rejection: Rejection): void {
      if (closing) throw new Error(`quarantine ${filePath} is closed`);
      const raw = rejection.raw === undefined ? null : truncateUtf8(rejection.raw);
      const entry = {
        job: options.job,
        runId,
        source: rejection.position.source,
        line: rejection.position.line ?? null,
        index: rejection.position.index ?? null,
        field: rejection.field ?? null,
        reason: rejection.reason,
        raw: raw?.text ?? null,
        ...(raw?.truncated ? { rawTruncated: true } : {}),
      };
      stream ??= open();
      stream.write(`${JSON.stringify(entry)}\n`);
      count++;
      const category = reasonCategory(rejection.reason);
      byReason[category] = (byReason[category] ?? 0) + 1;
    },
    get count() {
      return count;
    },
    get byReason() {
      return { ...byReason };
    },
    path: filePath,
    runId,
    close(): Promise<void> {
      closing ??= (async () => {
        if (!stream) return;
        stream.end();
        // finished() settles on 'finish' or on the first error (a failed open included).
        await finished(stream);
        if (writeError) throw writeError;
      })();
      return closing;
    },
  };
}
