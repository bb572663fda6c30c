/**
 * The community report without a database: the characterisation (lift, minimum support, labels),
 * a community's entry from what was read about it, and the renderers on a hand-made report (exact
 * CSV columns and escaping, JSON shape, a self-contained HTML).
 */
import { describe, expect, it } from 'vitest';
import { STANDIN_SOURCE } from '../../ingest/jobs/standin.js';
import { commonestItems, communityLabel, distinctiveItems, itemLabel, type FacetCount } from '../../src/analytics/report/characterise.js';
import { REPORT_DEFAULTS, STAND_IN_LABEL, describeCommunity, type CommunityReport, type ReportCommunity } from '../../src/analytics/report/data.js';
import { CSV_COLUMNS, renderCsv, renderJson, renderMarkdown } from '../../src/analytics/report/format.js';
import { renderHtml } from '../../src/analytics/report/html.js';
import { NO_MEMBERS, STAND_IN_SOURCE } from '../../src/analytics/report/queries.js';
import type { CommunityNode } from '../../src/analytics/queries.js';

const item = (id: string, count: number, total: number, name: string | null = null): FacetCount => ({ id, name, count, total });

describe('distinctive items (lift with minimum support)', () => {
  // 1,000 models in the graph; the community has 100 of them.
  const G = 1000;
  const N = 100;

  it('ranks what is over-represented above what is merely common', () => {
    // text-generation: on 90 % here but 60 % everywhere; whisper: 40 % here, 5 % everywhere.
    const tasks = distinctiveItems('task', [item('text-generation', 90, 600), item('automatic-speech-recognition', 40, 50)], N, G);
    expect(tasks.map((x) => x.id)).toEqual(['automatic-speech-recognition', 'text-generation']);
    expect(tasks[0]!.lift).toBeCloseTo(0.4 / 0.05, 10);
    expect(tasks[0]!.share).toBeCloseTo(0.4, 10);
    expect(tasks[0]!.score).toBeCloseTo(0.4 * Math.log(8), 10);
  });

  it('leaves out an item no more frequent than in the whole graph', () => {
    expect(distinctiveItems('tag', [item('region:us', 50, 500)], N, G)).toEqual([]);
    expect(distinctiveItems('tag', [item('region:us', 40, 500)], N, G)).toEqual([]);
    // 1.2 times as common as everywhere: under the minimum lift of 1.5.
    expect(distinctiveItems('tag', [item('endpoints_compatible', 60, 500)], N, G)).toEqual([]);
    expect(distinctiveItems('tag', [item('endpoints_compatible', 60, 500)], N, G, { minLift: 1.1 }).map((x) => x.id)).toEqual(['endpoints_compatible']);
  });

  it('a single model with a rare tag does not win on lift alone (minimum count and share)', () => {
    const tags = [item('my-one-off-tag', 1, 1), item('whisper', 30, 40)];
    expect(distinctiveItems('tag', tags, N, G).map((x) => x.id)).toEqual(['whisper']);
    // Two models are still under the default minimum of 3.
    expect(distinctiveItems('tag', [item('pair', 2, 2)], N, G)).toEqual([]);
    // 3 of 100 models: the count passes, the 5 % share does not; 3 of 50 pass both.
    expect(distinctiveItems('tag', [item('three', 3, 3)], N, G)).toEqual([]);
    expect(distinctiveItems('tag', [item('three', 3, 3)], 50, G).map((x) => x.id)).toEqual(['three']);
    expect(distinctiveItems('tag', [item('three', 3, 3)], 50, G, { minShare: 0.1 })).toEqual([]);
  });

  it('keeps the first N by score, ties by count then id; no models: nothing', () => {
    const xs = [item('b', 10, 20), item('a', 10, 20), item('c', 20, 40), item('d', 5, 10)];
    expect(distinctiveItems('tag', xs, N, G, { first: 3 }).map((x) => x.id)).toEqual(['c', 'a', 'b']);
    expect(distinctiveItems('tag', xs, 0, G)).toEqual([]);
  });

  it('commonest items: by count, then id', () => {
    expect(commonestItems([item('b', 2, 9), item('a', 2, 9), item('c', 5, 9)], 2).map((x) => x.id)).toEqual(['c', 'a']);
  });
});

