/**
 * The database boundary for values. neo4j-driver returns lossless Integer objects and its own
 * temporal types; nothing outside src/neo4j may see them. Integers in the safe range become
 * numbers, larger ones strings (as neo4j/graphql does); temporals become ISO-8601 strings; nodes
 * and relationships become their property maps.
 */
import neo4j, { type Record as Neo4jRecord } from 'neo4j-driver';

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

export function toPlain(value: unknown): Plain {
  // Most values in a row are strings, numbers and booleans: they leave as they are, before any of
  // the driver's isXxx checks (each one a property lookup, ten of them per value otherwise).
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return value;
    case 'undefined':
      return null;
    case 'bigint':
      return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
    case 'object':
      break;
    default:
      return String(value);
  }
  if (value === null) return null;
  if (neo4j.isInt(value)) {
    return neo4j.integer.inSafeRange(value) ? neo4j.integer.toNumber(value) : neo4j.integer.toString(value);
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (
    neo4j.isDateTime(value) ||
    neo4j.isDate(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  ) {
    return (value as { toString(): string }).toString();
  }
  if (neo4j.isNode(value) || neo4j.isRelationship(value)) {
    return toPlain((value as { properties: unknown }).properties);
  }
  if (neo4j.isPath(value)) {
    return toPlain((value as unknown as { segments: unknown[] }).segments);
  }
  const out: { [key: string]: Plain } = {};
  for (const k in value) if (Object.hasOwn(value, k)) out[k] = toPlain((value as Record<string, unknown>)[k]);
  return out;
}

/** A driver record as a plain object keyed by the RETURN names. */
export function recordToPlain<T = Record<string, Plain>>(record: Neo4jRecord): T {
  const out: Record<string, Plain> = {};
  for (const key of record.keys) out[String(key)] = toPlain(record.get(key));
  return out as T;
}

/**
 * Parameters going in: a JS number is sent as a Float, which breaks LIMIT/SKIP and integer
 * comparisons, so whole numbers are sent as Integers. Callers pass plain values.
 */
export function toParams(params: Record<string, unknown>): Record<string, unknown> {
  const convert = (v: unknown): unknown => {
    if (typeof v === 'number' && Number.isInteger(v)) return neo4j.int(v);
    if (Array.isArray(v)) return v.map(convert);
    if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, convert(x)]));
    }
    return v;
  };
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, convert(v)]));
}
