import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/eval/metrics.js';
import { methodTable, recallChart, renderMarkdown } from '../../src/eval/report.js';

const ks = [1, 2];
const summaries = [
  summarize('blend', [['a', 'b']], [new Set(['b'])], ks, 4),
  summarize('baseline', [['c']], [new Set(['b'])], ks, 4),
];

describe('eval report', () => {
  it('tabulates each method per k, with MRR and coverage at the largest k', () => {
    const table = methodTable(summaries, ks);
    expect(table.split('\n')[0]).toBe('| method | recall@1 | recall@2 | precision@1 | precision@2 | nDCG@1 | nDCG@2 | hit@1 | hit@2 | MRR | coverage@2 |');
    // blend: b at rank 2 → recall@2 1, precision@2 ½, nDCG@2 = 1/log2 3 = 0.631, MRR ½, coverage 2 of 4.
    expect(table).toContain('| blend | 0.000 | 1.000 | 0.000 | 0.500 | 0.000 | 0.631 | 0.000 | 1.000 | 0.500 | 0.500 |');
    expect(table).toContain('| baseline | 0.000 | 0.000 | 0.000 | 0.000 | 0.000 | 0.000 | 0.000 | 0.000 | 0.000 | 0.250 |');
  });

  it('leaves coverage out when no catalogue applies', () => {
    const table = methodTable([summarize('m', [['a']], [new Set(['a'])], ks, null)], ks);
    expect(table).not.toContain('coverage');
  });

  it('draws recall@k as an SVG line per method', () => {
    const svg = recallChart('t', summaries, ks);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('blend');
    expect(svg).toContain('baseline');
  });

  it('renders the run header, the setup and the tuning table', () => {
    const md = renderMarkdown(
      {
        generatedAt: '2026-11-26T00:00:00.000Z',
        database: { uri: 'bolt://x', database: 'neo4j', size: { users: 1200 } },
        ks,
        seconds: 1.5,
        tasks: [
          {
            task: 'creators',
            setup: { seed: 42 },
            tables: [{ title: 'T', gold: 'g', summaries }],
            tuning: [{ parameter: 'w', objective: 'o', current: 'c', chosen: 'best', rows: [{ setting: 'best', values: { x: 0.5 }, objective: 0.5 }] }],
            seconds: 1,
          },
        ],
      },
      { 'creators-0': 'plot.svg' },
    );
    expect(md).toContain('1,200 users');
    expect(md).toContain('seed = 42');
    expect(md).toContain('![recall@k — T](plot.svg)');
    expect(md).toContain('**Best: best.**');
    expect(md).toContain('| best | 0.500 | 0.500 |');
  });
});
