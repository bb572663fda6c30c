/**
 * Fail fast while Neo4j is unreachable, and notice at once when it is back.
 *
 * The driver retries an unreachable server inside executeRead/executeWrite for
 * maxTransactionRetryTime and reports nothing meanwhile, so without this a request waits 17–30 s
 * and a job with many transactions queued waits for each in turn (issue 17: one sat for minutes).
 * The guard marks Neo4j down on the first sign of it — a query whose connection breaks, or a call
 * still pending after `stallMs` while a one-shot probe fails (the driver may be retrying silently,
 * or a stopping Neo4j may hold the query) — and then:
 * every call in flight rejects at once, every new call rejects before touching the driver, and a
 * probe runs every `probeEveryMs` until Neo4j answers again. Probes use a driver of their own (one
 * connection, no retries), so a busy main pool never reads as an outage.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { ErrorCodes, HubgraphError } from '../errors.js';
import type { Logger } from '../log.js';
import { mapNeo4jError, type ConnectionTarget } from './errors.js';

export interface Outage {
  since: Date;
  /** The first error that showed it, in one line. */
  reason: string;
}

export interface OutageGuardOptions {
  /** A call pending this long triggers a probe, and another every third of it (default 750 ms). */
  stallMs?: number;
  /** How often a probe runs while down (default 500 ms). */
  probeEveryMs?: number;
  /** A probe that cannot connect within this long fails (default 1000 ms). */
  probeTimeoutMs?: number;
}

export interface CallHooks {
  failed: (error: unknown) => void;
  abandoned: AbortSignal;
}

export interface OutageGuard {
  /** Null while Neo4j is reachable. */
  current(): Outage | null;
  /**
   * Runs `call` unless Neo4j is down; rejects with NEO4J_UNAVAILABLE as soon as an outage is
   * known, even while the driver is still retrying underneath. `call` gets `failed(error)` to
   * report an error a query saw, and `abandoned`, a signal aborted when the caller has been
   * answered with the outage (close the session then: it cancels the driver's pending retries, so
   * a failing job can exit).
   */
  run<T>(call: (hooks: CallHooks) => Promise<T>): Promise<T>;
  /** One probe now (joins a running one): true when Neo4j answered. */
  check(): Promise<boolean>;
  close(): Promise<void>;
}

/** A connected Neo4j that has not answered db.ping() in this long is as good as down (a frozen JVM). */
const PROBE_ANSWER_MS = 10_000;

/** Driver codes that mean the server (or its database) cannot be used at all, not that a query was wrong. */
const OUTAGE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

export function isOutageError(error: unknown): boolean {
  if (error instanceof HubgraphError) return error.code === ErrorCodes.NEO4J_UNAVAILABLE;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && OUTAGE_CODES.has(code);
}

export function createOutageGuard(
  connection: { uri: string; user: string; password: string; database: string },
  target: ConnectionTarget,
  log: Logger,
  options: OutageGuardOptions = {},
): OutageGuard {
  const stallMs = options.stallMs ?? 750;
  const probeEveryMs = options.probeEveryMs ?? 500;
  const probeTimeoutMs = options.probeTimeoutMs ?? 1000;
  let probeDriver: Driver | null = null;
  let outage: Outage | null = null;
  let probing: Promise<boolean> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  // Calls in flight, each with what ends it when an outage is declared.
  const inFlight = new Set<(error: HubgraphError) => void>();

  // What callers get while down: the first error's own words (and hint), and since when.
  let failure: HubgraphError | null = null;

  function markDown(error: unknown): void {
    if (outage !== null || closed) return;
    const mapped = mapNeo4jError(error, target);
    const first = mapped instanceof HubgraphError ? mapped : null;
    const message = first?.message ?? (error instanceof Error ? error.message : String(error));
    outage = { since: new Date(), reason: message.split('\n')[0] ?? message };
    failure = new HubgraphError(
      ErrorCodes.NEO4J_UNAVAILABLE,
      `${outage.reason.startsWith('Cannot reach') ? outage.reason : `Cannot reach Neo4j at ${target.uri}: ${outage.reason}`} (down since ${outage.since.toISOString()})`,
      first?.hint === undefined ? {} : { hint: first.hint },
    );
    log.warn({ uri: target.uri, reason: outage.reason }, 'Neo4j is unreachable: failing calls fast and probing for it');
    for (const end of inFlight) end(failure);
    inFlight.clear();
    schedule();
  }

  function schedule(): void {
    if (timer !== null || closed) return;
    timer = setTimeout(() => {
      timer = null;
      void check().then((up) => {
        if (!up) schedule();
      });
    }, probeEveryMs);
    timer.unref();
  }

  async function probeOnce(): Promise<void> {
    probeDriver ??= neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
      maxConnectionPoolSize: 1,
      // An unreachable host fails here; a slow but connected Neo4j is not an outage, so no timer on the answer.
      connectionTimeout: probeTimeoutMs,
      connectionAcquisitionTimeout: PROBE_ANSWER_MS,
      logging: { level: 'error', logger: () => {} },
    });
    const session = probeDriver.session({ database: connection.database, defaultAccessMode: neo4j.session.READ });
    let timeout: NodeJS.Timeout | undefined;
    try {
      // One auto-commit statement: a probe must not retry, and reads nothing.
      await Promise.race([
        session.run('CALL db.ping()'),
        new Promise((_, reject) => {
          timeout = setTimeout(() => reject(new Error(`connected, but no answer to db.ping() within ${PROBE_ANSWER_MS / 1000} s`)), PROBE_ANSWER_MS);
        }),
      ]);
    } finally {
      clearTimeout(timeout);
      void session.close().catch(() => {});
    }
  }

  function check(): Promise<boolean> {
    probing ??= probeOnce().then(
      () => {
        if (outage !== null) log.info({ uri: target.uri, downSeconds: (Date.now() - outage.since.getTime()) / 1000 }, 'Neo4j answers again');
        outage = null;
        failure = null;
        return true;
      },
      (error: unknown) => {
        markDown(error);
        return false;
      },
    ).finally(() => (probing = null));
    return probing;
  }

  return {
    current: () => outage,
    check,
    run<T>(call: (hooks: CallHooks) => Promise<T>): Promise<T> {
      if (outage !== null && failure !== null) return Promise.reject(failure);
      return new Promise<T>((resolve, reject) => {
        // A broken connection under a query shows as an error, but a driver retrying (connect, BEGIN,
        // COMMIT) and a stopping Neo4j holding a query are silent: a call pending that long is checked
        // with a probe. A probe that connects and answers changes nothing, so a slow query costs a ping.
        const started = Date.now();
        const abandon = new AbortController();
        const stall = setInterval(() => {
          if (Date.now() - started >= stallMs) void check();
        }, Math.max(50, stallMs / 3));
        stall.unref();
        const end = (error: HubgraphError) => {
          clearInterval(stall);
          reject(error);
          abandon.abort(error);
        };
        inFlight.add(end);
        call({
          abandoned: abandon.signal,
          failed: (error) => {
            if (isOutageError(error)) markDown(error);
          },
        }).then(
          (value) => {
            clearInterval(stall);
            inFlight.delete(end);
            resolve(value);
          },
          (error: unknown) => {
            clearInterval(stall);
            inFlight.delete(end);
            if (isOutageError(error)) markDown(error);
            // Its own error, which says more than the outage's summary.
            // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- passed on unchanged, whatever it is
            reject(error);
          },
        );
      });
    },
    async close() {
      closed = true;
      if (timer !== null) clearTimeout(timer);
      inFlight.clear();
      await probeDriver?.close();
    },
  };
}