describe('community label', () => {
  const G = 1000;
  const N = 100;
  const d = (kind: 'task' | 'tag' | 'library' | 'paper', xs: FacetCount[]) => distinctiveItems(kind, xs, N, G);

  it('task · tag · paper, from what distinguishes it', () => {
    const label = communityLabel({
      tasks: d('task', [item('text-generation', 10, 600), item('automatic-speech-recognition', 60, 80)]),
      tags: d('tag', [item('automatic-speech-recognition', 60, 80), item('whisper', 50, 100), item('region:us', 40, 400)]),
      libraries: d('library', [item('transformers', 80, 700)]),
      papers: d('paper', [item('2212.04356', 45, 55)]),
    });
    expect(label).toBe('automatic speech recognition · whisper · 2212.04356');
  });

  it('the task and the tag lead in order of lift, so LLM communities do not all start alike', () => {
    const label = communityLabel({
      tasks: d('task', [item('text-generation', 80, 300)]),
      tags: d('tag', [item('mistral', 40, 50)]),
      libraries: [],
      papers: d('paper', [item('2310.06825', 30, 35)]),
    });
    expect(label).toBe('mistral · text generation · 2310.06825');
  });

  it('without a distinctive task or paper, tags fill in; a base-model tag reads "from …"', () => {
    const label = communityLabel({
      tasks: [],
      tags: d('tag', [item('base_model:finetune:meta-llama/Llama-2-7b-hf', 70, 90), item('llama-2', 50, 120)]),
      libraries: d('library', [item('peft', 30, 100)]),
      papers: [],
    });
    expect(label).toBe('from meta-llama/Llama-2-7b-hf · llama-2');
    expect(itemLabel({ kind: 'tag', id: 'base_model:quantized:x/y' })).toBe('from x/y');
  });

  it('none when nothing distinguishes the community', () => {
    expect(communityLabel({ tasks: [], tags: [], libraries: [], papers: [] })).toBeNull();
  });
});

const node = (kind: 'creator' | 'model', rank: number, size: number): CommunityNode => ({
  id: `run-x/${kind}-${rank}`,
  key: `${kind}-${rank}`,
  kind,
  rank,
  size,
  modularityContribution: 0.1 / (rank + 1),
  internalWeight: 5,
  internalEdges: 7,
  density: 0.5,
  runId: 'run-x',
  computedAt: '2026-01-01T00:00:00Z',
});

