/**
 * What the community report says about communities whose answers are known: a small graph written
 * for it under this suite's prefix (models, creators, follows, and a current AnalyticsRun with its
 * Community nodes written by hand, so the partition is fixed), read by the real report code on the
 * real Neo4j. Checks the labels come from what distinguishes a community, lineage stubs and
 * members without models are counted apart, creators rank by contribution, the stand-in is
 * flagged, and a null authority or follower count never comes first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topCreators } from '../../src/analytics/queries.js';
import { itemLabel } from '../../src/analytics/report/characterise.js';
import { STAND_IN_LABEL, gatherCommunityReport, type CommunityReport, type ReportCommunity } from '../../src/analytics/report/data.js';
import { renderCsv, renderMarkdown } from '../../src/analytics/report/format.js';
import { STAND_IN_SOURCE } from '../../src/analytics/report/queries.js';
import type { Db } from '../../src/neo4j/db.js';
import { cleanup, testDb, uniquePrefix } from './neo4j.js';

describe('report communities: characterisation on a graph with known answers', () => {
  let db: Db;
  const p = uniquePrefix('report-char');
  const runId = `${p}run`;
  let models: CommunityReport;
  let creators: CommunityReport;
  const byKey = (r: CommunityReport, key: string): ReportCommunity => r.communities.find((c) => c.key === key)!;

  beforeAll(async () => {
    db = testDb();
    const params = { p, runId, standIn: STAND_IN_SOURCE };
    await db.write(
      `CREATE (:AnalyticsRun {id: $runId, scope: $p, current: true, status: 'complete', slot: 'A', engine: 'graphology', seed: 42,
         damping: 0.85, resolution: 1.0, startedAt: datetime(), computedAt: datetime(), creators: 9, follows: 12, coFollowEdges: 6,
         models: 17, modelEdges: 30, creatorCommunities: 2, modelCommunities: 2, creatorModularity: 0.3, modelModularity: 0.5, computeSeconds: 1.0})
       WITH 1 AS _
       UNWIND [['model-0', 'model', 0, 9], ['model-1', 'model', 1, 8], ['model-2', 'model', 2, 5], ['creator-0', 'creator', 0, 5], ['creator-1', 'creator', 1, 3]] AS c
       CREATE (:Community {id: $runId + '/' + c[0], key: c[0], kind: c[1], rank: c[2], size: c[3], modularityContribution: 0.1,
         internalWeight: 1.0, internalEdges: 3, density: 0.5, runId: $runId, computedAt: datetime()})`,
      params,
    );
    // Items. text-generation and 'common' are everywhere; speech, whisper, the paper and llama are not.
    await db.write(
      `CREATE (:Paper {id: $p + '2212.04356', title: 'Robust Speech Recognition'})
       FOREACH (t IN ['automatic-speech-recognition', 'text-generation'] | CREATE (:Task {id: $p + t, name: t}))
       FOREACH (t IN ['whisper', 'common', 'one-off', 'llama'] | CREATE (:Tag {id: $p + t}))`,
      params,
    );
    // Creators: openai (4 speech models), bigco (2 speech models + 20 text models elsewhere, the
    // highest authority), ghost (2 speech models, no authority, no follower count), meta (8 text models).
    await db.write(
      `CREATE (:Creator {id: $p + 'openai', name: 'openai', kind: 'organization', pagerankA: 0.2, followers: 10})
       CREATE (:Creator {id: $p + 'bigco', name: 'bigco', kind: 'organization', pagerankA: 0.5, followers: 100})
       CREATE (:Creator {id: $p + 'ghost', name: 'ghost', kind: 'user'})
       CREATE (:Creator {id: $p + 'meta', name: 'meta', kind: 'organization', pagerankA: 0.1, followers: 5})`,
      params,
    );
    // model-0 (speech): 8 models with a record (6 ASR + 2 without a task) and 1 lineage-only stub …
    await db.write(
      `MATCH (k:Community {id: $runId + '/model-0'})
       MATCH (asr:Task {id: $p + 'automatic-speech-recognition'}), (w:Tag {id: $p + 'whisper'}), (common:Tag {id: $p + 'common'}),
             (one:Tag {id: $p + 'one-off'}), (paper:Paper {id: $p + '2212.04356'})
       UNWIND range(0, 7) AS i
       MATCH (c:Creator {id: $p + CASE WHEN i < 4 THEN 'openai' WHEN i < 6 THEN 'bigco' ELSE 'ghost' END})
       CREATE (c)-[:CREATED]->(m:Model {id: $p + 'speech-' + i, downloads: 10 + i})-[:IN_COMMUNITY]->(k)
       MERGE (m)-[:TAGGED]->(common)
       FOREACH (_ IN CASE WHEN i < 6 THEN [1] ELSE [] END | MERGE (m)-[:HAS_TASK]->(asr))
       FOREACH (_ IN CASE WHEN i < 5 THEN [1] ELSE [] END | MERGE (m)-[:TAGGED]->(w))
       FOREACH (_ IN CASE WHEN i < 4 THEN [1] ELSE [] END | MERGE (m)-[:CITES]->(paper))
       FOREACH (_ IN CASE WHEN i = 0 THEN [1] ELSE [] END | MERGE (m)-[:TAGGED]->(one))
       WITH DISTINCT k
       MATCH (o:Creator {id: $p + 'openai'})
       CREATE (o)-[:CREATED]->(:Model {id: $p + 'openai/whisper-base-stub', source: 'hf-lineage'})-[:IN_COMMUNITY]->(k)`,
      params,
    );
    // … model-1 (text): meta's 8 models; and bigco's 20 text models in no community.
    await db.write(
      `MATCH (k:Community {id: $runId + '/model-1'})
       MATCH (tg:Task {id: $p + 'text-generation'}), (llama:Tag {id: $p + 'llama'}), (common:Tag {id: $p + 'common'})
       MATCH (meta:Creator {id: $p + 'meta'}), (bigco:Creator {id: $p + 'bigco'})
       UNWIND range(0, 27) AS i
       WITH k, tg, llama, common, CASE WHEN i < 8 THEN meta ELSE bigco END AS c, i
       CREATE (c)-[:CREATED]->(m:Model {id: $p + 'text-' + i, lastModified: datetime()})
       MERGE (m)-[:HAS_TASK]->(tg)
       MERGE (m)-[:TAGGED]->(common)
       FOREACH (_ IN CASE WHEN i < 6 THEN [1] ELSE [] END | MERGE (m)-[:TAGGED]->(llama))
       FOREACH (_ IN CASE WHEN i < 8 THEN [1] ELSE [] END | MERGE (m)-[:IN_COMMUNITY]->(k))`,
      params,
    );
    // model-2: a family tree known only from lineage: four stubs derived from a stub base.
    await db.write(
      `MATCH (k:Community {id: $runId + '/model-2'})
       CREATE (b:Model {id: $p + 'base/llama', source: 'hf-lineage'})-[:IN_COMMUNITY]->(k)
       WITH k, b
       UNWIND range(0, 3) AS i
       CREATE (m:Model {id: $p + 'someone/llama-ft-' + i, source: 'hf-lineage'})-[:DERIVED_FROM]->(b)
       CREATE (m)-[:IN_COMMUNITY]->(k)`,
      params,
    );
    // creator-0: four stand-in users with no models and meta, following one another through
    // stand-in follows. creator-1: openai, bigco, ghost, followed through Hub follows:
    // ghost by openai and bigco, openai by ghost, bigco by outsiders only.
    await db.write(
      `MATCH (k0:Community {id: $runId + '/creator-0'}), (k1:Community {id: $runId + '/creator-1'})
       UNWIND range(0, 3) AS i
       CREATE (u:Creator:User {id: $p + 'github:user' + i, kind: 'user', source: $standIn})-[:IN_COMMUNITY]->(k0)
       WITH k0, k1, collect(u) AS users
       MATCH (meta:Creator {id: $p + 'meta'})
       CREATE (meta)-[:IN_COMMUNITY]->(k0)
       WITH k1, users + [meta] AS members
       UNWIND members AS a
       UNWIND members AS b
       WITH k1, a, b WHERE a <> b
       CREATE (a)-[:FOLLOWS {source: $standIn}]->(b)`,
      params,
    );
    await db.write(
      `MATCH (k1:Community {id: $runId + '/creator-1'})
       MATCH (o:Creator {id: $p + 'openai'}), (b:Creator {id: $p + 'bigco'}), (g:Creator {id: $p + 'ghost'})
       CREATE (o)-[:IN_COMMUNITY]->(k1), (b)-[:IN_COMMUNITY]->(k1), (g)-[:IN_COMMUNITY]->(k1)
       CREATE (o)-[:FOLLOWS]->(g), (b)-[:FOLLOWS]->(g), (g)-[:FOLLOWS]->(o)
       WITH b
       UNWIND range(0, 2) AS i
       CREATE (:Creator:User {id: $p + 'fan' + i, kind: 'user'})-[:FOLLOWS]->(b)`,
      params,
    );
    models = await gatherCommunityReport(db, 'model', { scope: p });
    creators = await gatherCommunityReport(db, 'creator', { scope: p });
  }, 120_000);

  afterAll(async () => {
    await cleanup(db, p);
    await db.write('MATCH (r:AnalyticsRun {scope: $p}) DELETE r', { p });
    await db.close();
  });

  it('labels a model community by what sets it apart, not by what is common everywhere', () => {
    expect(models.backgroundModels).toBe(36); // 8 speech + 28 text; the stub has no record
    const speech = byKey(models, 'model-0');
    expect(speech.label).toBe(`${itemLabel({ kind: 'task', id: `${p}automatic-speech-recognition` })} · ${p}whisper · ${p}2212.04356`);
    expect(speech.characterised).toBe(true);
    // One model's odd tag and the tag on every model do not characterise it.
    const tags = speech.distinctive.tags.map((x) => x.id);
    expect(tags).toEqual([`${p}whisper`]);
    const text = byKey(models, 'model-1');
    // text-generation is on 8 of its 8 models but on 28 of all 36: too common to name it (lift 1.29).
    expect(text.label).toBe(`${p}llama`);
    expect(text.distinctive.tasks).toEqual([]);
    expect(text.distinctive.tags.map((x) => x.id)).toEqual([`${p}llama`]);
  });

  it('counts lineage-only stubs apart from the models that characterise', () => {
    const speech = byKey(models, 'model-0');
    expect(speech.size).toBe(9);
    expect(speech.lineageStubs).toBe(1);
    expect(speech.models).toBe(8);
    // 6 of the 8 models with a record (not of the 9 members) carry the task.
    expect(speech.distinctive.tasks[0]).toMatchObject({ count: 6, total: 6, share: 0.75 });
  });

  it('names a community of lineage stubs after the base model they derive from', () => {
    const family = byKey(models, 'model-2');
    expect(family.models).toBe(0);
    expect(family.lineageStubs).toBe(5);
    expect(family.label).toBe(`derivatives of ${p}base/llama`);
  });

  it('ranks a model community’s creators by models in it (ties: authority, a null authority last)', () => {
    expect(byKey(models, 'model-0').topCreators.map((x) => [x.id, x.contribution])).toEqual([
      [`${p}openai`, 4],
      [`${p}bigco`, 2],
      [`${p}ghost`, 2],
    ]);
  });

  it('ranks a creator community’s members by followers inside it', () => {
    expect(byKey(creators, 'creator-1').topCreators.map((x) => [x.id, x.contribution])).toEqual([
      [`${p}ghost`, 2],
      [`${p}openai`, 1],
      [`${p}bigco`, 0],
    ]);
  });

  it('flags the community found in stand-in follows and counts its members without models apart', () => {
    const standIn = byKey(creators, 'creator-0');
    expect(standIn.standIn).toBe(true);
    expect(standIn.withoutModels).toBe(4);
    expect(standIn.standInWithoutModels).toBe(4);
    expect(standIn.models).toBe(8); // meta's
    const hub = byKey(creators, 'creator-1');
    expect(hub.standIn).toBe(false);
    expect(hub.withoutModels).toBe(0);
    expect(hub.lineageStubs).toBe(1); // openai's stub, among its members' models
    const csv = renderCsv(creators).split('\r\n');
    const standInColumn = csv[0]!.split(',').indexOf('stand_in');
    expect(csv.slice(1, 3).map((l) => l.split(',')[standInColumn])).toEqual(['true', 'false']);
    expect(renderMarkdown(creators)).toContain(`— *${STAND_IN_LABEL}*`);
  });

  it('the GraphQL top creators (by authority) never put a null authority or follower count first', async () => {
    const k = byKey(models, 'model-0');
    const list = (await topCreators(db, [k.id], 3)).get(k.id)!;
    expect(list.map((x) => x.id)).toEqual([`${p}bigco`, `${p}openai`, `${p}ghost`]);
  });
});
