/**
 * The report as ONE self-contained HTML file that opens offline: inline CSS, no script, no font or
 * image fetched. It leads with a card per largest community (its label, what sets it apart with
 * lift, who contributes, what was set aside, the stand-in flag) so a reader tells them apart at a
 * glance; its pictures are SVG drawn on the server by ECharts (`renderer: 'svg', ssr: true` →
 * renderToSVGString) and inlined: community sizes (bar chart), the task mix of the largest
 * communities (stacked bars), and the community graph (ForceAtlas2 layout, see layout.ts).
 * A community keeps one colour in the cards and the graph.
 */
import * as echarts from 'echarts';
import type { DistinctiveItem } from './characterise.js';
import { STAND_IN_LABEL, type CommunityReport, type ReportCommunity } from './data.js';
import { liftText, runFacts, setAside } from './format.js';
import { layoutCommunityGraph } from './layout.js';

const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
const STAND_IN_COLOUR = '#c0392b';
/** Cards at the top: the largest communities, one colour each. */
export const GLANCE = 10;

function svg(width: number, height: number, option: Record<string, unknown>): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, color: PALETTE, textStyle: { fontFamily: 'sans-serif' }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const esc = (s: string | number | null | undefined) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const short = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

/** Stacked bars: what each community's size is made of (creator: members with / without models; model: models with a record / lineage stubs). */
export function sizesChart(report: CommunityReport): string {
  const cs = report.communities;
  const creator = report.kind === 'creator';
  const series = creator
    ? [
        { name: 'members who publish models', type: 'bar', stack: 'size', data: cs.map((c) => c.size - c.withoutModels), itemStyle: { color: PALETTE[0] } },
        { name: 'members without models', type: 'bar', stack: 'size', data: cs.map((c) => c.withoutModels), itemStyle: { color: '#c9c9c9' } },
      ]
    : [
        { name: 'models with a record', type: 'bar', stack: 'size', data: cs.map((c) => Math.max(0, c.size - c.lineageStubs)), itemStyle: { color: PALETTE[0] } },
        { name: 'lineage-only stubs', type: 'bar', stack: 'size', data: cs.map((c) => c.lineageStubs), itemStyle: { color: '#c9c9c9' } },
      ];
  return svg(960, 360, {
    title: { text: 'Community sizes: what characterises them, and what is set aside', left: 'center', textStyle: { fontSize: 14 } },
    legend: { top: 30, textStyle: { fontSize: 11 } },
    grid: { left: 60, right: 20, top: 70, bottom: 70 },
    xAxis: { type: 'category', data: cs.map((c) => c.key), axisLabel: { rotate: 60, fontSize: 9, interval: 0 } },
    yAxis: { type: 'value', name: creator ? 'creators' : 'models' },
    series,
  });
}

/** Stacked bars: each of the (up to) 20 largest communities' models (with a record) by task; the 8 commonest tasks, the rest as "other / none". */
export function taskMixChart(report: CommunityReport): string {
  const cs = report.communities.slice(0, 20);
  const totals = new Map<string, number>();
  for (const c of cs) for (const t of c.tasks) totals.set(t.id, (totals.get(t.id) ?? 0) + t.count);
  const tasks = [...totals.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 8).map(([id]) => id);
  const series = tasks.map((task) => ({
    name: task,
    type: 'bar',
    stack: 'tasks',
    data: cs.map((c) => c.tasks.find((t) => t.id === task)?.count ?? 0),
  }));
  series.push({
    name: 'other / none',
    type: 'bar',
    stack: 'tasks',
    data: cs.map((c) => Math.max(0, c.models - c.tasks.filter((t) => tasks.includes(t.id)).reduce((s, t) => s + t.count, 0))),
  });
  return svg(960, 420, {
    title: { text: 'Task mix of the largest communities (models with a record, per task)', left: 'center', textStyle: { fontSize: 14 } },
    legend: { bottom: 0, type: 'plain', textStyle: { fontSize: 10 } },
    grid: { left: 60, right: 20, top: 40, bottom: 110 },
    xAxis: { type: 'category', data: cs.map((c) => c.key), axisLabel: { rotate: 45, fontSize: 9, interval: 0 } },
    yAxis: { type: 'value', name: 'models' },
    series,
  });
}

