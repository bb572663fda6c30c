/**
 * CSV (RFC 4180) records from decoded lines: a header row, then one record per row, as
 * `{ column: value }` with string values. Quoted fields may hold the delimiter, `""` and line
 * breaks, so a record can span lines: lines are joined while a quote is open (an odd count of `"`
 * so far; escaped quotes come in pairs, so parity is exact).
 *
 * Why not csv-parse: it was 5 s per 75k rows when run record by record (which we need, for per-row
 * line numbers, per-line UTF-8 checks and bounded record size), and its stream mode stops or
 * resynchronises unpredictably after a malformed row. Here every malformed row is one Rejection and
 * reading goes on:
 *  - a row with the wrong number of fields → "wrong column count";
 *  - a stray quote that never closes → the record is cut when it passes the size limit or the file
 *    ends, its FIRST line is rejected ("unterminated quoted field") and the lines after it are read
 *    again as rows of their own, so one stray quote costs one row, not the rest of the file;
 *    the same re-reading happens when a multi-line record turns out malformed;
 *  - lines that are too long or not UTF-8 → rejected by line (lines.ts).
 * Line breaks inside a quoted field come back as `\n` (a CRLF inside a field loses its CR).
 * Blank lines between records are skipped. `position.line` is the record's first line.
 */
import { ErrorCodes, HubgraphError } from '../../../src/errors.js';
import { truncateUtf8 } from '../../quarantine.js';
import type { Parsed } from '../../types.js';
import { lineProblemReason, type TextLine } from './lines.js';

export type CsvRecord = Record<string, string>;

export interface CsvOptions {
  /** The file, for positions and messages. */
  source: string;
  delimiter: string;
  /** Longest record in bytes (a multi-line record counts all its lines). */
  maxRecordBytes: number;
  previewBytes: number;
}

export type SplitResult = { ok: true; fields: string[] } | { ok: false; error: string };

