import { describe, expect, it } from 'vitest';
import {
  isHubNamespace,
  isRepoId,
  normaliseDate,
  readCount,
  readDate,
  readNamespace,
  readRepoId,
  readRequiredText,
  readText,
  repoNamespace,
} from '../../ingest/map/fields.js';

describe('normaliseDate', () => {
  it('normalises the forms our dumps use to ISO-8601 UTC', () => {
    expect(normaliseDate('2023-09-06 14:49:15+00:00')).toBe('2023-09-06T14:49:15.000Z');
    expect(normaliseDate('2018-11-14T23:35:08.000Z')).toBe('2018-11-14T23:35:08.000Z');
    expect(normaliseDate('2023-06-01T12:00:00+02:00')).toBe('2023-06-01T10:00:00.000Z');
    expect(normaliseDate('2023-06-01T12:00:00-0530')).toBe('2023-06-01T17:30:00.000Z');
    expect(normaliseDate('2024-01-01')).toBe('2024-01-01T00:00:00.000Z');
    expect(normaliseDate('2024-01-01T08:30')).toBe('2024-01-01T08:30:00.000Z');
    expect(normaliseDate('2024-01-01T08:30:00.123456Z')).toBe('2024-01-01T08:30:00.123Z');
  });

  it('accepts 29 February in leap years only', () => {
    expect(normaliseDate('2024-02-29')).toBe('2024-02-29T00:00:00.000Z');
    expect(normaliseDate('2023-02-29')).toBeNull();
  });

  it('rejects impossible and non-ISO dates instead of rolling them over', () => {
    for (const bad of ['2023-02-30', '2023-13-01', '2023-00-10', '2023-01-32', '2023-01-01T24:00:00Z', '2023-01-01T10:60:00Z', 'yesterday', '01/02/2023', '1694011755', '']) {
      expect(normaliseDate(bad), bad).toBeNull();
    }
  });
});

describe('field readers', () => {
  it('readCount accepts non-negative integers as numbers or digit strings', () => {
    expect(readCount({ downloads: 5 }, ['downloads'])).toEqual({ ok: true, value: 5, field: 'downloads' });
    expect(readCount({ downloads: '123' }, ['downloads'])).toEqual({ ok: true, value: 123, field: 'downloads' });
    expect(readCount({ downloads: '123.0' }, ['downloads'])).toEqual({ ok: true, value: 123, field: 'downloads' });
    expect(readCount({ downloads: '' }, ['downloads'])).toEqual({ ok: true, value: null, field: 'downloads' });
    expect(readCount({}, ['downloads'])).toEqual({ ok: true, value: null, field: 'downloads' });
  });

  it('readCount rejects negatives, fractions, text and unsafe integers, naming field and value', () => {
    const cases: [unknown, string][] = [
      [-1, 'downloads: expected a non-negative integer, got -1'],
      [1.5, 'downloads: expected a non-negative integer, got 1.5'],
      ['abc', 'downloads: expected a non-negative integer, got "abc"'],
      ['1e3', 'downloads: expected a non-negative integer, got "1e3"'],
      [true, 'downloads: expected a non-negative integer, got true'],
      [2 ** 60, `downloads: expected a non-negative integer, got ${2 ** 60}`],
    ];
    for (const [value, reason] of cases) {
      expect(readCount({ downloads: value }, ['downloads'])).toEqual({ ok: false, error: { field: 'downloads', reason } });
    }
  });

  it('reads the first alias that has a value', () => {
    expect(readText({ id: '', modelId: 'a/b' }, ['id', 'modelId'])).toEqual({ ok: true, value: 'a/b', field: 'modelId' });
    expect(readRequiredText({ id: ' ', modelId: null }, ['id', 'modelId'])).toEqual({
      ok: false,
      error: { field: 'id', reason: 'id: missing or empty' },
    });
  });

  it('readText rejects objects and booleans', () => {
    expect(readText({ author: { name: 'x' } }, ['author'])).toEqual({
      ok: false,
      error: { field: 'author', reason: 'author: expected text, got {"name":"x"}' },
    });
  });

  it('readDate names the column it read', () => {
    expect(readDate({ creation_time: 'nope' }, ['createdAt', 'creation_time'])).toEqual({
      ok: false,
      error: { field: 'creation_time', reason: 'creation_time: not an ISO-8601 date, got "nope"' },
    });
  });
});

describe('id rules (one place for every mapper)', () => {
  it('a namespace: letters, digits, -, _, . from a letter or digit, at most 96 characters', () => {
    for (const ok of ['a', 'TheBloke', 'Org_1.x-y', '0xabc', 'n'.repeat(96)]) expect(isHubNamespace(ok), ok).toBe(true);
    for (const bad of ['', "x'}) DETACH DELETE n //", 'a b', 'a/b', '-lead', '.lead', 'é', 'nul\u0000', 'n'.repeat(97)]) expect(isHubNamespace(bad), bad).toBe(false);
  });

  it('a repo id: a legacy name or namespace/name', () => {
    for (const ok of ['gpt2', 'meta-llama/Llama-2-7b-hf', 'a/.hidden', `${'n'.repeat(96)}/${'m'.repeat(96)}`]) expect(isRepoId(ok), ok).toBe(true);
    for (const bad of ['', 'a b/c', 'a/b/c', '/x', 'x/', '../x', 'ns/é', `${'n'.repeat(97)}/x`, `x/${'m'.repeat(97)}`]) expect(isRepoId(bad), bad).toBe(false);
    expect([repoNamespace('a/b'), repoNamespace('gpt2')]).toEqual(['a', null]);
  });

  it('readNamespace and readRepoId read required text, then hold it to the rule, naming the column', () => {
    expect(readNamespace({ follower: ' alice ' }, ['follower'])).toEqual({ ok: true, value: 'alice', field: 'follower' });
    expect(readNamespace({ follower: '' }, ['follower'])).toEqual({ ok: false, error: { field: 'follower', reason: 'follower: missing or empty' } });
    expect(readNamespace({ org: 'a/b' }, ['organization', 'org'])).toEqual({
      ok: false,
      error: { field: 'org', reason: 'org: not a Hub namespace (letters, digits, -, _, . ; at most 96 characters), got "a/b"' },
    });
    expect(readRepoId({ model: 'a/b/c' }, ['model'])).toEqual({ ok: false, error: { field: 'model', reason: 'model: not a Hub repo id (namespace/name), got "a/b/c"' } });
    expect(readRepoId({ model: 'x'.repeat(5000) }, ['model'])).toMatchObject({ ok: false, error: { reason: 'model: too long: 5000 bytes, at most 4096' } });
  });
});
