/**
 * Offline arXiv categories for the papers Hugging Face models cite: the `arxiv_categories.csv.gz`
 * join in data/demo/arxiv/hf_cited_categories (columns arxiv_id, primary_category, categories —
 * pipe-joined, CSV-quoted, some values spanning lines). Lets the graph get Paper→Category edges
 * for ~8.8k papers without one request to arXiv.
 *
 * What comes out:
 * - a record per paper; ids normalised (the file has one with a leading space);
 * - `categories` holds arXiv taxonomy terms only, primary first as in the file; the ACM / MSC class
 *   codes arXiv also lists there (`I.2.7`, `68T50`, `I.2.10; I.4.0`) go to `otherClasses`, split;
 * - a rejection (not a record with a null primary) for a row with no primary category: those are
 *   the placeholder ids found on the Hub (`0000.00000`, `2401.00000`, …) for which arXiv returned
 *   nothing, and a Paper node without metadata would only be noise;
 * - a rejection for a repeated id (the file lists 2310.16609 twice), pointing at the first line.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';
import { ErrorCodes, HubgraphError, isHubgraphError } from '../../../src/errors.js';
import type { Parsed, Rejection } from '../../types.js';
import { normalizeArxivId } from './ids.js';

export interface ArxivCategoryRecord {
  /** Canonical versionless id. */
  id: string;
  primaryCategory: string;
  /** arXiv taxonomy terms (`cs.CL`, `cond-mat.str-el`, `astro-ph`), primary first. */
  categories: string[];
  /** Non-arXiv classification codes listed among the categories (ACM `I.2.7`, MSC `68T50`). */
  otherClasses: string[];
}

const REQUIRED_COLUMNS = ['arxiv_id', 'primary_category', 'categories'] as const;
// archive[-word][.subject[-word]]: cs.CL, stat.ML, astro-ph, cond-mat.str-el, physics.acc-ph
const TAXONOMY_TERM = /^[a-z]+(?:-[a-z]+)*(?:\.[A-Za-z]+(?:-[a-z]+)*)?$/;

interface Row {
  arxiv_id?: string;
  primary_category?: string;
  categories?: string;
}

/**
 * @param filePath the CSV, gzipped if it ends in `.gz`.
 * @throws HubgraphError INPUT_FILE_MISSING, INPUT_FORMAT_UNKNOWN (missing columns),
 *   INPUT_FILE_UNREADABLE (bad gzip, broken quoting).
 */
export async function* readArxivCategories(filePath: string): AsyncGenerator<Parsed<ArxivCategoryRecord>> {
  try {
    await stat(filePath);
  } catch (cause) {
    throw new HubgraphError(ErrorCodes.INPUT_FILE_MISSING, `arXiv categories file not found: ${filePath}`, {
      hint: 'expected the layout of data/demo/arxiv/hf_cited_categories/arxiv_categories.csv.gz',
      cause,
    });
  }

  let input: Readable = createReadStream(filePath);
  if (filePath.endsWith('.gz')) input = input.pipe(createGunzip());
  const parser = input.pipe(
    parse({
      info: true,
      // Short or long rows become rejections below rather than ending the whole read.
      relax_column_count: true,
      columns: (header: string[]) => {
        const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
        if (missing.length > 0) {
          throw new HubgraphError(
            ErrorCodes.INPUT_FORMAT_UNKNOWN,
            `${filePath}: missing column(s) ${missing.join(', ')} (header: ${header.join(',')})`,
          );
        }
        return header;
      },
    }),
  );
  // A stream error in the gunzip stage does not reach the parser by itself.
  input.on('error', (error) => parser.destroy(error));

  const firstLine = new Map<string, number>();
  let previousEnd = 1; // the header
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Row; info: { lines: number } }>) {
      // info.lines is where the record ends; quoted values can span lines, so the start is tracked.
      const line = previousEnd + 1;
      previousEnd = info.lines;
      yield toParsed(record, { source: filePath, line }, firstLine);
    }
  } catch (error) {
    if (isHubgraphError(error)) throw error;
    throw new HubgraphError(ErrorCodes.INPUT_FILE_UNREADABLE, `${filePath}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

function toParsed(
  row: Row,
  position: { source: string; line: number },
  firstLine: Map<string, number>,
): Parsed<ArxivCategoryRecord> {
  const reject = (field: string, reason: string): Parsed<ArxivCategoryRecord> => {
    const rejection: Rejection = { position, field, reason, raw: JSON.stringify(row).slice(0, 4096) };
    return { ok: false, rejection };
  };

  const rawId = row.arxiv_id ?? '';
  const id = normalizeArxivId(rawId);
  if (id === null) return reject('arxiv_id', `arxiv_id: not an arXiv id, got ${JSON.stringify(rawId)}`);

  const seenAt = firstLine.get(id);
  if (seenAt !== undefined) return reject('arxiv_id', `arxiv_id: ${id} already listed at line ${seenAt}`);
  firstLine.set(id, position.line);

  const primary = (row.primary_category ?? '').trim();
  if (primary === '') {
    return reject('primary_category', `primary_category: empty — arXiv has no metadata for ${id} (placeholder id?)`);
  }
  if (!TAXONOMY_TERM.test(primary)) {
    return reject('primary_category', `primary_category: not an arXiv category, got ${JSON.stringify(primary)}`);
  }

  const categories: string[] = [];
  const otherClasses: string[] = [];
  for (const part of (row.categories ?? '').split('|')) {
    const term = part.trim();
    if (term === '') continue;
    if (TAXONOMY_TERM.test(term)) {
      if (!categories.includes(term)) categories.push(term);
      continue;
    }
    // "I.2.10; I.4.0", "68T01, 68T30", "68-11 68-04": several codes in one value.
    for (const code of term.split(/[;,\s]+/)) {
      if (code !== '' && !otherClasses.includes(code)) otherClasses.push(code);
    }
  }

  return { ok: true, value: { id, primaryCategory: primary, categories, otherClasses }, position };
}
