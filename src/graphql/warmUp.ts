/**
 * The server's warm-up: every example operation (src/graphql/examples.ts, the landing page's list,
 * one per question) asked once through Apollo, as a client would ask it, before `/ready` says ready.
 *
 * Why: the first time a question is asked after Neo4j starts, Neo4j plans its queries (the plan
 * cache is empty) and neither the JVM nor V8 has compiled the code they run. Measured on the demo
 * corpus (`npm run bench:cold-start`): the first request of a question took 28–935 ms (4.8 s over
 * the 17 examples) without the warm-up, 6–153 ms (0.5 s) after it, about what later requests take.
 * Plans are cached by query text, so one run with any id serves every later id.
 *
 * The ids are real (cypher/api/warm-up-ids.cypher) so that no question stops at an unknown id
 * before its main queries; a question whose id the database lacks (an empty database) keeps the
 * example's id and is still planned as far as it runs. Users are asked twice, a heavy follower and
 * a light one, whose feeds take different tiers. Only queries: no mutation runs, and they carry the
 * server's API key when it has one (reads may require it). An error is counted and logged, never
 * thrown: a failed warm-up leaves a colder server, not a broken one.
 */
import { HeaderMap, type ApolloServer } from '@apollo/server';
import { loadCypher } from '../neo4j/cypher.js';
import type { GraphQLContext } from './context.js';
import { EXAMPLES, type ExampleOperation } from './examples.js';

interface WarmUpIds {
  heavyUser: string | null;
  lightUser: string | null;
  creator: string | null;
  task: string | null;
  model: string | null;
}

export interface WarmUpResult {
  /** Operations asked (examples × the ids each was asked with). */
  operations: number;
  /** Of them, answered with errors (e.g. an example id the database lacks). */
  errors: number;
  seconds: number;
}

/** The example's variables with the database's ids in place of the demo corpus's, where it has them. */
export function warmUpVariants(example: ExampleOperation, ids: WarmUpIds): Array<Record<string, unknown>> {
  const v = example.variables;
  const swap = (key: string, id: string | null) => (key in v && id !== null ? { [key]: id } : {});
  if ('userId' in v) {
    const users = [...new Set([ids.heavyUser, ids.lightUser].filter((id): id is string => id !== null))];
    return users.length > 0 ? users.map((userId) => ({ ...v, userId })) : [v];
  }
  return [
    {
      ...v,
      ...swap('creatorId', ids.creator),
      ...swap('taskId', ids.task),
      ...swap('modelId', ids.model),
      ...swap('id', ids.model),
      // The task's words: a text the full-text indexes of models and creators both match.
      ...swap('query', ids.task === null ? null : ids.task.replace(/[-_]/g, ' ')),
    },
  ];
}

/**
 * Asks the examples in turn, each with a fresh request context (its Db, logger and config are the
 * ones requests get); stops before the next one once `signal` is aborted (the server is stopping).
 */
export async function warmUp(apollo: ApolloServer<GraphQLContext>, context: () => GraphQLContext, signal?: AbortSignal): Promise<WarmUpResult> {
  const started = performance.now();
  let operations = 0;
  let errors = 0;
  const { db, log, config } = context();
  const [ids] = await db.read<WarmUpIds>(loadCypher('api/warm-up-ids'), { scope: '' }, { op: 'warmUp.ids' });
  // Asked as a client with the server's own key would ask: with HUBGRAPH_REQUIRE_KEY_FOR_READS the
  // auth plugin refuses a query without it, and a refused operation warms nothing.
  const key = config.api.key;
  const headers = new HeaderMap(key ? [['authorization', `Bearer ${key}`]] : []);
  for (const example of EXAMPLES) {
    for (const variables of warmUpVariants(example, ids!)) {
      if (signal?.aborted) return { operations, errors, seconds: (performance.now() - started) / 1000 };
      operations++;
      try {
        const res = await apollo.executeOperation(
          { query: example.query, variables, http: { method: 'POST', headers, search: '', body: {} } },
          { contextValue: context() },
        );
        if (res.body.kind === 'single' && (res.body.singleResult.errors?.length ?? 0) > 0) {
          errors++;
          log.debug({ operation: example.name, variables, errors: res.body.singleResult.errors }, 'warm-up: the example answered with an error');
        }
      } catch (error) {
        errors++;
        log.debug({ operation: example.name, variables, err: error }, 'warm-up: the example failed');
      }
    }
  }
  return { operations, errors, seconds: (performance.now() - started) / 1000 };
}
