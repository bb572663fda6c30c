import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readArxivCategories, type ArxivCategoryRecord } from '../../ingest/sources/arxiv/categories.js';
import type { Parsed, Rejection } from '../../ingest/types.js';
import { demoArxivDir, fixturesDir } from '../fixtures/arxiv/recorded.js';

const REAL_FILE = path.join(demoArxivDir, 'hf_cited_categories', 'arxiv_categories.csv.gz');

async function readAll(file: string): Promise<Parsed<ArxivCategoryRecord>[]> {
  const out: Parsed<ArxivCategoryRecord>[] = [];
  for await (const row of readArxivCategories(file)) out.push(row);
  return out;
}

describe('readArxivCategories on data/demo/arxiv/hf_cited_categories/arxiv_categories.csv.gz', () => {
  let rows: Parsed<ArxivCategoryRecord>[];
  let byId: Map<string, ArxivCategoryRecord & { line: number | undefined }>;
  let rejections: Rejection[];

  beforeAll(async () => {
    rows = await readAll(REAL_FILE);
    byId = new Map();
    rejections = [];
    for (const r of rows) {
      if (r.ok) byId.set(r.value.id, { ...r.value, line: r.position.line });
      else rejections.push(r.rejection);
    }
  });

  it('yields one result per data row: 8,790 = 8,783 papers + 7 rejections', () => {
    expect(rows).toHaveLength(8790);
    expect(byId.size).toBe(8783);
    expect(rejections).toHaveLength(7);
  });

  it('knows the papers named in PROVENANCE.md', () => {
    expect(byId.get('1810.04805')).toEqual({
      id: '1810.04805',
      primaryCategory: 'cs.CL',
      categories: ['cs.CL'],
      otherClasses: [],
      line: 326,
    });
    expect(byId.get('1910.10683')).toMatchObject({ primaryCategory: 'cs.LG', categories: ['cs.LG', 'cs.CL', 'stat.ML'] });
    expect(byId.get('2307.09288')).toMatchObject({ primaryCategory: 'cs.CL', categories: ['cs.CL', 'cs.AI'] });
    expect(byId.get('2312.11805')).toMatchObject({ primaryCategory: 'cs.CL', categories: ['cs.CL', 'cs.AI', 'cs.CV'] });
    expect(byId.get('2206.04615')).toMatchObject({
      primaryCategory: 'cs.CL',
      categories: ['cs.CL', 'cs.AI', 'cs.CY', 'cs.LG', 'stat.ML'],
    });
    expect(byId.get('2504.14305')).toMatchObject({ primaryCategory: 'cs.RO', line: 2 });
  });

  it('reads a quoted value spanning two lines and splits the ACM classes out of categories', () => {
    expect(byId.get('2205.14375')).toEqual({
      id: '2205.14375',
      primaryCategory: 'cs.CV',
      categories: ['cs.CV', 'cs.AI', 'cs.LG'],
      otherClasses: [
        'I.2.10', 'I.4.0', 'I.4.1', 'I.4.2', 'I.4.6', 'I.4.7', 'I.4.8', 'I.4.9', 'I.4.10', 'I.5.1', 'I.5.2', 'I.5.4', 'J.2',
      ],
      line: 2582,
    });
    // the record after it starts on the line after the continuation
    expect(byId.get('2502.12671')?.line).toBe(2584);
    expect(byId.get('2203.03689')?.otherClasses.at(-1)).toBe('I.5.4');
    expect(byId.get('2207.05188')?.otherClasses).toEqual(['68T01', '68T30', 'I.2.7', 'I.2.4', 'H.5']);
    expect(byId.get('2504.07981')?.otherClasses).toEqual(['68-11', '68-04', 'I.2.7', 'I.2.10']);
  });

  it('keeps only arXiv taxonomy terms in categories, primary first', () => {
    const term = /^[a-z]+(?:-[a-z]+)*(?:\.[A-Za-z]+(?:-[a-z]+)*)?$/;
    for (const record of byId.values()) {
      expect(record.categories[0]).toBe(record.primaryCategory);
      for (const c of record.categories) expect(c).toMatch(term);
    }
    const withOther = [...byId.values()].filter((r) => r.otherClasses.length > 0);
    expect(withOther).toHaveLength(271);
  });

  it('trims the id written with a leading space, and rejects its second listing', () => {
    expect(byId.get('2310.16609')).toMatchObject({ primaryCategory: 'cs.CL', line: 4702 });
    expect(rejections.find((r) => r.field === 'arxiv_id')).toMatchObject({
      position: { source: REAL_FILE, line: 7410 },
      reason: 'arxiv_id: 2310.16609 already listed at line 4702',
    });
  });

  it('rejects the placeholder ids that have no primary category, naming the line', () => {
    const empty = rejections.filter((r) => r.field === 'primary_category');
    expect(empty.map((r) => [r.position.line, r.reason.match(/for (\S+)/)?.[1]])).toEqual([
      [2154, '2501.99999'],
      [3782, '2401.00000'],
      [4853, '2507.00000'],
      [6330, '2302.70971'],
      [6984, '0000.00000'],
      [7320, '2023.12345'],
    ]);
    expect(empty[0]?.reason).toMatch(/^primary_category: empty/);
    expect(byId.has('0000.00000')).toBe(false);
  });
});

describe('readArxivCategories: small and broken inputs', () => {
  it('reads a plain CSV and rejects bad ids, short rows and non-taxonomy primaries', async () => {
    const file = path.join(fixturesDir, 'categories_small.csv');
    const rows = await readAll(file);
    expect(rows.map((r) => (r.ok ? r.value.id : r.rejection.reason))).toEqual([
      '1810.04805',
      'arxiv_id: not an arXiv id, got "not-an-id"',
      '1910.10683',
      '2205.14375',
      'primary_category: not an arXiv category, got "CS LG"',
    ]);
    // the short row has no categories column: a record with none, not a crash
    expect(rows[2]).toMatchObject({ ok: true, value: { primaryCategory: 'cs.LG', categories: [] }, position: { line: 4 } });
    expect(rows[3]).toMatchObject({ ok: true, value: { otherClasses: ['I.2.10', 'I.4.0', 'I.5.4'] }, position: { line: 5 } });
    expect(rows[4]).toMatchObject({ ok: false, rejection: { position: { source: file, line: 7 } } });
  });

  it('fails with INPUT_FILE_MISSING, INPUT_FORMAT_UNKNOWN, INPUT_FILE_UNREADABLE', async () => {
    await expect(readAll(path.join(fixturesDir, 'nope.csv.gz'))).rejects.toMatchObject({ code: 'INPUT_FILE_MISSING' });
    await expect(readAll(path.join(fixturesDir, 'categories_bad_header.csv'))).rejects.toMatchObject({
      code: 'INPUT_FORMAT_UNKNOWN',
      message: expect.stringContaining('missing column(s) primary_category, categories'),
    });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hubgraph-arxiv-cat-'));
    try {
      const notGzip = path.join(dir, 'x.csv.gz');
      await writeFile(notGzip, 'arxiv_id,primary_category,categories\n');
      await expect(readAll(notGzip)).rejects.toMatchObject({ code: 'INPUT_FILE_UNREADABLE' });
      const openQuote = path.join(dir, 'y.csv');
      await writeFile(openQuote, 'arxiv_id,primary_category,categories\n1810.04805,cs.CL,"cs.CL\n');
      await expect(readAll(openQuote)).rejects.toMatchObject({ code: 'INPUT_FILE_UNREADABLE' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