describe('a community’s report entry', () => {
  const none = { tasks: [], tags: [], libraries: [], papers: [] };

  it('flags a creator community whose follows are mostly the stand-in’s, and counts members without models apart', () => {
    const c = describeCommunity(
      node('creator', 0, 40),
      { items: { models: 0, ...none }, members: { ...NO_MEMBERS, withoutModels: 40, standInWithoutModels: 38, follows: 200, standInFollows: 150 }, creators: [], neighbours: [] },
      1000,
      REPORT_DEFAULTS,
    );
    expect(c.standIn).toBe(true);
    expect(c.characterised).toBe(false);
    expect(c.label).toBe('no models: its members publish none');
    expect(c.withoutModels).toBe(40);
  });

  it('does not flag a community whose follows are mostly not the stand-in’s, nor a model community', () => {
    const members = { ...NO_MEMBERS, follows: 200, standInFollows: 99 };
    expect(describeCommunity(node('creator', 0, 5), { items: { models: 0, ...none }, members, creators: [], neighbours: [] }, 1000, REPORT_DEFAULTS).standIn).toBe(false);
    expect(describeCommunity(node('model', 0, 5), { items: { models: 5, ...none }, members: NO_MEMBERS, creators: [], neighbours: [] }, 1000, REPORT_DEFAULTS).standIn).toBe(false);
  });

  it('shares are over models with a record: lineage stubs do not dilute them', () => {
    // 10 members: 4 stubs, 6 models with a record, all 6 speech recognition.
    const c = describeCommunity(
      node('model', 0, 10),
      { items: { models: 6, ...none, tasks: [item('automatic-speech-recognition', 6, 20)] }, members: { ...NO_MEMBERS, lineageStubs: 4 }, creators: [], neighbours: [] },
      1000,
      REPORT_DEFAULTS,
    );
    expect(c.distinctive.tasks[0]!.share).toBe(1);
    expect(c.label).toBe('automatic speech recognition');
    expect(c.lineageStubs).toBe(4);
  });

  it('a model community made mostly of lineage stubs is named after the base model most of it derives from', () => {
    const read = (topBase: { id: string; count: number } | null) => ({
      items: { models: 7, ...none, tasks: [item('text-generation', 7, 300)] },
      members: { ...NO_MEMBERS, lineageStubs: 744, topBase },
      creators: [],
      neighbours: [],
    });
    expect(describeCommunity(node('model', 6, 751), read({ id: 'unsloth/llama-3-8b', count: 700 }), 1000, REPORT_DEFAULTS).label).toBe(
      'derivatives of unsloth/llama-3-8b · text generation',
    );
    // A base shared by only 2 members is under the minimum support: the community's own label stands.
    expect(describeCommunity(node('model', 6, 751), read({ id: 'x/y', count: 2 }), 1000, REPORT_DEFAULTS).label).toBe('text generation');
    // Mostly records: its own label, whatever its lineage.
    const records = { ...read({ id: 'x/y', count: 50 }), members: { ...NO_MEMBERS, lineageStubs: 3, topBase: { id: 'x/y', count: 50 } } };
    expect(describeCommunity(node('model', 6, 10), records, 1000, REPORT_DEFAULTS).label).toBe('text generation');
  });

  it('the commonest tags leave out hub tags (on more than 2,000 models), as version 1 did', () => {
    const read = { items: { models: 50, ...none, tags: [item('region:us', 50, 9000), item('llama', 10, 100)] }, members: NO_MEMBERS, creators: [], neighbours: [] };
    expect(describeCommunity(node('model', 0, 50), read, 10_000, REPORT_DEFAULTS).tags.map((x) => x.id)).toEqual(['llama']);
  });

  it('the stand-in provenance is the one ingest writes', () => {
    expect(STAND_IN_SOURCE).toBe(STANDIN_SOURCE);
  });
});

function community(rank: number, extra: Partial<ReportCommunity> = {}): ReportCommunity {
  const base = describeCommunity(
    node('creator', rank, 10 - rank),
    {
      items: {
        models: 40,
        tasks: [item('text-generation', 30, 600, 'Text Generation'), item('automatic-speech-recognition', 10, 20, 'ASR')],
        tags: [item('llama', 12, 60)],
        libraries: [item('transformers', 40, 700, 'Transformers')],
        papers: [item('1810.04805', 8, 10, 'BERT, "deep", bidirectional')],
      },
      members: { lineageStubs: 2, withoutModels: 3, standInWithoutModels: 3, follows: 10, standInFollows: rank === 0 ? 10 : 0, topBase: null },
      creators: [{ id: 'TheBloke', name: 'TheBloke', kind: 'user', source: null, contribution: 7, authority: 0.01, followers: 9, models: 3 }],
      neighbours:
        rank === 0 ? [{ id: 'run-x/creator-1', key: 'creator-1', size: 9, weight: 1.5, edges: 2 }] : [{ id: 'run-x/creator-0', key: 'creator-0', size: 10, weight: 1.5, edges: 2 }],
    },
    1000,
    REPORT_DEFAULTS,
  );
  return { ...base, ...extra };
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
  backgroundModels: 1000,
  thresholds: { minCount: 3, minShare: 0.05, minLift: 1.5 },
  communities: [community(0), community(1, { tags: [] })],
};

