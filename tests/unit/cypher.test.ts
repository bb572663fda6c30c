import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compactCypher, CYPHER_DIR, cypherParameters, loadCypher, splitStatements, stripComments } from '../../src/neo4j/cypher.js';

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

  it('sends a query without its comments, indentation or blank lines, strings untouched', () => {
    const file = `// commonlyFollowedWith — why it is built this way.
//
// Parameters: $creatorId.
MATCH (x:Creator {id: $creatorId}) // the subject

  WITH x
  RETURN x.url = 'https://hf.co/ // not a comment' AS ok   
`;
    expect(compactCypher(file)).toBe("MATCH (x:Creator {id: $creatorId})\nWITH x\nRETURN x.url = 'https://hf.co/ // not a comment' AS ok");
  });

  it('loads a real file compacted: same statement and parameters, no comments', () => {
    const raw = readFileSync(path.join(CYPHER_DIR, 'recommend/commonly-followed-with.cypher'), 'utf8');
    const sent = loadCypher('recommend/commonly-followed-with');
    expect(sent).not.toContain('//');
    expect(sent.length).toBeLessThan(raw.length / 2);
    expect(cypherParameters(sent)).toEqual(cypherParameters(raw));
    expect(sent.split('\n')[0]).toBe('MATCH (x:Creator {id: $creatorId})');
  });
});
