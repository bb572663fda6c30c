/**
 * The one owner of driver sessions. Reads go through executeRead and writes through executeWrite,
 * so the driver retries transient failures and, with a `neo4j://` URI, routes reads to readers and
 * writes to the leader of a cluster or Aura. Every session is closed in `finally`; every
 * transaction carries metadata naming the caller (visible in `SHOW TRANSACTIONS` and query.log).
 */
import neo4j, { type Driver, type ManagedTransaction, type QueryResult } from 'neo4j-driver';
import type { Neo4jConnectionConfig } from '../config.js';
import type { Logger } from '../log.js';
import { mapNeo4jError, type ConnectionTarget } from './errors.js';
import { createOutageGuard, type CallHooks, type Outage, type OutageGuardOptions } from './outage.js';
import { recordToPlain, toParams } from './values.js';

export interface RunOptions {
  /** Names the caller in transaction metadata (e.g. `followOfFollow`). */
  op?: string;
  timeoutMs?: number;
}

export interface WriteSummary {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
  constraintsAdded: number;
  indexesAdded: number;
}

export interface Db {
  readonly uri: string;
  readonly database: string;
  /** Runs one read query; rows come back as plain objects (no neo4j Integers). */
  read<T = Record<string, unknown>>(cypher: string, params?: Record<string, unknown>, options?: RunOptions): Promise<T[]>;
  /** Runs one write query in a managed write transaction. */
  write<T = Record<string, unknown>>(
    cypher: string,
    params?: Record<string, unknown>,
    options?: RunOptions,
  ): Promise<{ rows: T[]; summary: WriteSummary }>;
  /** Several statements in one managed write transaction (all or nothing). */
  writeTx<T>(work: (tx: ManagedTransaction) => Promise<T>, options?: RunOptions): Promise<T>;
  readTx<T>(work: (tx: ManagedTransaction) => Promise<T>, options?: RunOptions): Promise<T>;
  /** Fails with a catalogue error (auth, unreachable, no database) when the server can't be used. */
  verify(): Promise<{ version: string; edition: string }>;
  /** Null while Neo4j is reachable; else since when it is not, and why (calls fail fast meanwhile). */
  outage(): Outage | null;
  close(): Promise<void>;
}

export interface CreateDbOptions {
  connection: Neo4jConnectionConfig;
  log: Logger;
  /** The URI is the project's own local Neo4j (for error hints). */
  local?: boolean;
  maxConnectionPoolSize?: number;
  /** Tuning of the fail-fast guard (src/neo4j/outage.ts); tests shorten it. */
  outage?: OutageGuardOptions;
}

export function summarize(result: QueryResult): WriteSummary {
  const u = result.summary.counters.updates();
  return {
    nodesCreated: u.nodesCreated,
    nodesDeleted: u.nodesDeleted,
    relationshipsCreated: u.relationshipsCreated,
    relationshipsDeleted: u.relationshipsDeleted,
    propertiesSet: u.propertiesSet,
    constraintsAdded: u.constraintsAdded,
    indexesAdded: u.indexesAdded,
  };
}

