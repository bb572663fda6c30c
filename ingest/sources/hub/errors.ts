/**
 * The one error the Hub client throws. It is a HubgraphError (code HTTP_FAILED) so the CLI prints
 * its message and hint without a stack; it also says whether a retry could help, the way
 * neo4j-driver errors do, so the retry policy reads the error instead of re-deriving it.
 */
import { ErrorCodes, HubgraphError } from '../../../src/errors.js';

export interface HubHttpErrorDetails {
  /** The URL requested (never carries the token: that travels in a header). */
  url: string;
  /** What went wrong, e.g. `HTTP 401 Unauthorized — Invalid credentials`. */
  reason: string;
  /** HTTP status, or null when no response came back (network error, timeout). */
  status: number | null;
  /** True for 429, 5xx and network failures: the same request may succeed later. */
  retriable: boolean;
  /** The server's Retry-After, in ms, when it sent one. */
  retryAfterMs?: number | null;
  /** Attempts made when the error is final. */
  attempts?: number;
  hint?: string;
  cause?: unknown;
}

export class HubHttpError extends HubgraphError {
  readonly url: string;
  readonly reason: string;
  readonly status: number | null;
  readonly retriable: boolean;
  readonly retryAfterMs: number | null;
  readonly attempts: number | undefined;

  constructor(details: HubHttpErrorDetails) {
    const after = details.attempts === undefined ? '' : ` after ${details.attempts} attempts`;
    super(ErrorCodes.HTTP_FAILED, `GET ${details.url} failed${after}: ${details.reason}`, {
      ...(details.hint === undefined ? {} : { hint: details.hint }),
      ...(details.cause === undefined ? {} : { cause: details.cause }),
    });
    this.name = 'HubHttpError';
    this.url = details.url;
    this.reason = details.reason;
    this.status = details.status;
    this.retriable = details.retriable;
    this.retryAfterMs = details.retryAfterMs ?? null;
    this.attempts = details.attempts;
  }
}

export function isHubHttpError(error: unknown): error is HubHttpError {
  return error instanceof HubHttpError;
}

/** Whether HTTP status `status` is worth retrying: rate limited, or the server's own fault. */
export function isRetriableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** What a person can do about a status the client will not retry. */
export function hintForStatus(status: number): string | undefined {
  if (status === 401) {
    return 'the Hugging Face token is missing, expired or invalid: check the token given to hubgraph';
  }
  if (status === 403) return 'the token lacks access to this resource (gated or private repository?)';
  if (status === 404) return 'the user, organization or repository may not exist, or may be private';
  return undefined;
}
