import { describe, expect, it } from 'vitest';
import { parseNextLink, parseRetryAfter } from '../../ingest/sources/hub/headers.js';

const HERE = 'https://huggingface.co/api/models?limit=3';

describe('parseNextLink', () => {
  it('reads the Hub’s single next link', () => {
    const target = 'https://huggingface.co/api/models?limit=3&cursor=eyJ9%3D';
    expect(parseNextLink(`<${target}>; rel="next"`, HERE)).toBe(target);
  });

  it('picks next among several links, whatever their order', () => {
    const header = '<https://huggingface.co/a?page=1>; rel="prev", <https://huggingface.co/a?page=3>; rel="next"';
    expect(parseNextLink(header, HERE)).toBe('https://huggingface.co/a?page=3');
  });

  it('accepts an unquoted rel, a rel list and extra params', () => {
    expect(parseNextLink('<https://huggingface.co/x?p=2>; rel=next', HERE)).toBe('https://huggingface.co/x?p=2');
    expect(parseNextLink('<https://huggingface.co/x?p=2>; title="n"; rel="last next"', HERE)).toBe(
      'https://huggingface.co/x?p=2',
    );
  });

  it('keeps commas and semicolons inside the URI', () => {
    expect(parseNextLink('<https://huggingface.co/x?a=1,2;b>; rel="next"', HERE)).toBe('https://huggingface.co/x?a=1,2;b');
  });

  it('resolves a relative reference against the request URL', () => {
    expect(parseNextLink('</api/models?cursor=abc>; rel="next"', HERE)).toBe('https://huggingface.co/api/models?cursor=abc');
  });

  it('returns null when there is no next link', () => {
    expect(parseNextLink(null, HERE)).toBeNull();
    expect(parseNextLink('', HERE)).toBeNull();
    expect(parseNextLink('<https://huggingface.co/a?page=1>; rel="prev"', HERE)).toBeNull();
    expect(parseNextLink('<https://huggingface.co/a?page=1>; rel="nextish"', HERE)).toBeNull();
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2024-09-01T12:00:00Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP-date, and a past date as no wait', () => {
    expect(parseRetryAfter('Sun, 01 Sep 2024 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 01 Sep 2024 11:00:00 GMT', now)).toBe(0);
  });

  it('returns null for an absent or unreadable header', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('', now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
  });
});
