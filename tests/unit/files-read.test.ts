import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvRecords, splitCsvRecord } from '../../ingest/sources/files/csv.js';
import { detectFormat } from '../../ingest/sources/files/format.js';
import { jsonArrayRecords } from '../../ingest/sources/files/json-array.js';
import { readLines, type TextLine } from '../../ingest/sources/files/lines.js';
import { inputFileError } from '../../ingest/sources/files/open.js';
import { openRecords, type RawRecord, type ReadOptions } from '../../ingest/sources/files/read.js';
import type { Parsed, Rejection, SourcePosition } from '../../ingest/types.js';
import { ErrorCodes, HubgraphError } from '../../src/errors.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hubgraph-files-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const write = (name: string, content: string | Buffer): string => {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
};

interface Collected {
  records: { value: RawRecord; position: SourcePosition }[];
  rejections: Rejection[];
}

async function collect(file: string, options?: ReadOptions): Promise<Collected> {
  const input = await openRecords(file, options);
  const out: Collected = { records: [], rejections: [] };
  for await (const item of input.records) {
    if (item.ok) out.records.push({ value: item.value, position: item.position });
    else out.rejections.push(item.rejection);
  }
  return out;
}

async function* chunks(buffers: Buffer[]): AsyncGenerator<Buffer> {
  for (const buffer of buffers) yield buffer;
}

/** Splits a buffer into pieces of `size` bytes, to put chunk boundaries everywhere. */
const pieces = (buffer: Buffer, size: number): Buffer[] => {
  const out: Buffer[] = [];
  for (let i = 0; i < buffer.length; i += size) out.push(buffer.subarray(i, i + size));
  return out;
};

async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

async function errorOf(promise: Promise<unknown>): Promise<HubgraphError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HubgraphError) return error;
    throw error;
  }
  throw new Error('expected a HubgraphError');
}

describe('detectFormat', () => {
  it('knows csv, ndjson, jsonl and json, each optionally gzipped', () => {
    expect(detectFormat('a/b.csv')).toBe('csv');
    expect(detectFormat('b.csv.gz')).toBe('csv');
    expect(detectFormat('b.ndjson')).toBe('ndjson');
    expect(detectFormat('b.jsonl.gz')).toBe('ndjson');
    expect(detectFormat('b.json')).toBe('json');
    expect(detectFormat('B.JSON.GZ')).toBe('json');
  });

  it('names the file and the accepted formats when it does not know one', () => {
    for (const file of ['data.txt', 'data.tsv.gz', 'data', 'data.gz']) {
      let error: unknown;
      try {
        detectFormat(file);
      } catch (e) {
        error = e;
      }
      expect(error, file).toBeInstanceOf(HubgraphError);
      expect((error as HubgraphError).code).toBe(ErrorCodes.INPUT_FORMAT_UNKNOWN);
      expect((error as HubgraphError).message).toContain(file);
      expect((error as HubgraphError).message).toContain('.csv, .ndjson, .jsonl, .json');
    }
  });
});

