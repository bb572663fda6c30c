/**
 * Reads an input file (CSV, NDJSON or a JSON array; plain or gzip) as a stream of raw records, each
 * with its position, or a Rejection saying why a piece of the file is not a record. Errors that make
 * the whole file unusable (missing, a directory, unknown format, unreadable CSV header, corrupt gzip)
 * are thrown as HubgraphErrors naming the file; everything row-level is a Rejection, so one bad row
 * never stops a load.
 *
 * Usage:
 *   const input = await openRecords(file);            // throws now if the file cannot be read
 *   for await (const item of input.records) { ... }   // Parsed<RawRecord>
 */
import { ErrorCodes, HubgraphError, isHubgraphError } from '../../../src/errors.js';
import { RAW_LIMIT_BYTES } from '../../quarantine.js';
import type { Parsed } from '../../types.js';
import { csvRecords } from './csv.js';
import { detectFormat, type InputFormat } from './format.js';
import { jsonArrayRecords } from './json-array.js';
import { readLines } from './lines.js';
import { ndjsonRecords } from './ndjson.js';
import { openInput } from './open.js';

export type { InputFormat } from './format.js';

/** A record as read: CSV gives string values, JSON whatever the file holds. */
export type RawRecord = Record<string, unknown>;

export interface ReadOptions {
  /** Overrides detection from the file name. */
  format?: InputFormat;
  /** Longest line (CSV, NDJSON) or record (JSON array) in bytes; longer ones are rejected. Default 1 MiB. */
  maxLineBytes?: number;
  /** Bytes of a rejected line kept as `raw`. Default 4096 (the quarantine's limit). */
  previewBytes?: number;
  /** CSV field delimiter. Default `,`. */
  delimiter?: string;
}

export const READ_DEFAULTS: Required<Omit<ReadOptions, 'format'>> = {
  maxLineBytes: 1024 * 1024,
  previewBytes: RAW_LIMIT_BYTES,
  delimiter: ',',
};

export interface RecordInput {
  file: string;
  format: InputFormat;
  /** Whether the content was gzip (detected from the bytes). */
  compressed: boolean;
  /** Iterate once. Finishing or stopping early closes the file. */
  records: AsyncIterable<Parsed<RawRecord>>;
  /** Closes the file without iterating (iteration closes it by itself). */
  close(): void;
}

export async function openRecords(file: string, options: ReadOptions = {}): Promise<RecordInput> {
  const settings = { ...READ_DEFAULTS, ...options };
  if (!Number.isInteger(settings.maxLineBytes) || settings.maxLineBytes < 1) {
    throw new RangeError(`maxLineBytes must be a positive integer, got ${settings.maxLineBytes}`);
  }
  if (settings.delimiter.length !== 1 || settings.delimiter === '"' || settings.delimiter === '\n') {
    throw new RangeError(`delimiter must be one character other than a quote or newline, got ${JSON.stringify(settings.delimiter)}`);
  }
  // Open first: a missing file is reported as missing even when its name is also odd.
  const opened = await openInput(file);
  let format: InputFormat;
  try {
    format = options.format ?? detectFormat(file);
  } catch (error) {
    opened.close();
    throw error;
  }

  async function* records(): AsyncGenerator<Parsed<RawRecord>> {
    const bytes = opened.stream as AsyncIterable<Buffer>;
    try {
      if (format === 'json') {
        yield* jsonArrayRecords(bytes, { source: file, maxRecordBytes: settings.maxLineBytes, previewBytes: settings.previewBytes });
        return;
      }
      const lines = readLines(bytes, { maxLineBytes: settings.maxLineBytes, previewBytes: settings.previewBytes });
      if (format === 'csv') {
        yield* csvRecords(lines, {
          source: file,
          delimiter: settings.delimiter,
          maxRecordBytes: settings.maxLineBytes,
          previewBytes: settings.previewBytes,
        });
      } else {
        yield* ndjsonRecords(lines, { source: file, maxLineBytes: settings.maxLineBytes, previewBytes: settings.previewBytes });
      }
    } catch (error) {
      if (isHubgraphError(error)) throw error;
      // A stream error mid-file: corrupt or truncated gzip, or the disk.
      const message = error instanceof Error ? error.message : String(error);
      throw new HubgraphError(ErrorCodes.INPUT_FILE_UNREADABLE, `Cannot read input file ${file}: ${message}`, {
        hint: opened.compressed ? 'the gzip data may be corrupt or cut short; try `gzip -t` on it' : undefined,
        cause: error,
      });
    } finally {
      opened.close();
    }
  }

  return { file, format, compressed: opened.compressed, records: records(), close: () => opened.close() };
}

/** openRecords and iterate, in one call (errors opening the file surface on the first iteration). */
export async function* readRecords(file: string, options: ReadOptions = {}): AsyncGenerator<Parsed<RawRecord>> {
  const input = await openRecords(file, options);
  yield* input.records;
}
