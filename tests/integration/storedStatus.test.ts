/**
 * `hubgraph stored status` (issue 18, outcome 4): per question, the lists stored and the share a
 * question would read now — a write by the owner makes theirs stale until it is refreshed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshFollowOfFollow } from '../../src/analytics/followOfFollow.js';
import { follow } from '../../src/domain/follow.js';
import { silentLogger } from '../../src/log.js';
import type { Db } from '../../src/neo4j/db.js';
import { storedStatus } from '../../src/stored/status.js';
import { runCli } from './cli.js';
import { follows } from './creatorFixtures.js';
import { cleanup, testDb, testNeo4j, uniquePrefix } from './neo4j.js';

describe('stored status', () => {
  let db: Db;
  const p = uniquePrefix('status');

  beforeAll(async () => {
    db = testDb();
    // u1, u2 and u3 each follow a and b; a and b follow c, d and e.
    await follows(db, p, [
      ...['u1', 'u2', 'u3'].flatMap((u): Array<[string, string]> => [[u, 'a'], [u, 'b']]),
      ['a', 'c'], ['a', 'd'], ['b', 'c'], ['b', 'e'],
    ]);
  });
  afterAll(async () => {
    await cleanup(db, p);
    await db.close();
  });

  const fof = async () => (await storedStatus(db, p)).questions.find((q) => q.question === 'followOfFollow')!;

  it('counts the lists a question would read now: a write makes its owner’s stale, its refresh valid again', async () => {
    const r = await refreshFollowOfFollow(db, { minWalk: 0, scope: p });
    expect(await fof()).toEqual({ question: 'followOfFollow', lists: 3, valid: 3, validShare: 1, oldest: r.computedAt, newest: r.computedAt });
    await follow(db, { userId: p + 'u1', creatorId: p + 'c' });
    expect(await fof()).toMatchObject({ lists: 3, valid: 2 });
    expect((await fof()).validShare).toBeCloseTo(2 / 3, 10);
    await follow(db, { userId: p + 'u2', creatorId: p + 'c' }, { log: silentLogger() });
    const after = await fof();
    expect(after).toMatchObject({ lists: 3, valid: 2, oldest: r.computedAt });
    expect(after.newest! > r.computedAt).toBe(true);
  });

  it('is printed by `hubgraph stored status`, one line per question', async () => {
    const n = testNeo4j();
    const out = await runCli(['stored', 'status'], { NEO4J_URI: n.uri, NEO4J_USER: n.user, NEO4J_PASSWORD: n.password, NEO4J_DATABASE: n.database });
    expect(out.code).toBe(0);
    for (const q of ['followOfFollow', 'secondDegree', 'popularAmongSimilarUsers', 'recommendedCreators', 'commonlyFollowedWith', 'similarCreators', 'topicTopContributors']) {
      expect(out.stdout).toMatch(new RegExp(`^${q}\\s`, 'm'));
    }
    expect(out.stdout).toMatch(/last refreshed by: /);
  });
});
