/**
 * One wording per kind of client mistake, whichever question or mutation it is made in: every
 * field asked with an id no node has answers `Unknown <kind> id: <id>` (then a hint), and every
 * integer argument out of range answers `<name> must be an integer from <min> to <max> (got <n>)`,
 * both BAD_USER_INPUT. Over real HTTP against the real Neo4j, on a small prefixed graph.
 * Also: a feed cursor issued for one user is refused for another (regression).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/graphql/server.js';
import { silentLogger } from '../../src/log.js';
import type { Db } from '../../src/neo4j/db.js';
import { cleanup, testDb, uniquePrefix } from './neo4j.js';

const KEY = 'unknown-ids-test-key-0123456789';
const R = '{ creator { id } }';

interface Answer {
  status: number;
  errors: Array<{ message: string; extensions?: { code?: string } }> | undefined;
  data: any;
}

describe('one wording for unknown ids and integer arguments', () => {
  let db: Db;
  let server: RunningServer;
  const p = uniquePrefix('unknown-ids');
  const id = (name: string) => `${p}${name}`;
  const missing = id('nobody-here');

  async function ask(query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: unknown; errors?: Answer['errors'] };
    return { status: res.status, errors: body.errors, data: body.data };
  }

  beforeAll(async () => {
    db = testDb();
    await db.write(
      `CREATE (u1:Creator:User {id: $p + 'u1', name: 'u1', kind: 'user', followers: 1}),
              (u2:Creator:User {id: $p + 'u2', name: 'u2', kind: 'user', followers: 1}),
              (c1:Creator:Organization {id: $p + 'c1', name: 'c1', kind: 'organization', followers: 2}),
              (t:Task {id: $p + 'task', name: 'task'}),
              (u1)-[:FOLLOWS]->(c1), (u2)-[:FOLLOWS]->(c1), (u1)-[:FOLLOWS_TOPIC]->(t)
       WITH c1, t
       UNWIND range(1, 5) AS i
       CREATE (c1)-[:CREATED]->(m:Model {id: $p + 'c1/m' + i, name: 'm' + i, downloads: i * 100, likes: i,
                                          createdAt: datetime() - duration({days: i})})-[:HAS_TASK]->(t)`,
      { p },
    );
    server = await startServer({ config: loadConfig({ HUBGRAPH_API_KEY: KEY }), db, log: silentLogger() }, { host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await server?.stop();
    await cleanup(db, p);
    await db?.close();
  });

  /** [field, kind of the unknown id, operation, variables]: every id argument of every question and mutation. */
  const UNKNOWN: Array<[string, string, string, () => Record<string, unknown>]> = [
    ...['followOfFollow', 'secondDegree', 'followBack', 'sameOrganization', 'popularAmongSimilarUsers', 'recommendedCreators'].map(
      (f): [string, string, string, () => Record<string, unknown>] => [f, 'user', `query ($id: ID!) { ${f}(userId: $id) ${R} }`, () => ({ id: missing })],
    ),
    ['commonlyFollowedWith', 'creator', `query ($id: ID!) { commonlyFollowedWith(creatorId: $id) ${R} }`, () => ({ id: missing })],
    ['similarCreators', 'creator', `query ($id: ID!) { similarCreators(creatorId: $id) ${R} }`, () => ({ id: missing })],
    ['topicTopContributors', 'task', `query ($id: ID!) { topicTopContributors(taskId: $id) ${R} }`, () => ({ id: missing })],
    ['bulkFollowGroups', 'task', `query ($id: ID!) { bulkFollowGroups(taskId: $id) { id } }`, () => ({ id: missing })],
    ['feedCandidates', 'user', `query ($id: ID!) { feedCandidates(userId: $id) { pageInfo { endCursor } } }`, () => ({ id: missing })],
    ['similarModels', 'model', `query ($id: ID!) { similarModels(modelId: $id) { score } }`, () => ({ id: missing })],
    ['follow (user)', 'user', `mutation ($id: ID!, $c: ID!) { follow(userId: $id, creatorId: $c) { changed } }`, () => ({ id: missing, c: id('c1') })],
    ['follow (creator)', 'creator', `mutation ($u: ID!, $id: ID!) { follow(userId: $u, creatorId: $id) { changed } }`, () => ({ u: id('u1'), id: missing })],
    ['unfollow (user)', 'user', `mutation ($id: ID!, $c: ID!) { unfollow(userId: $id, creatorId: $c) { changed } }`, () => ({ id: missing, c: id('c1') })],
    ['unfollow (creator)', 'creator', `mutation ($u: ID!, $id: ID!) { unfollow(userId: $u, creatorId: $id) { changed } }`, () => ({ u: id('u1'), id: missing })],
    ['followTopic (user)', 'user', `mutation ($id: ID!, $t: ID!) { followTopic(userId: $id, taskId: $t) { changed } }`, () => ({ id: missing, t: id('task') })],
    ['followTopic (task)', 'task', `mutation ($u: ID!, $id: ID!) { followTopic(userId: $u, taskId: $id) { changed } }`, () => ({ u: id('u1'), id: missing })],
    ['bulkFollow (user)', 'user', `mutation ($id: ID!, $g: ID!) { bulkFollow(userId: $id, groupId: $g) { newlyFollowed } }`, () => ({ id: missing, g: `topic:${id('task')}` })],
    ['bulkFollow (group)', 'group', `mutation ($u: ID!, $id: ID!) { bulkFollow(userId: $u, groupId: $id) { newlyFollowed } }`, () => ({ u: id('u1'), id: missing })],
    ['bulkFollow (task of the group)', 'task', `mutation ($u: ID!, $id: ID!) { bulkFollow(userId: $u, groupId: $id) { newlyFollowed } }`, () => ({ u: id('u1'), id: `topic:${missing}` })],
    ['like (user)', 'user', `mutation ($id: ID!, $m: ID!) { like(userId: $id, modelId: $m) { changed } }`, () => ({ id: missing, m: id('c1/m1') })],
    ['like (model)', 'model', `mutation ($u: ID!, $id: ID!) { like(userId: $u, modelId: $id) { changed } }`, () => ({ u: id('u1'), id: missing })],
  ];

  it.each(UNKNOWN)('%s with an unknown %s id: "Unknown <kind> id: <id>"', async (_field, kind, query, variables) => {
    const vars = variables();
    const answer = await ask(query, vars);
    expect(answer.errors, JSON.stringify(answer.data)).toHaveLength(1);
    const [error] = answer.errors!;
    expect(error!.extensions?.code).toBe('BAD_USER_INPUT');
    const named = kind === 'task' ? String(vars.id).replace(/^topic:/, '') : String(vars.id);
    expect(error!.message.split(' — ')[0]).toBe(`Unknown ${kind} id: ${named}`);
  });

  /** [field, argument, operation]: every integer argument, each asked with -1 (below every range). */
  const INTEGERS: Array<[string, string, string, () => Record<string, unknown>]> = [
    ...['followOfFollow', 'secondDegree', 'followBack', 'sameOrganization', 'popularAmongSimilarUsers', 'recommendedCreators'].map(
      (f): [string, string, string, () => Record<string, unknown>] => [f, 'first', `query ($id: ID!, $n: Int) { ${f}(userId: $id, first: $n) ${R} }`, () => ({ id: id('u1') })],
    ),
    ['commonlyFollowedWith', 'first', `query ($id: ID!, $n: Int) { commonlyFollowedWith(creatorId: $id, first: $n) ${R} }`, () => ({ id: id('c1') })],
    ['similarCreators', 'first', `query ($id: ID!, $n: Int) { similarCreators(creatorId: $id, first: $n) ${R} }`, () => ({ id: id('c1') })],
    ['topicTopContributors', 'first', `query ($id: ID!, $n: Int) { topicTopContributors(taskId: $id, first: $n) ${R} }`, () => ({ id: id('task') })],
    ['bulkFollowGroups', 'first', `query ($id: ID!, $n: Int) { bulkFollowGroups(taskId: $id, first: $n) { id } }`, () => ({ id: id('task') })],
    ['feedCandidates', 'first', `query ($id: ID!, $n: Int) { feedCandidates(userId: $id, first: $n) { pageInfo { endCursor } } }`, () => ({ id: id('u1') })],
    ['similarModels', 'first', `query ($id: ID!, $n: Int) { similarModels(modelId: $id, first: $n) { score } }`, () => ({ id: id('c1/m1') })],
    ['search', 'first', `query ($n: Int) { search(query: "m1", first: $n) { score } }`, () => ({})],
    ['topCitedPapers', 'first', `query ($n: Int) { topCitedPapers(first: $n) { modelCount } }`, () => ({})],
    ['subgraph', 'limit', `query ($n: Int) { subgraph(limit: $n) { nodes { id } } }`, () => ({})],
    ['subgraph', 'downloadsAtLeast', `query ($n: Int) { subgraph(downloadsAtLeast: $n) { nodes { id } } }`, () => ({})],
    ['subgraph', 'likesAtLeast', `query ($n: Int) { subgraph(likesAtLeast: $n) { nodes { id } } }`, () => ({})],
    ['communities', 'first', `query ($n: Int) { communities(kind: CREATOR, first: $n) { id } }`, () => ({})],
    ['creator.models', 'first', `query ($id: ID!, $n: Int) { creator(id: $id) { models(first: $n) { totalCount } } }`, () => ({ id: id('c1') })],
    ['task.models', 'first', `query ($id: ID!, $n: Int) { task(id: $id) { models(first: $n) { totalCount } } }`, () => ({ id: id('task') })],
    ['model.derivatives', 'first', `query ($id: ID!, $n: Int) { model(id: $id) { derivatives(first: $n) { kind } } }`, () => ({ id: id('c1/m1') })],
    ['runAnalytics', 'seed', `mutation ($n: Int) { runAnalytics(seed: $n) { id } }`, () => ({})],
  ];

  it.each(INTEGERS)('%s with %s = -1: "<name> must be an integer from <min> to <max> (got -1)"', async (_field, name, query, variables) => {
    const answer = await ask(query, { ...variables(), n: -1 });
    expect(answer.errors, JSON.stringify(answer.data)).toHaveLength(1);
    const [error] = answer.errors!;
    expect(error!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error!.message).toMatch(new RegExp(`^${name} must be an integer from \\d+ to \\d+ \\(got -1\\)$`));
  });

  // Regression: the cursor carried no user, so u2's request with u1's cursor paged u2's feed from
  // u1's position (items skipped or repeated, no error).
  it("refuses a feed cursor issued for another user's feed", async () => {
    const FEED = 'query ($u: ID!, $after: String) { feedCandidates(userId: $u, first: 1, after: $after) { edges { node { model { id } } } pageInfo { endCursor } } }';
    const first = await ask(FEED, { u: id('u1') });
    expect(first.errors).toBeUndefined();
    const cursor = first.data.feedCandidates.pageInfo.endCursor as string;
    expect(cursor).toEqual(expect.any(String));
    expect((await ask(FEED, { u: id('u1'), after: cursor })).errors).toBeUndefined();
    const other = await ask(FEED, { u: id('u2'), after: cursor });
    expect(other.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(other.errors?.[0]?.message).toContain(`after is a cursor of another user's feed, not of userId ${id('u2')}`);
  });
});
