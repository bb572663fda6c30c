/**
 * NDJSON / JSON Lines records: one JSON object per line. Blank lines are skipped; a line that is not
 * valid JSON, or is valid JSON but not an object, is one Rejection carrying the parser's message.
 */
import { truncateUtf8 } from '../../quarantine.js';
import type { Parsed } from '../../types.js';
import { lineProblemReason, type TextLine } from './lines.js';

export type JsonRecord = Record<string, unknown>;

export interface NdjsonOptions {
  source: string;
  maxLineBytes: number;
  previewBytes: number;
}

/** "array", "null", "number", ... for messages. */
export function jsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

export function isJsonObject(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export async function* ndjsonRecords(lines: AsyncIterable<TextLine>, options: NdjsonOptions): AsyncGenerator<Parsed<JsonRecord>> {
  const { source } = options;
  for await (const line of lines) {
    const position = { source, line: line.line };
    if (!line.ok) {
      yield { ok: false, rejection: { position, reason: lineProblemReason(line, options.maxLineBytes), raw: line.preview } };
      continue;
    }
    if (line.text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line.text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      yield { ok: false, rejection: { position, reason: `invalid JSON: ${message}`, raw: truncateUtf8(line.text, options.previewBytes).text } };
      continue;
    }
    if (!isJsonObject(value)) {
      yield {
        ok: false,
        rejection: { position, reason: `not a JSON object: got ${jsonKind(value)}`, raw: truncateUtf8(line.text, options.previewBytes).text },
      };
      continue;
    }
    yield { ok: true, value, position };
  }
}
