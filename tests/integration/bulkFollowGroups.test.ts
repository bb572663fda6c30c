/** bulkFollowGroups: a topic's leaders as one group, identical to topicTopContributors' ranking. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkFollowGroups } from '../../src/domain/bulkFollowGroups.js';
import { topicTopContributors } from '../../src/domain/topicTopContributors.js';
import { isHubgraphError } from '../../src/errors.js';
import type { Db } from '../../src/neo4j/db.js';
import { graphqlRunner, model } from './creatorFixtures.js';
import { cleanup, testDb, uniquePrefix } from './neo4j.js';

describe('bulkFollowGroups', () => {
  let db: Db;
  const p = uniquePrefix('groups');

  beforeAll(async () => {
    db = testDb();
    await model(db, p, { name: 'a1', creator: 'A', task: 'T', downloads: 10 });
    await model(db, p, { name: 'b1', creator: 'B', task: 'T', downloads: 1000 });
    await model(db, p, { name: 'c1', creator: 'C', task: 'T', downloads: 100 });
    await db.write("MATCH (t:Task {id: $id}) SET t.name = 'Text Generation'", { id: p + 'T' });
  });
  afterAll(async () => {
    await cleanup(db, p);
    await db.close();
  });

  it('groups the topic leaders under a stable id and title', async () => {
    const group = await bulkFollowGroups(db, { taskId: p + 'T', first: 2 });
    expect(group.id).toBe(`topic:${p}T`);
    expect(group.title).toBe('Top creators in Text Generation');
    expect(group.task).toMatchObject({ id: p + 'T', name: 'Text Generation' });
    expect(group.creators.map((c) => c.creator.id)).toEqual([p + 'B', p + 'C']);
    expect(group.creators).toEqual(await topicTopContributors(db, { taskId: p + 'T', first: 2 }));
  });

  it('rejects an unknown task and a bad first; answers through GraphQL', async () => {
    const e = await bulkFollowGroups(db, { taskId: p + 'nope' }).catch((x: unknown) => x);
    expect(isHubgraphError(e) && e.code).toBe('BAD_USER_INPUT');
    const gql = await graphqlRunner(db);
    try {
      const bad = await gql.run('query($t: ID!) { bulkFollowGroups(taskId: $t, first: 101) { id } }', { t: p + 'T' });
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const ok = await gql.run('query($t: ID!) { bulkFollowGroups(taskId: $t) { id title task { id name } creators { creator { id } reason { kind } } } }', { t: p + 'T' });
      expect(ok.data.bulkFollowGroups).toEqual({
        id: `topic:${p}T`,
        title: 'Top creators in Text Generation',
        task: { id: p + 'T', name: 'Text Generation' },
        creators: ['B', 'C', 'A'].map((c) => ({ creator: { id: p + c }, reason: { kind: 'TOPIC_LEADER' } })),
      });
    } finally {
      await gql.stop();
    }
  });
});
