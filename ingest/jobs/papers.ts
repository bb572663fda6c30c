/**
 * `ingest papers`: metadata for every Paper in the graph.
 *  - offline (default here, and in the demo): arXiv categories from the recorded category file
 *    (data/demo/arxiv/hf_cited_categories), for the papers the graph already holds;
 *  - online (`--online`): title, abstract, authors, dates and categories from the arXiv API by
 *    id_list (100 ids a request, one request every 3 s, cached on disk).
 */
import { inputIdentity } from '../checkpoint.js';
import type { JobRun } from '../job.js';
import type { StepSummary } from '../pipeline.js';
import { readArxivCategories } from '../sources/arxiv/categories.js';
import type { ArxivClient } from '../sources/arxiv/client.js';
import type { Parsed, PaperRecord } from '../types.js';

export async function paperIdsInGraph(run: JobRun): Promise<string[]> {
  const rows = await run.deps.db.read<{ id: string }>('MATCH (p:Paper) RETURN p.id AS id ORDER BY id', {}, { op: 'ingest.paperIds' });
  return rows.map((r) => r.id);
}

export async function ingestPaperCategories(run: JobRun, file: string): Promise<StepSummary> {
  const summary = await run.step(
    {
      step: 'paper-categories',
      cypher: 'ingest/set-paper-categories',
      records: readArxivCategories(file),
      toRow: (c) => ({ id: c.id, primaryCategory: c.primaryCategory, categories: c.categories }),
    },
    inputIdentity(file),
  );
  const [row] = await run.deps.db.read<{ papers: number; withCategory: number }>(
    'MATCH (p:Paper) RETURN count(p) AS papers, count(p.primaryCategory) AS withCategory',
  );
  if (row) run.notes.push(`papers with an arXiv category: ${row.withCategory} of ${row.papers} in the graph`);
  return summary;
}

/** `ids`: the papers to look up; default every Paper in the graph. */
export async function ingestPapersOnline(run: JobRun, client: ArxivClient, only?: string[]): Promise<StepSummary> {
  const ids = only ?? (await paperIdsInGraph(run));
  const missing: string[] = [];
  async function* papers(): AsyncGenerator<Parsed<PaperRecord>> {
    let index = 0;
    for await (const batch of client.fetchByIds(ids)) {
      for (const p of batch.papers) yield { ok: true, value: p, position: { source: 'arxiv id_list', index: index++ } };
      for (const bad of batch.invalid) {
        yield { ok: false, rejection: { position: { source: 'arxiv id_list', index: index++ }, field: 'id', reason: `arXiv id ${bad.id}: ${bad.reason}`, raw: bad.id } };
      }
      missing.push(...batch.missing);
    }
  }
  const summary = await run.step({
    step: 'papers-arxiv',
    cypher: 'ingest/upsert-papers',
    records: papers(),
    toRow: (p) => ({
      id: p.id,
      title: p.title,
      abstract: p.abstract,
      published: p.published,
      updated: p.updated,
      primaryCategory: p.primaryCategory,
      categories: p.categories,
      doi: p.doi ?? null,
      authors: p.authors,
    }),
  });
  if (missing.length > 0) run.notes.push(`arXiv has no entry for ${missing.length} cited ids (e.g. ${missing.slice(0, 5).join(', ')})`);
  return summary;
}
