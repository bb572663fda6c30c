/**
 * Runs the README's GraphQL examples against a running server (default http://127.0.0.1:4000/graphql,
 * demo corpus loaded) and prints them as Markdown with their real output, for docs/graphql-examples.md.
 *   npx tsx scripts/readme-examples.ts [url] > docs/graphql-examples.md
 */
import { EXAMPLES } from '../src/graphql/examples.js';

const url = process.argv[2] ?? 'http://127.0.0.1:4000/graphql';

function trim(value: unknown, depth = 0): unknown {
  if (Array.isArray(value)) return (depth > 0 && value.length > 5 ? [...value.slice(0, 5).map((v) => trim(v, depth + 1)), `… ${value.length - 5} more`] : value.map((v) => trim(v, depth + 1)));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, trim(v, depth + 1)]));
  return value;
}

/** JSON with one list item per line: readable, and short enough for a README. */
function format(value: unknown): string {
  const data = (value as { data?: Record<string, unknown> }).data;
  if (!data) return JSON.stringify(value, null, 1);
  const lines: string[] = ['{"data": {'];
  for (const [field, result] of Object.entries(data)) {
    const items = Array.isArray(result) ? result : (result as { edges?: unknown[] })?.edges;
    if (Array.isArray(items)) {
      lines.push(`  "${field}": [`);
      for (const item of items) lines.push(`    ${JSON.stringify(item)},`);
      lines.push('  ]');
    } else lines.push(`  "${field}": ${JSON.stringify(result)}`);
  }
  lines.push('}}');
  return lines.join('\n');
}

const out: string[] = [];
for (const { title, query, variables } of EXAMPLES) {
  const started = Date.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = await res.json();
  const ms = Date.now() - started;
  out.push(`### ${title}\n\n\`\`\`graphql\n${query}\n\`\`\`\n\nvariables: \`${JSON.stringify(variables)}\`\n\n\`\`\`json\n${format(trim(body))}\n\`\`\`\n\n_(${ms} ms on the demo corpus, this machine)_\n`);
}
process.stdout.write(out.join('\n'));
