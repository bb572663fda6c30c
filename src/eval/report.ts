/**
 * The evaluation report: Markdown (a table per task and gold, the tuning grids), the same as JSON,
 * and recall@k curves as SVG drawn on the server by ECharts (`renderer: 'svg', ssr: true`), as the
 * analytics reports draw theirs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as echarts from 'echarts';
import type { MethodSummary } from './metrics.js';
import type { TaskResult } from './run.js';

const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac', '#1f77b4', '#8c564b'];

export interface EvalReport {
  generatedAt: string;
  database: { uri: string; database: string; size: Record<string, number> };
  ks: number[];
  seconds: number;
  tasks: TaskResult[];
}

const f3 = (x: number) => (Number.isNaN(x) ? '—' : x.toFixed(3));

/** One table: a row per method, recall/precision/nDCG per k, MRR, coverage at the largest k. */
export function methodTable(summaries: readonly MethodSummary[], ks: readonly number[]): string {
  const maxK = Math.max(...ks);
  const showCoverage = summaries.some((s) => !Number.isNaN(s.coverage[maxK] ?? Number.NaN));
  const head = [
    'method',
    ...ks.map((k) => `recall@${k}`),
    ...ks.map((k) => `precision@${k}`),
    ...ks.map((k) => `nDCG@${k}`),
    ...ks.map((k) => `hit@${k}`),
    'MRR',
    ...(showCoverage ? [`coverage@${maxK}`] : []),
  ];
  const rows = summaries.map((s) => [
    s.method,
    ...ks.map((k) => f3(s.recall[k]!)),
    ...ks.map((k) => f3(s.precision[k]!)),
    ...ks.map((k) => f3(s.ndcg[k]!)),
    ...ks.map((k) => f3(s.hit[k]!)),
    f3(s.mrr),
    ...(showCoverage ? [f3(s.coverage[maxK]!)] : []),
  ]);
  return [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

export function renderMarkdown(report: EvalReport, svgNames: Record<string, string>): string {
  const out: string[] = [];
  out.push(`# hubgraph evaluation — ${report.generatedAt}`, '');
  out.push(
    `Database ${report.database.uri} (${report.database.database}): ${Object.entries(report.database.size)
      .map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`)
      .join(', ')}. k = ${report.ks.join(', ')}. Whole run ${report.seconds.toFixed(1)} s.`,
    '',
  );
  for (const t of report.tasks) {
    out.push(`## ${t.task} (${t.seconds.toFixed(1)} s)`, '');
    out.push(Object.entries(t.setup).map(([k, v]) => `${k} = ${v}`).join(' · '), '');
    t.tables.forEach((table, i) => {
      out.push(`### ${table.title}`, '', methodTable(table.summaries, report.ks), '');
      if (table.extra) {
        const cols = Object.keys(Object.values(table.extra)[0] ?? {});
        out.push(`| top k | ${cols.join(' | ')} |`, `|---|${cols.map(() => '---:').join('|')}|`);
        for (const [k, v] of Object.entries(table.extra)) out.push(`| ${k} | ${cols.map((c) => f3(v[c]!)).join(' | ')} |`);
        out.push('');
      }
      const svgName = svgNames[`${t.task}-${i}`];
      if (svgName) out.push(`![recall@k — ${table.title}](${svgName})`, '');
    });
    for (const tune of t.tuning ?? []) {
      out.push(`### Tuning: ${tune.parameter}`, '', `Objective: ${tune.objective}. Current: ${tune.current}. **Best: ${tune.chosen}.**`, '');
      const cols = Object.keys(tune.rows[0]?.values ?? {});
      out.push(`| setting | ${cols.join(' | ')} | objective |`, `|---|${cols.map(() => '---:').join('|')}|---:|`);
      for (const r of tune.rows) out.push(`| ${r.setting} | ${cols.map((c) => f3(r.values[c]!)).join(' | ')} | ${f3(r.objective)} |`);
      out.push('');
    }
  }
  return out.join('\n');
}

/** recall@k against k, one line per method. */
export function recallChart(title: string, summaries: readonly MethodSummary[], ks: readonly number[]): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 860, height: 420 });
  try {
    chart.setOption({
      animation: false,
      // Opaque, so the picture reads on a dark page too.
      backgroundColor: '#ffffff',
      color: PALETTE,
      textStyle: { fontFamily: 'sans-serif' },
      title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
      legend: { type: 'plain', orient: 'vertical', right: 10, top: 40, textStyle: { fontSize: 10 } },
      grid: { left: 60, right: 250, top: 40, bottom: 50 },
      xAxis: { type: 'category', name: 'k', nameLocation: 'middle', nameGap: 28, data: ks.map(String) },
      yAxis: { type: 'value', name: 'recall@k' },
      series: summaries.map((s) => ({ name: s.method, type: 'line', symbolSize: 6, data: ks.map((k) => Number(s.recall[k]!.toFixed(4))) })),
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Writes eval-<stamp>.md, .json and one SVG per table into `dir`; returns the paths. */
export function writeReport(dir: string, report: EvalReport): { markdown: string; json: string; svgs: string[] } {
  mkdirSync(dir, { recursive: true });
  const stamp = report.generatedAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const base = `eval-${report.tasks.map((t) => t.task).join('-')}-${stamp}`;
  const svgNames: Record<string, string> = {};
  const svgs: string[] = [];
  for (const t of report.tasks) {
    t.tables.forEach((table, i) => {
      if (report.ks.length < 2) return;
      const name = `${base}-${t.task}${t.tables.length > 1 ? `-${table.gold}` : ''}-recall.svg`;
      writeFileSync(path.join(dir, name), recallChart(table.title, table.summaries, report.ks));
      svgNames[`${t.task}-${i}`] = name;
      svgs.push(path.join(dir, name));
    });
  }
  const markdown = path.join(dir, `${base}.md`);
  const json = path.join(dir, `${base}.json`);
  writeFileSync(markdown, renderMarkdown(report, svgNames));
  writeFileSync(json, JSON.stringify(report, null, 2));
  return { markdown, json, svgs };
}
