/**
 * The report as CSV, JSON and Markdown. Column and field names are stable (documented in
 * docs/reports.md); lists inside a CSV cell are `id=value` pairs joined by ` | `. Version 2 ranks
 * top creators by contribution and counts models without lineage stubs (see docs/reports.md for
 * what changed from 1); new columns are appended after `run_id`, so column positions hold.
 */
import type { DistinctiveItem } from './characterise.js';
import { STAND_IN_LABEL, type CommunityReport, type ReportCommunity } from './data.js';

export const REPORT_VERSION = 2;

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
  'label',
  'stand_in',
  'lineage_stubs',
  'members_without_models',
  'stand_in_members_without_models',
  'distinctive_tasks',
  'distinctive_tags',
  'distinctive_libraries',
  'distinctive_papers',
] as const;

function csvCell(value: string | number | boolean | null): string {
  const s = value === null ? '' : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const pairs = (items: { id: string; value: number | null }[]) => items.map((x) => `${x.id}=${x.value ?? ''}`).join(' | ');
/** Lift to 2 decimals: enough to compare, short enough to read in a cell. */
const lifts = (items: DistinctiveItem[]) => pairs(items.map((x) => ({ id: x.id, value: Math.round(x.lift * 100) / 100 })));

function csvRow(c: ReportCommunity, runId: string): (string | number | boolean | null)[] {
  return [
    c.key,
    c.kind,
    c.rank,
    c.size,
    c.modularityContribution,
    c.internalEdges,
    c.density,
    c.models,
    pairs(c.topCreators.map((x) => ({ id: x.id, value: x.contribution }))),
    pairs(c.tasks.map((x) => ({ id: x.id, value: x.count }))),
    pairs(c.tags.map((x) => ({ id: x.id, value: x.count }))),
    pairs(c.libraries.map((x) => ({ id: x.id, value: x.count }))),
    pairs(c.papers.map((x) => ({ id: x.id, value: x.count }))),
    pairs(c.neighbours.map((x) => ({ id: x.key, value: x.weight }))),
    runId,
    c.label,
    c.standIn,
    c.lineageStubs,
    c.withoutModels,
    c.standInWithoutModels,
    lifts(c.distinctive.tasks),
    lifts(c.distinctive.tags),
    lifts(c.distinctive.libraries),
    lifts(c.distinctive.papers),
  ];
}

export function renderCsv(report: CommunityReport): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const c of report.communities) lines.push(csvRow(c, report.run.id).map(csvCell).join(','));
  return lines.join('\r\n') + '\r\n';
}

const distinctiveJson = (items: DistinctiveItem[]) => items.map(({ id, name, count, total, share, lift, score }) => ({ id, name, count, total, share, lift, score }));

