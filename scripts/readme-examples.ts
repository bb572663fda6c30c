/**
 * Runs the README's GraphQL examples against a running server (default http://127.0.0.1:4000/graphql,
 * demo corpus loaded) and prints them as Markdown with their real output, for docs/graphql-examples.md.
 *   npx tsx scripts/readme-examples.ts [url] > docs/graphql-examples.md
 */
const url = process.argv[2] ?? 'http://127.0.0.1:4000/graphql';

const R = 'reason { kind text via { type id } count authoritySource }';
const examples: [string, string][] = [
  ['followOfFollow — who the creators I follow follow', `{ followOfFollow(userId: "TheBloke", first: 3) { creator { id followers } score ${R} } }`],
  ['commonlyFollowedWith — Jaccard of follower sets', `{ commonlyFollowedWith(creatorId: "TheBloke", first: 3) { creator { id } score ${R} } }`],
  ['secondDegree — followed by many of those I follow', `{ secondDegree(userId: "TheBloke", first: 3) { creator { id } score ${R} } }`],
  ['followBack — they follow me, I do not follow them', `{ followBack(userId: "TheBloke", first: 3) { creator { id } score ${R} } }`],
  ['similarCreators — follower overlap plus task/tag profile', `{ similarCreators(creatorId: "TheBloke", first: 3) { creator { id } score ${R} } }`],
  ['topicTopContributors — leaders of a task', `{ topicTopContributors(taskId: "text-generation", first: 3) { creator { id followers } score ${R} } }`],
  ['sameOrganization — members of my organizations', `{ sameOrganization(userId: "TheBloke", first: 3) { creator { id } score ${R} } }`],
  ['popularAmongSimilarUsers — collaborative filtering on co-follows', `{ popularAmongSimilarUsers(userId: "TheBloke", first: 3) { creator { id } score ${R} } }`],
  ['recommendedCreators — the blend', `{ recommendedCreators(userId: "TheBloke", first: 5) { creator { id } score ${R} } }`],
  ['bulkFollowGroups — a topic\'s leaders as one followable group', `{ bulkFollowGroups(taskId: "text-to-image", first: 3) { id title creators { creator { id } } } }`],
  ['feedCandidates — in-network ≫ out-of-network > fallback', `{ feedCandidates(userId: "TheBloke", first: 4) { edges { cursor node { model { id } tier score ${R} } } pageInfo { hasNextPage endCursor } } }`],
  ['similarModels — PathSim over meta-paths', `{ similarModels(modelId: "google-bert/bert-base-uncased", first: 3) { model { id downloads } score metaPaths { metaPath pathSim weight } ${R} } }`],
  ['search — full text plus social authority', `{ search(query: "llama", first: 3) { kind score relevance model { id } creator { id } } }`],
  ['modelStats — models by task', `{ modelStats(groupBy: TASK) { key count downloads } }`],
  ['topCitedPapers — papers connected to the most models', `{ topCitedPapers(first: 3) { paper { id primaryCategory } modelCount } }`],
  ['model — an entity with its relationships', `{ model(id: "meta-llama/Meta-Llama-3-8B-Instruct") { id downloads creator { id followers } task { id } papers { id } baseModels { kind model { id } } derivatives(first: 2) { kind model { id } } } }`],
];

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
for (const [title, query] of examples) {
  const started = Date.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = await res.json();
  const ms = Date.now() - started;
  out.push(`### ${title}\n\n\`\`\`graphql\n${query}\n\`\`\`\n\n\`\`\`json\n${format(trim(body))}\n\`\`\`\n\n_(${ms} ms on the demo corpus, this machine)_\n`);
}
process.stdout.write(out.join('\n'));
