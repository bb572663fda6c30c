/**
 * Which parser reads a file, from its name: `.csv`, `.ndjson` / `.jsonl`, `.json` (a JSON array,
 * e.g. a saved Hub /api/models response), each optionally followed by `.gz`. Compression itself is
 * detected from the content (see open.ts); the `.gz` suffix is only stripped here.
 */
import path from 'node:path';
import { ErrorCodes, HubgraphError } from '../../../src/errors.js';

export type InputFormat = 'csv' | 'ndjson' | 'json';

export const INPUT_FORMATS: Readonly<Record<string, InputFormat>> = {
  '.csv': 'csv',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.json': 'json',
};

/** The accepted names, for messages: `.csv, .ndjson, .jsonl, .json (each optionally .gz)`. */
export const ACCEPTED_FORMATS_TEXT = `${Object.keys(INPUT_FORMATS).join(', ')} (each optionally followed by .gz)`;

export function detectFormat(file: string): InputFormat {
  let name = path.basename(file).toLowerCase();
  if (name.endsWith('.gz')) name = name.slice(0, -3);
  const format = INPUT_FORMATS[path.extname(name)];
  if (!format) {
    throw new HubgraphError(ErrorCodes.INPUT_FORMAT_UNKNOWN, `Unknown input format for ${file}: accepted are ${ACCEPTED_FORMATS_TEXT}`, {
      hint: 'rename the file to say its format, or pass the format explicitly',
    });
  }
  return format;
}
