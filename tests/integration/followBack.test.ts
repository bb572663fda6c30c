/** followBack: followers not followed back, ranked by authority or, before analytics, follower count. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followBack } from '../../src/domain/followBack.js';
import { isHubgraphError } from '../../src/errors.js';
import type { Db } from '../../src/neo4j/db.js';
import { follows, graphqlRunner, setProps } from './creatorFixtures.js';
import { cleanup, testDb, uniquePrefix } from './neo4j.js';

describe('followBack', () => {
  let db: Db;
  const p = uniquePrefix('followback');

  beforeAll(async () => {
    db = testDb();
    // x, y, z and n follow me; I follow z back (excluded) and also follow k (who does not follow me).
    await follows(db, p, [
      ['x', 'me'], ['y', 'me'], ['z', 'me'], ['n', 'me'],
      ['me', 'z'], ['me', 'k'],
      // n has 3 followers but no `followers` property: the live count is the fallback.
      ['f1', 'n'], ['f2', 'n'],
    ]);
    await setProps(db, p, 'x', { followers: 5 });
    await setProps(db, p, 'y', { followers: 50 });
    await setProps(db, p, 'z', { followers: 500 });
  });
  afterAll(async () => {
    await cleanup(db, p);
    await db.close();
  });

  it('ranks followers I do not follow by follower count before analytics has run', async () => {
    const recs = await followBack(db, { userId: p + 'me' });
    expect(recs.map((r) => [r.creator.id, r.score])).toEqual([
      [p + 'y', 50],
      [p + 'x', 5],
      [p + 'n', 2],
    ]);
    for (const r of recs) {
      expect(r.reason).toMatchObject({ kind: 'FOLLOWS_YOU', text: 'Follows you', authoritySource: 'FOLLOWER_COUNT' });
    }
  });

  it('ranks by authority, and says so, once analytics has written it', async () => {
    await setProps(db, p, 'x', { authority: 0.3 });
    await setProps(db, p, 'y', { authority: 0.1 });
    await setProps(db, p, 'n', { authority: 0.2 });
    const recs = await followBack(db, { userId: p + 'me' });
    expect(recs.map((r) => [r.creator.id, r.score, r.reason.authoritySource])).toEqual([
      [p + 'x', 0.3, 'ANALYTICS'],
      [p + 'n', 0.2, 'ANALYTICS'],
      [p + 'y', 0.1, 'ANALYTICS'],
    ]);
    expect(recs[0]!.creator.authority).toBe(0.3);
  });

  it('answers through GraphQL with authoritySource, and rejects an unknown user', async () => {
    const gql = await graphqlRunner(db);
    try {
      const res = await gql.run('query($u: ID!) { followBack(userId: $u, first: 1) { score creator { id authority } reason { kind authoritySource } } }', {
        u: p + 'me',
      });
      expect(res.data.followBack).toEqual([{ score: 0.3, creator: { id: p + 'x', authority: 0.3 }, reason: { kind: 'FOLLOWS_YOU', authoritySource: 'ANALYTICS' } }]);
      const bad = await gql.run('query($u: ID!) { followBack(userId: $u) { score } }', { u: p + 'ghost' });
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(bad.errors?.[0]?.message).toContain(p + 'ghost');
    } finally {
      await gql.stop();
    }
    const e = await followBack(db, { userId: p + 'me', first: 101 }).catch((x: unknown) => x);
    expect(isHubgraphError(e) && e.code).toBe('BAD_USER_INPUT');
  });
});
