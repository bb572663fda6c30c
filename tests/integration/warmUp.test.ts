/**
 * The server's warm-up on a real Neo4j: the ids it asks with (cypher/api/warm-up-ids.cypher) have
 * the properties that file promises, whatever else the shared test database holds, and every
 * example operation answers with them without an error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { EXAMPLES } from '../../src/graphql/examples.js';
import { createContext } from '../../src/graphql/context.js';
import { createApollo } from '../../src/graphql/server.js';
import { warmUp, warmUpVariants } from '../../src/graphql/warmUp.js';
import { silentLogger } from '../../src/log.js';
import { loadCypher } from '../../src/neo4j/cypher.js';
import type { Db } from '../../src/neo4j/db.js';
import { follows, model } from './creatorFixtures.js';
import { cleanup, testDb, uniquePrefix } from './neo4j.js';

interface Ids {
  heavyUser: string | null;
  lightUser: string | null;
  creator: string | null;
  task: string | null;
  model: string | null;
}

describe('the warm-up', () => {
  let db: Db;
  const p = uniquePrefix('warmup');
  let ids: Ids;

  beforeAll(async () => {
    db = testDb();
    // At least one of each kind the ids query looks for, whatever other suites left.
    await follows(db, p, [['u1', 'a'], ['u1', 'b'], ['u2', 'a']]);
    await model(db, p, { name: 'm', creator: 'a', downloads: 5, task: 't' });
    [ids] = (await db.read<Ids>(loadCypher('api/warm-up-ids'), { scope: '' })) as [Ids];
  });
  afterAll(async () => {
    await cleanup(db, p);
    await db.close();
  });

  const one = async (cypher: string, params: Record<string, unknown> = {}) => (await db.read<{ n: number }>(cypher, params))[0]!.n;

  it('answers one row whatever is missing: a graph with models but no follows still names its creator, task and model', async () => {
    const q = uniquePrefix('warmup-nofollows');
    try {
      await model(db, q, { name: 'lonely', creator: 'maker', downloads: 7, task: 'task' });
      const rows = await db.read<Ids>(loadCypher('api/warm-up-ids'), { scope: q });
      expect(rows).toEqual([{ heavyUser: null, lightUser: null, creator: q + 'maker', task: q + 'task', model: q + 'lonely' }]);
      expect(await db.read<Ids>(loadCypher('api/warm-up-ids'), { scope: q + 'nothing-has-this-prefix' })).toEqual([
        { heavyUser: null, lightUser: null, creator: null, task: null, model: null },
      ]);
    } finally {
      await cleanup(db, q);
    }
  });

  it('asks about the user following the most creators and the first (by id) following one to five', async () => {
    const followsOf = (id: string | null) => one('MATCH (u:User {id: $id}) RETURN COUNT { (u)-[:FOLLOWS]->() } AS n', { id });
    expect(await followsOf(ids.heavyUser)).toBe(await one('MATCH (u:User) RETURN max(COUNT { (u)-[:FOLLOWS]->() }) AS n'));
    const light = await followsOf(ids.lightUser);
    expect(light).toBeGreaterThanOrEqual(1);
    expect(light).toBeLessThanOrEqual(5);
    expect(await one('MATCH (u:User) WHERE u.id < $id AND 1 <= COUNT { (u)-[:FOLLOWS]->() } <= 5 RETURN count(u) AS n', { id: ids.lightUser })).toBe(0);
  });

  it('asks about the most followed creator, the task with the most models and the most downloaded model', async () => {
    expect(await one('MATCH (c:Creator {id: $id}) RETURN coalesce(c.followers, 0) AS n', { id: ids.creator })).toBe(
      await one('MATCH (c:Creator) RETURN max(coalesce(c.followers, 0)) AS n'),
    );
    expect(await one('MATCH (t:Task {id: $id}) RETURN COUNT { (t)<-[:HAS_TASK]-() } AS n', { id: ids.task })).toBe(
      await one('MATCH (t:Task) RETURN max(COUNT { (t)<-[:HAS_TASK]-() }) AS n'),
    );
    expect(await one('MATCH (m:Model {id: $id}) RETURN coalesce(m.downloads, 0) AS n', { id: ids.model })).toBe(
      await one('MATCH (m:Model) RETURN max(coalesce(m.downloads, 0)) AS n'),
    );
  });

  it('asks every example operation with those ids, and each answers without an error', async () => {
    const config = loadConfig({});
    const log = silentLogger();
    const apollo = createApollo({ config, db, log });
    await apollo.start();
    const asked: Array<Record<string, unknown>> = [];
    const execute = apollo.executeOperation.bind(apollo);
    apollo.executeOperation = ((request: { variables?: Record<string, unknown> }, options: unknown) => {
      asked.push(request.variables ?? {});
      return execute(request as never, options as never);
    }) as typeof apollo.executeOperation;
    try {
      const result = await warmUp(apollo, () => createContext({ db, log, config }));
      expect(result.errors).toBe(0);
      expect(result.operations).toBe(EXAMPLES.flatMap((e) => warmUpVariants(e, ids)).length);
      expect(asked).toHaveLength(result.operations);
      const users = new Set(asked.filter((v) => 'userId' in v).map((v) => v.userId));
      expect(users).toEqual(new Set([ids.heavyUser, ids.lightUser]));
      expect(asked.filter((v) => 'creatorId' in v).every((v) => v.creatorId === ids.creator)).toBe(true);
    } finally {
      await apollo.stop();
    }
  }, 120_000);

  it('asks with the API key when reads require one (else every question would be refused and nothing warmed)', async () => {
    const config = loadConfig({ HUBGRAPH_API_KEY: 'warm-up-test-key', HUBGRAPH_REQUIRE_KEY_FOR_READS: 'true' });
    const log = silentLogger();
    const apollo = createApollo({ config, db, log });
    await apollo.start();
    try {
      const context = () => createContext({ db, log, config });
      const refused = await apollo.executeOperation({ query: EXAMPLES[0]!.query, variables: { userId: ids.heavyUser } }, { contextValue: context() });
      expect(refused.body.kind === 'single' && refused.body.singleResult.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const result = await warmUp(apollo, context);
      expect(result.errors).toBe(0);
      expect(result.operations).toBeGreaterThanOrEqual(EXAMPLES.length);
    } finally {
      await apollo.stop();
    }
  }, 120_000);
});
