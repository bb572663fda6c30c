/**
 * The edge jobs (lineage, social) and tasks on small files: the graph they make, a second run that
 * changes nothing, bad rows quarantined; and the CLI's one-line errors for a missing or unknown file.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJob } from '../../ingest/job.js';
import { ingestLineage } from '../../ingest/jobs/lineage.js';
import { ingestSocialFiles } from '../../ingest/jobs/social.js';
import { ingestTasks } from '../../ingest/jobs/tasks.js';
import { runStatement } from '../../ingest/pipeline.js';
import { silentLogger } from '../../src/log.js';
import { runCli } from './cli.js';
import { fingerprint, ingestDeps, ingestSuite } from './ingestFixtures.js';
import { testNeo4j } from './neo4j.js';

describe('edge jobs', () => {
  const suite = ingestSuite();
  const { p, dir } = suite;
  const file = (name: string, text: string) => {
    const f = path.join(dir, name);
    writeFileSync(f, text);
    return f;
  };

  it('loads lineage and social edges, quarantines bad rows, and a second run changes nothing', async () => {
    const lineage = file('lineage.csv', `source,target,edge\n${p}-o/base,${p}-o/ft,finetuned\n${p}-o/base,${p}-o/q,quantized\n${p}-o/x,${p}-o/x,merged\n${p}-o/base,,adapter\n`);
    const follows = file('follows.csv', `follower,followee,followee_kind\n${p}-u1,${p}-u2,user\n${p}-u1,${p}-org,organization\n${p}-u2,${p}-u1,user\n${p}-u3,${p}-u3,user\n${p}-u1,${p}-u2,user\n`);
    const topics = file('topics.ndjson', `{"user":"${p}-u1","task":"text-generation"}\n{"user":"${p}-u3"}\n`);
    const likes = file('likes.csv', `user,model\n${p}-u2,${p}-o/ft\n`);
    const members = file('members.csv', `user,organization\n${p}-u1,${p}-org\n`);
    const load = () =>
      runJob(ingestDeps(suite.db, dir), 'edges', async (run) => {
        await ingestLineage(run, lineage);
        await ingestSocialFiles(run, { follows, 'topic-follows': topics, likes, memberships: members });
        run.record(await runStatement(suite.db, silentLogger(), 'follower-counts', 'ingest/update-follower-counts'));
      });
    const first = await load();
    const step = (name: string) => first.steps.find((s) => s.step === name)!;
    expect(step('lineage')).toMatchObject({ read: 4, loaded: 2, rejected: 2 });
    expect(step('follows')).toMatchObject({ read: 5, loaded: 3, rejected: 2 }); // a self-follow and a duplicate
    expect(step('topic-follows')).toMatchObject({ read: 2, loaded: 1, rejected: 1 });
    expect(step('likes')).toMatchObject({ loaded: 1 });
    expect(step('memberships')).toMatchObject({ loaded: 1 });

    const edges = await suite.db.read<{ line: string }>(
      `MATCH (a)-[r]->(b) WHERE a.id STARTS WITH $p AND type(r) <> 'CREATED'
       RETURN a.id + ' ' + type(r) + coalesce(' ' + r.kind, '') + ' ' + b.id AS line ORDER BY line`,
      { p },
    );
    expect(edges.map((e) => e.line.split(p).join('P'))).toEqual([
      'P-o/ft DERIVED_FROM finetune P-o/base',
      'P-o/q DERIVED_FROM quantized P-o/base',
      'P-u1 FOLLOWS P-org',
      'P-u1 FOLLOWS P-u2',
      'P-u1 FOLLOWS_TOPIC text-generation',
      'P-u1 MEMBER_OF P-org',
      'P-u2 FOLLOWS P-u1',
      'P-u2 LIKED P-o/ft',
    ]);
    const [org] = await suite.db.read<{ labels: string[]; followers: number }>('MATCH (o:Creator {id: $id}) RETURN labels(o) AS labels, o.followers AS followers', { id: `${p}-org` });
    expect(org?.labels).toContain('Organization');
    expect(org?.followers).toBe(1);
    const [creator] = await suite.db.read<{ id: string }>('MATCH (c:Creator)-[:CREATED]->(:Model {id: $id}) RETURN c.id AS id', { id: `${p}-o/ft` });
    expect(creator?.id).toBe(`${p}-o`);

    const before = await fingerprint(suite.db, p);
    const second = await load();
    expect(second.totals.relationshipsCreated).toBe(0);
    expect(await fingerprint(suite.db, p)).toEqual(before);
  });

  it('loads the tasks and libraries of @huggingface/tasks idempotently', async () => {
    const run = () => runJob(ingestDeps(suite.db, dir), 'tasks', (r) => ingestTasks(r));
    const first = await run();
    expect(first.steps.map((s) => s.step)).toEqual(['tasks', 'libraries']);
    expect(first.steps[0]!.loaded).toBeGreaterThanOrEqual(50);
    const [tg] = await suite.db.read<{ name: string; modality: string }>("MATCH (t:Task {id: 'text-generation'}) RETURN t.name AS name, t.modality AS modality");
    expect(tg).toEqual({ name: 'Text Generation', modality: 'nlp' });
    const second = await run();
    expect(second.totals.relationshipsCreated + second.steps.reduce((n, s) => n + s.nodesCreated, 0)).toBe(0);
  });

  it('names a missing file, and an unknown format, in one line', async () => {
    const n = testNeo4j();
    const env = { NEO4J_URI: n.uri, NEO4J_USER: n.user, NEO4J_PASSWORD: n.password, HUBGRAPH_REPORTS_DIR: path.join(dir, 'r') };
    const missing = await runCli(['ingest', 'lineage', '--file', path.join(dir, 'nope.csv')], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain(path.join(dir, 'nope.csv'));
    expect(missing.stderr).toContain('[INPUT_FILE_MISSING]');
    const unknown = await runCli(['ingest', 'models', '--file', file('models.xlsx', 'x')], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknown.stderr).toContain('models.xlsx');
    expect(unknown.stderr).toContain('[INPUT_FORMAT_UNKNOWN]');
  });
});
