import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { renderDoc } from '../../scripts/docs-tables.js';

const read = (file: string): string => readFileSync(path.join(PROJECT_ROOT, file), 'utf8');

describe('docs', () => {
  it('show the schema and configuration tables as the code defines them (npx tsx scripts/docs-tables.ts)', () => {
    const schema = read('docs/schema.md');
    expect(schema).toContain('| `Model` | `id` (unique) |');
    expect(renderDoc(schema)).toBe(schema);
    const configuration = read('docs/configuration.md');
    expect(configuration).toContain('| `NEO4J_URI` |');
    expect(renderDoc(configuration)).toBe(configuration);
  });

  it('keep the README to one screenful per audience (depth goes to docs/)', () => {
    const lines = read('README.md').trimEnd().split('\n').length;
    expect(lines).toBeLessThanOrEqual(260);
  });
});