export function communityGraphChart(report: CommunityReport): string {
  const cs = report.communities;
  const shown = new Set(cs.map((c) => c.key));
  const edges: { from: string; to: string; weight: number }[] = [];
  for (const c of cs) for (const n of c.neighbours) if (shown.has(n.key) && c.key < n.key) edges.push({ from: c.key, to: n.key, weight: n.weight });
  const positions = layoutCommunityGraph({ nodes: cs.map((c) => ({ id: c.key, size: c.size })), edges });
  const maxSize = Math.max(1, ...cs.map((c) => c.size));
  const maxWeight = Math.max(1e-9, ...edges.map((e) => e.weight));
  return svg(960, 640, {
    title: { text: 'Community graph (node area ∝ size, edge width ∝ link weight; ForceAtlas2; the largest 10 named)', left: 'center', textStyle: { fontSize: 14 } },
    series: [
      {
        type: 'graph',
        layout: 'none',
        top: 50,
        bottom: 30,
        left: 40,
        right: 200,
        roam: false,
        label: { show: true, fontSize: 9, position: 'right' },
        data: cs.map((c, i) => ({
          name: c.key,
          x: positions.get(c.key)?.x ?? 0,
          y: positions.get(c.key)?.y ?? 0,
          symbolSize: 8 + 40 * Math.sqrt(c.size / maxSize),
          itemStyle: { color: i < GLANCE ? PALETTE[i % PALETTE.length] : '#d5d5d5', borderColor: c.standIn ? STAND_IN_COLOUR : '#fff', borderWidth: c.standIn ? 2 : 1 },
          label: i < GLANCE ? { show: true, fontSize: 10, fontWeight: 'bold', formatter: `${c.key}: ${short(c.label, 34)}` } : { show: i < 25 },
        })),
        links: edges.map((e) => ({ source: e.from, target: e.to, lineStyle: { width: 0.5 + 5 * (e.weight / maxWeight), opacity: 0.45, color: '#888' } })),
      },
    ],
  });
}

const KIND_CLASS: Record<DistinctiveItem['kind'], string> = { task: 'k-task', tag: 'k-tag', library: 'k-lib', paper: 'k-paper' };

/** The community's distinctive items of every kind, best first. */
function bestItems(c: ReportCommunity, n: number): DistinctiveItem[] {
  const d = c.distinctive;
  return [...d.tasks, ...d.tags, ...d.libraries, ...d.papers].sort((a, b) => b.score - a.score || b.count - a.count).slice(0, n);
}

function contributorText(c: ReportCommunity, x: ReportCommunity['topCreators'][number]): string {
  if (c.kind === 'model') return `${x.id} · ${x.contribution} model${x.contribution === 1 ? '' : 's'}`;
  return `${x.id} · ${x.contribution} follower${x.contribution === 1 ? '' : 's'} inside`;
}

function card(c: ReportCommunity, i: number): string {
  const colour = PALETTE[i % PALETTE.length]!;
  const creator = c.kind === 'creator';
  const counted = creator ? c.size - c.withoutModels : Math.max(0, c.size - c.lineageStubs);
  const aside = creator ? c.withoutModels : c.lineageStubs;
  const pct = c.size === 0 ? 0 : Math.round((100 * counted) / c.size);
  const items = bestItems(c, 4)
    .map((x) => `<li class="${KIND_CLASS[x.kind]}"><span class="kind">${x.kind}</span> ${esc(liftText(x))}</li>`)
    .join('');
  const people = c.topCreators.slice(0, 3).map((x) => `<li>${esc(contributorText(c, x))}</li>`).join('');
  return `<div class="card${c.standIn ? ' standin' : ''}" style="border-top-color:${colour}">
<div class="head"><span class="key" style="background:${colour}">${esc(c.key)}</span> <span class="size">${c.size.toLocaleString('en')} ${creator ? 'creators' : 'models'}</span></div>
<div class="label${c.characterised ? '' : ' weak'}">${esc(c.label)}</div>
${c.standIn ? `<div class="flag">${esc(STAND_IN_LABEL)}</div>` : ''}
<div class="bar" title="${pct} % characterise it"><div style="width:${pct}%;background:${colour}"></div></div>
<div class="counts">${creator ? `${counted} publish ${c.models.toLocaleString('en')} models` : `${counted} with a record`}${aside > 0 ? ` · set aside: ${esc(setAside(c))}` : ''}</div>
${items ? `<div class="sub">sets it apart (lift × · share)</div><ul class="items">${items}</ul>` : ''}
${people ? `<div class="sub">contributes most</div><ul class="people">${people}</ul>` : ''}
</div>`;
}

const cellList = (items: string[]) => (items.length === 0 ? '<span class="none">—</span>' : items.map(esc).join('<br>'));

