/**
 * `ingest papers --online` on recorded arXiv responses (tests/fixtures/arxiv/recorded, served by a fake
 * id_list endpoint): titles, abstracts, categories and ordered authors land on the Paper nodes; an
 * unknown id is reported, a malformed one quarantined, and a second run changes nothing.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../../ingest/job.js';
import { ingestPapersOnline } from '../../ingest/jobs/papers.js';
import { createArxivClient } from '../../ingest/sources/arxiv/client.js';
import { silentLogger } from '../../src/log.js';
import type { Db } from '../../src/neo4j/db.js';
import { migrate } from '../../src/neo4j/migrate.js';
import { fakeArxiv } from '../fixtures/arxiv/recorded.js';
import { ingestDeps, tempDir } from './ingestFixtures.js';
import { testDb } from './neo4j.js';

const IDS = ['1605.08386', '2104.12255', 'hep-ex/0406020', '0000.0000', 'abc'];

describe('ingest papers (arXiv API)', () => {
  let db: Db;
  const dir = tempDir();

  beforeAll(async () => {
    db = testDb();
    await migrate(db, silentLogger());
  });
  afterAll(async () => {
    await db.write('MATCH (p:Paper) WHERE p.id IN $ids OPTIONAL MATCH (p)-[:AUTHORED_BY]->(a:Author) DETACH DELETE p, a', { ids: IDS });
    await db.close();
  });

  it('fills title, abstract, categories and ordered authors from id_list responses', async () => {
    const arxiv = fakeArxiv();
    const client = createArxivClient({ fetch: arxiv.fetch, cacheDir: `${dir}/cache`, log: silentLogger(), minIntervalMs: 0, retries: 0 });
    const summary = await runJob(ingestDeps(db, dir), 'papers', async (run) => void (await ingestPapersOnline(run, client, IDS)));
    expect(summary.steps[0]).toMatchObject({ loaded: 3, rejected: 1 });
    expect(summary.notes.join(' ')).toContain('0000.0000');
    const quarantined = readFileSync(summary.quarantine.file!, 'utf8');
    expect(quarantined).toContain('abc');

    const [paper] = await db.read<{ title: string; primary: string; categories: string[]; hasAbstract: boolean; published: string }>(
      `MATCH (p:Paper {id: '2104.12255'})
       RETURN p.title AS title, p.primaryCategory AS primary, p.categories AS categories, p.abstract IS NOT NULL AS hasAbstract, toString(p.published) AS published`,
    );
    // The recorded paper is really titled "0": it must stay the string "0", not become a number or vanish.
    expect(paper!.title).toBe('0');
    expect(paper!.primary).toMatch(/\./);
    expect(paper!.categories).toContain(paper!.primary);
    expect(paper!.hasAbstract).toBe(true);
    expect(paper!.published).toMatch(/^2021-04-/);
    const authors = await db.read<{ name: string; position: number }>(
      "MATCH (:Paper {id: '2104.12255'})-[r:AUTHORED_BY]->(a:Author) RETURN a.name AS name, r.position AS position ORDER BY position",
    );
    expect(authors.length).toBeGreaterThan(0);
    expect(authors.map((a) => a.position)).toEqual(authors.map((_, i) => i));
    const [old] = await db.read<{ n: number }>("MATCH (p:Paper {id: 'hep-ex/0406020'}) WHERE p.title IS NOT NULL RETURN count(p) AS n");
    expect(old!.n).toBe(1);

    const again = await runJob(ingestDeps(db, dir), 'papers', async (run) => void (await ingestPapersOnline(run, client, IDS)));
    expect(again.totals.relationshipsCreated).toBe(0);
  });
});
