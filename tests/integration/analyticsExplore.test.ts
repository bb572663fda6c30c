/**
 * The saved Neo4j Browser queries (cypher/explore/): each is one statement that plans and runs as
 * is (their parameters are literal defaults on the first line, so a researcher can paste them);
 * pointed at this suite's synthetic graph (the first line's literals replaced), each finds it.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalytics } from '../../src/analytics/run.js';
import { silentLogger } from '../../src/log.js';
import { CYPHER_DIR, cypherParameters, readCypherFile, splitStatements } from '../../src/neo4j/cypher.js';
import type { Db } from '../../src/neo4j/db.js';
import { buildAnalyticsFixture, scopedSettings } from './analyticsFixtures.js';
import { cleanup, testDb, uniquePrefix } from './neo4j.js';

const files = readdirSync(path.join(CYPHER_DIR, 'explore'))
  .filter((f) => f.endsWith('.cypher'))
  .map((f) => `explore/${f.replace(/\.cypher$/, '')}`);

/** The query with its first (literal-defaults) line replaced. */
function withFirstLine(name: string, firstLine: string): string {
  const lines = readCypherFile(name).split('\n');
  const at = lines.findIndex((l) => l.startsWith('WITH '));
  lines[at] = firstLine;
  return lines.join('\n');
}

describe('saved Browser queries (cypher/explore)', () => {
  let db: Db;
  const p = uniquePrefix('explore');

  beforeAll(async () => {
    db = testDb();
    await buildAnalyticsFixture(db, p);
    await runAnalytics(db, scopedSettings(p), silentLogger(), { gcGraceMs: 0 });
  }, 120_000);
  afterAll(async () => {
    await cleanup(db, p);
    await db.write('MATCH (r:AnalyticsRun {scope: $p}) DELETE r', { p });
    await db.close();
  });

  it('finds the saved queries', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  // The file as written (with its comments), as a researcher pastes it into Neo4j Browser.
  it.each(files)('%s is one statement without parameters that runs as is', async (name) => {
    const text = readCypherFile(name);
    expect(splitStatements(text)).toHaveLength(1);
    expect(cypherParameters(text)).toEqual([]);
    expect(text.startsWith('//')).toBe(true);
    await expect(db.read(text)).resolves.toBeDefined();
  });

  it('finds this graph’s models, papers, lineage, neighbourhood and community when pointed at it', async () => {
    const run = async (name: string, firstLine: string, params: Record<string, unknown> = {}) =>
      db.read<Record<string, unknown>>(withFirstLine(name, firstLine), params);
    // Model n of publisher i has 100·(i + 1) + n downloads: 100 and 101 are m0 and m1 of publisher 0, in each of the 2 clusters.
    const byDownloads = await run('explore/models-by-downloads', 'WITH 100 AS minDownloads, 101 AS maxDownloads');
    expect(byDownloads.map((r) => r.model).filter((m) => String(m).startsWith(p))).toHaveLength(4);
    const lineage = await run('explore/model-lineage-tree', 'WITH $id AS modelId', { id: `${p}c0-0/base` });
    expect(lineage.length).toBe(12);
    const neighbourhood = await run('explore/creator-neighbourhood', 'WITH $id AS creatorId', { id: `${p}c0-1` });
    expect(neighbourhood.length).toBeGreaterThan(5);
    const community = await db.read<{ community: string; members: string[] }>(
      readCypherFile('explore/community-members').replace(/^WITH 'creator-0' AS communityKey, '' AS scope$/m, 'WITH $key AS communityKey, $scope AS scope'),
      { key: 'model-0', scope: p },
    );
    expect(community[0]!.community).toBe('model-0');
    expect(community[0]!.members).toHaveLength(13);
  });
});
