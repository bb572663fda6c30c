/**
 * Reading typed values out of raw records, the same way for every mapper. A raw record is what a
 * reader yields: CSV gives strings (empty = missing), JSON gives whatever the file holds. Each
 * reader returns the value or a FieldError naming the column and showing the value, which the mapper
 * turns into a Rejection. Column aliases let one mapper read several dumps (a column mapping, not a
 * fork per file): the first alias present with a non-empty value wins.
 */
import { truncateUtf8 } from '../quarantine.js';
import type { Parsed, Rejection, SourcePosition } from '../types.js';

export type RawRecord = Record<string, unknown>;

export interface FieldError {
  field: string;
  /** "<field>: <problem>", the form the quarantine counts by. */
  reason: string;
}

export type FieldResult<T> = { ok: true; value: T; field: string } | { ok: false; error: FieldError };

/** Shows a raw value in a reason: strings quoted, long ones cut. */
export function showValue(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function fieldError(field: string, problem: string): FieldError {
  return { field, reason: `${field}: ${problem}` };
}

/** Missing: absent, null, or a string that is empty or only whitespace. */
export function isMissing(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** The first alias with a value, and that value; the first alias when none has one. */
export function pick(raw: RawRecord, aliases: readonly string[]): { field: string; value: unknown } {
  for (const alias of aliases) {
    const value = raw[alias];
    if (!isMissing(value)) return { field: alias, value };
  }
  return { field: aliases[0] as string, value: undefined };
}

export interface TextOptions {
  /** Accept a JSON number as its decimal text (numeric node ids in NDJSON). Default false. */
  numbers?: boolean;
}

/**
 * The longest text value (UTF-8 bytes) a record may carry. Ids, tags and names end up as index keys
 * (range, unique and full-text indexes), and Neo4j refuses a key over about 8 kB — failing the
 * whole batch — so a longer value is a rejected row, with this reason, not a database error.
 */
export const MAX_TEXT_BYTES = 4096;

/** The error for a value over MAX_TEXT_BYTES, or null when it fits. */
export function tooLong(field: string, text: string): FieldError | null {
  // A UTF-16 unit is at most 3 UTF-8 bytes: short strings need no encoding.
  if (text.length * 3 <= MAX_TEXT_BYTES) return null;
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > MAX_TEXT_BYTES ? fieldError(field, `too long: ${bytes} bytes, at most ${MAX_TEXT_BYTES}`) : null;
}

/** The list, or the error for its first item over MAX_TEXT_BYTES (each item becomes an index key). */
export function fitting(field: string, items: string[]): FieldResult<string[]> {
  for (const item of items) {
    const long = tooLong(field, item);
    if (long) return { ok: false, error: long };
  }
  return { ok: true, value: items, field };
}

/** A trimmed string (at most MAX_TEXT_BYTES), or null when missing. */
export function readText(raw: RawRecord, aliases: readonly string[], options: TextOptions = {}): FieldResult<string | null> {
  const { field, value } = pick(raw, aliases);
  if (isMissing(value)) return { ok: true, value: null, field };
  if (typeof value === 'string') {
    const text = value.trim();
    const long = tooLong(field, text);
    return long ? { ok: false, error: long } : { ok: true, value: text, field };
  }
  if (options.numbers && typeof value === 'number' && Number.isFinite(value)) return { ok: true, value: String(value), field };
  return { ok: false, error: fieldError(field, `expected text, got ${showValue(value)}`) };
}

/** Like readText, but missing is an error. */
export function readRequiredText(raw: RawRecord, aliases: readonly string[], options: TextOptions = {}): FieldResult<string> {
  const result = readText(raw, aliases, options);
  if (!result.ok) return result;
  if (result.value === null) return { ok: false, error: fieldError(result.field, 'missing or empty') };
  return { ok: true, value: result.value, field: result.field };
}

// Ids. A value that becomes a node's id is held to the rule of what it names, the same in every
// mapper (a model's author, a follow's ends, a lineage edge's ends, a base model): a corrupted or
// hostile value (an injection string, a control character, a path) is rejected, not made a node.

/** The longest Hub namespace (a user or organization name). */
export const MAX_NAMESPACE = 96;
/** A namespace: letters, digits, `-`, `_`, `.`, starting with a letter or digit. A creator id is one. */
const NAMESPACE = new RegExp(`^[A-Za-z0-9][\\w.-]{0,${MAX_NAMESPACE - 1}}$`);
/** A Hub repo id: `name` (legacy, no namespace) or `namespace/name`, the name of letters, digits, `-`, `_`, `.`. */
const REPO_ID = new RegExp(`^[A-Za-z0-9][\\w.-]{0,${MAX_NAMESPACE - 1}}(?:/[\\w.-]{1,96})?$`);

export const isHubNamespace = (text: string): boolean => NAMESPACE.test(text);
export const isRepoId = (text: string): boolean => REPO_ID.test(text);

/** The namespace of a repo id (the part before the slash), or null for a legacy id. */
export function repoNamespace(id: string): string | null {
  const slash = id.indexOf('/');
  return slash > 0 ? id.slice(0, slash) : null;
}

/** The error for a creator id that is not a Hub namespace, or null when it is one. */
export function namespaceError(field: string, text: string): FieldError | null {
  return isHubNamespace(text) ? null : fieldError(field, `not a Hub namespace (letters, digits, -, _, . ; at most ${MAX_NAMESPACE} characters), got ${showValue(text)}`);
}

/** The error for a model id that is not a Hub repo id, or null when it is one. */
export function repoIdError(field: string, text: string): FieldError | null {
  return isRepoId(text) ? null : fieldError(field, `not a Hub repo id (namespace/name), got ${showValue(text)}`);
}

function readId(raw: RawRecord, aliases: readonly string[], check: (field: string, text: string) => FieldError | null): FieldResult<string> {
  const text = readRequiredText(raw, aliases);
  if (!text.ok) return text;
  const error = check(text.field, text.value);
  return error ? { ok: false, error } : text;
}

/** A required creator (user, organization) id: text that is a Hub namespace. */
export const readNamespace = (raw: RawRecord, aliases: readonly string[]): FieldResult<string> => readId(raw, aliases, namespaceError);

/** A required model id: text that is a Hub repo id. */
export const readRepoId = (raw: RawRecord, aliases: readonly string[]): FieldResult<string> => readId(raw, aliases, repoIdError);

/**
 * Pipeline-tag values that mean "no task" (the 2022 dump writes `unknown` where the Hub had none):
 * never a Task id, as a model's pipeline tag or a followed topic.
 */
const NO_TASK = new Set(['unknown', 'none', 'null']);
export const isNoTask = (text: string): boolean => NO_TASK.has(text.toLowerCase());

const COUNT_TEXT = /^\d+(?:\.0+)?$/;

/**
 * A count (downloads, likes): a non-negative safe integer, or null when missing. Strings of digits
 * are accepted, and `123.0` too, because pandas writes an integer column holding a NaN as floats.
 */
export function readCount(raw: RawRecord, aliases: readonly string[]): FieldResult<number | null> {
  const { field, value } = pick(raw, aliases);
  if (isMissing(value)) return { ok: true, value: null, field };
  let count: number | null = null;
  if (typeof value === 'number') count = value;
  else if (typeof value === 'string' && COUNT_TEXT.test(value.trim())) count = Number(value.trim());
  if (count === null || !Number.isSafeInteger(count) || count < 0) {
    return { ok: false, error: fieldError(field, `expected a non-negative integer, got ${showValue(value)}`) };
  }
  return { ok: true, value: count, field };
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * An ISO-8601 date or date-time as a canonical `YYYY-MM-DDTHH:MM:SS.sssZ` string, or null when the
 * text is not one. Accepts a space for `T` (`2023-09-06 14:49:15+00:00`, pandas' form), a missing
 * time (midnight) and a missing zone (taken as UTC: the Hub's dumps are in UTC). Rejects impossible
 * dates that Date.parse would roll over (`2023-02-30` → 2 March).
 */
export function normaliseDate(text: string): string | null {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m as unknown as string[];
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  let offset = zone.toUpperCase();
  if (offset !== 'Z') {
    const digits = offset.slice(1).replace(':', '');
    offset = `${offset[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || '00'}`;
  }
  const millis = (frac + '000').slice(0, 3);
  const time = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}.${millis}${offset}`);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

export function readDate(raw: RawRecord, aliases: readonly string[]): FieldResult<string | null> {
  const { field, value } = pick(raw, aliases);
  if (isMissing(value)) return { ok: true, value: null, field };
  const date = typeof value === 'string' ? normaliseDate(value) : null;
  if (date === null) return { ok: false, error: fieldError(field, `not an ISO-8601 date, got ${showValue(value)}`) };
  return { ok: true, value: date, field };
}

/** The raw record as a quarantine `raw` string. */
export function rawText(raw: RawRecord): string {
  let text: string;
  try {
    text = JSON.stringify(raw);
  } catch {
    // Not serialisable (a BigInt, a cycle): the record's kind only, `[object Object]`.
    text = Object.prototype.toString.call(raw);
  }
  return truncateUtf8(text).text;
}

export function rejectRecord(raw: RawRecord, position: SourcePosition, error: FieldError): { ok: false; rejection: Rejection } {
  return { ok: false, rejection: { position, reason: error.reason, field: error.field, raw: rawText(raw) } };
}

/** A Rejection for a problem that is not one field's (a self-follow, a duplicate). */
export function rejectRecordFor(raw: RawRecord, position: SourcePosition, reason: string, field?: string): Extract<Parsed<never>, { ok: false }> {
  return { ok: false, rejection: { position, reason, ...(field === undefined ? {} : { field }), raw: rawText(raw) } };
}
