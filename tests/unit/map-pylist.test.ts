import { describe, expect, it } from 'vitest';
import { parsePythonStringList } from '../../ingest/map/pylist.js';

const ok = (text: string): string[] => {
  const result = parsePythonStringList(text);
  if (!result.ok) throw new Error(`expected ${text} to parse, got: ${result.error}`);
  return result.value;
};
const error = (text: string): string => {
  const result = parsePythonStringList(text);
  if (result.ok) throw new Error(`expected ${text} to fail, got ${JSON.stringify(result.value)}`);
  return result.error;
};

describe('parsePythonStringList', () => {
  it('parses the list_models form', () => {
    expect(ok("['transformers', 'arxiv:1810.04805', 'region:us']")).toEqual(['transformers', 'arxiv:1810.04805', 'region:us']);
  });

  it('parses empty lists, whitespace and a trailing comma', () => {
    expect(ok('[]')).toEqual([]);
    expect(ok('  [ ]  ')).toEqual([]);
    expect(ok("[ 'a' ,\n 'b' , ]")).toEqual(['a', 'b']);
  });

  it('keeps commas, brackets and colons inside strings', () => {
    expect(ok("['a, b', 'c]d', 'base_model:finetune:x/y']")).toEqual(['a, b', 'c]d', 'base_model:finetune:x/y']);
  });

  it('reads double-quoted strings containing apostrophes (Python repr of "it\'s")', () => {
    expect(ok(`["it's", 'plain']`)).toEqual(["it's", 'plain']);
  });

  it('reads single-quoted strings containing double quotes', () => {
    expect(ok(`['say "hi"']`)).toEqual(['say "hi"']);
  });

  it('unescapes escaped quotes and backslashes', () => {
    expect(ok(String.raw`['it\'s "x"', "a\"b", 'back\\slash']`)).toEqual([`it's "x"`, 'a"b', 'back\\slash']);
  });

  it('unescapes \\n \\t \\x \\u \\U escapes', () => {
    expect(ok(String.raw`['a\nb', 'c\td', '\xe9', '\u4e2d', '\U0001F600']`)).toEqual(['a\nb', 'c\td', 'é', '中', '😀']);
  });

  it('keeps non-ASCII text as is', () => {
    expect(ok("['中文', 'café']")).toEqual(['中文', 'café']);
  });

  it('accepts u-prefixed strings and concatenates adjacent literals', () => {
    expect(ok("[u'a', 'b' 'c']")).toEqual(['a', 'bc']);
  });

  it('is also a JSON string-array parser', () => {
    expect(ok('["x", "y\\u00e9"]')).toEqual(['x', 'yé']);
  });

  it('rejects what is not a list of strings, saying where', () => {
    expect(error("'a'")).toMatch(/expected "\["/);
    expect(error('[1, 2]')).toMatch(/expected a quoted string at offset 1/);
    expect(error('[None]')).toMatch(/expected a quoted string/);
    expect(error("[['nested']]")).toMatch(/expected a quoted string/);
    expect(error("['a' 'b'")).toMatch(/expected "," or "\]"/);
  });

  it('rejects unterminated strings and lists', () => {
    expect(error("['abc")).toMatch(/unterminated string/);
    expect(error("['abc',")).toMatch(/unterminated list/);
    expect(error("['a\\")).toMatch(/unterminated escape/);
  });

  it('rejects unknown or bad escapes and trailing text', () => {
    expect(error(String.raw`['\q']`)).toMatch(/unknown escape "\\q"/);
    expect(error(String.raw`['\xZZ']`)).toMatch(/bad "\\x" escape/);
    expect(error("['a'] extra")).toMatch(/unexpected text after/);
  });

  it('never evaluates code', () => {
    expect(error("__import__('os').system('true')")).toMatch(/expected "\["/);
    expect(error("[__import__('os')]")).toMatch(/expected a quoted string/);
  });
});
