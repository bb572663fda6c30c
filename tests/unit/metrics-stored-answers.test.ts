/**
 * cypher/stats/stored-answers.cypher against the files that store the answers: every stamp a
 * cypher/recommend/*-store.cypher file writes is read there, and every question it names is a
 * field of the schema (the label a client's requests carry too). A new stored question fails here
 * until /metrics reports it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STORED_QUESTIONS } from '../../src/metrics.js';
import { CYPHER_DIR, stripComments } from '../../src/neo4j/cypher.js';
import { loadTypeDefs } from '../../src/graphql/schema.js';

const storedAnswers = stripComments(readFileSync(path.join(CYPHER_DIR, 'stats', 'stored-answers.cypher'), 'utf8'));

describe('cypher/stats/stored-answers.cypher', () => {
  const dir = path.join(CYPHER_DIR, 'recommend');
  const stores = readdirSync(dir).filter((f) => f.endsWith('-store.cypher'));

  it.each(stores)('reads the stamp %s writes, on the label it writes it to', (file) => {
    const text = stripComments(readFileSync(path.join(dir, file), 'utf8'));
    const stamp = /(\w+)\.(\w+At) = \$computedAt/.exec(text);
    expect(stamp, `${file} stamps its lists with $computedAt`).not.toBeNull();
    const [, variable, property] = stamp!;
    const label = new RegExp(`\\(${variable}:(\\w+)`).exec(text)?.[1];
    expect(label).toBeDefined();
    // The stamp is counted, and min'd and max'd, in the branch that matches the same label.
    const branch = storedAnswers.split('UNION ALL').find((b) => b.includes(`:${label})`));
    expect(branch, `a branch over :${label}`).toBeDefined();
    for (const f of ['count', 'min', 'max']) expect(branch).toMatch(new RegExp(`${f}\\(\\w+\\.${property}\\)`));
  });

  it('names each stored question once, as the schema names it', () => {
    expect(stores.length).toBe(STORED_QUESTIONS.length);
    const named = [...storedAnswers.matchAll(/question: '(\w+)'|'(\w+)' AS question/g)].map((m) => m[1] ?? m[2]);
    expect(named.sort()).toEqual([...STORED_QUESTIONS].sort());
    const sdl = loadTypeDefs().join('\n');
    for (const q of STORED_QUESTIONS) expect(sdl, q).toMatch(new RegExp(`^\\s+${q}\\(`, 'm'));
  });
});
