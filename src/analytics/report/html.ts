/**
 * The report as ONE self-contained HTML file that opens offline: inline CSS, no script, no font or
 * image fetched. Its pictures are SVG drawn on the server by ECharts (`renderer: 'svg', ssr: true`
 * → renderToSVGString) and inlined: community sizes (bar chart), the task mix of the largest
 * communities (stacked bars), and the community graph (ForceAtlas2 layout, see layout.ts).
 */
import * as echarts from 'echarts';
import type { CommunityReport } from './data.js';
import { runFacts } from './format.js';
import { layoutCommunityGraph } from './layout.js';

const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

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

export function sizesChart(report: CommunityReport): string {
  const cs = report.communities;
  return svg(960, 340, {
    title: { text: 'Community sizes', left: 'center', textStyle: { fontSize: 14 } },
    grid: { left: 60, right: 20, top: 40, bottom: 70 },
    xAxis: { type: 'category', data: cs.map((c) => c.key), axisLabel: { rotate: 60, fontSize: 9, interval: 0 } },
    yAxis: { type: 'value', name: report.kind === 'creator' ? 'creators' : 'models' },
    series: [{ type: 'bar', data: cs.map((c) => c.size), itemStyle: { color: PALETTE[0] } }],
  });
}

/** Stacked bars: each of the (up to) 20 largest communities' models by task; the 8 commonest tasks, the rest as "other". */
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
    title: { text: 'Task mix of the largest communities (models per task)', left: 'center', textStyle: { fontSize: 14 } },
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
    title: { text: 'Community graph (node area ∝ size, edge width ∝ link weight; ForceAtlas2)', left: 'center', textStyle: { fontSize: 14 } },
    series: [
      {
        type: 'graph',
        layout: 'none',
        top: 50,
        bottom: 30,
        left: 40,
        right: 110,
        roam: false,
        label: { show: true, fontSize: 9, position: 'right' },
        data: cs.map((c, i) => ({
          name: c.key,
          x: positions.get(c.key)?.x ?? 0,
          y: positions.get(c.key)?.y ?? 0,
          symbolSize: 8 + 40 * Math.sqrt(c.size / maxSize),
          itemStyle: { color: PALETTE[i % PALETTE.length] },
          label: { show: i < 25 },
        })),
        links: edges.map((e) => ({ source: e.from, target: e.to, lineStyle: { width: 0.5 + 5 * (e.weight / maxWeight), opacity: 0.45, color: '#888' } })),
      },
    ],
  });
}

const cellList = (items: string[]) => (items.length === 0 ? '<span class="none">—</span>' : items.map(esc).join('<br>'));

export function renderHtml(report: CommunityReport): string {
  const title = `${report.kind === 'creator' ? 'Creator' : 'Model (topic)'} communities — hubgraph`;
  const facts = runFacts(report)
    .map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`)
    .join('\n');
  const rows = report.communities
    .map(
      (c) => `<tr>
<td class="num">${c.rank}</td><td><b>${esc(c.key)}</b></td><td class="num">${c.size}</td><td class="num">${c.modularityContribution.toFixed(4)}</td>
<td class="num">${c.density.toFixed(4)}</td><td class="num">${c.models}</td>
<td>${cellList(c.topCreators.map((x) => `${x.id} (${x.authority === null ? '—' : x.authority.toExponential(2)})`))}</td>
<td>${cellList(c.tasks.map((x) => `${x.id} (${x.count})`))}</td>
<td>${cellList(c.tags.map((x) => `${x.id} (${x.count})`))}</td>
<td>${cellList(c.libraries.map((x) => `${x.id} (${x.count})`))}</td>
<td>${cellList(c.papers.map((x) => `${x.id}${x.title ? ` — ${x.title}` : ''} (${x.count})`))}</td>
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
table { border-collapse: collapse; font-size: 12px; }
th, td { border: 1px solid #ddd; padding: 4px 6px; vertical-align: top; text-align: left; }
th { background: #f4f4f4; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.facts th { width: 170px; }
.chart { margin: 12px 0; }
.none { color: #999; }
footer { margin-top: 24px; font-size: 11px; color: #777; }
</style>
</head>
<body>
<h1>${esc(title)}</h1>
<table class="facts">
${facts}
<tr><th>Report generated</th><td>${esc(report.generatedAt)}</td></tr>
</table>
<h2>Sizes</h2>
<div class="chart">${sizesChart(report)}</div>
<h2>Task mix</h2>
<div class="chart">${taskMixChart(report)}</div>
<h2>Community graph</h2>
<div class="chart">${communityGraphChart(report)}</div>
<h2>Communities</h2>
<table class="communities">
<tr><th>rank</th><th>community</th><th>size</th><th>modularity contribution</th><th>internal density</th><th>models</th><th>top creators (authority)</th><th>dominant tasks</th><th>dominant tags</th><th>dominant libraries</th><th>most-cited papers</th><th>linked to (weight)</th></tr>
${rows}
</table>
<footer>hubgraph — creator communities: Louvain on the co-follow graph (Jaccard of follower sets); model communities: Louvain on the model graph (shared tasks, tags, libraries, datasets, papers, lineage). Authority: PageRank on the follow graph. The social layer of the demo corpus is a stand-in (SNAP musae-github), not Hugging Face data.</footer>
</body>
</html>
`;
}
