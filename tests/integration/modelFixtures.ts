/**
 * Shared by the model-side suites (similarModels, feedCandidates, search, modelStats, mutations):
 * GraphQL through Apollo's executeOperation with the context server.ts builds (optionally with
 * request headers, for the API key), and a little Cypher to build hand-made graphs.
 */
import { HeaderMap } from '@apollo/server';
import { loadConfig } from '../../src/config.js';
import { createContext } from '../../src/graphql/context.js';
import { createApollo } from '../../src/graphql/server.js';
import { silentLogger } from '../../src/log.js';
import type { Db } from '../../src/neo4j/db.js';

export interface GqlResult {
  data?: any;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export interface Gql {
  (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GqlResult>;
  stop(): Promise<void>;
}

/** An Apollo server (with the auth plugin, as server.ts builds it) for environment `env`. */
export function gqlClient(db: Db, env: Record<string, string> = {}): Gql {
  const config = loadConfig(env);
  const log = silentLogger();
  const apollo = createApollo({ config, db, log });
  const run = async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
    const res = await apollo.executeOperation(
      {
        query,
        variables,
        http: { method: 'POST', headers: new HeaderMap(Object.entries(headers)), search: '', body: {} },
      },
      { contextValue: createContext({ db, log, config }) },
    );
    if (res.body.kind !== 'single') throw new Error('expected a single result');
    return res.body.singleResult as GqlResult;
  };
  // executeOperation starts Apollo on first use; a suite filtered down to no request never started it,
  // and its afterAll must still reach the data cleanup that follows stop().
  const stop = async () => {
    try {
      await apollo.stop();
    } catch {
      // Not started: nothing to stop.
    }
  };
  return Object.assign(run, { stop });
}

/** The error code of the first error, if any. */
export const errorCode = (r: GqlResult) => r.errors?.[0]?.extensions?.code;

/** ISO time `days` days before `now`. */
export const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
