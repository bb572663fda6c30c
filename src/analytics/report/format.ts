/**
 * The report as CSV, JSON and Markdown. Column and field names are stable (documented in
 * docs/analytics.md); lists inside a CSV cell are `id=value` pairs joined by ` | `.
 */
import type { CommunityReport, ReportCommunity } from './data.js';

/** CSV columns, in order. */
export const CSV_COLUMNS = [
  'community_id',
  'kind',
  'rank',
  'size',
  'modularity_contribution',
  'internal_edges',
  'density',
  'models',
  'top_creators',
  'dominant_tasks',
  'dominant_tags',
  'dominant_libraries',
  'most_cited_papers',
  'neighbours',
  'run_id',
] as const;

function csvCell(value: string | number | null): string {
  const s = value === null ? '' : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const pairs = (items: { id: string; value: number | null }[]) => items.map((x) => `${x.id}=${x.value ?? ''}`).join(' | ');

function csvRow(c: ReportCommunity, runId: string): (string | number | null)[] {
  return [
    c.key,
    c.kind,
    c.rank,
    c.size,
    c.modularityContribution,
    c.internalEdges,
    c.density,
    c.models,
    pairs(c.topCreators.map((x) => ({ id: x.id, value: x.authority }))),
    pairs(c.tasks.map((x) => ({ id: x.id, value: x.count }))),
    pairs(c.tags.map((x) => ({ id: x.id, value: x.count }))),
    pairs(c.libraries.map((x) => ({ id: x.id, value: x.count }))),
    pairs(c.papers.map((x) => ({ id: x.id, value: x.count }))),
    pairs(c.neighbours.map((x) => ({ id: x.key, value: x.weight }))),
    runId,
  ];
}

export function renderCsv(report: CommunityReport): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const c of report.communities) lines.push(csvRow(c, report.run.id).map(csvCell).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** JSON report, version 1: { reportVersion, generatedAt, kind, run, totalCommunities, communities[] }. */
export function renderJson(report: CommunityReport): string {
  const doc = {
    reportVersion: 1,
    generatedAt: report.generatedAt,
    kind: report.kind,
    run: report.run,
    totalCommunities: report.totalCommunities,
    communities: report.communities.map((c) => ({
      id: c.key,
      kind: c.kind,
      rank: c.rank,
      size: c.size,
      modularityContribution: c.modularityContribution,
      internalEdges: c.internalEdges,
      density: c.density,
      models: c.models,
      topCreators: c.topCreators.map(({ id, name, authority, followers, models }) => ({ id, name, authority, followers, models })),
      dominantTasks: c.tasks.map(({ id, name, count }) => ({ id, name, count })),
      dominantTags: c.tags.map(({ id, count }) => ({ id, count })),
      dominantLibraries: c.libraries.map(({ id, name, count }) => ({ id, name, count })),
      mostCitedPapers: c.papers.map(({ id, title, count }) => ({ id, title, count })),
      neighbours: c.neighbours.map(({ key, size, weight, edges }) => ({ id: key, size, weight, edges })),
    })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

/** The header facts every format shows. */
export function runFacts(report: CommunityReport): [string, string][] {
  const r = report.run;
  const modularity = report.kind === 'creator' ? r.creatorModularity : r.modelModularity;
  return [
    ['Run', r.id],
    ['Computed', r.computedAt],
    ['Engine', r.engine],
    ['Seed', String(r.seed)],
    ['PageRank damping', String(r.damping)],
    ['Louvain resolution', String(r.resolution)],
    ['Modularity', modularity.toFixed(4)],
    ['Communities', `${report.communities.length} shown of ${report.totalCommunities}`],
    ['Data', `${r.creators.toLocaleString('en')} creators, ${r.follows.toLocaleString('en')} follows, ${r.coFollowEdges.toLocaleString('en')} co-follow edges; ${r.models.toLocaleString('en')} models in the model graph, ${r.modelEdges.toLocaleString('en')} model edges`],
  ];
}

const mdEscape = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const list = (items: string[]) => (items.length === 0 ? '—' : mdEscape(items.join(', ')));

export function renderMarkdown(report: CommunityReport): string {
  const out = [`# ${report.kind === 'creator' ? 'Creator' : 'Model (topic)'} communities`, ''];
  for (const [k, v] of runFacts(report)) out.push(`- **${k}:** ${mdEscape(v)}`);
  out.push('', '| rank | community | size | modularity contribution | density | top creators | dominant tasks | dominant tags | dominant libraries | most-cited papers | linked to |', '|---:|---|---:|---:|---:|---|---|---|---|---|---|');
  for (const c of report.communities) {
    out.push(
      `| ${c.rank} | ${mdEscape(c.key)} | ${c.size} | ${c.modularityContribution.toFixed(4)} | ${c.density.toFixed(4)} | ` +
        `${list(c.topCreators.map((x) => x.id))} | ${list(c.tasks.map((x) => `${x.id} (${x.count})`))} | ${list(c.tags.map((x) => `${x.id} (${x.count})`))} | ` +
        `${list(c.libraries.map((x) => `${x.id} (${x.count})`))} | ${list(c.papers.map((x) => `${x.id} (${x.count})`))} | ${list(c.neighbours.map((x) => x.key))} |`,
    );
  }
  return out.join('\n') + '\n';
}
