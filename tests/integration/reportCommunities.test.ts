/**
 * `hubgraph report communities` on a synthetic graph analysed under this suite's prefix: the CSV
 * has exactly the documented columns, the JSON the documented shape, and the HTML page loads in
 * headless Chromium (offline) with its three SVG charts; a screenshot is taken and checked.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCommunityReports } from '../../src/analytics/report/index.js';
import { runAnalytics, type AnalyticsRunResult } from '../../src/analytics/run.js';
import { silentLogger } from '../../src/log.js';
import type { Db } from '../../src/neo4j/db.js';
import { buildAnalyticsFixture, scopedSettings } from './analyticsFixtures.js';
import { cleanup, testDb, uniquePrefix } from './neo4j.js';

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function chromium(args: string[]): string {
  const profile = mkdtempSync(path.join(tmpdir(), 'hubgraph-chromium-'));
  return execFileSync('chromium', [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, ...args], { encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
}

describe('report communities', () => {
  let db: Db;
  let run: AnalyticsRunResult;
  const p = uniquePrefix('report');
  const out = mkdtempSync(path.join(tmpdir(), 'hubgraph-report-'));

  beforeAll(async () => {
    db = testDb();
    await buildAnalyticsFixture(db, p, { clusters: 3, creatorsPerCluster: 12, usersPerCluster: 40, followsPerUser: 5, publishers: 4 });
    run = await runAnalytics(db, scopedSettings(p), silentLogger(), { gcGraceMs: 0 });
    await writeCommunityReports(db, { kinds: ['creator', 'model'], formats: ['html', 'md', 'csv', 'json'], outDir: out, scope: p });
  }, 120_000);
  afterAll(async () => {
    await cleanup(db, p);
    await db.write('MATCH (r:AnalyticsRun {scope: $p}) DELETE r', { p });
    await db.close();
  });

  it('writes the CSV with exactly the documented columns, one row per community', () => {
    const lines = readFileSync(path.join(out, 'communities-model.csv'), 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'community_id,kind,rank,size,modularity_contribution,internal_edges,density,models,top_creators,dominant_tasks,dominant_tags,dominant_libraries,most_cited_papers,neighbours,run_id,' +
        'label,stand_in,lineage_stubs,members_without_models,stand_in_members_without_models,distinctive_tasks,distinctive_tags,distinctive_libraries,distinctive_papers',
    );
    expect(lines).toHaveLength(1 + run.run.modelCommunities);
    const first = lines[1]!.split(',');
    expect(first[0]).toBe('model-0');
    expect(first[1]).toBe('model');
    expect(first[14]).toBe(run.run.id);
    expect(first[9]).toMatch(new RegExp(`^${p.replace(/[/-]/g, '\\$&')}task-\\d=12$`)); // 4 publishers × 3 models (the base model has no task)
  });

  it('writes the JSON with the run header and each community’s lists', () => {
    const doc = JSON.parse(readFileSync(path.join(out, 'communities-creator.json'), 'utf8'));
    expect(doc.reportVersion).toBe(2);
    expect(doc.kind).toBe('creator');
    expect(doc.run).toMatchObject({ id: run.run.id, seed: 42, current: true, creators: run.run.creators });
    expect(doc.totalCommunities).toBe(run.run.creatorCommunities);
    expect(doc.communities.length).toBe(run.run.creatorCommunities);
    const c = doc.communities[0];
    expect(Object.keys(c)).toEqual([
      'id', 'kind', 'rank', 'size', 'modularityContribution', 'internalEdges', 'density', 'models',
      'topCreators', 'dominantTasks', 'dominantTags', 'dominantLibraries', 'mostCitedPapers', 'neighbours',
      'label', 'characterised', 'standIn', 'lineageStubs', 'membersWithoutModels', 'standInMembersWithoutModels', 'follows', 'standInFollows',
      'lineageBase', 'distinctiveTasks', 'distinctiveTags', 'distinctiveLibraries', 'distinctivePapers',
    ]);
    expect(c.id).toBe('creator-0');
    expect(c.topCreators.length).toBeGreaterThan(0);
    expect(c.topCreators[0].authority).toBeGreaterThan(0);
    // By contribution: followers inside the community, most first.
    const contributions = c.topCreators.map((x: { contribution: number }) => x.contribution);
    expect(contributions).toEqual([...contributions].sort((a: number, b: number) => b - a));
    // The fixture's follows carry no stand-in source: nothing is flagged.
    expect(doc.communities.every((x: { standIn: boolean }) => !x.standIn)).toBe(true);
    expect(c.dominantTasks[0].count).toBeGreaterThan(0);
    const sizes = doc.communities.map((x: { size: number }) => x.size);
    expect(sizes).toEqual([...sizes].sort((a: number, b: number) => b - a));
  });

  it('renders an HTML page that loads offline in headless Chromium with its three SVG charts', () => {
    expect(spawnSync('chromium', ['--version']).status, 'chromium is not installed: apt-get install -y chromium').toBe(0);
    const file = path.join(out, 'communities-model.html');
    const dom = chromium(['--dump-dom', `file://${file}`]);
    expect(dom).toContain('Model (topic) communities');
    expect(dom.match(/<svg[\s>]/g)?.length).toBe(3);
    // ECharts drew bars and a graph: the charts hold shapes, not just axes.
    expect((dom.match(/<path/g) ?? []).length).toBeGreaterThan(20);
    expect(dom).toContain(`${run.run.modelCommunities} shown of ${run.run.modelCommunities}`);
    // One card per largest community, each with a label of its own: they can be told apart.
    const labels = [...dom.matchAll(/<div class="label[^"]*">([^<]+)<\/div>/g)].map((m) => m[1]);
    expect(labels).toHaveLength(Math.min(10, run.run.modelCommunities));
    expect(new Set(labels).size).toBe(labels.length);
    const shot = path.join(out, 'communities-model.png');
    chromium(['--window-size=1280,2000', `--screenshot=${shot}`, `file://${file}`]);
    const png = readFileSync(shot);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(statSync(shot).size).toBeGreaterThan(30_000);
  }, 180_000);
});