describe('community report formats', () => {
  it('CSV: the documented columns in order (version 1’s first, new ones after run_id), one row per community, quoted where needed', () => {
    const lines = renderCsv(report).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'community_id,kind,rank,size,modularity_contribution,internal_edges,density,models,top_creators,dominant_tasks,dominant_tags,dominant_libraries,most_cited_papers,neighbours,run_id,' +
        'label,stand_in,lineage_stubs,members_without_models,stand_in_members_without_models,distinctive_tasks,distinctive_tags,distinctive_libraries,distinctive_papers',
    );
    expect(CSV_COLUMNS).toHaveLength(24);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(
      'creator-0,creator,0,10,0.1,7,0.5,40,TheBloke=7,text-generation=30 | automatic-speech-recognition=10,llama=12,transformers=40,1810.04805=8,creator-1=1.5,run-x,' +
        'automatic speech recognition · llama · 1810.04805,true,2,3,3,automatic-speech-recognition=12.5,llama=5,,1810.04805=20',
    );
    expect(lines[2]!.split(',')).toHaveLength(24);
  });

  it('CSV: a cell with a comma or quote is quoted, quotes doubled', () => {
    const odd = { ...report, communities: [community(0, { key: 'a,"b"' })] };
    expect(renderCsv(odd).split('\r\n')[1]!.startsWith('"a,""b""",creator,')).toBe(true);
  });

  it('JSON: version 2 with run header, background and communities', () => {
    const doc = JSON.parse(renderJson(report));
    expect(Object.keys(doc)).toEqual(['reportVersion', 'generatedAt', 'kind', 'run', 'totalCommunities', 'backgroundModels', 'thresholds', 'communities']);
    expect(doc.reportVersion).toBe(2);
    expect(doc.run.id).toBe('run-x');
    expect(Object.keys(doc.communities[0])).toEqual([
      'id', 'kind', 'rank', 'size', 'modularityContribution', 'internalEdges', 'density', 'models',
      'topCreators', 'dominantTasks', 'dominantTags', 'dominantLibraries', 'mostCitedPapers', 'neighbours',
      'label', 'characterised', 'standIn', 'lineageStubs', 'membersWithoutModels', 'standInMembersWithoutModels', 'follows', 'standInFollows', 'lineageBase',
      'distinctiveTasks', 'distinctiveTags', 'distinctiveLibraries', 'distinctivePapers',
    ]);
    expect(doc.communities[0].topCreators[0]).toEqual({ id: 'TheBloke', name: 'TheBloke', contribution: 7, authority: 0.01, followers: 9, models: 3 });
    expect(doc.communities[0].mostCitedPapers[0]).toEqual({ id: '1810.04805', title: 'BERT, "deep", bidirectional', count: 8 });
    expect(doc.communities[0].distinctivePapers[0]).toMatchObject({ id: '1810.04805', count: 8, total: 10, share: 0.2 });
    expect(doc.communities[0].distinctivePapers[0].lift).toBeCloseTo(20, 10);
  });

  it('Markdown: header facts and one table row per community, the stand-in flagged', () => {
    const md = renderMarkdown(report);
    expect(md).toContain('- **Modularity:** 0.4000');
    expect(md).toContain(`- **From the stand-in:** 1 of the 2 shown: ${STAND_IN_LABEL}`);
    const rows = md.split('\n').filter((l) => l.startsWith('| 0 |') || l.startsWith('| 1 |'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain(`automatic speech recognition · llama · 1810.04805 — *${STAND_IN_LABEL}*`);
    expect(rows[1]).not.toContain(STAND_IN_LABEL);
    expect(rows[0]).toContain('2 lineage-only stubs; 3 members without models (3 stand-in only)');
  });

  it('HTML: one self-contained page with three inline SVG charts, a card per largest community, no script or external resource', () => {
    const html = renderHtml(report);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.match(/<svg[\s>]/g)).toHaveLength(3);
    expect(html.match(/<div class="card[ "]/g)).toHaveLength(2);
    expect(html.match(/<div class="card standin"/g)).toHaveLength(1);
    expect(html).toContain('<span class="kind">task</span> automatic-speech-recognition ×13 (25 %)</li>');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).toContain('BERT, &quot;deep&quot;, bidirectional');
  });
});
