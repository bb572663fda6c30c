/**
 * Argument checks shared by the model-side questions. GraphQL already guarantees types; these
 * guard ranges and shapes, failing with BAD_USER_INPUT (a client error, never masked) before any
 * query runs.
 */
import { ErrorCodes, HubgraphError } from '../errors.js';

export function badInput(message: string, hint?: string): HubgraphError {
  return new HubgraphError(ErrorCodes.BAD_USER_INPUT, message, hint === undefined ? {} : { hint });
}

/** An integer argument within [min, max], named in the error. */
export function intInRange(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(`${name} must be an integer from ${min} to ${max} (got ${value})`);
  }
  return value;
}

/** A non-empty id argument, trimmed of nothing (ids are exact), named in the error. */
export function requiredId(name: string, value: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 500) {
    throw badInput(`${name} must be a non-empty id of at most 500 characters`);
  }
  return value;
}
