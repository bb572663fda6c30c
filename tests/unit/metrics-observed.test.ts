/**
 * observeDb over a stand-in Db: calls in flight, the time of each call per kind and transaction
 * name, the wait before a transaction function first runs, and failures by code. The real Db runs
 * under it in tests/integration/metrics.test.ts.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { ErrorCodes, HubgraphError } from '../../src/errors.js';
import { silentLogger } from '../../src/log.js';
import { createMetrics } from '../../src/metrics.js';
import { observeDb } from '../../src/neo4j/observed.js';
import { standInDb } from './standInDb.js';

function setup(overrides: Parameters<typeof standInDb>[0] = {}) {
  const metrics = createMetrics({ db: standInDb(), log: silentLogger(), processMetrics: false });
  const db = observeDb(standInDb(overrides), metrics);
  const m = metrics.neo4j;
  return {
    db,
    metrics,
    inUse: async () => (await m.sessionsInUse.get()).values[0]?.value ?? 0,
    calls: async (kind: string, op: string) =>
      (await m.callSeconds.get()).values.find((v) => v.metricName?.endsWith('_count') && v.labels.kind === kind && v.labels.op === op)?.value ?? 0,
    acquired: async (kind: string) => (await m.acquireSeconds.get()).values.find((v) => v.metricName?.endsWith('_count') && v.labels.kind === kind)?.value ?? 0,
    errors: async () => Object.fromEntries((await m.errors.get()).values.map((v) => [`${v.labels.kind} ${v.labels.code}`, v.value])),
  };
}

const TX = {} as ManagedTransaction;

describe('observeDb', () => {
  it('counts a call in flight while it runs, and times it under its kind and name', async () => {
    let finish: (rows: unknown[]) => void = () => {};
    const t = setup({ read: <T>() => new Promise<T[]>((resolve) => (finish = resolve as (rows: unknown[]) => void)) });
    const pending = t.db.read('RETURN 1', {}, { op: 'followOfFollow' });
    expect(await t.inUse()).toBe(1);
    finish([{ ok: 1 }]);
    expect(await pending).toEqual([{ ok: 1 }]);
    expect(await t.inUse()).toBe(0);
    expect(await t.calls('read', 'followOfFollow')).toBe(1);
    await t.db.write('CREATE ()');
    expect(await t.calls('write', 'unnamed')).toBe(1);
  });

  it('counts failures by catalogue code, or Neo4j’s own when it passed unmapped, and lets them through', async () => {
    const unavailable = new HubgraphError(ErrorCodes.NEO4J_UNAVAILABLE, 'Cannot reach Neo4j');
    const syntax = Object.assign(new Error('Invalid input'), { code: 'Neo.ClientError.Statement.SyntaxError' });
    const t = setup({
      read: async () => {
        throw unavailable;
      },
      write: async () => {
        throw syntax;
      },
    });
    await expect(t.db.read('RETURN 1')).rejects.toBe(unavailable);
    await expect(t.db.read('RETURN 1')).rejects.toBe(unavailable);
    await expect(t.db.write('RETURN')).rejects.toBe(syntax);
    expect(await t.errors()).toEqual({ 'read NEO4J_UNAVAILABLE': 2, 'write Neo.ClientError.Statement.SyntaxError': 1 });
    expect(await t.inUse()).toBe(0);
  });

  it('times the wait before a transaction function first runs, once however often the driver retries it', async () => {
    const t = setup({
      // As the driver does on a transient error: the work runs again.
      readTx: async <T>(work: (tx: ManagedTransaction) => Promise<T>) => {
        await work(TX).catch(() => undefined);
        return work(TX);
      },
      writeTx: async <T>(work: (tx: ManagedTransaction) => Promise<T>) => work(TX),
    });
    let runs = 0;
    const answer = await t.db.readTx(async () => {
      runs++;
      if (runs === 1) throw new Error('transient');
      return 'ok';
    }, { op: 'recommendedCreators' });
    expect(answer).toBe('ok');
    expect(runs).toBe(2);
    expect(await t.acquired('readTx')).toBe(1);
    expect(await t.calls('readTx', 'recommendedCreators')).toBe(1);
    await t.db.writeTx(async () => 'done');
    expect(await t.acquired('writeTx')).toBe(1);
  });

  it('passes the rest of the Db through', async () => {
    let closed = false;
    const t = setup({
      close: async () => {
        closed = true;
      },
    });
    expect(t.db.uri).toBe('bolt://stand-in');
    expect(t.db.database).toBe('neo4j');
    expect(await t.db.verify()).toEqual({ version: '5.26', edition: 'community' });
    await t.db.close();
    expect(closed).toBe(true);
  });
});
