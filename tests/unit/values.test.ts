import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toParams, toPlain } from '../../src/neo4j/values.js';

describe('toPlain (values leaving the database)', () => {
  it('turns safe Integers into numbers and unsafe ones into strings', () => {
    expect(toPlain(neo4j.int(42))).toBe(42);
    expect(toPlain(neo4j.int('9007199254740993'))).toBe('9007199254740993');
    expect(toPlain(neo4j.int(-7))).toBe(-7);
  });

  it('converts nested lists and maps', () => {
    expect(toPlain({ a: [neo4j.int(1), { b: neo4j.int(2) }], c: 'x', d: null, e: true })).toEqual({ a: [1, { b: 2 }], c: 'x', d: null, e: true });
  });

  it('turns temporals into ISO strings', () => {
    expect(toPlain(new neo4j.types.Date(2024, 9, 20))).toBe('2024-09-20');
    expect(toPlain(new neo4j.types.DateTime(2024, 9, 20, 12, 0, 0, 0, 0))).toBe('2024-09-20T12:00:00Z');
  });

  it('passes strings, numbers and booleans through; undefined becomes null; bigints become numbers or strings', () => {
    expect(toPlain('x')).toBe('x');
    expect(toPlain('')).toBe('');
    expect(toPlain(0.25)).toBe(0.25);
    expect(toPlain(false)).toBe(false);
    expect(toPlain(null)).toBeNull();
    expect(toPlain(undefined)).toBeNull();
    expect(toPlain(12n)).toBe(12);
    expect(toPlain(2n ** 60n)).toBe('1152921504606846976');
  });

  it('turns nodes and relationships into their property maps, converted', () => {
    const node = new neo4j.types.Node(neo4j.int(1), ['Creator'], { id: 'c', followers: neo4j.int(3), seen: new neo4j.types.Date(2024, 1, 2) }, 'e1');
    expect(toPlain(node)).toEqual({ id: 'c', followers: 3, seen: '2024-01-02' });
    const rel = new neo4j.types.Relationship(neo4j.int(2), neo4j.int(1), neo4j.int(3), 'FOLLOWS', { weight: 0.5 }, 'e2', 'e1', 'e3');
    expect(toPlain(rel)).toEqual({ weight: 0.5 });
  });

  it('leaves no Integer anywhere in a converted value', () => {
    const out = JSON.stringify(toPlain({ x: [neo4j.int(1), neo4j.int(2)], y: { z: neo4j.int(3) } }));
    expect(out).toBe('{"x":[1,2],"y":{"z":3}}');
  });
});

describe('toParams (values entering the database)', () => {
  it('sends whole numbers as Integers (so LIMIT works) and keeps floats', () => {
    const p = toParams({ first: 10, weight: 0.5, ids: [1, 2], nested: { k: 3 }, s: 'a' });
    expect(neo4j.isInt(p.first)).toBe(true);
    expect(p.weight).toBe(0.5);
    expect((p.ids as unknown[]).every((x) => neo4j.isInt(x))).toBe(true);
    expect(neo4j.isInt((p.nested as { k: unknown }).k)).toBe(true);
    expect(p.s).toBe('a');
  });
});
