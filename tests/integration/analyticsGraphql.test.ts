/**
 * The analytics GraphQL fields through Apollo's executeOperation (as the server runs them), on a
 * synthetic graph analysed under this suite's prefix (the request context's config scopes
 * analytics to it): communities, community, Creator.community, Model.community, analyticsRun, and
 * the runAnalytics mutation — refused without the API key (nothing written), run with it.
 */
import { HeaderMap } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { createContext } from '../../src/graphql/context.js';
import { createApollo } from '../../src/graphql/server.js';
import { silentLogger } from '../../src/log.js';
import type { Db } from '../../src/neo4j/db.js';
import { runAnalytics } from '../../src/analytics/run.js';
import { buildAnalyticsFixture, scopedSettings } from './analyticsFixtures.js';
import { cleanup, testDb, uniquePrefix } from './neo4j.js';

const KEY = 'analytics-test-key-0123456789';

describe('analytics GraphQL', () => {
  let db: Db;
  let config: Config;
  let apollo: ReturnType<typeof createApollo>;
  let firstRun: string;
  const p = uniquePrefix('analytics-gql');
  const log = silentLogger();

  async function gql(query: string, variables: Record<string, unknown> = {}, key?: string) {
    const headers = new HeaderMap();
    headers.set('content-type', 'application/json');
    if (key) headers.set('authorization', `Bearer ${key}`);
    const res = await apollo.executeOperation(
      { query, variables, http: { method: 'POST', headers, search: '', body: {} } },
      { contextValue: createContext({ db, log, config }) },
    );
    if (res.body.kind !== 'single') throw new Error('expected a single result');
    return res.body.singleResult as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
  }

  beforeAll(async () => {
    db = testDb();
    const base = loadConfig({ HUBGRAPH_API_KEY: KEY });
    config = { ...base, analytics: { ...base.analytics, scope: p, minCommunitySize: 2, gcGraceSeconds: 0 } };
    apollo = createApollo({ config, db, log });
    await apollo.start();
    await buildAnalyticsFixture(db, p);
    firstRun = (await runAnalytics(db, scopedSettings(p), log, { gcGraceMs: 0 })).run.id;
  }, 120_000);
  afterAll(async () => {
    await apollo.stop();
    await cleanup(db, p);
    await db.write('MATCH (r:AnalyticsRun {scope: $p}) DELETE r', { p });
    await db.close();
  });

  it('lists communities largest first, with what they are about', async () => {
    const r = await gql(`{
      analyticsRun { id current status creatorCommunities modelCommunities creatorModularity seed }
      communities(kind: MODEL, first: 5) {
        id key kind rank size density runId
        topCreators(first: 2) { creator { id authority } authority models }
        dominantTasks { task { id name } count }
        dominantTags { tag { id } count }
        dominantLibraries { library { id name } count }
        mostCitedPapers { paper { id } count }
        neighbours { community { key } weight edges }
      }
    }`);
    expect(r.errors).toBeUndefined();
    const { analyticsRun, communities } = r.data;
    expect(analyticsRun).toMatchObject({ id: firstRun, current: true, status: 'complete', modelCommunities: 2, seed: 42 });
    expect(communities).toHaveLength(2);
    expect(communities.map((c: any) => c.key)).toEqual(['model-0', 'model-1']);
    const [c] = communities;
    expect(c).toMatchObject({ id: `${firstRun}/model-0`, kind: 'MODEL', rank: 0, size: 13, runId: firstRun });
    expect(c.dominantTasks).toEqual([{ task: { id: expect.stringMatching(/task-\d$/), name: expect.stringMatching(/^Task \d$/) }, count: 12 }]);
    expect(c.dominantLibraries[0].count).toBe(12);
    expect(c.mostCitedPapers[0].count).toBe(12);
    expect(c.dominantTags.map((t: any) => t.count)).toEqual([6, 6]);
    // The top creator is the cluster's most authoritative publisher, and its authority is the one the Creator field shows.
    expect(c.topCreators[0].authority).toBeGreaterThan(c.topCreators[1].authority);
    expect(c.topCreators[0].creator.authority).toBe(c.topCreators[0].authority);
    expect(c.neighbours).toEqual([]);
  });

  it('finds a community by key or id, and the community of a creator and of a model', async () => {
    const r = await gql(
      `query($id: ID!, $creator: ID!, $model: ID!) {
        byKey: community(id: "creator-0") { id size }
        byId: community(id: $id) { key }
        none: community(id: "creator-999") { id }
        creator(id: $creator) { id community { key kind } }
        model(id: $model) { id community { key kind } }
      }`,
      { id: `${firstRun}/model-1`, creator: `${p}c0-3`, model: `${p}c1-2/m1` },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.byKey.id).toBe(`${firstRun}/creator-0`);
    expect(r.data.byId).toEqual({ key: 'model-1' });
    expect(r.data.none).toBeNull();
    expect(r.data.creator.community.kind).toBe('CREATOR');
    expect(r.data.model.community.kind).toBe('MODEL');
  });

  it('refuses first outside 1..100', async () => {
    const r = await gql('{ communities(kind: CREATOR, first: 0) { id } }');
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses runAnalytics without the API key and writes nothing', async () => {
    const r = await gql('mutation { runAnalytics(seed: 7) { id } }');
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const wrong = await gql('mutation { runAnalytics(seed: 7) { id } }', {}, 'not-the-key-0123456789');
    expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const [row] = await db.read<{ runs: number }>('MATCH (r:AnalyticsRun {scope: $p}) RETURN count(r) AS runs', { p });
    expect(row!.runs).toBe(1);
  });

  it('runs analytics with the API key and makes the new run current', async () => {
    const r = await gql('mutation { runAnalytics(seed: 7) { id seed current status creators modelCommunities } }', {}, KEY);
    expect(r.errors).toBeUndefined();
    const run = r.data.runAnalytics;
    expect(run).toMatchObject({ seed: 7, current: true, status: 'complete', creators: 104, modelCommunities: 2 });
    expect(run.id).not.toBe(firstRun);
    const after = await gql('{ analyticsRun { id seed } communities(kind: CREATOR, first: 1) { runId } }');
    expect(after.data.analyticsRun).toEqual({ id: run.id, seed: 7 });
    expect(after.data.communities[0].runId).toBe(run.id);
    const bad = await gql('mutation { runAnalytics(seed: -1) { id } }', {}, KEY);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
