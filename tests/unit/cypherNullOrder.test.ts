/**
 * Cypher sorts null above every value, so `ORDER BY x.p DESC` puts the nodes without `p` first:
 * lineage-only stubs without downloads, creators without an authority. Every descending sort on a
 * property must sort nulls last (`x.p IS NULL, x.p DESC`) or read only rows where the property is
 * set (a `WHERE x.p IS NOT NULL` / `x.p >= …` before it). This reads every Cypher file for that rule.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';

const CYPHER = path.join(PROJECT_ROOT, 'cypher');

/**
 * Properties every node or relationship that has the label or type is written with: a Community's
 * `size`, an analytics LINK's `weight`, an AnalyticsRun's `computedAt` (cypher/analytics/write-*).
 */
const ALWAYS_SET = new Set(['size', 'weight', 'computedAt']);

function cypherFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? cypherFiles(path.join(dir, e.name)) : e.name.endsWith('.cypher') ? [path.join(dir, e.name)] : [],
  );
}

/** `file:line x.p` for every `x.p DESC` sort term with neither nulls-last nor a guard before it. */
export function unguardedDescSorts(file: string, text: string): string[] {
  const code = text.replace(/\/\/.*$/gm, '');
  const found: string[] = [];
  for (const order of code.matchAll(/ORDER BY ([^\n]*)/g)) {
    const clause = order[1]!;
    for (const term of clause.matchAll(/(?<![\w.(])(\w+\.\w+) DESC/g)) {
      const prop = term[1]!;
      if (ALWAYS_SET.has(prop.split('.')[1]!)) continue;
      const esc = prop.replace('.', '\\.');
      const nullsLast = new RegExp(`${esc} IS NULL\\s*,`).test(clause.slice(0, term.index));
      const guarded = new RegExp(`${esc} (IS NOT NULL|>=|>)`).test(code.slice(0, order.index));
      if (!nullsLast && !guarded) found.push(`${path.relative(CYPHER, file)}:${code.slice(0, order.index).split('\n').length} ${prop}`);
    }
  }
  return found;
}

describe('descending sorts on a property put nulls last', () => {
  it('holds in every Cypher file', () => {
    const offenders = cypherFiles(CYPHER).flatMap((f) => unguardedDescSorts(f, readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('flags the sorts that put stubs and unranked creators first (the regressions it guards)', () => {
    expect(unguardedDescSorts('x.cypher', 'MATCH (c)-[:CREATED]->(m)\nRETURN m ORDER BY m.downloads DESC, m.id')).toEqual(['../x.cypher:2 m.downloads']);
    expect(unguardedDescSorts('x.cypher', 'MATCH (m) ORDER BY m.downloads IS NULL, m.downloads DESC')).toEqual([]);
    expect(unguardedDescSorts('x.cypher', 'MATCH (m) WHERE m.downloads >= 0 WITH m ORDER BY m.downloads DESC')).toEqual([]);
    expect(unguardedDescSorts('x.cypher', 'MATCH (m) RETURN m ORDER BY coalesce(m.downloads, 0) DESC')).toEqual([]);
  });
});
