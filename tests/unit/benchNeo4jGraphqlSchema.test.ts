/**
 * bench:api's @neo4j/graphql fields run hubgraph's own Cypher files with every parameter that is not
 * a GraphQL argument inlined. Regression: second-degree.cypher gained `$settings` (its stored lists)
 * and the comparison failed all 3,000 of its requests ("Expected parameter(s): settings").
 */
import { describe, expect, it } from 'vitest';
import { NEO4J_GRAPHQL_FIELDS, neo4jGraphqlTypeDefs } from '../../bench/api-neo4jgraphql-schema.js';

describe('bench:api @neo4j/graphql schema', () => {
  const typeDefs = neo4jGraphqlTypeDefs();
  const statements = [...typeDefs.matchAll(/@cypher\(statement: """\n([\s\S]*?)\n"""/g)].map((m) => m[1]!);

  it('has one @cypher statement per field', () => {
    expect(statements).toHaveLength(NEO4J_GRAPHQL_FIELDS.length);
  });

  it.each(NEO4J_GRAPHQL_FIELDS.map((f, i) => [f.name, f.arg, i] as const))('%s leaves only its GraphQL arguments as parameters', (_name, arg, i) => {
    const params = new Set([...statements[i]!.matchAll(/\$([A-Za-z_]\w*)/g)].map((m) => m[1]));
    expect([...params].sort()).toEqual([arg, 'first'].sort());
  });
});