export function renderHtml(report: CommunityReport): string {
  const creator = report.kind === 'creator';
  const title = `${creator ? 'Creator' : 'Model (topic)'} communities — hubgraph`;
  const facts = [...runFacts(report), ['Report generated', report.generatedAt] as [string, string]]
    .map(([k, v]) => `<span><b>${esc(k)}</b> ${esc(v)}</span>`)
    .join('\n');
  const cards = report.communities.slice(0, GLANCE).map(card).join('\n');
  const t = report.thresholds;
  const rows = report.communities
    .map(
      (c) => `<tr${c.standIn ? ' class="standin"' : ''}>
<td class="num">${c.rank}</td><td><b>${esc(c.key)}</b></td><td><b>${esc(c.label)}</b>${c.standIn ? `<br><span class="flag">${esc(STAND_IN_LABEL)}</span>` : ''}</td>
<td class="num">${c.size}</td><td class="num">${c.models}</td><td>${esc(setAside(c)) || '<span class="none">—</span>'}</td>
<td>${cellList(c.topCreators.map((x) => contributorText(c, x)))}</td>
<td>${cellList(c.distinctive.tasks.map(liftText))}</td>
<td>${cellList(c.distinctive.tags.map(liftText))}</td>
<td>${cellList(c.distinctive.libraries.map(liftText))}</td>
<td>${cellList(c.distinctive.papers.map((x) => `${liftText(x)}${x.name ? ` — ${x.name}` : ''}`))}</td>
<td class="num">${c.modularityContribution.toFixed(4)}</td><td class="num">${c.density.toFixed(4)}</td>
<td>${cellList(c.neighbours.map((x) => `${x.key} (${x.weight.toFixed(2)})`))}</td>
</tr>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
body { font-family: sans-serif; margin: 24px; color: #222; }
h1 { font-size: 22px; margin: 0 0 12px; }
h2 { font-size: 17px; margin: 28px 0 8px; }
p.note { font-size: 12px; color: #555; max-width: 1100px; }
table { border-collapse: collapse; font-size: 12px; }
th, td { border: 1px solid #ddd; padding: 4px 6px; vertical-align: top; text-align: left; }
th { background: #f4f4f4; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.facts { font-size: 11px; color: #444; display: flex; flex-wrap: wrap; gap: 2px 16px; max-width: 1400px; }
.facts b { color: #222; }
.chart { margin: 12px 0; }
.none { color: #999; }
.cards { display: grid; grid-template-columns: repeat(5, minmax(0, 1fr)); gap: 10px; max-width: 1400px; }
.card { border: 1px solid #ddd; border-top: 6px solid; border-radius: 4px; padding: 8px; font-size: 12px; background: #fff; }
.card.standin { border-left: 3px solid ${STAND_IN_COLOUR}; }
.card .head { display: flex; justify-content: space-between; align-items: center; }
.card .key { color: #fff; font-weight: bold; padding: 1px 6px; border-radius: 3px; }
.card .size { color: #555; }
.card .label { font-size: 15px; font-weight: bold; margin: 6px 0 4px; line-height: 1.25; min-height: 2.5em; }
.card .label.weak { color: #888; font-style: italic; font-weight: normal; }
.flag { display: inline-block; color: #fff; background: ${STAND_IN_COLOUR}; font-size: 10px; font-weight: bold; padding: 1px 5px; border-radius: 3px; margin-bottom: 4px; }
.bar { height: 6px; background: #e4e4e4; border-radius: 3px; overflow: hidden; margin: 2px 0; }
.bar div { height: 100%; }
.counts { color: #555; font-size: 11px; }
.sub { color: #777; font-size: 10px; text-transform: uppercase; letter-spacing: 0.04em; margin-top: 6px; }
.card ul { list-style: none; margin: 2px 0 0; padding: 0; }
.card li { margin: 1px 0; overflow-wrap: anywhere; }
.kind { display: inline-block; width: 3.6em; font-size: 9px; color: #fff; border-radius: 2px; text-align: center; }
.k-task .kind { background: #4e79a7; } .k-tag .kind { background: #59a14f; } .k-lib .kind { background: #b07aa1; } .k-paper .kind { background: #9c755f; }
tr.standin td:first-child { border-left: 4px solid ${STAND_IN_COLOUR}; }
footer { margin-top: 24px; font-size: 11px; color: #777; }
</style>
</head>
<body>
<h1>${esc(title)}</h1>
<div class="facts">
${facts}
</div>
<h2>The ${Math.min(GLANCE, report.communities.length)} largest at a glance</h2>
<p class="note">Each label names what sets the community apart from the whole graph — the task, tag or library and paper most over-represented in its models (lift = share here ÷ share in all ${report.backgroundModels.toLocaleString('en')} models with a record; an item counts from ${t.minCount} models, ${Math.round(t.minShare * 100)} % of the community and a lift of ${t.minLift}), not what is merely common everywhere. The bar shows how much of the community those counts describe; ${creator ? 'members who publish no model' : 'lineage-only stubs (models known only as a base model)'} are set aside.${creator ? ` Communities marked <span class="flag">${esc(STAND_IN_LABEL)}</span> were found in follows of the stand-in social layer, not in Hugging Face data.` : ''}</p>
<div class="cards">
${cards}
</div>
<h2>Sizes</h2>
<div class="chart">${sizesChart(report)}</div>
<h2>Task mix</h2>
<div class="chart">${taskMixChart(report)}</div>
<h2>Community graph</h2>
<div class="chart">${communityGraphChart(report)}</div>
<h2>Communities</h2>
<table class="communities">
<tr><th>rank</th><th>community</th><th>label</th><th>size</th><th>models</th><th>set aside</th><th>top creators (contribution)</th><th>distinctive tasks (lift, share)</th><th>distinctive tags</th><th>distinctive libraries</th><th>distinctive papers</th><th>modularity contribution</th><th>internal density</th><th>linked to (weight)</th></tr>
${rows}
</table>
<footer>hubgraph — creator communities: Louvain on the co-follow graph (Jaccard of follower sets); model communities: Louvain on the model graph (shared tasks, tags, libraries, datasets, papers, lineage). Distinctive items: share · ln(lift) against every model with a record. Top creators: a model community's by models in it, a creator community's by followers inside it. The social layer of the demo corpus is a stand-in (SNAP musae-github), not Hugging Face data.</footer>
</body>
</html>
`;
}
