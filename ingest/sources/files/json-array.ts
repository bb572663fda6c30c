/**
 * Records from a JSON array (`[{...}, {...}]`, the shape of a saved Hub /api/models response) read
 * as a stream: a byte scanner finds where each top-level element starts and ends (tracking strings,
 * escapes and nesting), and only that element is decoded and JSON.parse'd. Memory is one element
 * (capped at maxRecordBytes, beyond which only a preview is kept), not the file, so a 100 MB array
 * reads in constant space. Scanning bytes is safe for UTF-8: every structural character is ASCII
 * and no byte of a multi-byte character is below 0x80.
 *
 * A single top-level object (`{...}`, as /api/models/{id} returns) is read as one record.
 * Per-element problems (invalid JSON, not an object, invalid UTF-8, too long) are Rejections and the
 * scan goes on at the next element. A file cut short rejects its last, incomplete element; a missing
 * `]` is reported as a rejection too, so a truncated download does not pass silently. An element
 * with unbalanced brackets swallows the elements after it (the scanner cannot know where it ends);
 * they come out as one rejection, bounded by maxRecordBytes in memory.
 * Positions: `line` is the element's first line, `index` its 0-based place in the array.
 */
import type { Parsed } from '../../types.js';
import { isJsonObject, jsonKind, type JsonRecord } from './ndjson.js';

export interface JsonArrayOptions {
  source: string;
  maxRecordBytes: number;
  previewBytes: number;
}

const LF = 0x0a;
const CR = 0x0d;
const TAB = 0x09;
const SPACE = 0x20;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
/** The bytes of a UTF-8 BOM, skipped like whitespace outside elements. */
const BOM_BYTES = new Set([0xef, 0xbb, 0xbf]);

const isSpace = (b: number): boolean => b === SPACE || b === LF || b === CR || b === TAB || BOM_BYTES.has(b);

type State = 'start' | 'between' | 'element' | 'after' | 'done';

export async function* jsonArrayRecords(input: AsyncIterable<Buffer>, options: JsonArrayOptions): AsyncGenerator<Parsed<JsonRecord>> {
  const { source } = options;
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
  let state: State = 'start';
  let single = false;
  let line = 1;
  let index = 0;
  let inString = false;
  let escaped = false;
  let depth = 0;
  let parts: Buffer[] = [];
  let kept = 0;
  let length = 0;
  let startLine = 0;

  const append = (segment: Buffer): void => {
    length += segment.length;
    if (length <= options.maxRecordBytes) {
      parts.push(segment);
      kept += segment.length;
      return;
    }
    if (kept > options.previewBytes) {
      parts = [Buffer.from(Buffer.concat(parts, kept).subarray(0, options.previewBytes))];
      kept = options.previewBytes;
    }
    if (kept < options.previewBytes) {
      const take = Buffer.from(segment.subarray(0, options.previewBytes - kept));
      parts.push(take);
      kept += take.length;
    }
  };

  const finish = (problem?: string): Parsed<JsonRecord> => {
    const bytes = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, kept);
    const position = { source, line: startLine, index: index++ };
    const tooLong = length > options.maxRecordBytes;
    const byteLength = length;
    parts = [];
    kept = 0;
    length = 0;
    const preview = (): string => lenient.decode(bytes.subarray(0, options.previewBytes));
    if (problem) return { ok: false, rejection: { position, reason: problem, raw: preview() } };
    if (tooLong) {
      return {
        ok: false,
        rejection: { position, reason: `record too long: ${byteLength} bytes, the limit is ${options.maxRecordBytes}`, raw: preview() },
      };
    }
    let text: string;
    try {
      text = strict.decode(bytes);
    } catch {
      return { ok: false, rejection: { position, reason: 'invalid UTF-8: the record has bytes that are not valid UTF-8', raw: preview() } };
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, rejection: { position, reason: `invalid JSON: ${message}`, raw: preview() } };
    }
    if (!isJsonObject(value)) {
      return { ok: false, rejection: { position, reason: `not a JSON object: got ${jsonKind(value)}`, raw: preview() } };
    }
    return { ok: true, value, position };
  };

  for await (const chunk of input) {
    if (state === 'done') break; // nothing after a fatal structure error is read
    // Where the current element's bytes start in this chunk (when one is open).
    let from = state === 'element' ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i] as number;
      if (b === LF) line++;
      if (state === 'element') {
        if (inString) {
          if (escaped) escaped = false;
          else if (b === BACKSLASH) escaped = true;
          else if (b === QUOTE) inString = false;
          continue;
        }
        if (b === QUOTE) inString = true;
        else if (b === LBRACE || b === LBRACKET) depth++;
        else if (b === RBRACE || b === RBRACKET) {
          if (depth > 0) {
            depth--;
            if (depth === 0 && single) {
              append(chunk.subarray(from, i + 1));
              yield finish();
              state = 'after';
            }
          } else if (b === RBRACKET && !single) {
            append(chunk.subarray(from, i));
            yield finish();
            state = 'after';
          }
          // A stray `}` at depth 0 stays in the element; JSON.parse rejects it.
        } else if (b === COMMA && depth === 0 && !single) {
          append(chunk.subarray(from, i));
          yield finish();
          state = 'between';
        }
        continue;
      }
      if (isSpace(b)) continue;
      switch (state) {
        case 'start':
          if (b === LBRACKET) {
            state = 'between';
          } else if (b === LBRACE) {
            single = true;
            state = 'element';
            startLine = line;
            from = i;
            depth = 1;
          } else {
            yield {
              ok: false,
              rejection: {
                position: { source, line },
                reason: 'not a JSON array: the file must start with "[" (or "{" for a single record)',
                raw: lenient.decode(chunk.subarray(i, i + options.previewBytes)),
              },
            };
            state = 'done';
          }
          break;
        case 'between':
          if (b === COMMA) break; // an extra comma loses nothing; JSON's strictness buys nothing here
          if (b === RBRACKET) {
            state = 'after';
            break;
          }
          state = 'element';
          startLine = line;
          from = i;
          inString = b === QUOTE;
          escaped = false;
          depth = b === LBRACE || b === LBRACKET ? 1 : 0;
          break;
        case 'after':
          yield {
            ok: false,
            rejection: {
              position: { source, line },
              reason: 'unexpected content after the end of the JSON value',
              raw: lenient.decode(chunk.subarray(i, i + options.previewBytes)),
            },
          };
          state = 'done';
          break;
      }
      if (state === 'done') break;
    }
    if (state === 'element') append(chunk.subarray(from));
  }

  if (state === 'element') {
    yield finish(`unexpected end of file inside the record starting on line ${startLine}`);
  } else if (state === 'between') {
    yield { ok: false, rejection: { position: { source, line }, reason: 'unexpected end of file: the JSON array is not closed with "]"' } };
  }
}
