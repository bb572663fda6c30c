/** topicTopContributors: ln(1+Σdownloads) + ln(1+Σlikes) + 2·standing/max, computed here by hand. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicTopContributors } from '../../src/domain/topicTopContributors.js';
import { isHubgraphError } from '../../src/errors.js';
import type { Db } from '../../src/neo4j/db.js';
import { assertPlain, graphqlRunner, model, setProps } from './creatorFixtures.js';
import { cleanup, testDb, uniquePrefix } from './neo4j.js';

describe('topicTopContributors', () => {
  let db: Db;
  const p = uniquePrefix('topic');
  const T = 'text-gen';

  beforeAll(async () => {
    db = testDb();
    await model(db, p, { name: 'a1', creator: 'A', task: T, downloads: 100, likes: 10 });
    await model(db, p, { name: 'a2', creator: 'A', task: T, downloads: 50, likes: 0 });
    await model(db, p, { name: 'b1', creator: 'B', task: T, downloads: 1000, likes: 0 });
    await model(db, p, { name: 'c1', creator: 'C', task: T, downloads: 0, likes: null });
    // Another task's model does not count for A.
    await model(db, p, { name: 'a3', creator: 'A', task: 'other', downloads: 1_000_000, likes: 0 });
    await setProps(db, p, 'A', { followers: 10 });
    await setProps(db, p, 'B', { followers: 0 });
    await setProps(db, p, 'C', { followers: 5 });
  });
  afterAll(async () => {
    await cleanup(db, p);
    await db.close();
  });

  it('ranks by the documented score with follower counts before analytics', async () => {
    const recs = await topicTopContributors(db, { taskId: p + T });
    expect(recs.map((r) => r.creator.id)).toEqual([p + 'A', p + 'B', p + 'C']);
    expect(recs[0]!.score).toBeCloseTo(Math.log(151) + Math.log(11) + 2 * (10 / 10), 10);
    expect(recs[1]!.score).toBeCloseTo(Math.log(1001), 10);
    expect(recs[2]!.score).toBeCloseTo(2 * (5 / 10), 10);
    expect(recs.map((r) => r.reason.count)).toEqual([2, 1, 1]);
    expect(recs[0]!.reason).toMatchObject({
      kind: 'TOPIC_LEADER',
      // Named by the task's name, as its follow group's title is (the fixture names it by its unprefixed id).
      text: `Top contributor in ${T}`,
      via: [{ type: 'TASK', id: p + T }],
      authoritySource: 'FOLLOWER_COUNT',
    });
    assertPlain(recs);
  });

  it('uses authority, normalised by the topic maximum, once analytics has run', async () => {
    await setProps(db, p, 'A', { authority: 0.1 });
    await setProps(db, p, 'B', { authority: 0.4 });
    await setProps(db, p, 'C', { authority: 0.2 });
    const recs = await topicTopContributors(db, { taskId: p + T });
    expect(recs.map((r) => r.creator.id)).toEqual([p + 'B', p + 'A', p + 'C']);
    expect(recs[0]!.score).toBeCloseTo(Math.log(1001) + 2, 10);
    expect(recs[1]!.score).toBeCloseTo(Math.log(151) + Math.log(11) + 2 * 0.25, 10);
    expect(recs[2]!.score).toBeCloseTo(2 * 0.5, 10);
    expect(recs.every((r) => r.reason.authoritySource === 'ANALYTICS')).toBe(true);
  });

  it('rejects an unknown task and a bad first; answers through GraphQL', async () => {
    const e = await topicTopContributors(db, { taskId: p + 'nope' }).catch((x: unknown) => x);
    expect(isHubgraphError(e) && e.code).toBe('BAD_USER_INPUT');
    expect((e as Error).message).toContain(p + 'nope');
    const gql = await graphqlRunner(db);
    try {
      const bad = await gql.run('query($t: ID!) { topicTopContributors(taskId: $t, first: -1) { score } }', { t: p + T });
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const ok = await gql.run('query($t: ID!) { topicTopContributors(taskId: $t, first: 1) { creator { id } reason { kind authoritySource count } } }', { t: p + T });
      expect(ok.data.topicTopContributors).toEqual([{ creator: { id: p + 'B' }, reason: { kind: 'TOPIC_LEADER', authoritySource: 'ANALYTICS', count: 1 } }]);
    } finally {
      await gql.stop();
    }
  });
});
