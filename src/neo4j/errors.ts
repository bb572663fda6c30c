/**
 * Driver errors → the catalogue. A wrong password, a closed port or a missing database each get
 * one actionable line; anything else passes through untouched for the caller to log.
 */
import { Neo4jError } from 'neo4j-driver';
import { ErrorCodes, HubgraphError } from '../errors.js';

export interface ConnectionTarget {
  uri: string;
  user: string;
  database: string;
  /** True when the URI is the project's own local Neo4j (changes the hint). */
  local?: boolean;
}

export function mapNeo4jError(error: unknown, target: ConnectionTarget): unknown {
  if (!(error instanceof Neo4jError)) return error;
  const code = error.code ?? '';
  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new HubgraphError(
      ErrorCodes.NEO4J_AUTH,
      `Neo4j at ${target.uri} rejected user '${target.user}'${code.endsWith('RateLimit') ? ' (too many failed attempts; wait a few seconds)' : ''}`,
      {
        hint: target.local
          ? 'NEO4J_PASSWORD must be the password the local Neo4j was first started with (default hubgraph-local); `hubgraph neo4j reset` recreates it'
          : 'check NEO4J_USER and NEO4J_PASSWORD',
        cause: error,
      },
    );
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') {
    return new HubgraphError(ErrorCodes.NEO4J_UNAVAILABLE, `Cannot reach Neo4j at ${target.uri}`, {
      hint: target.local
        ? 'start it with `npm run neo4j:start` (or `npm start`)'
        : 'is it running, and is NEO4J_URI right? Unset NEO4J_URI to use the local Neo4j',
      cause: error,
    });
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new HubgraphError(ErrorCodes.NEO4J_DATABASE_NOT_FOUND, `Neo4j at ${target.uri} has no database '${target.database}'`, {
      hint: 'check NEO4J_DATABASE (Community edition has one user database, `neo4j`)',
      cause: error,
    });
  }
  return error;
}
