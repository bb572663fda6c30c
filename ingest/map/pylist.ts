/**
 * Parses a Python list-of-strings literal, the way pandas wrote `huggingface_hub` tag lists to CSV:
 * `['transformers', 'arxiv:1810.04805']`. Python's repr quotes a string with single quotes unless
 * it contains a single quote and no double quote, so `["it's"]` and `['say "hi"']` both occur, and
 * `'\''` when it has both. A hand-written scanner, never eval: the input is data from the internet.
 *
 * Accepted: `[]`, whitespace anywhere between tokens, a trailing comma, single- or double-quoted
 * strings with an optional `u`/`U` prefix, adjacent literals concatenated (`'a' 'b'`, as Python does),
 * and the escapes Python's repr emits (`\\ \' \" \n \r \t \xhh \uhhhh \Uhhhhhhhh`) plus
 * `\a \b \f \v \0` and backslash-newline. Anything else (numbers, None, nested lists, an unknown
 * escape, an unterminated string) is an error that says where.
 */

export type PyListResult = { ok: true; value: string[] } | { ok: false; error: string };

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  n: '\n',
  r: '\r',
  t: '\t',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  '0': '\0',
  '\n': '',
};

const HEX_ESCAPE_LENGTH: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

export function parsePythonStringList(text: string): PyListResult {
  let i = 0;
  const n = text.length;
  const fail = (what: string): PyListResult => ({ ok: false, error: `${what} at offset ${i}` });
  const skipSpace = (): void => {
    while (i < n && /\s/.test(text[i] as string)) i++;
  };

  skipSpace();
  if (text[i] !== '[') return fail('expected "["');
  i++;
  const items: string[] = [];
  for (;;) {
    skipSpace();
    if (i >= n) return fail('unterminated list');
    if (text[i] === ']') {
      i++;
      break;
    }
    // One item: one or more adjacent string literals.
    let item: string | null = null;
    for (;;) {
      if (text[i] === 'u' || text[i] === 'U') i++;
      const quote = text[i];
      if (quote !== "'" && quote !== '"') {
        if (item === null) return fail('expected a quoted string');
        break;
      }
      i++;
      let value = '';
      for (;;) {
        if (i >= n) return fail('unterminated string');
        const ch = text[i] as string;
        if (ch === quote) {
          i++;
          break;
        }
        if (ch === '\n') return fail('newline inside a string');
        if (ch !== '\\') {
          value += ch;
          i++;
          continue;
        }
        const esc = text[i + 1];
        if (esc === undefined) return fail('unterminated escape');
        const simple = SIMPLE_ESCAPES[esc];
        if (simple !== undefined) {
          value += simple;
          i += 2;
          continue;
        }
        const hexLength = HEX_ESCAPE_LENGTH[esc];
        if (hexLength === undefined) return fail(`unknown escape "\\${esc}"`);
        const hex = text.slice(i + 2, i + 2 + hexLength);
        if (hex.length !== hexLength || !/^[0-9a-fA-F]+$/.test(hex)) return fail(`bad "\\${esc}" escape`);
        const codePoint = Number.parseInt(hex, 16);
        if (codePoint > 0x10ffff) return fail(`bad "\\${esc}" escape`);
        value += String.fromCodePoint(codePoint);
        i += 2 + hexLength;
      }
      item = (item ?? '') + value;
      skipSpace();
    }
    items.push(item);
    skipSpace();
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === ']') {
      i++;
      break;
    }
    return fail('expected "," or "]"');
  }
  skipSpace();
  if (i < n) return fail('unexpected text after "]"');
  return { ok: true, value: items };
}
