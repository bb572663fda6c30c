/**
 * formatError: catalogue errors keep their code (as `extensions.code`) and message; GraphQL's own
 * validation errors pass through; anything unexpected is logged whole and masked for the client.
 */
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCodes, isHubgraphError } from '../errors.js';
import type { Logger } from '../log.js';

const CLIENT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);

export function createFormatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
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
