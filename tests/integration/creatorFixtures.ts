/**
 * Small hand-made social graphs for the creator questions' tests, and a GraphQL runner built the
 * way server.ts builds a request (Apollo + a fresh context with its own DataLoaders). Every id is
 * prefixed with the suite's uniquePrefix(), so `cleanup(db, prefix)` removes all of it.
 */
import { loadConfig } from '../../src/config.js';
import { createContext } from '../../src/graphql/context.js';
import { createApollo } from '../../src/graphql/server.js';
import { silentLogger } from '../../src/log.js';
import type { Db } from '../../src/neo4j/db.js';

/** Users (Creator:User) by short name; existing nodes just gain the label. */
export async function users(db: Db, p: string, names: string[]): Promise<void> {
  await db.write(
    `UNWIND $names AS n
     MERGE (u:Creator {id: $p + n}) ON CREATE SET u.name = n, u.kind = 'user'
     SET u:User`,
    { p, names },
  );
}

/** FOLLOWS edges [follower, followee] between users (created as needed). */
export async function follows(db: Db, p: string, edges: Array<[string, string]>): Promise<void> {
  await db.write(
    `UNWIND $edges AS e
     MERGE (a:Creator {id: $p + e[0]}) ON CREATE SET a.name = e[0], a.kind = 'user'
     SET a:User
     MERGE (b:Creator {id: $p + e[1]}) ON CREATE SET b.name = e[1], b.kind = 'user'
     SET b:User
     MERGE (a)-[:FOLLOWS]->(b)`,
    { p, edges },
  );
}

/** Sets properties on one node (by short name). */
export async function setProps(db: Db, p: string, name: string, props: Record<string, unknown>): Promise<void> {
  await db.write('MATCH (n {id: $id}) SET n += $props', { id: p + name, props });
}

/** What ingest's update-follower-counts does, limited to this suite's creators. */
export async function countFollowers(db: Db, p: string): Promise<void> {
  await db.write('MATCH (c:Creator) WHERE c.id STARTS WITH $p SET c.followers = COUNT { (c)<-[:FOLLOWS]-() }', { p });
}

/** A model (by short name) of a creator, with optional task and tags (all prefixed). */
export async function model(
  db: Db,
  p: string,
  m: { name: string; creator: string; downloads?: number | null; likes?: number | null; task?: string; tags?: string[] },
): Promise<void> {
  await db.write(
    `MERGE (c:Creator {id: $p + $creator}) ON CREATE SET c.name = $creator
     CREATE (c)-[:CREATED]->(m:Model {id: $p + $name, name: $name, downloads: $downloads, likes: $likes})
     FOREACH (t IN CASE WHEN $task IS NULL THEN [] ELSE [$task] END |
       MERGE (task:Task {id: $p + t}) ON CREATE SET task.name = t
       MERGE (m)-[:HAS_TASK]->(task))
     FOREACH (t IN $tags | MERGE (tag:Tag {id: $p + t}) MERGE (m)-[:TAGGED]->(tag))`,
    { p, name: m.name, creator: m.creator, downloads: m.downloads ?? null, likes: m.likes ?? null, task: m.task ?? null, tags: m.tags ?? [] },
  );
}

export interface GqlResult {
  data?: any;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** Runs operations through Apollo's executeOperation with a per-operation context, as server.ts does. */
export async function graphqlRunner(db: Db) {
  const log = silentLogger();
  const config = loadConfig({});
  const apollo = createApollo({ config, db, log });
  await apollo.start();
  return {
    async run(query: string, variables: Record<string, unknown> = {}): Promise<GqlResult> {
      const res = await apollo.executeOperation({ query, variables }, { contextValue: createContext({ db, log, config }) });
      if (res.body.kind !== 'single') throw new Error('expected a single result');
      return res.body.singleResult as GqlResult;
    },
    stop: () => apollo.stop(),
  };
}

/** Fails if any value in a GraphQL/domain result is a neo4j Integer (or any non-plain object). */
export function assertPlain(value: unknown, path = '$'): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) return value.forEach((v, i) => assertPlain(v, `${path}[${i}]`));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw new Error(`${path} is a ${value.constructor?.name ?? 'non-plain object'}`);
  for (const [k, v] of Object.entries(value)) assertPlain(v, `${path}.${k}`);
}
