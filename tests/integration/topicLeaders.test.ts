/**
 * The stored topicTopContributors lists: a refresh stores exactly what the live query answers, the
 * query reads them (only under the authority weight they were computed with), tasks without a list
 * are answered live, and a later refresh clears what it did not replace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshTopicLeaders } from '../../src/analytics/topicLeaders.js';
import type { CreatorRecommendation } from '../../src/domain/creatorCommon.js';
import { DEFAULTS, topicTopContributors } from '../../src/domain/topicTopContributors.js';
import type { Db } from '../../src/neo4j/db.js';
import { model, setProps } from './creatorFixtures.js';
import { cleanup, testDb, uniquePrefix } from './neo4j.js';

describe('topicTopContributors: stored lists', () => {
  let db: Db;
  const p = uniquePrefix('topicleaders');
  const refresh = (authorityWeight: number = DEFAULTS.authorityWeight) => refreshTopicLeaders(db, { authorityWeight, scope: p });
  const stored = async (task: string) => {
    const [row] = await db.read<{ ids: string[] | null; scores: number[] | null; counts: number[] | null; sources: string[] | null; weight: number | null; at: string | null }>(
      `MATCH (t:Task {id: $id})
       RETURN t.leaderIds AS ids, t.leaderScores AS scores, t.leaderCounts AS counts, t.leaderSources AS sources,
              t.leadersAuthorityWeight AS weight, t.leadersAt AS at`,
      { id: p + task },
    );
    return row!;
  };
  const ask = (task: string, first?: number, authorityWeight?: number) =>
    topicTopContributors(db, { taskId: p + task, ...(first === undefined ? {} : { first }) }, authorityWeight === undefined ? {} : { authorityWeight });
  /** Same creators in the same order, same counts and sources, scores within 1e-9. */
  const expectSame = (actual: CreatorRecommendation[], expected: CreatorRecommendation[]) => {
    const key = (r: CreatorRecommendation) => [r.creator.id, r.reason.count, r.reason.authoritySource];
    expect(actual.map(key)).toEqual(expected.map(key));
    actual.forEach((r, i) => expect(Math.abs(r.score - expected[i]!.score)).toBeLessThan(1e-9));
  };
  const tasks = ['gen', 'cls', 'mixed'];

  beforeAll(async () => {
    db = testDb();
    // gen: follower counts only (FOLLOWER_COUNT); A and D tie on every term (ties by id).
    await model(db, p, { name: 'a1', creator: 'A', task: 'gen', downloads: 100, likes: 10 });
    await model(db, p, { name: 'a2', creator: 'A', task: 'gen', downloads: 50, likes: 0 });
    await model(db, p, { name: 'b1', creator: 'B', task: 'gen', downloads: 1000, likes: 0 });
    await model(db, p, { name: 'c1', creator: 'C', task: 'gen', downloads: 0, likes: null });
    await model(db, p, { name: 'd1', creator: 'D', task: 'gen', downloads: 150, likes: 10 });
    // cls: one creator, whose score is a whole number (ln 1 + ln 1 + 2·1 = 2).
    await model(db, p, { name: 'e1', creator: 'E', task: 'cls', downloads: 0, likes: 0 });
    // mixed: F and G have authority (ANALYTICS), B follower counts.
    await model(db, p, { name: 'f1', creator: 'F', task: 'mixed', downloads: 10, likes: 1 });
    await model(db, p, { name: 'g1', creator: 'G', task: 'mixed', downloads: 20, likes: 2 });
    await model(db, p, { name: 'b2', creator: 'B', task: 'mixed', downloads: 5, likes: 5 });
    await setProps(db, p, 'A', { followers: 10 });
    await setProps(db, p, 'B', { followers: 4 });
    await setProps(db, p, 'C', { followers: 5 });
    await setProps(db, p, 'D', { followers: 10 });
    await setProps(db, p, 'E', { followers: 3 });
    await setProps(db, p, 'F', { authority: 0.3 });
    await setProps(db, p, 'G', { authority: 0.1 });
  });
  afterAll(async () => {
    await cleanup(db, p);
    await db.close();
  });

  it('stores for every task with models exactly what the live query answers', async () => {
    const live = await Promise.all(tasks.map((t) => ask(t, 100)));
    expect(live.every((answer) => answer.every((r) => r.reason.computedAt === undefined))).toBe(true);
    expect(live[0]!.map((r) => r.creator.id)).toEqual([p + 'A', p + 'D', p + 'B', p + 'C']);
    const r = await refresh();
    expect(r).toMatchObject({ stored: 3, cleared: 0, leaders: 8 });
    expect(await stored('gen')).toMatchObject({
      ids: [p + 'A', p + 'D', p + 'B', p + 'C'],
      counts: [2, 1, 1, 1],
      sources: ['FOLLOWER_COUNT', 'FOLLOWER_COUNT', 'FOLLOWER_COUNT', 'FOLLOWER_COUNT'],
      weight: DEFAULTS.authorityWeight,
      at: r.computedAt,
    });
    expect(await stored('cls')).toMatchObject({ ids: [p + 'E'], scores: [2] });
    expect((await stored('mixed')).sources).toEqual(['FOLLOWER_COUNT', 'ANALYTICS', 'ANALYTICS']);
    const fromLists = await Promise.all(tasks.map((t) => ask(t, 100)));
    fromLists.forEach((answer, i) => expectSame(answer, live[i]!));
    expect(fromLists.flat().every((x) => x.reason.computedAt === r.computedAt)).toBe(true);
    // The default first (20) and a smaller one read a prefix of the list.
    expectSame(await ask('gen'), live[0]!);
    const two = await ask('gen', 2);
    expectSame(two, live[0]!.slice(0, 2));
    expect(two[0]!.reason.computedAt).toBe(r.computedAt);
  });

  it('answers from the stored list, and ignores a list computed under another authority weight', async () => {
    const r = await refresh();
    const honest = await ask('gen');
    // A doctored list shows which path answered: the stored one, under the default weight …
    await db.write('MATCH (t:Task {id: $id}) SET t.leaderScores = [9.5, 8.5, 7.5, 6.5], t.leaderCounts = [7, 7, 7, 7]', { id: p + 'gen' });
    const doctored = await ask('gen', 3);
    expect(doctored.map((x) => [x.creator.id, x.score, x.reason.count])).toEqual([
      [p + 'A', 9.5, 7],
      [p + 'D', 8.5, 7],
      [p + 'B', 7.5, 7],
    ]);
    expect(doctored[0]!.reason.computedAt).toBe(r.computedAt);
    // … but not under another weight: then the task is aggregated live.
    const weighted = await ask('gen', 100, 1);
    expect(weighted.map((x) => x.reason.count)).toEqual([2, 1, 1, 1]);
    expect(weighted[0]!.reason.computedAt).toBeUndefined();
    // A: ln 151 + ln 11 + 1·10/10.
    expect(weighted[0]!.score).toBeCloseTo(Math.log(151) + Math.log(11) + 1, 12);
    // Lists computed under weight 1 answer weight-1 questions as live does; default-weight ones go live.
    await refresh(1);
    expect((await stored('gen')).weight).toBe(1);
    expectSame(await ask('gen', 100, 1), weighted);
    const defaultWeight = await ask('gen');
    expectSame(defaultWeight, honest);
    expect(defaultWeight[0]!.reason.computedAt).toBeUndefined();
    await refresh();
    expectSame(await ask('gen'), honest);
  });

  it('answers a task created after the refresh live, and stores it at the next refresh', async () => {
    await refresh();
    await model(db, p, { name: 'h1', creator: 'H', task: 'fresh', downloads: 9, likes: 0 });
    await model(db, p, { name: 'a3', creator: 'A', task: 'fresh', downloads: 3, likes: 1 });
    expect(await stored('fresh')).toMatchObject({ at: null });
    const recs = await ask('fresh');
    // A: ln 4 + ln 2 + 2·10/10; H (no followers property, no follows: standing 0): ln 10.
    expect(recs.map((x) => [x.creator.id, x.reason.computedAt])).toEqual([
      [p + 'A', undefined],
      [p + 'H', undefined],
    ]);
    expect(recs[0]!.score).toBeCloseTo(Math.log(4) + Math.log(2) + 2, 12);
    const r = await refresh();
    expect(r.stored).toBe(4);
    const again = await ask('fresh');
    expectSame(again, recs);
    expect(again[0]!.reason.computedAt).toBe(r.computedAt);
  });

  it('clears, at the next refresh, the list of a task that lost all its models', async () => {
    await refresh();
    expect((await stored('fresh')).ids).toEqual([p + 'A', p + 'H']);
    await db.write('MATCH (m:Model) WHERE m.id IN $ids DETACH DELETE m', { ids: [p + 'h1', p + 'a3'] });
    // Until then the stale list answers (the price of storing) …
    expect((await ask('fresh')).map((x) => x.creator.id)).toEqual([p + 'A', p + 'H']);
    const r = await refresh();
    expect(r).toMatchObject({ stored: 3, cleared: 1 });
    expect(await stored('fresh')).toEqual({ ids: null, scores: null, counts: null, sources: null, weight: null, at: null });
    // … after it, the task (known, no models) answers nothing.
    expect(await ask('fresh')).toEqual([]);
  });
});
