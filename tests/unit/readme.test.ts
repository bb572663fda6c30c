import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { renderReadme } from '../../scripts/readme-tables.js';

describe('README', () => {
  it('shows the schema and configuration tables as the code defines them (npx tsx scripts/readme-tables.ts)', () => {
    const readme = readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('| `Model` | `id` (unique) |');
    expect(readme).toContain('| `NEO4J_URI` |');
    expect(renderReadme(readme)).toBe(readme);
  });
});