export function createDb(options: CreateDbOptions): Db {
  const { connection, log } = options;
  const target: ConnectionTarget = {
    uri: connection.uri,
    user: connection.user,
    database: connection.database,
    local: options.local ?? false,
  };
  const driver: Driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
    maxConnectionPoolSize: options.maxConnectionPoolSize ?? 50,
    connectionAcquisitionTimeout: 30_000,
    // Fail fast on a closed port instead of the driver's default 30 s.
    connectionTimeout: 5_000,
    maxTransactionRetryTime: 15_000,
    disableLosslessIntegers: false,
    // The driver's own error logs repeat what it throws (and we map and report): keep them at debug.
    logging: {
      level: 'warn',
      logger: (_level, message) => log.debug({ neo4jDriver: true }, message),
    },
  });

  const config = (o: RunOptions | undefined) => ({
    metadata: { app: 'hubgraph', op: o?.op ?? 'unnamed' },
    ...(o?.timeoutMs ? { timeout: o.timeoutMs } : {}),
  });

  const guard = createOutageGuard(connection, target, log, options.outage);

  /** A transaction's work that tells the guard what its queries failed with. */
  const observed =
    <T>(work: (tx: ManagedTransaction) => Promise<T>, hooks: CallHooks) =>
    async (tx: ManagedTransaction): Promise<T> => {
      try {
        return await work(tx);
      } catch (error) {
        hooks.failed(error);
        throw error;
      }
    };

  function withSession<T>(
    mode: 'READ' | 'WRITE',
    o: RunOptions | undefined,
    work: (s: ReturnType<Driver['session']>, hooks: CallHooks) => Promise<T>,
  ): Promise<T> {
    return guard.run(async (hooks) => {
      const session = driver.session({
        database: connection.database,
        defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      });
      // Answered with the outage already: closing cancels the driver's pending retries.
      const closeNow = () => void session.close().catch(() => {});
      hooks.abandoned.addEventListener('abort', closeNow, { once: true });
      try {
        return await work(session, hooks);
      } catch (error) {
        throw mapNeo4jError(error, target, o?.timeoutMs);
      } finally {
        hooks.abandoned.removeEventListener('abort', closeNow);
        await session.close();
      }
    });
  }

  return {
    uri: connection.uri,
    database: connection.database,
    read(cypher, params = {}, o) {
      return withSession('READ', o, (s, hooks) =>
        s.executeRead(
          observed(async (tx) => (await tx.run(cypher, toParams(params))).records.map((r) => recordToPlain(r)), hooks),
          config(o),
        ),
      );
    },
    write(cypher, params = {}, o) {
      return withSession('WRITE', o, (s, hooks) =>
        s.executeWrite(
          observed(async (tx) => {
            const result = await tx.run(cypher, toParams(params));
            return { rows: result.records.map((r) => recordToPlain(r)), summary: summarize(result) };
          }, hooks),
          config(o),
        ),
      );
    },
    writeTx(work, o) {
      return withSession('WRITE', o, (s, hooks) => s.executeWrite(observed(work, hooks), config(o)));
    },
    readTx(work, o) {
      return withSession('READ', o, (s, hooks) => s.executeRead(observed(work, hooks), config(o)));
    },
    outage: () => guard.current(),
    async verify() {
      try {
        const info = await driver.getServerInfo({ database: connection.database });
        const rows = await this.read<{ version: string; edition: string }>(
          'CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition',
          {},
          { op: 'verify' },
        );
        return { version: rows[0]?.version ?? info.agent ?? 'unknown', edition: rows[0]?.edition ?? 'unknown' };
      } catch (error) {
        throw mapNeo4jError(error, target);
      }
    },
    async close() {
      await guard.close();
      await driver.close();
    },
  };
}

/**
 * The same Db with default run options: every read, write, readTx and writeTx that sets no
 * `timeoutMs` gets this one, so Neo4j stops a runaway query and the caller gets QUERY_TIMEOUT.
 * The API wraps the Db it hands each request (HUBGRAPH_TX_TIMEOUT_MS) so domain functions need not
 * carry a timeout. The wrapper shares the driver: `close()` closes it for both.
 */
export function withDefaults(db: Db, defaults: { timeoutMs: number }): Db {
  const withTimeout = (o: RunOptions | undefined): RunOptions => ({ ...o, timeoutMs: o?.timeoutMs ?? defaults.timeoutMs });
  return {
    uri: db.uri,
    database: db.database,
    read: (cypher, params, o) => db.read(cypher, params, withTimeout(o)),
    write: (cypher, params, o) => db.write(cypher, params, withTimeout(o)),
    readTx: (work, o) => db.readTx(work, withTimeout(o)),
    writeTx: (work, o) => db.writeTx(work, withTimeout(o)),
    verify: () => db.verify(),
    outage: () => db.outage(),
    close: () => db.close(),
  };
}

/**
 * Runs `work` with a Db whose reads all go through one managed read transaction: one session, one
 * BEGIN and COMMIT, one connection, for a question that asks several queries (recommendedCreators
 * blends five signals). Each managed transaction costs Neo4j and the driver a BEGIN/COMMIT exchange
 * and a pooled connection; in one, the queries are pipelined on that connection. The feed runs a
 * page's queries in one too (about 1 ms of CPU less a page once its queries had become cheap; when
 * they cost tens of ms it measured no gain). The driver retries `work` as a whole on a transient
 * error, so work must only read. `op` names the transaction; the per-query `op`s are not sent (metadata is per transaction).
 * Writes through the given Db fail; nested readTx/oneRead calls join the same transaction.
 */
export function oneRead<T>(db: Db, op: string, work: (db: Db) => Promise<T>): Promise<T> {
  return db.readTx((tx) => work(transactionDb(db, tx)), { op });
}

function transactionDb(db: Db, tx: ManagedTransaction): Db {
  const readOnly = (): never => {
    throw new Error('oneRead: the transaction is read-only (writes need their own executeWrite)');
  };
  return {
    uri: db.uri,
    database: db.database,
    read: async (cypher, params = {}) => (await tx.run(cypher, toParams(params))).records.map((r) => recordToPlain(r)),
    write: readOnly,
    writeTx: readOnly,
    readTx: (work) => work(tx),
    verify: () => db.verify(),
    outage: () => db.outage(),
    // The outer Db owns the driver.
    close: () => Promise.resolve(),
  };
}
