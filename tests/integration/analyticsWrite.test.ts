/**
 * Analytics write-back against a real Neo4j, on a synthetic graph under this suite's prefix:
 * the values written, idempotence of a second run, and atomicity for readers — a reader that
 * resolves the current run and reads through it, polling while runs are written and flipped,
 * always sees one whole run (never a mix, never a half-written one); and the same poller DOES
 * see a broken view when the flip comes before the writes, so it can tell.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compute, newRunId, runAnalytics, toWriteBack } from '../../src/analytics/run.js';
import { writeBack, type WriteBackInput } from '../../src/analytics/writeBack.js';
import { silentLogger } from '../../src/log.js';
import { loadCypher } from '../../src/neo4j/cypher.js';
import type { Db } from '../../src/neo4j/db.js';
import { buildAnalyticsFixture, scopedSettings } from './analyticsFixtures.js';
import { cleanup, testDb, uniquePrefix } from './neo4j.js';

const log = silentLogger();
const NO_GRACE = { gcGraceMs: 0 };

interface CreatorValues {
  id: string;
  pagerank: number;
  authority: number;
  hub: number;
  hitsAuthority: number;
  communityId: string | null;
  run: string;
  memberOf: string[];
}

/** The live properties, and the key of the community each creator is linked to. */
async function creatorValues(db: Db, p: string): Promise<CreatorValues[]> {
  return db.read<CreatorValues>(
    `MATCH (c:Creator) WHERE c.id STARTS WITH $p
     RETURN c.id AS id, c.pagerank AS pagerank, c.authority AS authority, c.hub AS hub, c.hitsAuthority AS hitsAuthority,
            c.communityId AS communityId, c.analyticsRunId AS run, COLLECT { MATCH (c)-[:IN_COMMUNITY]->(k) RETURN k.key } AS memberOf
     ORDER BY id`,
    { p },
  );
}

async function counts(db: Db, p: string) {
  const [row] = await db.read<{ communities: number; distinctKeys: number; memberships: number; links: number; runs: number; current: number }>(
    `CALL () { MATCH (k:Community) WHERE k.id STARTS WITH $p RETURN count(k) AS communities, count(DISTINCT k.key) AS distinctKeys }
     CALL () { MATCH (n)-[r:IN_COMMUNITY]->(k:Community) WHERE k.id STARTS WITH $p RETURN count(r) AS memberships }
     CALL () { MATCH (:Community)-[l:LINKED_TO]->(k:Community) WHERE k.id STARTS WITH $p RETURN count(l) AS links }
     CALL () { MATCH (r:AnalyticsRun {scope: $p}) RETURN count(r) AS runs, sum(CASE WHEN r.current THEN 1 ELSE 0 END) AS current }
     RETURN communities, distinctKeys, memberships, links, runs, current`,
    { p },
  );
  return row!;
}

interface View {
  run: string | null;
  /** Run ids found in the run's slot on creators and models, and on its memberships. */
  seen: string[];
  scored: number;
  expectedCreators: number;
  communities: number;
  expectedCommunities: number;
  memberships: number;
}

/** What a reader sees in one read: the current run, then everything through its id and slot. */
async function readThroughCurrentRun(db: Db, p: string): Promise<View> {
  const [row] = await db.read<View>(
    `OPTIONAL MATCH (cur:AnalyticsRun {scope: $p, current: true})
     WITH cur ORDER BY cur.computedAt DESC LIMIT 1
     CALL (cur) { MATCH (c:Creator) WHERE c.id STARTS WITH $p
                  RETURN collect(DISTINCT c['analyticsRunId' + cur.slot]) AS a, count(c['analyticsRunId' + cur.slot]) AS scored }
     CALL (cur) { MATCH (m:Model) WHERE m.id STARTS WITH $p AND m['analyticsRunId' + cur.slot] IS NOT NULL
                  RETURN collect(DISTINCT m['analyticsRunId' + cur.slot]) AS b }
     CALL (cur) { MATCH (k:Community) WHERE k.runId = cur.id RETURN count(k) AS communities }
     CALL (cur) { MATCH ()-[i:IN_COMMUNITY]->(k:Community) WHERE k.runId = cur.id RETURN collect(DISTINCT i.runId) AS d, count(i) AS memberships }
     UNWIND (a + b + d + [null]) AS id
     WITH cur, scored, communities, memberships, collect(DISTINCT id) AS seen
     RETURN cur.id AS run, seen, scored, cur.creators AS expectedCreators, communities,
            cur.creatorCommunities + cur.modelCommunities AS expectedCommunities, memberships`,
    { p },
  );
  return { ...row!, seen: [...row!.seen].sort() };
}

/** Polls until `work` ends; returns every view seen (and one after). */
async function pollWhile(db: Db, p: string, work: () => Promise<unknown>): Promise<View[]> {
  const views: View[] = [];
  let done = false;
  const poller = (async () => {
    while (!done) views.push(await readThroughCurrentRun(db, p));
  })();
  try {
    await work();
  } finally {
    done = true;
    await poller;
  }
  views.push(await readThroughCurrentRun(db, p));
  return views;
}

