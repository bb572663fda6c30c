/**
 * Nulls in ORDER BY: Cypher sorts null above every value, so `ORDER BY m.downloads DESC` puts
 * lineage-only stub models (no downloads) first. Every saved Browser query (cypher/explore) runs
 * here on a small graph that holds such stubs and creators without an authority, pointed at this
 * graph by replacing the lines that pick its starting nodes; the stubs must come last or not at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCypherFile } from '../../src/neo4j/cypher.js';
import type { Db } from '../../src/neo4j/db.js';
import { cleanup, testDb, uniquePrefix } from './neo4j.js';

interface Segment {
  start: { id: string };
  end: { id: string };
}

/** The file with each pattern (which must occur) replaced: how a researcher points it elsewhere. */
function pointed(name: string, replacements: [RegExp, string][]): string {
  let text = readCypherFile(name);
  for (const [pattern, by] of replacements) {
    expect(pattern.test(text), `${name} contains ${pattern}`).toBe(true);
    text = text.replace(pattern, by);
  }
  return text;
}

/** Every node id on the paths a graph-shaped query returned (paths arrive as segment lists). */
function pathIds(rows: { path: Segment[] }[]): Set<string> {
  return new Set(rows.flatMap((r) => r.path.flatMap((s) => [s.start.id, s.end.id])));
}

