/**
 * Argument checks shared by every question and mutation. GraphQL already guarantees types; these
 * guard ranges, shapes and existence, failing with BAD_USER_INPUT (a client error, never masked)
 * before any query runs. Each kind of mistake has one wording everywhere (unknownId, intInRange), so
 * a client can show or match it whichever question it asked.
 */
import { ErrorCodes, HubgraphError } from '../errors.js';

export function badInput(message: string, hint?: string): HubgraphError {
  return new HubgraphError(ErrorCodes.BAD_USER_INPUT, message, hint === undefined ? {} : { hint });
}

/** An integer argument within [min, max], named in the error: `first must be an integer from 1 to 100 (got 0)`. */
export function intInRange(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(`${name} must be an integer from ${min} to ${max} (got ${value})`);
  }
  return value;
}

/** The kinds of node an id argument names. */
export type IdKind = 'user' | 'creator' | 'task' | 'model' | 'group';

const UNKNOWN_ID_HINTS: Record<IdKind, string | undefined> = {
  user: 'pass the id of a User (someone who follows creators), e.g. TheBloke on the demo corpus',
  creator: 'pass a Hub namespace, e.g. TheBloke',
  task: 'pass a task id, e.g. text-generation',
  model: 'pass a Hub repository id such as meta-llama/Llama-2-7b-hf',
  group: 'groups look like topic:<task id>, e.g. topic:text-generation',
};

/**
 * The error for an id no node of that kind has: `Unknown user id: alice`. The hint says what the
 * id should look like (user-centred questions need a User, i.e. someone who follows creators).
 */
export function unknownId(kind: IdKind, id: string, hint: string | undefined = UNKNOWN_ID_HINTS[kind]): HubgraphError {
  return badInput(`Unknown ${kind} id: ${id}`, hint);
}

/** A non-empty id argument, trimmed of nothing (ids are exact), named in the error. */
export function requiredId(name: string, value: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 500) {
    throw badInput(`${name} must be a non-empty id of at most 500 characters`);
  }
  return value;
}