/** A view of one whole run: every value from it, every count complete. */
function whole(v: View): boolean {
  return v.run !== null && v.seen.length === 1 && v.seen[0] === v.run && v.scored === v.expectedCreators && v.communities === v.expectedCommunities;
}

/** The control: the same statements, but the run is made current BEFORE its values are written. */
async function flipFirst(db: Db, input: WriteBackInput, slot: 'A' | 'B'): Promise<void> {
  const q = (name: string) => loadCypher(`analytics/${name}`);
  await db.write(q('write-begin-run'), { scope: input.scope, run: { ...input.run, slot } });
  await db.write(q('write-flip-run'), { scope: input.scope, runId: input.run.id });
  for (let i = 0; i < input.communities.length; i += 50) await db.write(q('write-communities'), { runId: input.run.id, computedAt: input.run.computedAt, rows: input.communities.slice(i, i + 50) });
  for (let i = 0; i < input.creators.length; i += 50) await db.write(q('write-creators'), { runId: input.run.id, slot, rows: input.creators.slice(i, i + 50) });
  for (let i = 0; i < input.models.length; i += 50) await db.write(q('write-models'), { runId: input.run.id, slot, rows: input.models.slice(i, i + 50) });
}

describe('analytics write-back', () => {
  let db: Db;
  const p = uniquePrefix('analytics-write');
  const big = uniquePrefix('analytics-atomic');

  beforeAll(async () => {
    db = testDb();
    await buildAnalyticsFixture(db, p);
  });
  afterAll(async () => {
    await cleanup(db, p);
    await cleanup(db, big);
    await db.write('MATCH (r:AnalyticsRun) WHERE r.scope IN [$p, $big] DELETE r', { p, big });
    await db.close();
  });

  it('writes PageRank (as authority), HITS and communities on every creator of the scope, stamped with the run', async () => {
    const result = await runAnalytics(db, scopedSettings(p), log, NO_GRACE);
    const creators = await creatorValues(db, p);
    expect(creators).toHaveLength(2 * 12 + 2 * 40);
    const runId = result.run.id;
    expect(runId.startsWith(`${p}run-`)).toBe(true);
    expect(creators.every((c) => c.run === runId && c.authority === c.pagerank)).toBe(true);
    expect(creators.reduce((s, c) => s + c.pagerank, 0)).toBeCloseTo(1, 9);
    expect(creators.reduce((s, c) => s + c.hitsAuthority, 0)).toBeCloseTo(1, 9);
    // The followed creators (not the users) hold the authority.
    const top = [...creators].sort((a, b) => b.pagerank - a.pagerank).slice(0, 5);
    expect(top.every((c) => /\/c\d-\d+$/.test(c.id))).toBe(true);
    // communityId (a key) matches the IN_COMMUNITY relationship; no community mixes the two clusters.
    for (const c of creators) expect(c.memberOf).toEqual(c.communityId === null ? [] : [c.communityId]);
    const clusterOf = (id: string) => id.slice(p.length + 1, p.length + 2);
    const clustersByCommunity = new Map<string, Set<string>>();
    for (const c of creators.filter((x) => x.communityId !== null && /\/c\d-/.test(x.id))) {
      clustersByCommunity.set(c.communityId!, (clustersByCommunity.get(c.communityId!) ?? new Set()).add(clusterOf(c.id)));
    }
    expect(clustersByCommunity.size).toBeGreaterThanOrEqual(2);
    for (const clusters of clustersByCommunity.values()) expect(clusters.size).toBe(1);
    expect(creators.filter((c) => /\/c\d-/.test(c.id) && c.communityId !== null).length).toBeGreaterThanOrEqual(20);
    // Model communities: the two topic groups.
    const models = await db.read<{ id: string; communityId: string | null; run: string | null }>(
      'MATCH (m:Model) WHERE m.id STARTS WITH $p RETURN m.id AS id, m.communityId AS communityId, m.analyticsRunId AS run ORDER BY id',
      { p },
    );
    expect(models).toHaveLength(2 * (1 + 4 * 3));
    expect(models.every((m) => m.run === runId && m.communityId !== null)).toBe(true);
    expect(new Set(models.map((m) => m.communityId)).size).toBe(2);
    const [run] = await db.read<{ current: boolean; status: string; slot: string; creatorModularity: number; creatorCommunities: number }>(
      'MATCH (r:AnalyticsRun {id: $id}) RETURN r.current AS current, r.status AS status, r.slot AS slot, r.creatorModularity AS creatorModularity, r.creatorCommunities AS creatorCommunities',
      { id: runId },
    );
    expect(run).toMatchObject({ current: true, status: 'complete', slot: 'A', creatorCommunities: result.run.creatorCommunities });
    expect(run!.creatorModularity).toBeCloseTo(result.run.creatorModularity, 12);
    expect(whole(await readThroughCurrentRun(db, p))).toBe(true);
  });

  it('is idempotent: a second run writes the same values, no duplicate Community node, one current run', async () => {
    const before = await creatorValues(db, p);
    const countsBefore = await counts(db, p);
    const second = await runAnalytics(db, scopedSettings(p), log, NO_GRACE);
    const after = await creatorValues(db, p);
    const countsAfter = await counts(db, p);
    expect(second.write.slot).toBe('B');
    expect(after.map(({ run: _r, ...v }) => v)).toEqual(before.map(({ run: _r, ...v }) => v));
    expect(after.every((c) => c.run === second.run.id)).toBe(true);
    expect(countsAfter).toEqual({ ...countsBefore, runs: countsBefore.runs + 1 });
    expect(countsAfter.communities).toBe(countsAfter.distinctKeys);
    expect(countsAfter.current).toBe(1);
    // The slots hold the same values: A from the first run, B from the second.
    const slots = await db.read<{ same: boolean }>(
      `MATCH (c:Creator) WHERE c.id STARTS WITH $p
       RETURN c.pagerankA = c.pagerankB AND c.hubB = c.hub AND coalesce(c.communityIdA, '') = coalesce(c.communityIdB, '') AS same`,
      { p },
    );
    expect(slots.every((r) => r.same)).toBe(true);
  });

  it('removes a value the new run no longer has (a model that lost every shared tag, task, paper and base)', async () => {
    const lonely = `${p}c0-1/m0`;
    await db.write('MATCH (m:Model {id: $id})-[r]->() DELETE r', { id: lonely });
    const third = await runAnalytics(db, scopedSettings(p), log, NO_GRACE);
    const [m] = await db.read<{ communityId: string | null; run: string | null; memberships: number; slotRun: string | null }>(
      'MATCH (m:Model {id: $id}) RETURN m.communityId AS communityId, m.analyticsRunId AS run, m.analyticsRunIdA AS slotRun, COUNT { (m)-[:IN_COMMUNITY]->() } AS memberships',
      { id: lonely },
    );
    expect(third.write.slot).toBe('A');
    expect(m).toEqual({ communityId: null, run: null, memberships: 0, slotRun: null });
    const view = await readThroughCurrentRun(db, p);
    expect(view.run).toBe(third.run.id);
    expect(whole(view)).toBe(true);
  });

  describe('atomicity for readers, on a larger graph (2,400 users, 240 creators, ~12k follows)', () => {
    let input: WriteBackInput;
    const size = { clusters: 4, creatorsPerCluster: 60, usersPerCluster: 600, followsPerUser: 5, publishers: 20 };
    const nextRun = (n: number): WriteBackInput => {
      const at = new Date(Date.now() + n);
      return { ...input, run: { ...input.run, id: newRunId(big, at, 42), computedAt: at.toISOString() } };
    };

    beforeAll(async () => {
      await buildAnalyticsFixture(db, big, size);
      const settings = scopedSettings(big);
      const computation = await compute(db, settings, log);
      const at = new Date();
      input = toWriteBack(computation, settings, {
        id: newRunId(big, at, settings.seed),
        engine: settings.engine,
        seed: settings.seed,
        damping: settings.damping,
        resolution: settings.resolution,
        startedAt: at.toISOString(),
        computedAt: at.toISOString(),
        computeSeconds: 0,
      });
      await writeBack(db, input, { batchSize: 200, gcGraceMs: 0 });
    }, 180_000);

    it('a reader resolving the current run sees one whole run at every poll while runs are written and flipped', async () => {
      const runs = [nextRun(1), nextRun(2), nextRun(3), nextRun(4)];
      const views = await pollWhile(db, big, async () => {
        for (const run of runs) await writeBack(db, run, { batchSize: 100, gcGraceMs: 1500 });
      });
      expect(views.length).toBeGreaterThan(20);
      const broken = views.filter((v) => !whole(v));
      expect(broken).toEqual([]);
      // The polls overlapped the write-backs: several runs were seen, the last view is the last run.
      expect(new Set(views.map((v) => v.run)).size).toBeGreaterThan(2);
      expect(views.at(-1)!.run).toBe(runs.at(-1)!.run.id);
      // Memberships of a run never change while it is current.
      const memberships = new Map<string, Set<number>>();
      for (const v of views) memberships.set(v.run!, (memberships.get(v.run!) ?? new Set()).add(v.memberships));
      for (const m of memberships.values()) expect(m.size).toBe(1);
    }, 180_000);

    it('the same poller sees broken views when a run is made current before it is written (control)', async () => {
      const views = await pollWhile(db, big, () => flipFirst(db, nextRun(10), 'A'));
      expect(views.some((v) => !whole(v))).toBe(true);
      // Put a whole run back for the next suites.
      await writeBack(db, nextRun(11), { batchSize: 500, gcGraceMs: 0 });
      expect(whole(await readThroughCurrentRun(db, big))).toBe(true);
    }, 180_000);
  });
});
