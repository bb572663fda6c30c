/** Query limits without a server: the cost function, the pre-parse checks and the validation rules, on the real schema. */
import { buildSchema, getIntrospectionQuery, parse, specifiedRules, validate, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { HubgraphError } from '../../src/errors.js';
import { checkSource, countTokens, queryLimitRules } from '../../src/graphql/plugins/limits.js';
import { operationCost } from '../../src/graphql/plugins/queryCost.js';
import { mostRepeatedField } from '../../src/graphql/plugins/repeatedFields.js';
import { loadTypeDefs } from '../../src/graphql/schema.js';

const schema = buildSchema(loadTypeDefs().join('\n'));
const limits = loadConfig({}).limits;

function cost(query: string, variables?: Record<string, unknown>) {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
  return operationCost(schema, document, operation, { listSize: limits.costListSize, variables });
}

function validationErrors(query: string, custom = limits) {
  return validate(schema, parse(query), [...specifiedRules, ...queryLimitRules(custom)]);
}

/** `{ creator(id: "x") { models { edges { node { creator { models { … } } } } } } }`, `levels` connections deep. */
function nestedModels(levels: number): string {
  let inner = 'id';
  for (let i = 0; i < levels; i++) inner = `creator { models(first: 2) { edges { node { ${inner} } } } }`;
  return `{ model(id: "x") { ${inner} } }`;
}

describe('operationCost', () => {
  it('counts 1 per field, times the page size of the list it is in', () => {
    // creator 1 + models 1 + edges 1 + 100 × (node 1 + id 1)
    expect(cost('{ creator(id: "x") { models(first: 100) { edges { node { id } } } } }').cost).toBe(203);
  });

  it('uses the argument default when `first` is omitted, and the list size for lists without one', () => {
    // followOfFollow defaults to first: 20 → 1 + 20 × (creator 1 + id 1)
    expect(cost('{ followOfFollow(userId: "u") { creator { id } } }').cost).toBe(41);
    // reason.via has no `first`: 10 items → 1 + 20 × (reason 1 + via (1 + 10 × 2))
    expect(cost('{ followOfFollow(userId: "u") { reason { via { type id } } } }').cost).toBe(1 + 20 * (1 + 1 + 10 * 2));
  });

  it('sizes both lists under a connection-like field with its `limit`', () => {
    const q = '{ subgraph(limit: 2000) { nodes { id label properties } edges { source target type } } }';
    // The largest subgraph the schema allows, with every field: the default HUBGRAPH_MAX_COST leaves room for it.
    expect(cost(q).cost).toBe(12_003);
    expect(cost(q).cost).toBeLessThanOrEqual(limits.maxCost);
  });

  it('multiplies nested pages', () => {
    const q = '{ creator(id: "x") { models(first: 100) { edges { node { creator { models(first: 100) { edges { node { id } } } } } } } } }';
    expect(cost(q).cost).toBeGreaterThan(limits.maxCost);
  });

  it('reads page sizes from variables, then the variable default', () => {
    const q = 'query Q($n: Int = 7) { followOfFollow(userId: "u", first: $n) { score } }';
    expect(cost(q).cost).toBe(1 + 7 * 1);
    expect(cost(q, { n: 50 }).cost).toBe(1 + 50 * 1);
    expect(cost(q, { n: 10_000 }).largestPageSize).toEqual({ coordinate: 'Query.followOfFollow', argument: 'first', value: 10_000 });
  });

  it('reports the largest `first`/`limit` given, wherever it is', () => {
    const q = '{ a: followOfFollow(userId: "u", first: 5) { score } b: subgraph(limit: 900) { nodes { id } } c: creator(id: "x") { models(first: 10000) { totalCount } } }';
    expect(cost(q).largestPageSize).toEqual({ coordinate: 'Creator.models', argument: 'first', value: 10_000 });
    expect(cost('{ followOfFollow(userId: "u") { score } }').largestPageSize).toBeNull();
  });

  it('expands fragments (memoised), counts aliases separately, ignores introspection', () => {
    const q = `{ a: creator(id: "x") { ...F } b: creator(id: "y") { ...F } __schema { types { name fields { name } } } }
      fragment F on Creator { id models(first: 3) { edges { node { id } } } }`;
    // each creator: 1 + (id 1 + models (1 + edges (1 + 3 × 2)))
    expect(cost(q).cost).toBe(2 * (1 + 1 + 1 + 1 + 3 * 2));
  });

  it('survives a fragment cycle (a validation error anyway)', () => {
    const q = '{ creator(id: "x") { ...A } } fragment A on Creator { id ...B } fragment B on Creator { name ...A }';
    expect(cost(q).cost).toBe(3);
  });
});

describe('checkSource', () => {
  it('refuses an over-long query text, naming the limit and the length', () => {
    const error = checkSource(`{ health { status } } # ${'x'.repeat(limits.maxQueryLength)}`, limits);
    expect(error).toBeInstanceOf(HubgraphError);
    expect(error?.code).toBe('BAD_USER_INPUT');
    expect(error?.message).toMatch(/^Query text limit of 20,000 characters exceeded, found 20,0\d\d\.$/);
  });

  it('refuses too many tokens, without lexing past the limit', () => {
    const many = `{ ${'a '.repeat(3000)} }`;
    expect(countTokens(many)).toBe(3002);
    expect(countTokens(many, 100)).toBe(101);
    expect(checkSource(many, limits)?.message).toBe('Token limit of 2,000 exceeded.');
  });

  it('passes a normal query, and leaves a syntax error to the parser', () => {
    expect(checkSource('{ health { status } }', limits)).toBeNull();
    expect(checkSource('{ health { status "unterminated }', limits)).toBeNull();
    expect(countTokens('# a comment only\n{ a }')).toBe(3);
  });
});

describe('queryLimitRules', () => {
  it('refuses depth past HUBGRAPH_MAX_DEPTH with a catalogue error', () => {
    // model 1 + 4 levels per connection + id
    expect(validationErrors(nestedModels(2))).toEqual([]);
    const errors = validationErrors(nestedModels(3));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toBe('Query depth limit of 10 exceeded, found 14.');
    expect(errors[0]?.originalError).toBeInstanceOf(HubgraphError);
    expect((errors[0]?.originalError as HubgraphError).code).toBe('BAD_USER_INPUT');
  });

  it('refuses too many aliases and directives', () => {
    const aliases = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: health { status }`).join(' ')} }`;
    expect(validationErrors(aliases).map((e) => e.message)).toEqual(['Aliases limit of 30 exceeded, found 31.']);
    const fifty = `{ health { ${Array.from({ length: 50 }, (_, i) => `s${i}: status @include(if: true)`).join(' ')} } }`;
    expect(validationErrors(fifty, { ...limits, maxAliases: 50 })).toEqual([]);
    const fiftyOne = fifty.replace('{ health {', '{ health { extra: status @skip(if: false)');
    expect(validationErrors(fiftyOne, { ...limits, maxAliases: 51 }).map((e) => e.message)).toEqual(['Directives limit of 50 exceeded, found 51.']);
  });

  it('follows the configured limits', () => {
    expect(validationErrors('{ health { status } }', { ...limits, maxDepth: 1 }).map((e) => e.message)).toEqual([
      'Query depth limit of 1 exceeded, found 2.',
    ]);
  });

  it('passes the standard introspection query, every option on, and older clients’ 7 levels', () => {
    const options = { descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true };
    expect(validationErrors(getIntrospectionQuery(options))).toEqual([]);
    expect(validationErrors(getIntrospectionQuery({ ...options, typeDepth: 7 }))).toEqual([]);
    expect(validationErrors(getIntrospectionQuery({ ...options, typeDepth: 10 }))).toEqual([]);
  });

  it('refuses `ofType` nested past 10 in introspection, through fragments too', () => {
    expect(validationErrors(getIntrospectionQuery({ typeDepth: 11 })).map((e) => e.message)).toEqual([
      'Introspection depth limit of 10 nested `ofType` exceeded, found 11.',
    ]);
    let inner = 'name';
    for (let i = 0; i < 6; i++) inner = `ofType { ${inner} }`;
    const viaFragments = `{ __type(name: "Query") { fields { type { ...A } } } } fragment A on __Type { ${inner.replace('name', '...B')} } fragment B on __Type { ${inner} }`;
    const errors = validationErrors(viaFragments, { ...limits, maxDepth: 100 });
    expect(errors.map((e) => e.message)).toEqual(['Introspection depth limit of 10 nested `ofType` exceeded, found 12.']);
    expect((errors[0]?.originalError as HubgraphError).code).toBe('BAD_USER_INPUT');
  });

  it('refuses a field selected more than 100 times at one place of the answer', () => {
    expect(validationErrors(`{ ${'__typename '.repeat(100)}}`)).toEqual([]);
    // 101 of them, two fragments and an inline fragment: graphql merges them all into one key.
    const spread = `{ ${'__typename '.repeat(50)} ...F ... on Query { __typename } } fragment F on Query { ${'__typename '.repeat(50)}}`;
    const errors = validationErrors(spread);
    expect(errors.map((e) => e.message)).toEqual(['Field repetition limit of 100 exceeded, found `__typename` selected 101 times.']);
    expect((errors[0]?.originalError as HubgraphError).code).toBe('BAD_USER_INPUT');
    // Aliases are other keys: not a repetition.
    expect(mostRepeatedField(parse('{ a: health { status } b: health { status } health { status } }'))).toEqual({ path: 'a', count: 1 });
  });

  it('counts repeated fields in bounded work, and survives a fragment cycle', () => {
    // 2^30 distinct paths through nested fragments: the count gives up (the depth limit refuses it).
    let defs = '';
    for (let i = 0; i < 30; i++) defs += ` fragment F${i} on Query { a { ...F${i + 1} } b { ...F${i + 1} } }`;
    expect(mostRepeatedField(parse(`{ ...F0 }${defs} fragment F30 on Query { x }`))).toBeNull();
    expect(mostRepeatedField(parse('{ ...A } fragment A on Query { x ...B } fragment B on Query { x ...A }'))).toEqual({ path: 'x', count: 2 });
  });
});