describe('nulls sort last in the saved Browser queries', () => {
  let db: Db;
  const p = uniquePrefix('nulls');
  const maker = `${p}maker`;
  const real = [`${maker}/big`, `${maker}/mid`, `${maker}/small`];
  const stubs = Array.from({ length: 12 }, (_, i) => `${maker}/stub-${String(i).padStart(2, '0')}`);

  beforeAll(async () => {
    db = testDb();
    // A creator with 3 Hub models (downloads 900, 500, 10; small/ has no task) and 12 lineage-only
    // stubs derived from big/ (no downloads, likes or task); 30 followers and 30 followees of whom
    // only the last 5 have an authority; one paper cited by all 15 models.
    await db.write(
      `CREATE (c:Creator {id: $maker, name: 'maker', kind: 'user', followers: 30})
       CREATE (t:Task {id: $p + 'task', name: 'task'})
       CREATE (paper:Paper {id: $p + '2401.00001', title: 'a paper'})
       WITH c, t, paper
       UNWIND [[$real[0], 900], [$real[1], 500], [$real[2], 10]] AS r
       CREATE (c)-[:CREATED]->(m:Model {id: r[0], name: split(r[0], '/')[-1], downloads: r[1], likes: 1, source: 'test-hub'})
       CREATE (m)-[:CITES]->(paper)
       FOREACH (_ IN CASE WHEN r[1] >= 500 THEN [1] ELSE [] END | CREATE (m)-[:HAS_TASK]->(t))`,
      { p, maker, real },
    );
    await db.write(
      `MATCH (c:Creator {id: $maker}), (big:Model {id: $big}), (paper:Paper {id: $p + '2401.00001'})
       UNWIND $stubs AS id
       CREATE (c)-[:CREATED]->(s:Model {id: id, name: split(id, '/')[-1], source: 'test-lineage'})
       CREATE (s)-[:DERIVED_FROM {kind: 'quantized'}]->(big)
       CREATE (s)-[:CITES]->(paper)`,
      { p, maker, big: real[0], stubs },
    );
    await db.write(
      `MATCH (c:Creator {id: $maker})
       UNWIND range(0, 29) AS i
       CREATE (fan:Creator {id: $p + 'fan-' + i, name: 'fan-' + i, kind: 'user',
                            authority: CASE WHEN i >= 25 THEN i / 100.0 ELSE null END})-[:FOLLOWS]->(c)
       CREATE (c)-[:FOLLOWS]->(:Creator {id: $p + 'idol-' + i, name: 'idol-' + i, kind: 'user',
                                        authority: CASE WHEN i >= 25 THEN i / 100.0 ELSE null END})`,
      { p, maker },
    );
    // A current analytics run of this suite's scope, holding one model community of all 15 models
    // (no PageRank on any: downloads decide, and the stubs have none).
    await db.write(
      `CREATE (r:AnalyticsRun {id: $p + 'run', scope: $p, current: true, slot: 'A', computedAt: datetime(), status: 'current'})
       CREATE (k:Community {id: $p + 'run/model-0', key: 'model-0', kind: 'model', size: 15, modularityContribution: 0.1})
       WITH k
       MATCH (m:Model) WHERE m.id STARTS WITH $maker
       CREATE (m)-[:IN_COMMUNITY]->(k)`,
      { p, maker },
    );
  });
  afterAll(async () => {
    await cleanup(db, p);
    await db.close();
  });

  it('creator-neighbourhood shows the Hub models (with or without a task) and the followers with an authority', async () => {
    const rows = await db.read<{ path: Segment[] }>(
      pointed('explore/creator-neighbourhood', [[/^WITH 'TheBloke' AS creatorId$/m, 'WITH $id AS creatorId']]),
      { id: maker },
    );
    const ids = pathIds(rows);
    // The 10 models shown: the 3 with downloads, then 7 stubs by id.
    for (const id of real) expect(ids, id).toContain(id);
    expect(ids).toContain(`${p}task`);
    expect(stubs.filter((s) => ids.has(s))).toEqual(stubs.slice(0, 7));
    // 25 of each side: the 5 with an authority are among them.
    for (let i = 25; i < 30; i++) {
      expect(ids).toContain(`${p}fan-${i}`);
      expect(ids).toContain(`${p}idol-${i}`);
    }
  });

  it('most-cited-papers names the most downloaded citing models, not stubs', async () => {
    const rows = await db.read<{ paper: string; citingModels: number; topCitingModels: string[] }>(
      pointed('explore/most-cited-papers', [[/^MATCH \(p:Paper\)$/m, 'MATCH (p:Paper) WHERE p.id STARTS WITH $p']]),
      { p },
    );
    expect(rows).toEqual([expect.objectContaining({ paper: `${p}2401.00001`, citingModels: 15, topCitingModels: real })]);
  });

  it('model-paper-network, models-by-downloads and models-by-likes leave the stubs out', async () => {
    const mine = [/^MATCH \(m:Model\)$/m, 'MATCH (m:Model) WHERE m.id STARTS WITH $p WITH m'] as [RegExp, string];
    const network = await db.read<{ path: Segment[] }>(pointed('explore/model-paper-network', [mine]), { p });
    expect([...pathIds(network)].sort()).toEqual([`${p}2401.00001`, ...real].sort());
    const byDownloads = await db.read<{ model: string }>(
      pointed('explore/models-by-downloads', [mine, [/^WITH 10000 AS minDownloads, 1000000 AS maxDownloads$/m, 'WITH 0 AS minDownloads, 1000000 AS maxDownloads']]),
      { p },
    );
    expect(byDownloads.map((r) => r.model)).toEqual(real);
    const byLikes = await db.read<{ model: string }>(
      pointed('explore/models-by-likes', [mine, [/^WITH 100 AS minLikes, 100000 AS maxLikes$/m, 'WITH 0 AS minLikes, 100000 AS maxLikes']]),
      { p },
    );
    // Equal likes: by id, and still no stub.
    expect(byLikes.map((r) => r.model)).toEqual([...real].sort());
  });

  it('top-authorities lists only creators with an authority, highest first', async () => {
    const rows = await db.read<{ creator: string; pagerank: number }>(
      pointed('explore/top-authorities', [[/^MATCH \(c:Creator\)$/m, 'MATCH (c:Creator) WHERE c.id STARTS WITH $p WITH c']]),
      { p },
    );
    expect(rows.map((r) => r.creator)).toEqual([29, 28, 27, 26, 25].flatMap((i) => [`${p}fan-${i}`, `${p}idol-${i}`]).sort((a, b) => {
      const n = (x: string) => Number(x.split('-').at(-1));
      return n(b) - n(a) || a.localeCompare(b);
    }));
  });

  it('community-members lists the Hub models before the stubs', async () => {
    const rows = await db.read<{ members: string[] }>(
      pointed('explore/community-members', [[/^WITH 'creator-0' AS communityKey, '' AS scope$/m, "WITH 'model-0' AS communityKey, $p AS scope"]]),
      { p },
    );
    expect(rows[0]!.members).toEqual([...real, ...stubs]);
  });

  it('model-lineage-tree reaches the stubs (lineage is where they belong)', async () => {
    const rows = await db.read<{ path: Segment[] }>(
      pointed('explore/model-lineage-tree', [[/^WITH 'meta-llama\/Llama-2-7b-hf' AS modelId$/m, 'WITH $id AS modelId']]),
      { id: real[0] },
    );
    expect([...pathIds(rows)].sort()).toEqual([real[0]!, ...stubs].sort());
  });
});
