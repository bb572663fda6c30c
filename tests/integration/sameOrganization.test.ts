/** sameOrganization: fellow members, ranked by organizations shared, reason via the smallest one. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sameOrganization } from '../../src/domain/sameOrganization.js';
import { isHubgraphError } from '../../src/errors.js';
import type { Db } from '../../src/neo4j/db.js';
import { follows, graphqlRunner, setProps, users } from './creatorFixtures.js';
import { cleanup, testDb, uniquePrefix } from './neo4j.js';

describe('sameOrganization', () => {
  let db: Db;
  const p = uniquePrefix('sameorg');

  beforeAll(async () => {
    db = testDb();
    await users(db, p, ['me', 'a', 'b', 'c', 'd', 'outsider']);
    // big ← {me, a, b, c}; small ← {me, a, d}; other ← {outsider}. me follows c.
    await db.write(
      `UNWIND $m AS pair
       MERGE (o:Creator {id: $p + pair[1]}) ON CREATE SET o.name = pair[1], o.kind = 'organization'
       SET o:Organization
       WITH o, pair
       MATCH (u:User {id: $p + pair[0]})
       MERGE (u)-[:MEMBER_OF]->(o)`,
      { p, m: [['me', 'big'], ['a', 'big'], ['b', 'big'], ['c', 'big'], ['me', 'small'], ['a', 'small'], ['d', 'small'], ['outsider', 'other']] },
    );
    await follows(db, p, [['me', 'c']]);
    await setProps(db, p, 'b', { followers: 5 });
    await setProps(db, p, 'd', { followers: 1 });
  });
  afterAll(async () => {
    await cleanup(db, p);
    await db.close();
  });

  it('ranks members by organizations shared (then followers), excluding followed members, me and the organizations', async () => {
    const recs = await sameOrganization(db, { userId: p + 'me' });
    expect(recs.map((r) => [r.creator.id, r.score, r.reason.count])).toEqual([
      [p + 'a', 2, 2],
      [p + 'b', 1, 1],
      [p + 'd', 1, 1],
    ]);
  });

  it('names the smallest shared organization first', async () => {
    const [a, b] = await sameOrganization(db, { userId: p + 'me' });
    expect(a!.reason.via).toEqual([{ type: 'CREATOR', id: p + 'small' }, { type: 'CREATOR', id: p + 'big' }]);
    expect(a!.reason).toMatchObject({ kind: 'SAME_ORGANIZATION', text: `Member of /${p}small and /${p}big, like you` });
    expect(b!.reason.text).toBe(`Member of /${p}big, like you`);
  });

  it('answers empty for a user with no fellow members, BAD_USER_INPUT for an unknown user', async () => {
    await expect(sameOrganization(db, { userId: p + 'outsider' })).resolves.toEqual([]);
    const e = await sameOrganization(db, { userId: p + 'ghost' }).catch((x: unknown) => x);
    expect(isHubgraphError(e) && e.code).toBe('BAD_USER_INPUT');
    const gql = await graphqlRunner(db);
    try {
      const res = await gql.run('query($u: ID!) { sameOrganization(userId: $u, first: 1) { score creator { id } reason { text } } }', { u: p + 'me' });
      expect(res.data.sameOrganization).toEqual([{ score: 2, creator: { id: p + 'a' }, reason: { text: `Member of /${p}small and /${p}big, like you` } }]);
    } finally {
      await gql.stop();
    }
  });
});
