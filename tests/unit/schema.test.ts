import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CYPHER_DIR, splitStatements } from '../../src/neo4j/cypher.js';
import {
  assertLabel,
  assertRelationshipType,
  LABEL_NAMES,
  LABELS,
  RELATIONSHIPS,
  renderGraphStatsCypher,
  renderSchemaCypher,
} from '../../src/schema.js';

describe('HIN schema', () => {
  it('cypher/schema.cypher is what src/schema.ts renders (run `hubgraph db schema --write`)', () => {
    expect(readFileSync(path.join(CYPHER_DIR, 'schema.cypher'), 'utf8')).toBe(renderSchemaCypher());
    expect(readFileSync(path.join(CYPHER_DIR, 'stats', 'graph-stats.cypher'), 'utf8')).toBe(renderGraphStatsCypher());
  });

  it('has the labels and relationship types of the HIN', () => {
    expect(LABEL_NAMES).toEqual(
      expect.arrayContaining(['Model', 'Creator', 'User', 'Organization', 'Task', 'Tag', 'Library', 'Dataset', 'Paper', 'Author', 'License', 'Language']),
    );
    expect(RELATIONSHIPS.DERIVED_FROM).toMatchObject({ from: 'Model', to: 'Model' });
    expect(RELATIONSHIPS.FOLLOWS).toMatchObject({ from: 'User', to: 'Creator' });
    expect(RELATIONSHIPS.AUTHORED_BY).toMatchObject({ from: 'Paper', to: 'Author' });
  });

  it('every relationship joins labels that exist', () => {
    for (const [type, spec] of Object.entries(RELATIONSHIPS)) {
      expect(LABELS, type).toHaveProperty(spec.from);
      expect(LABELS, type).toHaveProperty(spec.to);
    }
  });

  it('renders one idempotent uniqueness constraint per label', () => {
    const statements = splitStatements(renderSchemaCypher());
    for (const label of LABEL_NAMES) {
      expect(statements.filter((s) => s.includes(`FOR (n:${label}) REQUIRE n.id IS UNIQUE`))).toHaveLength(1);
    }
    for (const s of statements) expect(s).toContain('IF NOT EXISTS');
  });

  it('guards dynamic labels and types with the fixed list', () => {
    expect(assertLabel('Model')).toBe('Model');
    expect(() => assertLabel('Model) DETACH DELETE (n')).toThrow(/Unknown label/);
    expect(assertRelationshipType('FOLLOWS')).toBe('FOLLOWS');
    expect(() => assertRelationshipType('follows')).toThrow(/Unknown relationship type/);
  });
});