/** Splits one complete record into fields (RFC 4180; a quote inside an unquoted field is kept as text). */
export function splitCsvRecord(text: string, delimiter = ','): SplitResult {
  const fields: string[] = [];
  const n = text.length;
  let i = 0;
  for (;;) {
    if (text[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote === -1) return { ok: false, error: `unterminated quoted field (field ${fields.length + 1})` };
        value += text.slice(i, quote);
        if (text[quote + 1] === '"') {
          value += '"';
          i = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      fields.push(value);
      if (i >= n) return { ok: true, fields };
      if (text[i] !== delimiter) return { ok: false, error: `text after the closing quote of field ${fields.length}` };
      i++;
      continue;
    }
    const next = text.indexOf(delimiter, i);
    if (next === -1) {
      fields.push(text.slice(i));
      return { ok: true, fields };
    }
    fields.push(text.slice(i, next));
    i = next + 1;
  }
}

function countQuotes(text: string): number {
  let count = 0;
  for (let at = text.indexOf('"'); at !== -1; at = text.indexOf('"', at + 1)) count++;
  return count;
}

type OkLine = Extract<TextLine, { ok: true }>;

export async function* csvRecords(lines: AsyncIterable<TextLine>, options: CsvOptions): AsyncGenerator<Parsed<CsvRecord>> {
  const { source } = options;
  let header: string[] | null = null;
  let pending: OkLine[] = [];
  let pendingBytes = 0;
  let quoteOpen = false;
  const queue: TextLine[] = [];

  const reject = (line: number, reason: string, raw: string, field?: string): Parsed<CsvRecord> => ({
    ok: false,
    rejection: {
      position: { source, line },
      reason,
      ...(field === undefined ? {} : { field }),
      raw: truncateUtf8(raw, options.previewBytes).text,
    },
  });

  const resetPending = (): OkLine[] => {
    const lines = pending;
    pending = [];
    pendingBytes = 0;
    quoteOpen = false;
    return lines;
  };

  /** Rejects the first line of the pending record and queues the others to be read again. */
  const failFirstLine = (reason: string): Parsed<CsvRecord> => {
    if (header === null) {
      throw new HubgraphError(ErrorCodes.INPUT_FILE_UNREADABLE, `Cannot read the CSV header of ${source}: ${reason}`);
    }
    const [first, ...rest] = resetPending();
    queue.unshift(...rest);
    return reject((first as OkLine).line, reason, (first as OkLine).text);
  };

  const takeHeader = (text: string, line: number): void => {
    const split = splitCsvRecord(text, options.delimiter);
    if (!split.ok) {
      throw new HubgraphError(ErrorCodes.INPUT_FILE_UNREADABLE, `Cannot read the CSV header of ${source} (line ${line}): ${split.error}`);
    }
    const names = split.fields.map((name) => name.trim());
    const duplicate = names.find((name, index) => names.indexOf(name) !== index);
    if (duplicate !== undefined) {
      throw new HubgraphError(ErrorCodes.INPUT_FILE_UNREADABLE, `The CSV header of ${source} names column "${duplicate}" twice`);
    }
    header = names;
  };

  function* completeRecord(): Generator<Parsed<CsvRecord>> {
    const first = pending[0] as OkLine;
    const multiLine = pending.length > 1;
    const text = multiLine ? pending.map((l) => l.text).join('\n') : first.text;
    if (header === null) {
      resetPending();
      takeHeader(text, first.line);
      return;
    }
    const split = splitCsvRecord(text, options.delimiter);
    const columns = header.length;
    if (split.ok && split.fields.length === columns) {
      resetPending();
      const entries = header.map((name, index) => [name, split.fields[index] as string] as const);
      yield { ok: true, value: Object.fromEntries(entries), position: { source, line: first.line } };
      return;
    }
    const problem = split.ok ? `wrong column count: expected ${columns}, got ${split.fields.length}` : `malformed CSV: ${split.error}`;
    if (multiLine) {
      const last = pending[pending.length - 1] as OkLine;
      yield failFirstLine(`${problem} (record spanning lines ${first.line}-${last.line}; the lines after ${first.line} are read again)`);
      return;
    }
    resetPending();
    yield reject(first.line, problem, text);
  }

  function* step(line: TextLine): Generator<Parsed<CsvRecord>> {
    if (!line.ok) {
      if (pending.length > 0) {
        const first = pending[0] as OkLine;
        queue.unshift(line);
        yield failFirstLine(`unterminated quoted field: opened on line ${first.line}, not closed before line ${line.line}, which is unreadable`);
        return;
      }
      if (header === null) {
        throw new HubgraphError(
          ErrorCodes.INPUT_FILE_UNREADABLE,
          `Cannot read the CSV header of ${source} (line ${line.line}): ${lineProblemReason(line, options.maxRecordBytes)}`,
        );
      }
      yield reject(line.line, lineProblemReason(line, options.maxRecordBytes), line.preview);
      return;
    }
    if (pending.length === 0 && line.text.trim() === '') return;
    pending.push(line);
    pendingBytes += line.byteLength + 1;
    if (countQuotes(line.text) % 2 === 1) quoteOpen = !quoteOpen;
    if (!quoteOpen) {
      yield* completeRecord();
      return;
    }
    if (pendingBytes > options.maxRecordBytes) {
      const first = pending[0] as OkLine;
      yield failFirstLine(`unterminated quoted field: opened on line ${first.line}, still open after ${options.maxRecordBytes} bytes`);
    }
  }

  function* drain(): Generator<Parsed<CsvRecord>> {
    while (queue.length > 0) yield* step(queue.shift() as TextLine);
  }

  for await (const line of lines) {
    queue.push(line);
    yield* drain();
  }
  while (pending.length > 0) {
    const first = pending[0] as OkLine;
    yield failFirstLine(`unterminated quoted field: opened on line ${first.line}, not closed before the end of the file`);
    yield* drain();
  }
}
