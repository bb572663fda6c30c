/**
 * The social mutations over real HTTP: refused without a configured key, without the header or
 * with a wrong key (and nothing written); with the key, effective at once in feedCandidates and
 * in the followers counter; unknown ids refused with nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/graphql/server.js';
import { silentLogger } from '../../src/log.js';
import type { Db } from '../../src/neo4j/db.js';
import { daysBefore, errorCode, gqlClient } from './modelFixtures.js';
import { cleanup, testDb, uniquePrefix } from './neo4j.js';

const KEY = 'test-key-0123456789abcdef';

describe('mutations', () => {
  let db: Db;
  let open: RunningServer;
  let keyed: RunningServer;
  const p = uniquePrefix('mutations');
  const id = (name: string) => `${p}${name}`;

  const post = async (server: RunningServer, query: string, variables: Record<string, unknown> = {}, auth?: string) => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: (await res.json()) as { data?: any; errors?: any[] } };
  };
  const withKey = (query: string, variables: Record<string, unknown> = {}) => post(keyed, query, variables, `Bearer ${KEY}`);
  const followers = async (creator: string) =>
    (await db.read<{ n: number; edges: number }>('MATCH (c:Creator {id: $id}) RETURN c.followers AS n, COUNT { (c)<-[:FOLLOWS]-() } AS edges', { id: id(creator) }))[0]!;
  const feed = async (user: string) => {
    const res = await post(open, `query ($u: ID!) { feedCandidates(userId: $u, first: 100) { edges { node { model { id } tier reason { kind } } } } }`, { u: id(user) });
    expect(res.body.errors).toBeUndefined();
    return res.body.data.feedCandidates.edges.map((e: any) => e.node) as { model: { id: string }; tier: string; reason: { kind: string } }[];
  };
  const FOLLOW = `mutation ($u: ID!, $c: ID!) { follow(userId: $u, creatorId: $c) { creator { id } following changed followers } }`;

  beforeAll(async () => {
    db = testDb();
    const now = new Date();
    await db.write(
      `CREATE (u:Creator:User {id: $p + 'u', followers: 0}), (n:Creator:User {id: $p + 'newbie', followers: 0}),
              (c:Creator {id: $p + 'c', followers: 3}),
              (c)-[:CREATED]->(:Model {id: $p + 'c/m', downloads: 10, lastModified: datetime($d1)}),
              (c)-[:CREATED]->(:Model {id: $p + 'c/m2', downloads: 20, lastModified: datetime($d2)}),
              (t:Task {id: $p + 'topic'}),
              (lead1:Creator {id: $p + 'lead1', followers: 0}), (lead2:Creator {id: $p + 'lead2', followers: 0}),
              (lead1)-[:CREATED]->(:Model {id: $p + 'lead1/a', downloads: 900, lastModified: datetime($d1)})-[:HAS_TASK]->(t),
              (lead1)-[:CREATED]->(:Model {id: $p + 'lead1/b', downloads: 800, lastModified: datetime($d2)})-[:HAS_TASK]->(t),
              (lead2)-[:CREATED]->(:Model {id: $p + 'lead2/a', downloads: 10, lastModified: datetime($d1)})-[:HAS_TASK]->(t)`,
      { p, d1: daysBefore(now, 1), d2: daysBefore(now, 3) },
    );
    open = await startServer({ config: loadConfig({}), db, log: silentLogger() }, { host: '127.0.0.1', port: 0 });
    keyed = await startServer({ config: loadConfig({ HUBGRAPH_API_KEY: KEY }), db, log: silentLogger() }, { host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await open.stop();
    await keyed.stop();
    await cleanup(db, p);
    await db.close();
  });

  it('refuses mutations when no key is configured, even with a header, and writes nothing', async () => {
    const res = await post(open, FOLLOW, { u: id('u'), c: id('c') }, `Bearer ${KEY}`);
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.body.errors?.[0]?.message).toMatch(/no API key configured/);
    expect(await followers('c')).toEqual({ n: 3, edges: 0 });
  });

  it('refuses a missing or wrong key, and writes nothing', async () => {
    for (const auth of [undefined, 'Bearer wrong-key-0123456789abcdef', `Basic ${KEY}`, KEY]) {
      const res = await post(keyed, FOLLOW, { u: id('u'), c: id('c') }, auth);
      expect(res.status, String(auth)).toBe(401);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect(await followers('c')).toEqual({ n: 3, edges: 0 });
    // Reads stay open.
    expect((await post(keyed, '{ graphStats { nodes } }')).status).toBe(200);
  });

  it('follows with the key: counter updated and the next feed shows the creator’s models in-network', async () => {
    expect((await feed('u')).some((i) => i.tier === 'IN_NETWORK')).toBe(false);
    const res = await withKey(FOLLOW, { u: id('u'), c: id('c') });
    expect(res.body.errors).toBeUndefined();
    // The stored counter was 3 (a stale value); it is recomputed from the edges: 1.
    expect(res.body.data.follow).toEqual({ creator: { id: id('c') }, following: true, changed: true, followers: 1 });
    expect(await followers('c')).toEqual({ n: 1, edges: 1 });
    const items = await feed('u');
    expect(items.filter((i) => i.tier === 'IN_NETWORK').map((i) => i.model.id).sort()).toEqual([id('c/m'), id('c/m2')]);
    expect(items[0]!.reason.kind).toBe('UPLOADED_BY');
    const again = await withKey(FOLLOW, { u: id('u'), c: id('c') });
    expect(again.body.data.follow).toMatchObject({ changed: false, followers: 1 });
  });

  it('likes with the key: the model’s count goes up once, and the feed drops it', async () => {
    const LIKE = `mutation ($u: ID!, $m: ID!) { like(userId: $u, modelId: $m) { model { id likes } changed } }`;
    const res = await withKey(LIKE, { u: id('u'), m: id('c/m') });
    expect(res.body.data.like).toEqual({ model: { id: id('c/m'), likes: 1 }, changed: true });
    expect((await withKey(LIKE, { u: id('u'), m: id('c/m') })).body.data.like).toEqual({ model: { id: id('c/m'), likes: 1 }, changed: false });
    expect((await feed('u')).map((i) => i.model.id)).not.toContain(id('c/m'));
  });

  it('unfollows with the key: the in-network items go at once', async () => {
    const res = await withKey(`mutation ($u: ID!, $c: ID!) { unfollow(userId: $u, creatorId: $c) { following changed followers } }`, {
      u: id('u'),
      c: id('c'),
    });
    expect(res.body.data.unfollow).toEqual({ following: false, changed: true, followers: 0 });
    expect((await feed('u')).some((i) => i.tier === 'IN_NETWORK')).toBe(false);
  });

  it('follows a topic: a new user’s next feed starts with its trending models', async () => {
    const res = await withKey(`mutation ($u: ID!, $t: ID!) { followTopic(userId: $u, taskId: $t) { task { id } changed } }`, {
      u: id('newbie'),
      t: id('topic'),
    });
    expect(res.body.data.followTopic).toEqual({ task: { id: id('topic') }, changed: true });
    const items = await feed('newbie');
    expect(items[0]).toMatchObject({ tier: 'OUT_OF_NETWORK', reason: { kind: 'TRENDING_IN_TOPIC' } });
    expect(items.slice(0, 3).map((i) => i.model.id).sort()).toEqual([id('lead1/a'), id('lead1/b'), id('lead2/a')]);
  });

  it('bulk-follows a topic’s top creators in one go', async () => {
    const BULK = `mutation ($u: ID!, $g: ID!) { bulkFollow(userId: $u, groupId: $g) { groupId newlyFollowed followed { creator { id } changed followers } } }`;
    const res = await withKey(BULK, { u: id('newbie'), g: `topic:${id('topic')}` });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.bulkFollow).toEqual({
      groupId: `topic:${id('topic')}`,
      newlyFollowed: 2,
      followed: [
        { creator: { id: id('lead1') }, changed: true, followers: 1 },
        { creator: { id: id('lead2') }, changed: true, followers: 1 },
      ],
    });
    expect((await withKey(BULK, { u: id('newbie'), g: `topic:${id('topic')}` })).body.data.bulkFollow.newlyFollowed).toBe(0);
    expect((await feed('newbie')).filter((i) => i.tier === 'IN_NETWORK')).toHaveLength(3);
  });

  it('refuses unknown ids and bad groups with BAD_USER_INPUT, writing nothing', async () => {
    const before = await db.read<{ n: number }>('MATCH (n) WHERE n.id STARTS WITH $p RETURN sum(COUNT { (n)--() }) AS n', { p });
    const cases: [string, Record<string, unknown>][] = [
      [FOLLOW, { u: id('ghost'), c: id('c') }],
      [FOLLOW, { u: id('u'), c: id('ghost') }],
      [FOLLOW, { u: id('u'), c: id('u') }],
      [`mutation ($u: ID!, $c: ID!) { unfollow(userId: $u, creatorId: $c) { changed } }`, { u: id('u'), c: id('ghost') }],
      [`mutation ($u: ID!, $t: ID!) { followTopic(userId: $u, taskId: $t) { changed } }`, { u: id('u'), t: id('ghost') }],
      [`mutation ($u: ID!, $m: ID!) { like(userId: $u, modelId: $m) { changed } }`, { u: id('ghost'), m: id('c/m2') }],
      [`mutation ($u: ID!, $g: ID!) { bulkFollow(userId: $u, groupId: $g) { newlyFollowed } }`, { u: id('u'), g: `topic:${id('ghost')}` }],
      [`mutation ($u: ID!, $g: ID!) { bulkFollow(userId: $u, groupId: $g) { newlyFollowed } }`, { u: id('u'), g: 'team:x' }],
      [`mutation ($u: ID!, $g: ID!) { bulkFollow(userId: $u, groupId: $g) { newlyFollowed } }`, { u: id('ghost'), g: `topic:${id('topic')}` }],
    ];
    for (const [query, variables] of cases) {
      const res = await withKey(query, variables);
      expect(res.body.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe('BAD_USER_INPUT');
    }
    const after = await db.read<{ n: number }>('MATCH (n) WHERE n.id STARTS WITH $p RETURN sum(COUNT { (n)--() }) AS n', { p });
    expect(after).toEqual(before);
    expect(await followers('c')).toEqual({ n: 0, edges: 0 });
  });

  it('can require the key for reads too', async () => {
    const gql = gqlClient(db, { HUBGRAPH_API_KEY: KEY, HUBGRAPH_REQUIRE_KEY_FOR_READS: 'true' });
    try {
      expect(errorCode(await gql('{ graphStats { nodes } }'))).toBe('UNAUTHENTICATED');
      expect((await gql('{ graphStats { nodes } }', {}, { authorization: `Bearer ${KEY}` })).errors).toBeUndefined();
    } finally {
      await gql.stop();
    }
  });
});
