/**
 * The error catalogue. Every failure a user can cause or fix has a stable code here, a one-line
 * message that names the thing at fault, and where useful a hint saying what to do. The CLI prints
 * `message` (+ hint) without a stack; the GraphQL layer maps `code` to `extensions.code`.
 * Anything that is not a HubgraphError is unexpected: logged whole, masked for clients.
 */

export const ErrorCodes = {
  CONFIG_INVALID: 'CONFIG_INVALID',
  NEO4J_UNAVAILABLE: 'NEO4J_UNAVAILABLE',
  NEO4J_AUTH: 'NEO4J_AUTH',
  NEO4J_DATABASE_NOT_FOUND: 'NEO4J_DATABASE_NOT_FOUND',
  NEO4J_START_FAILED: 'NEO4J_START_FAILED',
  NEO4J_PORT_IN_USE: 'NEO4J_PORT_IN_USE',
  NEO4J_NOT_INSTALLED: 'NEO4J_NOT_INSTALLED',
  MAVEN_RESOLVE_FAILED: 'MAVEN_RESOLVE_FAILED',
  JAVA_MISSING: 'JAVA_MISSING',
  SCHEMA_INVALID: 'SCHEMA_INVALID',
  INPUT_FILE_MISSING: 'INPUT_FILE_MISSING',
  INPUT_FILE_UNREADABLE: 'INPUT_FILE_UNREADABLE',
  INPUT_FORMAT_UNKNOWN: 'INPUT_FORMAT_UNKNOWN',
  DATA_DIR_MISSING: 'DATA_DIR_MISSING',
  HTTP_FAILED: 'HTTP_FAILED',
  /** The GraphQL server could not listen: the port is taken, or HOST is not an address of this machine. */
  SERVER_LISTEN_FAILED: 'SERVER_LISTEN_FAILED',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** A query ran past its transaction timeout (HUBGRAPH_TX_TIMEOUT_MS) and Neo4j stopped it. */
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  ANALYTICS_NOT_CONVERGED: 'ANALYTICS_NOT_CONVERGED',
  GDS_UNAVAILABLE: 'GDS_UNAVAILABLE',
  ANALYTICS_BUSY: 'ANALYTICS_BUSY',
  /** An evaluation's hidden edges were not restored (a crashed run): `hubgraph eval restore` first. */
  EVAL_JOURNAL_EXISTS: 'EVAL_JOURNAL_EXISTS',
  /** Restoring hidden edges did not give back the graph the evaluation started from. */
  EVAL_RESTORE_FAILED: 'EVAL_RESTORE_FAILED',
  /** The graph holds too little for the evaluation asked for (no user or model to sample). */
  EVAL_NO_DATA: 'EVAL_NO_DATA',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

export class HubgraphError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'HubgraphError';
    this.code = code;
    this.hint = options.hint;
  }

  /** The line a person reads: message, then the hint if there is one. */
  toLine(): string {
    return this.hint ? `${this.message} — ${this.hint}` : this.message;
  }
}

export function isHubgraphError(error: unknown): error is HubgraphError {
  return error instanceof HubgraphError;
}