/** JSON report, version 2: { reportVersion, generatedAt, kind, run, totalCommunities, backgroundModels, thresholds, communities[] }. */
export function renderJson(report: CommunityReport): string {
  const doc = {
    reportVersion: REPORT_VERSION,
    generatedAt: report.generatedAt,
    kind: report.kind,
    run: report.run,
    totalCommunities: report.totalCommunities,
    backgroundModels: report.backgroundModels,
    thresholds: report.thresholds,
    communities: report.communities.map((c) => ({
      id: c.key,
      kind: c.kind,
      rank: c.rank,
      size: c.size,
      modularityContribution: c.modularityContribution,
      internalEdges: c.internalEdges,
      density: c.density,
      models: c.models,
      topCreators: c.topCreators.map(({ id, name, contribution, authority, followers, models }) => ({ id, name, contribution, authority, followers, models })),
      dominantTasks: c.tasks.map(({ id, name, count }) => ({ id, name, count })),
      dominantTags: c.tags.map(({ id, count }) => ({ id, count })),
      dominantLibraries: c.libraries.map(({ id, name, count }) => ({ id, name, count })),
      mostCitedPapers: c.papers.map(({ id, name, count }) => ({ id, title: name, count })),
      neighbours: c.neighbours.map(({ key, size, weight, edges }) => ({ id: key, size, weight, edges })),
      label: c.label,
      characterised: c.characterised,
      standIn: c.standIn,
      lineageStubs: c.lineageStubs,
      membersWithoutModels: c.withoutModels,
      standInMembersWithoutModels: c.standInWithoutModels,
      follows: c.follows,
      standInFollows: c.standInFollows,
      lineageBase: c.topBase,
      distinctiveTasks: distinctiveJson(c.distinctive.tasks),
      distinctiveTags: distinctiveJson(c.distinctive.tags),
      distinctiveLibraries: distinctiveJson(c.distinctive.libraries),
      distinctivePapers: distinctiveJson(c.distinctive.papers),
    })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

/** The header facts every format shows. */
export function runFacts(report: CommunityReport): [string, string][] {
  const r = report.run;
  const modularity = report.kind === 'creator' ? r.creatorModularity : r.modelModularity;
  const standIn = report.communities.filter((c) => c.standIn).length;
  return [
    ['Run', r.id],
    ['Computed', r.computedAt],
    ['Engine', r.engine],
    ['Seed', String(r.seed)],
    ['PageRank damping', String(r.damping)],
    ['Louvain resolution', String(r.resolution)],
    ['Modularity', modularity.toFixed(4)],
    ['Communities', `${report.communities.length} shown of ${report.totalCommunities}`],
    ...(report.kind === 'creator' ? [['From the stand-in', `${standIn} of the ${report.communities.length} shown: ${STAND_IN_LABEL}`] as [string, string]] : []),
    ['Background', `${report.backgroundModels.toLocaleString('en')} models with a record of their own (lift is measured against them)`],
    ['Data', `${r.creators.toLocaleString('en')} creators, ${r.follows.toLocaleString('en')} follows, ${r.coFollowEdges.toLocaleString('en')} co-follow edges; ${r.models.toLocaleString('en')} models in the model graph, ${r.modelEdges.toLocaleString('en')} model edges`],
  ];
}

const mdEscape = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const list = (items: string[]) => (items.length === 0 ? '—' : mdEscape(items.join(', ')));
/** `whisper ×42 (61 %)`: lift over the whole graph and share of the community's models. */
export const liftText = (x: DistinctiveItem) => `${x.id} ×${x.lift >= 10 ? x.lift.toFixed(0) : x.lift.toFixed(1)} (${Math.round(x.share * 100)} %)`;

/** What a community's counts leave out: its stubs and members without models. */
export function setAside(c: ReportCommunity): string {
  const parts: string[] = [];
  if (c.lineageStubs > 0) parts.push(`${c.lineageStubs} lineage-only stub${c.lineageStubs === 1 ? '' : 's'}`);
  if (c.withoutModels > 0) {
    parts.push(`${c.withoutModels} member${c.withoutModels === 1 ? '' : 's'} without models` + (c.standInWithoutModels > 0 ? ` (${c.standInWithoutModels} stand-in only)` : ''));
  }
  return parts.join('; ');
}

export function renderMarkdown(report: CommunityReport): string {
  const out = [`# ${report.kind === 'creator' ? 'Creator' : 'Model (topic)'} communities`, ''];
  for (const [k, v] of runFacts(report)) out.push(`- **${k}:** ${mdEscape(v)}`);
  out.push(
    '',
    '| rank | community | label | size | models | set aside | top creators (contribution) | distinctive tasks | distinctive tags | distinctive libraries | distinctive papers | modularity contribution | density | linked to |',
    '|---:|---|---|---:|---:|---|---|---|---|---|---|---:|---:|---|',
  );
  for (const c of report.communities) {
    const label = c.standIn ? `${c.label} — *${STAND_IN_LABEL}*` : c.label;
    out.push(
      `| ${c.rank} | ${mdEscape(c.key)} | ${mdEscape(label)} | ${c.size} | ${c.models} | ${mdEscape(setAside(c)) || '—'} | ` +
        `${list(c.topCreators.map((x) => `${x.id} (${x.contribution})`))} | ${list(c.distinctive.tasks.map(liftText))} | ${list(c.distinctive.tags.map(liftText))} | ` +
        `${list(c.distinctive.libraries.map(liftText))} | ${list(c.distinctive.papers.map(liftText))} | ${c.modularityContribution.toFixed(4)} | ${c.density.toFixed(4)} | ${list(c.neighbours.map((x) => x.key))} |`,
    );
  }
  return out.join('\n') + '\n';
}
