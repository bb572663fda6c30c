/**
 * The API key, as an Apollo plugin: checked once per operation, after it is parsed and validated
 * and before it executes, so no resolver carries auth code and a refused operation writes nothing.
 *
 * - Mutations always need `Authorization: Bearer <HUBGRAPH_API_KEY>`. With no key configured they
 *   are refused outright (UNAUTHENTICATED, "no key configured"): an open write API is never the
 *   default. (`hubgraph start`, the local command, creates and prints a key: src/cli/start.ts.)
 * - Queries are open unless HUBGRAPH_REQUIRE_KEY_FOR_READS=true (config refuses that setting
 *   without a key).
 * The key is compared in constant time (SHA-256 of both, then timingSafeEqual), so a wrong key's
 * timing says nothing about the right one. The error is UNAUTHENTICATED with HTTP status 401.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import type { Config } from '../../config.js';
import { ErrorCodes, HubgraphError } from '../../errors.js';

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

export function keyMatches(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** The bearer token of an Authorization header, or null. */
export function bearerToken(header: string | undefined | null): string | null {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

/**
 * The refusal, answered by the plugin itself (responseForOperation): the operation is never
 * executed, and the error is already in its client form, so it keeps its code whatever
 * formatError does with errors it does not recognise.
 */
function refusal(message: string, hint?: string): GraphQLResponse {
  const error = new HubgraphError(ErrorCodes.UNAUTHENTICATED, message, hint === undefined ? {} : { hint });
  return {
    http: { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer']]) },
    body: { kind: 'single', singleResult: { errors: [{ message: error.toLine(), extensions: { code: error.code } }] } },
  };
}

/** The refusal of an operation of this type sent with this Authorization header, or null to run it. */
function keyRefusal(api: Config['api'], operation: OperationTypeNode, authorization: string | undefined | null): GraphQLResponse | null {
  if (operation !== OperationTypeNode.MUTATION && !api.requireKeyForReads) return null;
  if (!api.key) return refusal('Mutations are disabled: the server has no API key configured', 'set HUBGRAPH_API_KEY on the server (`hubgraph start` creates one and prints it)');
  const given = bearerToken(authorization);
  if (given === null) return refusal('Missing API key', 'send the header Authorization: Bearer <key> (the key `hubgraph start` printed, or HUBGRAPH_API_KEY)');
  if (!keyMatches(given, api.key)) return refusal('Wrong API key');
  return null;
}

export function apiKeyPlugin(api: Config['api']): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        responseForOperation({ operation, request }) {
          return Promise.resolve(keyRefusal(api, operation.operation, request.http?.headers.get('authorization')));
        },
      });
    },
  };
}
