/**
 * formatError: catalogue errors keep their code (as `extensions.code`) and message; GraphQL's own
 * validation errors pass through; anything unexpected is logged whole and masked for the client.
 */
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCodes, isHubgraphError } from '../errors.js';
import type { Logger } from '../log.js';

const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * The error a resolver threw, under GraphQL's wrapping. Walks `originalError` by hand rather than
 * with `instanceof GraphQLError` (Apollo's unwrapResolverError), which fails when two copies of
 * graphql are loaded (as under vitest) and would mask a catalogue error as an internal one.
 */
function originalOf(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    if (isHubgraphError(current)) return current;
    const next = (current as { originalError?: unknown }).originalError;
    if (next === undefined || next === null) return current;
    current = next;
  }
  return current;
}

export function createFormatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = originalOf(error);
    if (isHubgraphError(original)) {
      const code = original.code === ErrorCodes.NEO4J_UNAVAILABLE || original.code === ErrorCodes.NEO4J_AUTH ? 'SERVICE_UNAVAILABLE' : original.code;
      return { message: original.toLine(), ...(formatted.path ? { path: formatted.path } : {}), extensions: { code } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      return { message: formatted.message, ...(formatted.locations ? { locations: formatted.locations } : {}), extensions: { code } };
    }
    log.error({ err: original }, 'unexpected error in a GraphQL request');
    return { message: 'Internal server error', ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
