/** Report renderers on a hand-made report: exact CSV columns and escaping, JSON shape, a self-contained HTML. */
import { describe, expect, it } from 'vitest';
import type { CommunityReport, ReportCommunity } from '../../src/analytics/report/data.js';
import { CSV_COLUMNS, renderCsv, renderJson, renderMarkdown } from '../../src/analytics/report/format.js';
import { renderHtml } from '../../src/analytics/report/html.js';

function community(rank: number, extra: Partial<ReportCommunity> = {}): ReportCommunity {
  return {
    id: `run-x/creator-${rank}`,
    key: `creator-${rank}`,
    kind: 'creator',
    rank,
    size: 10 - rank,
    modularityContribution: 0.1 / (rank + 1),
    internalWeight: 5,
    internalEdges: 7,
    density: 0.5,
    runId: 'run-x',
    computedAt: '2026-01-01T00:00:00Z',
    models: 4,
    tasks: [{ id: 'text-generation', name: 'Text Generation', modality: 'nlp', count: 3 }],
    tags: [{ id: 'llama', count: 2 }],
    libraries: [{ id: 'transformers', name: 'Transformers', count: 4 }],
    papers: [{ id: '1810.04805', title: 'BERT, "deep", bidirectional', primaryCategory: 'cs.CL', count: 2 }],
    topCreators: [{ id: 'TheBloke', name: 'TheBloke', kind: 'user', source: null, authority: 0.01, followers: 9, models: 3 }],
    neighbours: rank === 0 ? [{ id: 'run-x/creator-1', key: 'creator-1', size: 9, weight: 1.5, edges: 2 }] : [{ id: 'run-x/creator-0', key: 'creator-0', size: 10, weight: 1.5, edges: 2 }],
    ...extra,
  };
}

const report: CommunityReport = {
  generatedAt: '2026-01-02T00:00:00Z',
  kind: 'creator',
  run: {
    id: 'run-x', scope: '', current: true, status: 'complete', slot: 'A', engine: 'graphology', seed: 42, damping: 0.85, resolution: 1,
    startedAt: '2026-01-01T00:00:00Z', computedAt: '2026-01-01T00:00:10Z', creators: 100, follows: 500, coFollowEdges: 300,
    models: 50, modelEdges: 80, creatorCommunities: 2, modelCommunities: 3, creatorModularity: 0.4, modelModularity: 0.7, computeSeconds: 10,
  },
  totalCommunities: 2,
  communities: [community(0), community(1, { tags: [], papers: [] })],
};

describe('community report formats', () => {
  it('CSV: the documented columns in order, one row per community, quoted where needed', () => {
    const lines = renderCsv(report).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'community_id,kind,rank,size,modularity_contribution,internal_edges,density,models,top_creators,dominant_tasks,dominant_tags,dominant_libraries,most_cited_papers,neighbours,run_id',
    );
    expect(CSV_COLUMNS).toHaveLength(15);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(
      'creator-0,creator,0,10,0.1,7,0.5,4,TheBloke=0.01,text-generation=3,llama=2,transformers=4,1810.04805=2,creator-1=1.5,run-x',
    );
    expect(lines[2]!.split(',')).toHaveLength(15);
  });

  it('CSV: a cell with a comma or quote is quoted, quotes doubled', () => {
    const odd = { ...report, communities: [community(0, { key: 'a,"b"' })] };
    expect(renderCsv(odd).split('\r\n')[1]!.startsWith('"a,""b""",creator,')).toBe(true);
  });

  it('JSON: version 1 with run header and communities', () => {
    const doc = JSON.parse(renderJson(report));
    expect(Object.keys(doc)).toEqual(['reportVersion', 'generatedAt', 'kind', 'run', 'totalCommunities', 'communities']);
    expect(doc.reportVersion).toBe(1);
    expect(doc.run.id).toBe('run-x');
    expect(Object.keys(doc.communities[0])).toEqual([
      'id', 'kind', 'rank', 'size', 'modularityContribution', 'internalEdges', 'density', 'models',
      'topCreators', 'dominantTasks', 'dominantTags', 'dominantLibraries', 'mostCitedPapers', 'neighbours',
    ]);
    expect(doc.communities[0].topCreators[0]).toEqual({ id: 'TheBloke', name: 'TheBloke', authority: 0.01, followers: 9, models: 3 });
    expect(doc.communities[0].mostCitedPapers[0]).toEqual({ id: '1810.04805', title: 'BERT, "deep", bidirectional', count: 2 });
  });

  it('Markdown: header facts and one table row per community', () => {
    const md = renderMarkdown(report);
    expect(md).toContain('- **Modularity:** 0.4000');
    expect(md.split('\n').filter((l) => l.startsWith('| 0 |') || l.startsWith('| 1 |'))).toHaveLength(2);
  });

  it('HTML: one self-contained page with three inline SVG charts and no script or external resource', () => {
    const html = renderHtml(report);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.match(/<svg[\s>]/g)).toHaveLength(3);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).toContain('BERT, &quot;deep&quot;, bidirectional');
  });
});
