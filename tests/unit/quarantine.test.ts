import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createQuarantine, reasonCategory, truncateUtf8 } from '../../ingest/quarantine.js';

const root = mkdtempSync(path.join(tmpdir(), 'hubgraph-quarantine-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const readLines = (file: string): unknown[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as unknown);

describe('createQuarantine', () => {
  it('writes one NDJSON line per rejection to <dir>/<job>-<runId>.ndjson, creating the directory', async () => {
    const dir = path.join(root, 'nested', 'q');
    const q = createQuarantine({ dir, job: 'ingest-files', runId: 'run1' });
    expect(q.path).toBe(path.join(dir, 'ingest-files-run1.ndjson'));
    q.add({ position: { source: 'a.csv', line: 4 }, field: 'downloads', reason: 'downloads: expected a non-negative integer, got "x"', raw: '{"id":"a/b"}' });
    q.add({ position: { source: 'b.json', index: 2 }, reason: 'invalid JSON: Unexpected token' });
    q.add({ position: { source: 'a.csv', line: 9 }, field: 'id', reason: 'duplicate of line 4: id "a/b" was already read' });
    await q.close();
    expect(readLines(q.path)).toEqual([
      {
        job: 'ingest-files',
        runId: 'run1',
        source: 'a.csv',
        line: 4,
        index: null,
        field: 'downloads',
        reason: 'downloads: expected a non-negative integer, got "x"',
        raw: '{"id":"a/b"}',
      },
      { job: 'ingest-files', runId: 'run1', source: 'b.json', line: null, index: 2, field: null, reason: 'invalid JSON: Unexpected token', raw: null },
      {
        job: 'ingest-files',
        runId: 'run1',
        source: 'a.csv',
        line: 9,
        index: null,
        field: 'id',
        reason: 'duplicate of line 4: id "a/b" was already read',
        raw: null,
      },
    ]);
    expect(q.count).toBe(3);
    expect(q.byReason).toEqual({ downloads: 1, 'invalid JSON': 1, 'duplicate of line N': 1 });
  });

  it('creates no file (and no directory) when nothing is rejected', async () => {
    const dir = path.join(root, 'never');
    const q = createQuarantine({ dir, job: 'clean', runId: 'r' });
    await q.close();
    expect(q.count).toBe(0);
    expect(existsSync(dir)).toBe(false);
    expect(existsSync(q.path)).toBe(false);
  });

  it('cuts raw to 4 KB on a character boundary and says so', async () => {
    const q = createQuarantine({ dir: root, job: 'big', runId: 'r' });
    q.add({ position: { source: 's', line: 1 }, reason: 'line too long: 9 bytes', raw: 'é'.repeat(5000) });
    await q.close();
    const [entry] = readLines(q.path) as { raw: string; rawTruncated?: boolean }[];
    expect(Buffer.byteLength(entry?.raw ?? '')).toBe(4096);
    expect(entry?.raw).toBe('é'.repeat(2048));
    expect(entry?.rawTruncated).toBe(true);
  });

  it('appends to an existing file of the same run', async () => {
    const file = path.join(root, 'again-r.ndjson');
    writeFileSync(file, '{"earlier":true}\n');
    const q = createQuarantine({ dir: root, job: 'again', runId: 'r' });
    q.add({ position: { source: 's' }, reason: 'x' });
    await q.close();
    expect(readLines(file)).toHaveLength(2);
  });

  it('defaults the run id to a timestamp and pid', () => {
    const q = createQuarantine({ dir: root, job: 'j' });
    expect(q.runId).toMatch(new RegExp(`^\\d{8}T\\d{6}Z-${process.pid}$`));
    expect(path.basename(q.path)).toBe(`j-${q.runId}.ndjson`);
  });

  it('refuses names that would escape the directory, and adds after close', async () => {
    expect(() => createQuarantine({ dir: root, job: '../evil' })).toThrow(/path separators/);
    const q = createQuarantine({ dir: root, job: 'closed', runId: 'r' });
    await q.close();
    expect(() => q.add({ position: { source: 's' }, reason: 'x' })).toThrow(/closed/);
  });

  it('throws at the first add when the directory cannot be created', () => {
    const blocker = path.join(root, 'blocker');
    writeFileSync(blocker, '');
    const q = createQuarantine({ dir: blocker, job: 'j', runId: 'r' });
    expect(() => q.add({ position: { source: 's' }, reason: 'x' })).toThrow(/EEXIST|ENOTDIR/);
  });

  it('reports a failure to write the file on close', async () => {
    // A directory where the file should be: opening it fails asynchronously.
    mkdirSync(path.join(root, 'occupied-r.ndjson'));
    const q = createQuarantine({ dir: root, job: 'occupied', runId: 'r' });
    q.add({ position: { source: 's' }, reason: 'x' });
    await expect(q.close()).rejects.toThrow(/EISDIR/);
  });
});

describe('reasonCategory and truncateUtf8', () => {
  it('groups reasons by their head, with numbers as N', () => {
    expect(reasonCategory('downloads: expected a non-negative integer, got "abc"')).toBe('downloads');
    expect(reasonCategory('line too long: 10485760 bytes, the limit is 1048576')).toBe('line too long');
    expect(reasonCategory('duplicate of line 12: id "x" was already read')).toBe('duplicate of line N');
    expect(reasonCategory('duplicate of line 12')).toBe('duplicate of line N');
    expect(reasonCategory('')).toBe('unspecified');
  });

  it('never splits a character', () => {
    expect(truncateUtf8('abc', 10)).toEqual({ text: 'abc', truncated: false });
    expect(truncateUtf8('aé', 2)).toEqual({ text: 'a', truncated: true });
    expect(truncateUtf8('😀😀', 5)).toEqual({ text: '😀', truncated: true });
  });
});
