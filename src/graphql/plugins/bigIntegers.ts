/**
 * Integers past 2^53 in a request's variables. JSON.parse rounds them before graphql sees them, so
 * `9007199254740993` reached the client's error as "got invalid value 9007199254740992" — and an ID
 * sent as such a number was looked up as another id. The limits plugin refuses any such variable
 * (none of hubgraph's arguments is a Float, where rounding is the type's own), echoing the number
 * as the client wrote it when the raw JSON is at hand: a GET's `variables` parameter, or a POST
 * body read with parseJsonBody. A literal in the query text needs nothing: graphql reports it as
 * written.
 */
import { Kind, type OperationDefinitionNode, type TypeNode } from 'graphql';
import { ErrorCodes, HubgraphError } from '../../errors.js';

/** The raw JSON text of a body read by parseJsonBody, kept on the body itself (not enumerable). */
const RAW_TEXT = Symbol('hubgraph.rawJsonText');

/**
 * JSON.parse, keeping the text on the parsed body for the refusal's echo. The server reads request
 * bodies with it: Apollo hands plugins the parsed body, never the text.
 */
export function parseJsonBody(text: string): unknown {
  const body: unknown = JSON.parse(text);
  if (body !== null && typeof body === 'object') Object.defineProperty(body, RAW_TEXT, { value: text });
  return body;
}

/** The raw JSON of a request's variables, where it still exists. */
export function rawVariablesText(http: { method: string; search: string; body: unknown } | undefined): string | null {
  if (!http) return null;
  if (http.method === 'GET') return new URLSearchParams(http.search).get('variables');
  const body = http.body as { [RAW_TEXT]?: string } | null;
  return body !== null && typeof body === 'object' ? (body[RAW_TEXT] ?? null) : null;
}

/** JSON number tokens in document order; strings are skipped whole, so digits inside them are not. */
function numberLiterals(json: string): string[] {
  const literals: string[] = [];
  for (const [token] of json.matchAll(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g)) if (token[0] !== '"') literals.push(token);
  return literals;
}

export interface UnsafeInteger {
  /** `$n`, `$ids[2]`, `$input.first`. */
  path: string;
  /** As JSON.parse read it. */
  value: number;
}

function findIn(value: unknown, path: string): UnsafeInteger | null {
  if (typeof value === 'number') return Number.isInteger(value) && !Number.isSafeInteger(value) ? { path, value } : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findIn(item, `${path}[${i}]`);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findIn(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

function namedTypeOf(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedTypeOf(type.type);
}

/** The first declared variable (not a Float) holding an integer past ±(2^53 − 1), or null. */
export function unsafeIntegerVariable(operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): UnsafeInteger | null {
  for (const definition of operation.variableDefinitions ?? []) {
    if (namedTypeOf(definition.type) === 'Float') continue;
    const name = definition.variable.name.value;
    const found = variables && Object.hasOwn(variables, name) ? findIn(variables[name], `$${name}`) : null;
    if (found) return found;
  }
  return null;
}

/** The refusal, echoing the number as written when `rawJson` holds it. */
export function unsafeIntegerRefusal(found: UnsafeInteger, rawJson: string | null): HubgraphError {
  const written = rawJson === null ? undefined : numberLiterals(rawJson).find((literal) => Number(literal) === found.value);
  const what = written === undefined ? `Variable ${found.path} is` : `Variable ${found.path} is ${written},`;
  const tail = written === undefined ? `, whatever digits were sent` : '';
  return new HubgraphError(
    ErrorCodes.BAD_USER_INPUT,
    `${what} past the largest integer a JSON number holds exactly (9,007,199,254,740,991): it reads as ${found.value}${tail}.`,
    { hint: 'an Int is at most 2,147,483,647; send an id as a string' },
  );
}
