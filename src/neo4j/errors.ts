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

/**
 * Neo4j's codes for a transaction stopped by its timeout: the one the client set at the start
 * (`TransactionTimedOutClientConfiguration`, 5.x) and the server-wide `db.transaction.timeout`.
 */
const TIMEOUT_CODES = new Set(['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'Neo.ClientError.Transaction.TransactionTimedOut']);

/** `timeoutMs`: the transaction timeout the failed work ran with, named in a QUERY_TIMEOUT error. */
export function mapNeo4jError(error: unknown, target: ConnectionTarget, timeoutMs?: number): unknown {
  if (!(error instanceof Neo4jError)) return error;
  const code = error.code ?? '';
  if (TIMEOUT_CODES.has(code)) {
    return new HubgraphError(
      ErrorCodes.QUERY_TIMEOUT,
      timeoutMs === undefined ? 'The query took longer than the server allows' : `The query took longer than ${timeoutMs} ms`,
      { hint: 'ask for less (a smaller `first`, fewer nested fields) or try again later', cause: error },
    );
  }
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
  // The driver's words when a bolt:// URI reaches Neo4j's HTTP port (or any web server).
  if (error.message.startsWith('Server responded HTTP')) {
    return new HubgraphError(ErrorCodes.NEO4J_UNAVAILABLE, `${target.uri} answers HTTP, not Bolt`, {
      hint: 'NEO4J_URI must name the Bolt port (7687 by default), not the HTTP port of Neo4j Browser (7474)',
      cause: error,
    });
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
