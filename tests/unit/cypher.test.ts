import { describe, expect, it } from 'vitest';
import { cypherParameters, splitStatements, stripComments } from '../../src/neo4j/cypher.js';

describe('cypher file helpers', () => {
  it('lists $parameters, ignoring comments and string literals', () => {
    const q = `// uses $notThis
MATCH (u:User {id: $userId})-[:FOLLOWS]->(c) // and $notThat
WHERE c.name <> '$literal' RETURN c LIMIT $first`;
    expect(cypherParameters(q)).toEqual(['first', 'userId']);
  });

  it('keeps // inside strings', () => {
    expect(stripComments("RETURN 'http://x' AS u // c")).toBe("RETURN 'http://x' AS u ");
  });

  it('splits statements on ; at line ends', () => {
    expect(splitStatements('CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x);\n// c\nCREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.y);\n')).toEqual([
      'CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x)',
      'CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.y)',
    ]);
  });
});
