import { readdirSync, readFileSync } from 'node:fs';
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
      for (const from of typeof spec.from === 'string' ? [spec.from] : spec.from) expect(LABELS, type).toHaveProperty(from);
      expect(LABELS, type).toHaveProperty(spec.to);
    }
    expect(RELATIONSHIPS.IN_COMMUNITY.from).toEqual(['Creator', 'Model']);
  });

  it('declares every property the analytics write-back Cypher writes (cypher/analytics/write-*.cypher)', () => {
    const dir = path.join(CYPHER_DIR, 'analytics');
    const files = readdirSync(dir).filter((f) => f.startsWith('write-') && f.endsWith('.cypher'));
    expect(files.length).toBeGreaterThan(5);
    const declared = (owner: string): string[] => {
      const spec = (LABELS as Record<string, { properties: Record<string, string> }>)[owner] ?? (RELATIONSHIPS as Record<string, { properties: Record<string, string> }>)[owner];
      return spec ? ['id', ...Object.keys(spec.properties)] : [];
    };
    const keys = (map: string) => [...map.matchAll(/(\w+)\s*:/g)].map((m) => m[1]!);
    let checked = 0;
    for (const file of files) {
      const text = readFileSync(path.join(dir, file), 'utf8').replace(/^\s*\/\/.*$/gm, '');
      const owners = new Map<string, string>();
      for (const m of text.matchAll(/[([](\w+):(\w+)/g)) owners.set(m[1]!, m[2]!);
      const written: [string, string][] = [];
      // SET x.p = …, x.q = …
      for (const m of text.matchAll(/\b(\w+)\.(\w+)\s*=(?!=)/g)) written.push([m[1]!, m[2]!]);
      // SET x += CASE … THEN {p: …} ELSE {q: …} END, and SET x += {…}
      for (const m of text.matchAll(/SET (\w+) \+=([\s\S]*?)(?:\bEND\b|\n(?=[A-Z]))/g)) {
        for (const map of m[2]!.match(/\{[^}]*\}/g) ?? []) for (const k of keys(map)) written.push([m[1]!, k]);
      }
      // CREATE (x:Label {…}) and CREATE (…)-[:TYPE {…}]->(…)
      for (const m of text.matchAll(/CREATE \((\w+):(\w+) \{([^}]*)\}/g)) for (const k of keys(m[3]!.replace(/\([^)]*\)/g, ''))) written.push([m[1]!, k]);
      for (const m of text.matchAll(/-\[:(\w+) \{([^}]*)\}\]/g)) for (const k of keys(m[2]!)) written.push([m[1]!, k]);
      for (const [owner, prop] of written) {
        const label = owners.get(owner) ?? owner;
        expect(declared(label), `${file}: ${label}.${prop} is written but not in src/schema.ts`).toContain(prop);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(50);
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
