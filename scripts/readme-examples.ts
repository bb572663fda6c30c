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

/** One request: its answer and its wall time in ms. */
async function ask(query: string, variables: Record<string, unknown>): Promise<{ body: unknown; ms: number }> {
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body: unknown = await res.json();
  return { body, ms: performance.now() - started };
}

// The first request of a question after a start runs cold (Neo4j plans the query and its JIT has not
// compiled it; V8 neither): it can take 100× what the same request takes next. Both are shown, so
// the page does not pass a cold start off as the question's cost.
const WARM = 5;
const out: string[] = [];
for (const { title, query, variables } of EXAMPLES) {
  const first = await ask(query, variables);
  const warm: number[] = [];
  for (let i = 0; i < WARM; i++) warm.push((await ask(query, variables)).ms);
  const median = warm.sort((a, b) => a - b)[Math.floor(WARM / 2)]!;
  const timing = `${median.toFixed(1)} ms, the median of the ${WARM} requests after the first (${first.ms.toFixed(0)} ms) on the demo corpus, one at a time, this machine`;
  out.push(`### ${title}\n\n\`\`\`graphql\n${query}\n\`\`\`\n\nvariables: \`${JSON.stringify(variables)}\`\n\n\`\`\`json\n${format(trim(first.body))}\n\`\`\`\n\n_(${timing})_\n`);
}
process.stdout.write(out.join('\n'));
