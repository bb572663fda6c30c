/** Search's Lucene escaping: user text is always a literal query. */
import { describe, expect, it } from 'vitest';
import { escapeLucene } from '../../src/domain/search.js';

describe('escapeLucene', () => {
  it('escapes every query-syntax character', () => {
    expect(escapeLucene('foo AND (bar')).toBe('foo and \\(bar');
    expect(escapeLucene('*')).toBe('\\*');
    expect(escapeLucene('~')).toBe('\\~');
    expect(escapeLucene('"quoted"')).toBe('\\"quoted\\"');
    expect(escapeLucene('a && b || !c')).toBe('a \\&\\& b \\|\\| \\!c');
    expect(escapeLucene('meta-llama/Llama-2-7b-hf')).toBe('meta\\-llama\\/llama\\-2\\-7b\\-hf');
    expect(escapeLucene('x:y^2 {a} [b] c? d\\e +f')).toBe('x\\:y\\^2 \\{a\\} \\[b\\] c\\? d\\\\e \\+f');
  });

  it('lower-cases (so AND/OR/NOT are words) and collapses whitespace', () => {
    expect(escapeLucene('  Llama   NOT   OR  ')).toBe('llama not or');
  });
});
