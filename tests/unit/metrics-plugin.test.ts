/**
 * The request metrics plugin on a small Apollo server (no database): latency per question, errors
 * per question and the code the client got, and label values kept to the schema's fields.
 */
import { ApolloServer } from '@apollo/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { ErrorCodes, HubgraphError } from '../../src/errors.js';
import { createFormatError } from '../../src/graphql/errors.js';
import { metricsPlugin, questionOf, topLevelFields } from '../../src/graphql/plugins/metrics.js';
import { silentLogger } from '../../src/log.js';
import { createMetrics, type Metrics } from '../../src/metrics.js';
import { standInDb } from './standInDb.js';
import { parse, type OperationDefinitionNode } from 'graphql';

const typeDefs = `
  type Query { followOfFollow(userId: ID!): [String!]!  similarModels(modelId: ID!): [String!]!  broken: String }
  type Mutation { follow(creatorId: ID!): Boolean! }
`;

const resolvers = {
  Query: {
    followOfFollow: (_: unknown, { userId }: { userId: string }) => {
      if (userId === 'nobody') throw new HubgraphError(ErrorCodes.NOT_FOUND, `No user '${userId}'`);
      return ['a', 'b'];
    },
    similarModels: () => ['m'],
    broken: () => {
      throw new Error('a bug');
    },
  },
  Mutation: { follow: () => true },
};

describe('metricsPlugin', () => {
  let metrics: Metrics;
  let apollo: ApolloServer;

  beforeEach(async () => {
    metrics = createMetrics({ db: standInDb(), log: silentLogger(), processMetrics: false });
    apollo = new ApolloServer({ typeDefs, resolvers, formatError: createFormatError(silentLogger()), plugins: [metricsPlugin(metrics)] });
    await apollo.start();
    return () => apollo.stop();
  });

  const ask = (query: string, variables?: Record<string, unknown>) => apollo.executeOperation({ query, ...(variables ? { variables } : {}) });
  const requests = async (question: string) =>
    (await metrics.graphql.requestSeconds.get()).values.find((v) => v.metricName?.endsWith('_count') && v.labels.question === question)?.value ?? 0;
  const errors = async () => Object.fromEntries((await metrics.graphql.errors.get()).values.map((v) => [`${v.labels.question} ${v.labels.code}`, v.value]));

  it('times each request under its question', async () => {
    await ask('{ followOfFollow(userId: "u") }');
    await ask('query Q($id: ID!) { similarModels(modelId: $id) }', { id: 'm' });
    await ask('query Q($id: ID!) { similarModels(modelId: $id) }', { id: 'm' });
    await ask('mutation { follow(creatorId: "c") }');
    expect(await requests('followOfFollow')).toBe(1);
    expect(await requests('similarModels')).toBe(2);
    expect(await requests('follow')).toBe(1);
    expect(await errors()).toEqual({});
  });

  it('counts errors by question and the code the client got', async () => {
    await ask('{ followOfFollow(userId: "nobody") }');
    await ask('{ broken }');
    expect(await errors()).toEqual({ 'followOfFollow NOT_FOUND': 1, 'broken INTERNAL_SERVER_ERROR': 1 });
  });

  it('names each error’s own question in an operation of several, by its alias', async () => {
    await ask('{ mine: followOfFollow(userId: "nobody") similarModels(modelId: "m") }');
    expect(await requests('multiple')).toBe(1);
    expect(await errors()).toEqual({ 'followOfFollow NOT_FOUND': 1 });
  });

  it('mints no label from what a client sends: unparsable and unknown fields are "other"', async () => {
    await ask('{ followOfFollow(');
    await ask('{ noSuchQuestion }');
    await ask('{ __typename }');
    expect(await requests('other')).toBe(2);
    expect(await requests('noSuchQuestion')).toBe(0);
    expect(await requests('introspection')).toBe(1);
    expect(await errors()).toEqual({ 'other GRAPHQL_PARSE_FAILED': 1, 'other GRAPHQL_VALIDATION_FAILED': 1 });
  });
});

describe('topLevelFields and questionOf', () => {
  const known = new Set(['followOfFollow', 'similarModels']);
  const of = (text: string) => {
    const document = parse(text);
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
    return topLevelFields(operation, document);
  };

  it('reads fields through fragments and aliases', () => {
    const fields = of('query { ...F ... on Query { b: similarModels(modelId: "m") } } fragment F on Query { a: followOfFollow(userId: "u") }');
    expect([...fields]).toEqual([
      ['a', 'followOfFollow'],
      ['b', 'similarModels'],
    ]);
    expect(questionOf(fields, known)).toBe('multiple');
  });

  it('is one question however often it is asked', () => {
    expect(questionOf(of('{ a: followOfFollow(userId: "u") b: followOfFollow(userId: "v") __typename }'), known)).toBe('followOfFollow');
  });

  it('survives a fragment that spreads itself', () => {
    expect(questionOf(of('{ ...F } fragment F on Query { ...F followOfFollow(userId: "u") }'), known)).toBe('followOfFollow');
  });
});
