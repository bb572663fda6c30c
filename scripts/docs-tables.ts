/**
 * Regenerates the generated tables in docs/ from their one source in code: the schema table in
 * docs/schema.md (src/schema.ts) and the configuration table in docs/configuration.md
 * (src/config.ts). `npx tsx scripts/docs-tables.ts` writes them; tests/unit/docs.test.ts fails when
 * they drift.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, renderConfigMarkdown } from '../src/config.js';
import { renderSchemaMarkdown } from '../src/schema.js';

/** Each generated table: the file it lives in (from the repository root), its marker name, its renderer. */
export const GENERATED_TABLES: readonly { file: string; name: string; render: () => string }[] = [
  { file: 'docs/schema.md', name: 'schema', render: renderSchemaMarkdown },
  { file: 'docs/configuration.md', name: 'config', render: renderConfigMarkdown },
];

/** `text` with every generated table it holds (between `<!-- name:start … -->` and `<!-- name:end -->`) re-rendered. */
export function renderDoc(text: string): string {
  let out = text;
  for (const { name, render } of GENERATED_TABLES) {
    const re = new RegExp(`(<!-- ${name}:start[^>]*-->)[\\s\\S]*?(<!-- ${name}:end -->)`);
    out = out.replace(re, (_m, start: string, end: string) => `${start}\n${render()}\n${end}`);
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(PROJECT_ROOT, 'scripts', 'docs-tables.ts')) {
  for (const { file } of GENERATED_TABLES) {
    const full = path.join(PROJECT_ROOT, file);
    writeFileSync(full, renderDoc(readFileSync(full, 'utf8')));
  }
}