describe('openRecords: file errors', () => {
  it('reports a missing file as INPUT_FILE_MISSING, naming it', async () => {
    const file = path.join(dir, 'nope.csv');
    const error = await errorOf(openRecords(file));
    expect(error.code).toBe(ErrorCodes.INPUT_FILE_MISSING);
    expect(error.message).toContain(file);
  });

  it('reports a directory as INPUT_FILE_UNREADABLE, naming it', async () => {
    const error = await errorOf(openRecords(dir));
    expect(error.code).toBe(ErrorCodes.INPUT_FILE_UNREADABLE);
    expect(error.message).toContain(dir);
    expect(error.message).toMatch(/directory/);
  });

  it('reports an unknown format of an existing file as INPUT_FORMAT_UNKNOWN', async () => {
    const file = write('notes.txt', 'hello\n');
    const error = await errorOf(openRecords(file));
    expect(error.code).toBe(ErrorCodes.INPUT_FORMAT_UNKNOWN);
    expect(error.message).toContain(file);
  });

  it('maps EACCES to INPUT_FILE_UNREADABLE naming the file', () => {
    const error = inputFileError('/x/secret.csv', Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
    expect(error.code).toBe(ErrorCodes.INPUT_FILE_UNREADABLE);
    expect(error.message).toBe('No permission to read input file: /x/secret.csv');
  });

  it('reports corrupt gzip data while reading as INPUT_FILE_UNREADABLE, naming the file', async () => {
    const good = gzipSync(Buffer.from('a,b\n1,2\n'.repeat(1000)));
    const file = write('corrupt.csv.gz', Buffer.concat([good.subarray(0, 200), Buffer.alloc(100, 7)]));
    const error = await errorOf(collect(file));
    expect(error.code).toBe(ErrorCodes.INPUT_FILE_UNREADABLE);
    expect(error.message).toContain(file);
  });
});

describe('openRecords: compression is detected from the bytes', () => {
  it('reads gzip content named .csv and plain content named .csv.gz', async () => {
    const csv = 'id,name\n1,a\n2,b\n';
    const zipped = write('zipped.csv', gzipSync(Buffer.from(csv)));
    const plain = write('plain.csv.gz', csv);
    const a = await openRecords(zipped);
    const b = await openRecords(plain);
    expect(a.compressed).toBe(true);
    expect(b.compressed).toBe(false);
    expect((await all(a.records)).map((r) => r.ok && r.value)).toEqual([
      { id: '1', name: 'a' },
      { id: '2', name: 'b' },
    ]);
    expect((await all(b.records)).map((r) => r.ok && r.value)).toEqual([
      { id: '1', name: 'a' },
      { id: '2', name: 'b' },
    ]);
  });

  it('honours an explicit format over the name', async () => {
    const file = write('records.data', '{"a":1}\n');
    const { records } = await collect(file, { format: 'ndjson' });
    expect(records.map((r) => r.value)).toEqual([{ a: 1 }]);
  });
});

describe('readLines', () => {
  const options = { maxLineBytes: 100, previewBytes: 10 };

  it('numbers lines from 1, strips a BOM and CR, keeps empty lines, handles no final newline', async () => {
    const lines = await all(readLines(chunks([Buffer.from('\ufeffone\r\n\r\ntwo\nthree')]), options));
    expect(lines).toEqual([
      { ok: true, line: 1, text: 'one', byteLength: 3 },
      { ok: true, line: 2, text: '', byteLength: 0 },
      { ok: true, line: 3, text: 'two', byteLength: 3 },
      { ok: true, line: 4, text: 'three', byteLength: 5 },
    ]);
  });

  it('decodes characters split across chunk boundaries', async () => {
    const text = 'é中😀\nnext 中\n';
    const whole = await all(readLines(chunks([Buffer.from(text)]), options));
    const oneByte = await all(readLines(chunks(pieces(Buffer.from(text), 1)), options));
    expect(oneByte).toEqual(whole);
    expect(whole.map((l) => l.ok && l.text)).toEqual(['é中😀', 'next 中']);
  });

  it('rejects a line over the limit with its length and a preview, and goes on', async () => {
    const long = 'x'.repeat(250);
    const lines = await all(readLines(chunks(pieces(Buffer.from(`ok\n${long}\nafter\n`), 7)), options));
    expect(lines).toEqual([
      { ok: true, line: 1, text: 'ok', byteLength: 2 },
      { ok: false, line: 2, problem: 'too-long', byteLength: 250, preview: 'x'.repeat(10) },
      { ok: true, line: 3, text: 'after', byteLength: 5 },
    ]);
  });

  it('holds only the preview of a long line, not the line (256 MB line, fresh 1 MB chunks)', async () => {
    const baseline = process.memoryUsage().arrayBuffers;
    let peak = 0;
    async function* source(): AsyncGenerator<Buffer> {
      for (let i = 0; i < 256; i++) {
        yield Buffer.alloc(1024 * 1024, 0x78);
        peak = Math.max(peak, process.memoryUsage().arrayBuffers - baseline);
      }
      yield Buffer.from('\nafter\n');
    }
    const lines = await all(readLines(source(), { maxLineBytes: 1024 * 1024, previewBytes: 4096 }));
    expect(lines.map((l) => (l.ok ? l.text : l.problem))).toEqual(['too-long', 'after']);
    expect(lines[0]).toMatchObject({ byteLength: 256 * 1024 * 1024 });
    // Measured: about 35 MB of not-yet-collected chunks; keeping the line would be over 256 MB.
    expect(peak).toBeLessThan(128 * 1024 * 1024);
  });

  it('accepts a line of exactly the limit', async () => {
    const lines = await all(readLines(chunks([Buffer.from(`${'y'.repeat(100)}\n`)]), options));
    expect(lines[0]).toMatchObject({ ok: true, byteLength: 100 });
  });

  it('rejects a line with invalid UTF-8 alone', async () => {
    const bytes = Buffer.concat([Buffer.from('good\nbad '), Buffer.from([0xff, 0xfe]), Buffer.from(' bytes\nalso good\n')]);
    const lines = await all(readLines(chunks([bytes]), options));
    expect(lines.map((l) => (l.ok ? l.text : l.problem))).toEqual(['good', 'invalid-utf8', 'also good']);
    expect(lines[1]).toMatchObject({ line: 2, preview: 'bad \ufffd\ufffd byt' });
  });
});

describe('splitCsvRecord', () => {
  it('splits RFC 4180 records', () => {
    expect(splitCsvRecord('a,b,c')).toEqual({ ok: true, fields: ['a', 'b', 'c'] });
    expect(splitCsvRecord('')).toEqual({ ok: true, fields: [''] });
    expect(splitCsvRecord('a,,')).toEqual({ ok: true, fields: ['a', '', ''] });
    expect(splitCsvRecord('"a,b","say ""hi""",c')).toEqual({ ok: true, fields: ['a,b', 'say "hi"', 'c'] });
    expect(splitCsvRecord('"multi\nline",x')).toEqual({ ok: true, fields: ['multi\nline', 'x'] });
    expect(splitCsvRecord('"",""')).toEqual({ ok: true, fields: ['', ''] });
    expect(splitCsvRecord('a;b', ';')).toEqual({ ok: true, fields: ['a', 'b'] });
  });

  it('keeps a quote inside an unquoted field as text', () => {
    expect(splitCsvRecord('5" screen,x')).toEqual({ ok: true, fields: ['5" screen', 'x'] });
  });

  it('reports text after a closing quote and an unterminated quote', () => {
    expect(splitCsvRecord('"ab"c,d')).toEqual({ ok: false, error: 'text after the closing quote of field 1' });
    expect(splitCsvRecord('x,"abc')).toEqual({ ok: false, error: 'unterminated quoted field (field 2)' });
  });
});

describe('CSV records', () => {
  it('uses the header, gives each record its first line, and reads quoted multi-line fields', async () => {
    const file = write('multi.csv', 'id,text\n1,"a\nb"\n\n2,"x,y"\n');
    const { records, rejections } = await collect(file);
    expect(rejections).toEqual([]);
    expect(records).toEqual([
      { value: { id: '1', text: 'a\nb' }, position: { source: file, line: 2 } },
      { value: { id: '2', text: 'x,y' }, position: { source: file, line: 5 } },
    ]);
  });

  it('strips a BOM from the header and CR from CRLF lines', async () => {
    const file = write('bom.csv', '\ufeffid,name\r\n1,a\r\n');
    const { records } = await collect(file);
    expect(records.map((r) => r.value)).toEqual([{ id: '1', name: 'a' }]);
    expect(Object.keys(records[0]?.value ?? {})).toEqual(['id', 'name']);
  });

  it('rejects rows with the wrong column count, naming the line and the counts', async () => {
    const file = write('columns.csv', 'a,b,c\n1,2,3\n1,2\n1,2,3,4\n4,5,6\n');
    const { records, rejections } = await collect(file);
    expect(records.map((r) => r.value.a)).toEqual(['1', '4']);
    expect(rejections).toEqual([
      { position: { source: file, line: 3 }, reason: 'wrong column count: expected 3, got 2', raw: '1,2' },
      { position: { source: file, line: 4 }, reason: 'wrong column count: expected 3, got 4', raw: '1,2,3,4' },
    ]);
  });

  it('recovers after a stray quote: rejects its line and re-reads the lines after it', async () => {
    const file = write('stray.csv', 'a,b\n1,"oops\n2,two\n3,three\n');
    const { records, rejections } = await collect(file);
    expect(records.map((r) => [r.value.a, r.position.line])).toEqual([
      ['2', 3],
      ['3', 4],
    ]);
    expect(rejections).toHaveLength(1);
    expect(rejections[0]).toMatchObject({ position: { line: 2 }, raw: '1,"oops' });
    expect(rejections[0]?.reason).toMatch(/^unterminated quoted field: opened on line 2, not closed before the end of the file/);
  });

  it('cuts an open quoted field at the size limit and goes on', async () => {
    const filler = Array.from({ length: 20 }, (_, i) => `${i},row${i}`).join('\n');
    const file = write('open.csv', `a,b\nx,"never closed\n${filler}\n`);
    const { records, rejections } = await collect(file, { maxLineBytes: 60 });
    expect(rejections[0]?.reason).toMatch(/^unterminated quoted field: opened on line 2, still open after 60 bytes/);
    expect(records).toHaveLength(20);
  });

  it('re-reads the lines of a multi-line record with the wrong column count', async () => {
    const file = write('badmulti.csv', 'a,b\n1,"x\n2,y",extra\n3,z\n');
    const { records, rejections } = await collect(file);
    // Line 2 opens a quote that line 3 closes, giving one field too many: line 2 is rejected and
    // line 3 re-read alone, where its single quote opens a field that never closes.
    expect(rejections.map((r) => [r.position.line, r.reason.split(':')[0]])).toEqual([
      [2, 'wrong column count'],
      [3, 'unterminated quoted field'],
    ]);
    expect(records.map((r) => r.value)).toEqual([{ a: '3', b: 'z' }]);
  });

  it('throws, naming the file, when the header cannot be read', async () => {
    const file = write('dupheader.csv', 'a,a\n1,2\n');
    const error = await errorOf(collect(file));
    expect(error.code).toBe(ErrorCodes.INPUT_FILE_UNREADABLE);
    expect(error.message).toContain(file);
    expect(error.message).toContain('"a" twice');
  });

  it('reads an empty file as no records', async () => {
    expect(await collect(write('empty.csv', ''))).toEqual({ records: [], rejections: [] });
  });

  it('reads values through a custom delimiter', async () => {
    const lines: TextLine[] = [
      { ok: true, line: 1, text: 'a;b', byteLength: 3 },
      { ok: true, line: 2, text: '1;"x;y"', byteLength: 7 },
    ];
    async function* source(): AsyncGenerator<TextLine> {
      yield* lines;
    }
    const out = await all(csvRecords(source(), { source: 's', delimiter: ';', maxRecordBytes: 100, previewBytes: 10 }));
    expect(out).toEqual([{ ok: true, value: { a: '1', b: 'x;y' }, position: { source: 's', line: 2 } }]);
  });
});

describe('NDJSON records', () => {
  it('parses objects, skips blank lines, rejects broken JSON and non-objects with the parser message', async () => {
    const file = write('mixed.ndjson', '{"a":1}\n\n{"a":2,\n[1,2]\n"str"\n{"a":3}\r\n');
    const { records, rejections } = await collect(file);
    expect(records).toEqual([
      { value: { a: 1 }, position: { source: file, line: 1 } },
      { value: { a: 3 }, position: { source: file, line: 6 } },
    ]);
    expect(rejections.map((r) => [r.position.line, r.raw])).toEqual([
      [3, '{"a":2,'],
      [4, '[1,2]'],
      [5, '"str"'],
    ]);
    expect(rejections[0]?.reason).toMatch(/^invalid JSON: /);
    expect(rejections[0]?.reason).not.toBe('invalid JSON: ');
    expect(rejections[1]?.reason).toBe('not a JSON object: got an array');
    expect(rejections[2]?.reason).toBe('not a JSON object: got a string');
  });

  it('rejects a 10 MB line without stopping, keeping at most the preview', async () => {
    const huge = `{"id":"${'h'.repeat(10 * 1024 * 1024)}"}`;
    const file = write('huge.ndjson.gz', gzipSync(Buffer.from(`{"a":1}\n${huge}\n{"a":2}\n`)));
    const { records, rejections } = await collect(file);
    expect(records.map((r) => r.value)).toEqual([{ a: 1 }, { a: 2 }]);
    expect(rejections).toHaveLength(1);
    expect(rejections[0]?.position.line).toBe(2);
    expect(rejections[0]?.reason).toBe(`line too long: ${huge.length} bytes, the limit is 1048576`);
    expect(Buffer.byteLength(rejections[0]?.raw ?? '')).toBe(4096);
  });

  it('honours a configured line limit', async () => {
    const file = write('limit.ndjson', `{"a":"${'z'.repeat(60)}"}\n{"a":1}\n`);
    const { records, rejections } = await collect(file, { maxLineBytes: 50 });
    expect(records.map((r) => r.value)).toEqual([{ a: 1 }]);
    expect(rejections[0]?.reason).toMatch(/^line too long: 68 bytes, the limit is 50$/);
  });
});

describe('JSON array records', () => {
  const options = { source: 'a.json', maxRecordBytes: 1000, previewBytes: 50 };
  const text = [
    '[',
    '  {"id": "a", "s": "has ] and } and , and \\" inside", "n": [1, {"x": "]"}]},',
    '  {"id": "b",',
    '   "multi": true},',
    '  [1, 2],',
    '  {"id": "broken",, },',
    '  {"id": "c"}',
    ']',
    '',
  ].join('\n');

  const expected: Parsed<RawRecord>[] = [
    { ok: true, value: { id: 'a', s: 'has ] and } and , and " inside', n: [1, { x: ']' }] }, position: { source: 'a.json', line: 2, index: 0 } },
    { ok: true, value: { id: 'b', multi: true }, position: { source: 'a.json', line: 3, index: 1 } },
  ];

  it('streams elements with their line and index, rejecting bad ones', async () => {
    const out = await all(jsonArrayRecords(chunks([Buffer.from(text)]), options));
    expect(out.slice(0, 2)).toEqual(expected);
    expect(out[2]).toMatchObject({ ok: false, rejection: { position: { line: 5, index: 2 }, reason: 'not a JSON object: got an array' } });
    expect(out[3]).toMatchObject({ ok: false, rejection: { position: { line: 6, index: 3 }, reason: expect.stringMatching(/^invalid JSON: /) } });
    expect(out[4]).toEqual({ ok: true, value: { id: 'c' }, position: { source: 'a.json', line: 7, index: 4 } });
    expect(out).toHaveLength(5);
  });

  it('gives the same result whatever the chunk boundaries', async () => {
    const whole = await all(jsonArrayRecords(chunks([Buffer.from(text)]), options));
    const bytewise = await all(jsonArrayRecords(chunks(pieces(Buffer.from(text), 1)), options));
    const sevens = await all(jsonArrayRecords(chunks(pieces(Buffer.from(text), 7)), options));
    expect(bytewise).toEqual(whole);
    expect(sevens).toEqual(whole);
  });

  it('reads an empty array and a single top-level object', async () => {
    expect(await all(jsonArrayRecords(chunks([Buffer.from(' [ ] ')]), options))).toEqual([]);
    expect(await all(jsonArrayRecords(chunks([Buffer.from('\n{"id": "solo", "a": {"b": 1}}\n')]), options))).toEqual([
      { ok: true, value: { id: 'solo', a: { b: 1 } }, position: { source: 'a.json', line: 2, index: 0 } },
    ]);
  });

  it('rejects a file cut short: the incomplete element, or the missing ]', async () => {
    const cut = await all(jsonArrayRecords(chunks([Buffer.from('[{"id": "a"}, {"id": "b", "x"')]), options));
    expect(cut[0]).toMatchObject({ ok: true, value: { id: 'a' } });
    expect(cut[1]).toMatchObject({ ok: false, rejection: { reason: 'unexpected end of file inside the record starting on line 1', position: { index: 1 } } });
    const open = await all(jsonArrayRecords(chunks([Buffer.from('[{"id": "a"},\n')]), options));
    expect(open[1]).toMatchObject({ ok: false, rejection: { reason: 'unexpected end of file: the JSON array is not closed with "]"' } });
  });

  it('rejects a file that is not an array, and content after the array', async () => {
    const notArray = await all(jsonArrayRecords(chunks([Buffer.from('"hello"')]), options));
    expect(notArray).toMatchObject([{ ok: false, rejection: { reason: expect.stringMatching(/^not a JSON array/) } }]);
    const trailing = await all(jsonArrayRecords(chunks([Buffer.from('[{"a":1}]\n{"b":2}')]), options));
    expect(trailing).toMatchObject([{ ok: true }, { ok: false, rejection: { reason: 'unexpected content after the end of the JSON value', position: { line: 2 } } }]);
  });

  it('holds only the preview of a long element (128 MB element, fresh 1 MB chunks)', async () => {
    const baseline = process.memoryUsage().arrayBuffers;
    let peak = 0;
    async function* source(): AsyncGenerator<Buffer> {
      yield Buffer.from('[{"s": "');
      for (let i = 0; i < 128; i++) {
        yield Buffer.alloc(1024 * 1024, 0x78);
        peak = Math.max(peak, process.memoryUsage().arrayBuffers - baseline);
      }
      yield Buffer.from('"}, {"ok": 1}]');
    }
    const out = await all(jsonArrayRecords(source(), { source: 'big.json', maxRecordBytes: 1024 * 1024, previewBytes: 4096 }));
    expect(out).toMatchObject([
      { ok: false, rejection: { reason: `record too long: ${128 * 1024 * 1024 + 9} bytes, the limit is 1048576` } },
      { ok: true, value: { ok: 1 } },
    ]);
    // Keeping the element would be over 128 MB.
    expect(peak).toBeLessThan(96 * 1024 * 1024);
    // A memory bound, not a speed one: streaming 128 MB takes 2–20 s as the machine's load varies.
  }, 120_000);

  it('rejects an element over the limit and one with invalid UTF-8, and goes on', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`[{"big": "${'b'.repeat(2000)}"},\n{"bad": "`),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"},\n{"ok": 1}]'),
    ]);
    const out = await all(jsonArrayRecords(chunks(pieces(bytes, 64)), options));
    expect(out).toMatchObject([
      { ok: false, rejection: { reason: 'record too long: 2011 bytes, the limit is 1000', position: { line: 1, index: 0 } } },
      { ok: false, rejection: { reason: 'invalid UTF-8: the record has bytes that are not valid UTF-8', position: { line: 2, index: 1 } } },
      { ok: true, value: { ok: 1 }, position: { line: 3, index: 2 } },
    ]);
    expect((out[0] as { rejection: Rejection }).rejection.raw).toHaveLength(50);
  });
});
