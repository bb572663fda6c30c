/**
 * Splits a byte stream into decoded text lines with bounded memory. Work is done on bytes, not on
 * decoded text, for two reasons: a line longer than the limit is skipped while reading it (only a
 * short preview is kept, so a 10 MB line costs `previewBytes`, not 10 MB), and each line is decoded
 * on its own with a strict UTF-8 decoder, so one line with invalid bytes is rejected alone and the
 * others load. Handles a UTF-8 BOM on the first line and CRLF endings.
 */

export interface LineOptions {
  /** Longest accepted line in bytes (without the line break). */
  maxLineBytes: number;
  /** Bytes kept from a rejected line, for the quarantine. */
  previewBytes: number;
}

export type TextLine =
  | {
      ok: true;
      line: number;
      text: string;
      /** Bytes in the line (without the break). */
      byteLength: number;
    }
  | {
      ok: false;
      line: number;
      problem: 'too-long' | 'invalid-utf8';
      /** Bytes in the line (without the break). */
      byteLength: number;
      /** The start of the line, decoded leniently (invalid bytes as U+FFFD). */
      preview: string;
    };

const LF = 0x0a;
const CR = 0x0d;
const BOM = [0xef, 0xbb, 0xbf] as const;

export async function* readLines(source: AsyncIterable<Buffer | string>, options: LineOptions): AsyncGenerator<TextLine> {
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
  let parts: Buffer[] = [];
  let kept = 0;
  let length = 0;
  let lineNumber = 1;

  const append = (segment: Buffer): void => {
    length += segment.length;
    if (length <= options.maxLineBytes) {
      parts.push(segment);
      kept += segment.length;
      return;
    }
    // Over the limit: from now on keep only the preview.
    if (kept > options.previewBytes) {
      const all = Buffer.concat(parts, kept).subarray(0, options.previewBytes);
      parts = [Buffer.from(all)];
      kept = all.length;
    }
    if (kept < options.previewBytes) {
      const take = segment.subarray(0, options.previewBytes - kept);
      parts.push(Buffer.from(take));
      kept += take.length;
    }
  };

  const finish = (): TextLine => {
    let bytes = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, kept);
    let byteLength = length;
    if (lineNumber === 1 && bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2]) {
      bytes = bytes.subarray(3);
      byteLength -= 3;
    }
    const tooLong = byteLength > options.maxLineBytes;
    if (!tooLong && bytes.length > 0 && bytes[bytes.length - 1] === CR) {
      bytes = bytes.subarray(0, bytes.length - 1);
      byteLength--;
    }
    const line = lineNumber++;
    parts = [];
    kept = 0;
    length = 0;
    if (tooLong) {
      return { ok: false, line, problem: 'too-long', byteLength, preview: lenient.decode(bytes.subarray(0, options.previewBytes)) };
    }
    try {
      return { ok: true, line, text: strict.decode(bytes), byteLength };
    } catch {
      return { ok: false, line, problem: 'invalid-utf8', byteLength, preview: lenient.decode(bytes.subarray(0, options.previewBytes)) };
    }
  };

  for await (const input of source) {
    const chunk = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(LF, start);
      if (newline === -1) {
        append(chunk.subarray(start));
        break;
      }
      append(chunk.subarray(start, newline));
      yield finish();
      start = newline + 1;
    }
  }
  if (length > 0) yield finish();
}

/** The reason text for a line problem, in the "<problem>: <detail>" form the quarantine counts by. */
export function lineProblemReason(line: Extract<TextLine, { ok: false }>, maxLineBytes: number): string {
  return line.problem === 'too-long'
    ? `line too long: ${line.byteLength} bytes, the limit is ${maxLineBytes}`
    : 'invalid UTF-8: the line has bytes that are not valid UTF-8';
}
