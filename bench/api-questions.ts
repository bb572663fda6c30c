/**
 * The questions bench:api measures: each as a GraphQL request and as the domain function the
 * resolver calls (the "bare driver" path). Shared by bench/api.ts and the plain-HTTP baseline
 * server (bench/api-plain-http.ts), so all three paths ask exactly the same thing.
 */
import type { Config } from '../src/config.js';
import { commonlyFollowedWith } from '../src/domain/commonlyFollowedWith.js';
import { feedCandidates } from '../src/domain/feedCandidates.js';
import { followBack } from '../src/domain/followBack.js';
import { followOfFollow } from '../src/domain/followOfFollow.js';
import { popularAmongSimilarUsers } from '../src/domain/popularAmongSimilarUsers.js';
import { recommendedCreators } from '../src/domain/recommendedCreators.js';
import { search } from '../src/domain/search.js';
import { secondDegree } from '../src/domain/secondDegree.js';
import { similarCreators } from '../src/domain/similarCreators.js';
import { similarModels } from '../src/domain/similarModels.js';
import { topicTopContributors } from '../src/domain/topicTopContributors.js';
import type { Db } from '../src/neo4j/db.js';

export type Kind = 'user' | 'creator' | 'task' | 'model' | 'search';
export interface Question {
  name: string;
  kind: Kind;
  /** p99 target over GraphQL in ms, when there is one. */
  p99TargetMs: number | null;
  /** The GraphQL request for one id; with `computedAt`, each reason also asks when its stored list was computed (bench/api-mix.ts). */
  graphql: (id: string, options?: AskOptions) => { query: string; variables: Record<string, unknown> };
  /** The same question through the bare driver (the domain function, as the resolver calls it). */
  driver: (db: Db, config: Config, id: string) => Promise<unknown>;
}

export interface AskOptions {
  computedAt?: boolean;
}

const REASON = (o: AskOptions = {}) => `reason { kind text count via { type id }${o.computedAt ? ' computedAt' : ''} }`;
const REC = (o?: AskOptions) => `{ creator { id name kind source } score ${REASON(o)} }`;
const userQ = (field: string) => (id: string, o?: AskOptions) => ({ query: `query Q($id: ID!) { ${field}(userId: $id, first: 20) ${REC(o)} }`, variables: { id } });
const creatorQ = (field: string) => (id: string, o?: AskOptions) => ({ query: `query Q($id: ID!) { ${field}(creatorId: $id, first: 20) ${REC(o)} }`, variables: { id } });

export const QUESTIONS: Question[] = [
  { name: 'followOfFollow', kind: 'user', p99TargetMs: 60, graphql: userQ('followOfFollow'), driver: (db, _c, id) => followOfFollow(db, { userId: id, first: 20 }) },
  {
    name: 'commonlyFollowedWith',
    kind: 'creator',
    p99TargetMs: 60,
    graphql: creatorQ('commonlyFollowedWith'),
    driver: (db, _c, id) => commonlyFollowedWith(db, { creatorId: id, first: 20 }),
  },
  { name: 'secondDegree', kind: 'user', p99TargetMs: 60, graphql: userQ('secondDegree'), driver: (db, _c, id) => secondDegree(db, { userId: id, first: 20 }) },
  { name: 'followBack', kind: 'user', p99TargetMs: 60, graphql: userQ('followBack'), driver: (db, _c, id) => followBack(db, { userId: id, first: 20 }) },
  { name: 'similarCreators', kind: 'creator', p99TargetMs: 60, graphql: creatorQ('similarCreators'), driver: (db, _c, id) => similarCreators(db, { creatorId: id, first: 20 }) },
  {
    name: 'topicTopContributors',
    kind: 'task',
    p99TargetMs: 60,
    graphql: (id, o) => ({ query: `query Q($id: ID!) { topicTopContributors(taskId: $id, first: 20) ${REC(o)} }`, variables: { id } }),
    driver: (db, _c, id) => topicTopContributors(db, { taskId: id, first: 20 }),
  },
  {
    name: 'popularAmongSimilarUsers',
    kind: 'user',
    p99TargetMs: 60,
    graphql: userQ('popularAmongSimilarUsers'),
    driver: (db, _c, id) => popularAmongSimilarUsers(db, { userId: id, first: 20 }),
  },
  {
    name: 'recommendedCreators',
    kind: 'user',
    p99TargetMs: 60,
    graphql: userQ('recommendedCreators'),
    driver: (db, _c, id) => recommendedCreators(db, { userId: id, first: 20 }),
  },
  {
    name: 'feedCandidates',
    kind: 'user',
    p99TargetMs: 150,
    graphql: (id, o) => ({
      query: `query Q($id: ID!) { feedCandidates(userId: $id, first: 20) { edges { cursor node { model { id name downloads likes } score tier ${REASON(o)} } } pageInfo { hasNextPage endCursor } } }`,
      variables: { id },
    }),
    driver: (db, c, id) => feedCandidates(db, { userId: id, first: 20 }, c.recommend.feed),
  },
  {
    name: 'similarModels',
    kind: 'model',
    p99TargetMs: null,
    graphql: (id) => ({
      query:
        'query Q($id: ID!) { similarModels(modelId: $id, first: 10) { model { id name downloads likes } score reason { kind text via { type id } } metaPaths { metaPath pathSim weight sharedPaths } } }',
      variables: { id },
    }),
    driver: (db, c, id) => similarModels(db, { modelId: id, first: 10 }, c.recommend.similar),
  },
  {
    name: 'search',
    kind: 'search',
    p99TargetMs: null,
    graphql: (id) => ({
      query: 'query Q($q: String!) { search(query: $q, first: 20) { kind score relevance followers likes models model { id name } creator { id name } } }',
      variables: { q: id },
    }),
    driver: (db, c, id) => search(db, { query: id, first: 20 }, c.recommend.search),
  },
];
