/**
 * `ingest demo` on the real corpus (data/demo): the counts in the graph match the files.
 * Expected figures come from the files themselves (PROVENANCE.md), not from a previous run.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobSummary } from '../../ingest/job.js';
import { DEMO_FILES } from '../../ingest/jobs/demo.js';
import { creatorsByPopularity } from '../../ingest/jobs/standin.js';
import type { Db } from '../../src/neo4j/db.js';
import { DEMO_DATA_DIR, ensureDemo } from './demo.js';
import { testDb } from './neo4j.js';

describe('ingest demo', () => {
  let db: Db;
  let summary: JobSummary | null;
  const count = async (cypher: string) => (await db.read<{ n: number }>(cypher))[0]!.n;

  beforeAll(async () => {
    db = testDb();
    summary = await ensureDemo(db);
  }, 600_000);
  afterAll(async () => {
    await db.close();
  });

  it('loads every model of the 2024-09 dump with its creator', async () => {
    expect(await count("MATCH (m:Model) WHERE 'hub-list-models-2024-09' IN m.sources RETURN count(m) AS n")).toBe(9715);
    expect(await count("MATCH (c:Creator)-[:CREATED]->(m:Model) WHERE 'hub-list-models-2024-09' IN m.sources RETURN count(DISTINCT c) AS n")).toBe(2520);
  });

  it('loads every /api/models record, one node per model, the newer record winning', async () => {
    expect(await count("MATCH (m:Model) WHERE 'hub-api-models-2025-01' IN m.sources RETURN count(m) AS n")).toBe(4706);
    expect(await count("MATCH (m:Model) WHERE 'hub-api-models-2025-01' IN m.sources AND 'hub-list-models-2024-09' IN m.sources RETURN count(m) AS n")).toBe(2396);
    expect(await count("MATCH (m:Model {source: 'hub-api-models-2025-01'}) RETURN count(m) AS n")).toBe(4706);
    // In both files: the 2025-01 record's downloads and likes, the 2024-09 record's lastModified (the API record has none).
    const [whisper] = await db.read<{ downloads: number; likes: number; lastModified: string; createdAt: string; libraries: string[] }>(
      `MATCH (m:Model {id: 'openai/whisper-large-v3'})
       RETURN m.downloads AS downloads, m.likes AS likes, toString(m.lastModified) AS lastModified, toString(m.createdAt) AS createdAt,
              COLLECT { MATCH (m)-[:USES_LIBRARY]->(l) RETURN l.id ORDER BY l.id } AS libraries`,
    );
    expect(whisper).toEqual({ downloads: 3_524_654, likes: 3_799, lastModified: '2024-08-12T10:20:10Z', createdAt: '2023-11-07T18:41:14Z', libraries: expect.arrayContaining(['transformers']) });
    expect(await count('MATCH (m:Model) WHERE m.likes > 0 RETURN count(m) AS n')).toBe(4315);
  });

  it('has every cited arXiv id as a Paper, nearly all with their category', async () => {
    // Counted from the files with the mapper: the newer record's arXiv tags where both files name a model.
    expect(await count('MATCH (:Model)-[:CITES]->(p:Paper) RETURN count(DISTINCT p) AS n')).toBe(1640);
    expect(await count('MATCH (m:Model) WHERE (m)-[:CITES]->() RETURN count(m) AS n')).toBe(4310);
    expect(await count('MATCH (p:Paper) WHERE p.primaryCategory IS NOT NULL RETURN count(p) AS n')).toBeGreaterThanOrEqual(1234);
    expect((await db.read<{ c: string }>("MATCH (p:Paper {id: '1810.04805'}) RETURN p.primaryCategory AS c"))[0]?.c).toBe('cs.CL');
  });

  it('has the lineage edges of the file (self-loops quarantined)', async () => {
    expect(await count("MATCH ()-[r:DERIVED_FROM {source: 'hf-lineage'}]->() RETURN count(r) AS n")).toBe(28155 - 45);
    expect(await count("MATCH ()-[r:DERIVED_FROM {source: 'hf-lineage', kind: 'adapter'}]->() RETURN count(r) AS n")).toBe(253);
  });

  it('has the stand-in follow graph, labelled as such', async () => {
    expect(await count("MATCH ()-[r:FOLLOWS {source: 'github-musae-standin'}]->() RETURN count(r) AS n")).toBe(2 * 260103);
    expect(await count("MATCH (u:User {source: 'github-musae-standin'}) RETURN count(u) AS n")).toBe(37700);
    expect(await count("MATCH (u:User {source: 'github-musae-standin'}) WHERE u.sourceId IS NULL RETURN count(u) AS n")).toBe(0);
    // The most followed stand-in node is the most popular creator of the 2024-09 dump.
    const [top] = await creatorsByPopularity(path.join(DEMO_DATA_DIR!, DEMO_FILES.models));
    const [mostFollowed] = await db.read<{ id: string }>('MATCH (c:Creator) RETURN c.id AS id ORDER BY c.followers DESC, c.id LIMIT 1');
    expect(mostFollowed?.id).toBe(top);
  });

  it('loads the tasks and libraries of @huggingface/tasks', async () => {
    expect(await count("MATCH (t:Task) WHERE t.modality IS NOT NULL RETURN count(t) AS n")).toBeGreaterThanOrEqual(50);
    expect(await count("MATCH (l:Library {id: 'transformers'}) WHERE l.name IS NOT NULL RETURN count(l) AS n")).toBe(1);
  });

  it('stores no lineage self-loop, and its summary accounts for every row', async () => {
    expect(await count('MATCH (m:Model)-[r:DERIVED_FROM]->(m) RETURN count(r) AS n')).toBe(0);
    // The summary exists when this suite did the load (an earlier suite may have done it).
    if (summary === null) return;
    const models = summary.steps.find((s) => s.step === 'models')!;
    expect(models).toMatchObject({ read: 9715, loaded: 9715, rejected: 0 });
    expect(summary.steps.find((s) => s.step === 'models-api')).toMatchObject({ read: 4706, loaded: 4706, rejected: 0 });
    const lineage = summary.steps.find((s) => s.step === 'lineage')!;
    expect(lineage).toMatchObject({ read: 28155, loaded: 28110, rejected: 45 });
    expect(summary.quarantine.count).toBe(summary.totals.rejected);
  });
});
