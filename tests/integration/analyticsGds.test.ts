/**
 * The `gds` engine (Neo4j Graph Data Science) against the `graphology` engine, on a synthetic graph
 * and on the demo corpus (loaded here if no earlier suite did): top-20 PageRank, HITS authority and
 * hub overlap ≥ 70 %, modularity within 3 %. GDS is required: the local test Neo4j loads it when
 * `hubgraph analytics gds-install` has resolved it (CI does, .ci/run); a Neo4j without it fails
 * every test here with GDS_UNAVAILABLE and the fix, never a skip. (The error itself is unit-tested
 * in tests/unit/analytics-gds.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gdsVersion } from '../../src/analytics/gds.js';
import { compute, type Computation } from '../../src/analytics/run.js';
import { HubgraphError } from '../../src/errors.js';
import { silentLogger } from '../../src/log.js';
import type { Db } from '../../src/neo4j/db.js';
import { buildAnalyticsFixture, scopedSettings } from './analyticsFixtures.js';
import { ensureDemo } from './demo.js';
import { cleanup, testDb, testNeo4j, uniquePrefix } from './neo4j.js';

const log = silentLogger();

function topOverlap(a: Record<string, number>, b: Record<string, number>, k = 20): number {
  const top = (r: Record<string, number>) => Object.entries(r).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, k).map(([id]) => id);
  const other = new Set(top(b));
  return top(a).filter((id) => other.has(id)).length / k;
}

function maxDifference(a: Record<string, number>, b: Record<string, number>): number {
  let max = 0;
  for (const [id, x] of Object.entries(a)) max = Math.max(max, Math.abs(x - (b[id] ?? 0)));
  return max;
}

/** Asserts the engines agree; returns the figures (printed for the demo corpus). */
function expectAgreement(g: Computation, d: Computation): Record<string, number> {
  const figures = {
    top20PageRank: topOverlap(g.pagerank, d.pagerank),
    top20HitsAuthority: topOverlap(g.hitsAuthority, d.hitsAuthority),
    top20Hub: topOverlap(g.hub, d.hub),
    pagerankMaxDifference: maxDifference(g.pagerank, d.pagerank),
    creatorModularity: g.creatorPartition.modularity,
    creatorModularityGds: d.creatorPartition.modularity,
    modelModularity: g.modelPartition.modularity,
    modelModularityGds: d.modelPartition.modularity,
  };
  expect(d.creators.length).toBe(g.creators.length);
  expect(d.follows).toBe(g.follows);
  expect(figures.top20PageRank).toBeGreaterThanOrEqual(0.7);
  expect(figures.top20HitsAuthority).toBeGreaterThanOrEqual(0.7);
  expect(figures.top20Hub).toBeGreaterThanOrEqual(0.7);
  const within = (x: number, y: number) => Math.abs(x - y) / Math.max(Math.abs(x), 1e-12);
  expect(within(g.creatorPartition.modularity, d.creatorPartition.modularity)).toBeLessThan(0.03);
  expect(within(g.modelPartition.modularity, d.modelPartition.modularity)).toBeLessThan(0.03);
  return figures;
}

describe('GDS engine', () => {
  let db: Db;
  let gds: string | null = null;
  let missing = '';
  const p = uniquePrefix('gds');

  /** Fails the calling test, naming the fix, when GDS is not in the test Neo4j. */
  function requireGds(): void {
    if (gds === null) throw new Error(missing);
  }

  beforeAll(async () => {
    db = testDb();
    try {
      gds = await gdsVersion(db);
    } catch (error) {
      const n = testNeo4j();
      const fix = n.local
        ? 'run `node bin/hubgraph.js analytics gds-install` (CI: .ci/run does), stop the test Neo4j if it still runs ' +
          `(\`HUBGRAPH_NEO4J_DIR=${n.local.home} HUBGRAPH_NEO4J_BOLT_PORT=${n.local.boltPort} HUBGRAPH_NEO4J_HTTP_PORT=${n.local.httpPort} node bin/hubgraph.js neo4j stop\`) and run the tests again`
        : `install Graph Data Science 2.13 in the Neo4j at ${n.uri} (the jars of neo4j/target/plugins-gds after \`hubgraph analytics gds-install\`, gds.* allowed and unrestricted)`;
      const why = error instanceof HubgraphError ? `[${error.code}] ${error.message}` : String(error);
      missing = `The integration tests need Graph Data Science in their Neo4j: ${why} — fix: ${fix}`;
    }
    await buildAnalyticsFixture(db, p);
  });
  afterAll(async () => {
    await cleanup(db, p);
    await db.close();
  });

  it('finds Graph Data Science 2.13 in the test Neo4j', () => {
    requireGds();
    expect(gds).toMatch(/^2\.13\./);
  });

  it('agrees with graphology on a synthetic graph', async () => {
    requireGds();
    const g = await compute(db, scopedSettings(p), log);
    const d = await compute(db, scopedSettings(p, { engine: 'gds' }), log);
    expectAgreement(g, d);
    // Same graphs for Louvain, so the same two topic groups.
    expect(d.modelPartition.communities.map((c) => c.size)).toEqual(g.modelPartition.communities.map((c) => c.size));
  }, 300_000);

  it('agrees with graphology on the demo corpus (top-20 authorities ≥ 70 %, modularity within 3 %)', async () => {
    requireGds();
    await ensureDemo(db);
    const settings = scopedSettings('', { minCommunitySize: 3, coFollow: { minCommon: 2, minJaccard: 0.05, maxFollowing: 1000 } });
    const g = await compute(db, settings, log);
    const d = await compute(db, { ...settings, engine: 'gds' }, log);
    expect(g.follows).toBeGreaterThanOrEqual(520_206);
    const figures = expectAgreement(g, d);
    console.log(`[tests] demo corpus, graphology vs GDS: ${JSON.stringify(figures)}`);
  }, 900_000);
});
