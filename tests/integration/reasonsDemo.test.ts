/**
 * Reasons on the demo corpus (issue #16): a user who follows no one gets the fallback tier, and a
 * follow-of-follow reason names two intermediaries and counts the rest. The follows are the
 * stand-in (SNAP GitHub follow graph mapped onto creators).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followOfFollow } from '../../src/domain/followOfFollow.js';
import { recommendedCreators } from '../../src/domain/recommendedCreators.js';
import type { Db } from '../../src/neo4j/db.js';
import { ensureDemo } from './demo.js';
import { testDb } from './neo4j.js';

describe('reasons on the demo corpus', () => {
  let db: Db;
  beforeAll(async () => {
    db = testDb();
    await ensureDemo(db);
  }, 900_000);
  afterAll(async () => {
    await db.close();
  });

  it('answers a user who follows no creator and no topic from the fallback tier', async () => {
    const [row] = await db.read<{ id: string }>(
      `MATCH (u:User) WHERE NOT EXISTS { (u)-[:FOLLOWS]->() } AND NOT EXISTS { (u)-[:FOLLOWS_TOPIC]->() } AND NOT EXISTS { (u)-[:MEMBER_OF]->() }
       RETURN u.id AS id ORDER BY id LIMIT 1`,
    );
    const recs = await recommendedCreators(db, { userId: row!.id, first: 5 });
    expect(recs).toHaveLength(5);
    expect(recs.every((r) => r.reason.kind === 'POPULAR_CREATOR' && r.creator.id !== row!.id)).toBe(true);
  });

  it('names two intermediaries and counts the rest, the count true of the graph', async () => {
    // The user who follows most: their first follow-of-follow candidate has many intermediaries.
    const [row] = await db.read<{ id: string }>(
      `MATCH (u:User) WITH u, COUNT { (u)-[:FOLLOWS]->() } AS n ORDER BY n DESC, u.id LIMIT 1 RETURN u.id AS id`,
    );
    const [top] = await followOfFollow(db, { userId: row!.id, first: 1 });
    const [a, b] = top!.reason.via.map((v) => v.id);
    const others = top!.reason.count! - 2;
    const atLeast = top!.reason.countIsLowerBound ? 'at least ' : '';
    expect(top!.reason.text).toBe(`Followed by /${a}, /${b} and ${atLeast}${others} other${others === 1 ? '' : 's'} you follow`);
    // The true number of intermediaries: never fewer than the text claims.
    const [truth] = await db.read<{ n: number }>(
      'MATCH (:User {id: $u})-[:FOLLOWS]->(f)-[:FOLLOWS]->(:Creator {id: $c}) RETURN count(f) AS n',
      { u: row!.id, c: top!.creator.id },
    );
    if (top!.reason.countIsLowerBound) expect(truth!.n).toBeGreaterThanOrEqual(top!.reason.count!);
    else expect(truth!.n).toBe(top!.reason.count);
  });
});
