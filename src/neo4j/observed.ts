/**
 * A Db that reports its use to /metrics (src/metrics.ts, docs/metrics.md). neo4j-driver publishes
 * no statistics of its connection pool, so the pool is watched from outside, call by call: how many
 * calls are in flight (each holds a pooled connection or waits for one), how long each waited and
 * ran, and what each failure's code was. A transaction function also shows the wait alone: the
 * time before the driver first runs it is the wait for a connection plus BEGIN.
 *
 * The API wraps the Db it hands requests (src/graphql/server.ts); the wrapper shares the driver.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { boundedLabel, errorCodeLabel, type Metrics, type Neo4jCallKind } from '../metrics.js';
import type { Db, RunOptions } from './db.js';

/** What the wrapper records into. */
export type Neo4jMetrics = Pick<Metrics, 'neo4j'>;

export function observeDb(db: Db, metrics: Neo4jMetrics): Db {
  const m = metrics.neo4j;

  async function timed<T>(kind: Neo4jCallKind, o: RunOptions | undefined, call: () => Promise<T>): Promise<T> {
    // Transaction names come from code (`followOfFollow`, `ingest.models`), never from clients.
    const end = m.callSeconds.startTimer({ kind, op: boundedLabel(o?.op, 'unnamed') });
    m.sessionsInUse.inc();
    try {
      return await call();
    } catch (error) {
      m.errors.inc({ kind, code: errorCodeLabel(error) });
      throw error;
    } finally {
      m.sessionsInUse.dec();
      end();
    }
  }

  /** The work, timing the wait before its first run (the driver runs it again on a retry). */
  function waited<T>(kind: Neo4jCallKind, work: (tx: ManagedTransaction) => Promise<T>) {
    const started = performance.now();
    let first = true;
    return (tx: ManagedTransaction): Promise<T> => {
      if (first) {
        first = false;
        m.acquireSeconds.observe({ kind }, (performance.now() - started) / 1000);
      }
      return work(tx);
    };
  }

  return {
    // Whatever else a Db offers (verify, close, …) passes through as it is.
    ...db,
    read: (cypher, params, o) => timed('read', o, () => db.read(cypher, params, o)),
    write: (cypher, params, o) => timed('write', o, () => db.write(cypher, params, o)),
    readTx: (work, o) => timed('readTx', o, () => db.readTx(waited('readTx', work), o)),
    writeTx: (work, o) => timed('writeTx', o, () => db.writeTx(waited('writeTx', work), o)),
  };
}
