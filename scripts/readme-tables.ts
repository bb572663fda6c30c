/**
 * Regenerates the README's generated tables (schema, configuration) from their one source in code.
 * `npx tsx scripts/readme-tables.ts` writes them; tests/unit/readme.test.ts fails when they drift.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, renderConfigMarkdown } from '../src/config.js';
import { renderSchemaMarkdown } from '../src/schema.js';

export const GENERATED_SECTIONS: Record<string, () => string> = {
  schema: renderSchemaMarkdown,
  config: renderConfigMarkdown,
};

export function renderReadme(text: string): string {
  let out = text;
  for (const [name, render] of Object.entries(GENERATED_SECTIONS)) {
    const re = new RegExp(`(<!-- ${name}:start[^>]*-->)[\\s\\S]*?(<!-- ${name}:end -->)`);
    out = out.replace(re, (_m, start: string, end: string) => `${start}\n${render()}\n${end}`);
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(PROJECT_ROOT, 'scripts', 'readme-tables.ts')) {
  const file = path.join(PROJECT_ROOT, 'README.md');
  writeFileSync(file, renderReadme(readFileSync(file, 'utf8')));
}
