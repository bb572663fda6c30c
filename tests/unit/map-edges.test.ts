import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mapFollow, mapLike, mapLineageEdge, mapMembership, mapTopicFollow } from '../../ingest/map/edges.js';
import type { RawRecord } from '../../ingest/map/fields.js';
import { mapMusaeEdge, mapMusaeNode, type MusaeNode } from '../../ingest/map/musae.js';
import { openRecords } from '../../ingest/sources/files/read.js';
import type { Parsed, Rejection, SourcePosition } from '../../ingest/types.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = path.join(repoRoot, 'tests', 'fixtures', 'files');
const demoData = path.join(repoRoot, 'data', 'demo');

interface Mapped<T> {
  values: T[];
  lines: (number | undefined)[];
  rejections: Rejection[];
}

async function mapFile<T>(file: string, mapper: (raw: RawRecord, position: SourcePosition) => Parsed<T>): Promise<Mapped<T>> {
  const input = await openRecords(file);
  const out: Mapped<T> = { values: [], lines: [], rejections: [] };
  for await (const item of input.records) {
    const result = item.ok ? mapper(item.value, item.position) : item;
    if (result.ok) {
      out.values.push(result.value);
      out.lines.push(result.position.line);
    } else out.rejections.push(result.rejection);
  }
  return out;
}

const rejectionSummary = (rejections: Rejection[]) => rejections.map((r) => [r.position.line, r.field, r.reason]);

describe('lineage edges', () => {
  it('maps the fixture: kinds renamed, self-loops, unknown kinds and missing ends rejected', async () => {
    const out = await mapFile(path.join(fixtures, 'lineage.csv'), mapLineageEdge);
    expect(out.values).toEqual([
      { base: 'meta-llama/Llama-2-7b-hf', derived: 'TheBloke/Llama-2-7B-GGUF', kind: 'quantized' },
      { base: 'meta-llama/Llama-2-7b-hf', derived: 'someone/llama-ft', kind: 'finetune' },
      { base: 'b/base', derived: 'b/merge', kind: 'merge' },
      { base: 'c/base', derived: 'c/lora', kind: 'adapter' },
      { base: 'f/base', derived: 'f/untyped', kind: 'unknown' },
    ]);
    expect(rejectionSummary(out.rejections)).toEqual([
      [4, 'target', 'self-loop: source and target are both "a/base"'],
      [7, 'edge', 'edge: unknown lineage kind "distilled", expected one of finetuned, finetune, quantized, merged, merge, adapter, unknown'],
      [8, 'source', 'source: missing or empty'],
    ]);
  });

  it('maps the real 2025-06 lineage file: 28,155 rows; the 45 self-loops in it are rejected', async () => {
    const out = await mapFile(path.join(demoData, 'hf_lineage', 'lineage_edges_2025-06-11.csv.gz'), mapLineageEdge);
    expect(out.values.length + out.rejections.length).toBe(28_155);
    // PROVENANCE.md counts every row: finetuned 13,089, quantized 11,321, merged 3,492, adapter 253.
    // 45 rows have source == target (40 finetuned, 3 quantized, 2 merged); we reject those.
    expect(out.rejections).toHaveLength(45);
    expect(out.rejections.every((r) => r.reason.startsWith('self-loop: '))).toBe(true);
    const counts: Record<string, number> = {};
    for (const edge of out.values) counts[edge.kind] = (counts[edge.kind] ?? 0) + 1;
    expect(counts).toEqual({ finetune: 13_049, quantized: 11_318, merge: 3_490, adapter: 253 });
    const rejectedKinds: Record<string, number> = {};
    for (const r of out.rejections) {
      const kind = (JSON.parse(r.raw ?? '{}') as { edge: string }).edge;
      rejectedKinds[kind] = (rejectedKinds[kind] ?? 0) + 1;
    }
    expect(rejectedKinds).toEqual({ finetuned: 40, quantized: 3, merged: 2 });
  });
});

describe('follows', () => {
  const expectedValues = [
    { follower: 'alice', followee: 'bob', followeeKind: 'user', since: '2024-01-01T00:00:00.000Z' },
    { follower: 'alice', followee: 'huggingface', followeeKind: 'organization' },
    { follower: 'frank', followee: 'bob', followeeKind: 'organization', since: '2023-06-01T10:00:00.000Z' },
  ];
  const expectedRejections = [
    [3, 'since', 'since: not an ISO-8601 date, got "2024-02-30"'],
    [4, 'followee', 'self-follow: follower and followee are both "carol"'],
    [5, 'follower', 'follower: missing or empty'],
    [6, 'followee', 'followee: missing or empty'],
    [7, 'followee_kind', 'followee_kind: expected user, organization or unknown, got "robot"'],
  ];

  it('maps the CSV fixture', async () => {
    const out = await mapFile(path.join(fixtures, 'follows.csv'), (raw, at) => mapFollow(raw, at));
    expect(out.values).toEqual(expectedValues);
    expect(out.lines).toEqual([2, 3, 9]);
    // CSV has a header line, so each row is one line further down than in the NDJSON file.
    expect(rejectionSummary(out.rejections)).toEqual(expectedRejections.map(([line, ...rest]) => [(line as number) + 1, ...rest]));
  });

  it('maps the NDJSON fixture to the same follows', async () => {
    const out = await mapFile(path.join(fixtures, 'follows.ndjson'), (raw, at) => mapFollow(raw, at));
    expect(out.values).toEqual(expectedValues);
    expect(rejectionSummary(out.rejections)).toEqual(expectedRejections);
  });

  it('sets a source label when given one', () => {
    expect(mapFollow({ follower: 'a', followee: 'b' }, { source: 'x' }, { source: 'hub' })).toMatchObject({ ok: true, value: { source: 'hub' } });
  });
});

describe('likes, topic follows, memberships', () => {
  it('maps likes and rejects a missing model', async () => {
    const out = await mapFile(path.join(fixtures, 'likes.csv'), mapLike);
    expect(out.values).toEqual([
      { user: 'alice', model: 'google-bert/bert-base-uncased' },
      { user: 'alice', model: 'TheBloke/Llama-2-7B-GGUF' },
    ]);
    expect(rejectionSummary(out.rejections)).toEqual([[3, 'model', 'model: missing or empty']]);
  });

  it('maps topic follows and rejects a missing user', async () => {
    const out = await mapFile(path.join(fixtures, 'topic-follows.csv'), mapTopicFollow);
    expect(out.values).toEqual([
      { user: 'alice', task: 'text-generation' },
      { user: 'bob', task: 'image-classification' },
    ]);
    expect(rejectionSummary(out.rejections)).toEqual([[3, 'user', 'user: missing or empty']]);
  });

  it('maps memberships and rejects a self-membership and a missing organization', async () => {
    const out = await mapFile(path.join(fixtures, 'memberships.csv'), mapMembership);
    expect(out.values).toEqual([{ user: 'alice', organization: 'huggingface' }]);
    expect(rejectionSummary(out.rejections)).toEqual([
      [3, 'organization', 'self-membership: user and organization are both "bob"'],
      [4, 'organization', 'organization: missing or empty'],
    ]);
  });
});

describe('edge ends held to the Hub id rules, as in the models file (issue 17 item 8)', () => {
  // Regression: any text became a Creator (or Model) node — an injection string, a NUL, a newline, a slash.
  const at = { source: 'edges.ndjson', line: 3 };
  const NOT_NAMESPACES = ["x'}) DETACH DELETE n //", 'a b', 'a/slash', 'nul\u0000x', 'new\nline', 'bell\u0007', '-lead', 'é', '🤗', '$param', 'n'.repeat(97)];
  const NOT_REPO_IDS = ["ns/x'}) DETACH DELETE n //", 'has space/x', 'a/b/c', '/lead', 'x/', 'ns/nul\u0000', 'ns/new\nline', '../x', 'ns/é', `${'n'.repeat(97)}/x`, `ns/${'n'.repeat(97)}`];
  /** What a mapper returns for an id the rule refuses: a rejection naming the field, with the rule's reason. */
  const notNamespace = (field: string) => ({
    ok: false,
    rejection: { position: at, field, reason: expect.stringMatching(new RegExp(`^${field}: not a Hub namespace \\(letters, digits, -, _, \\. ; at most 96 characters\\), got `)) },
  });
  const notRepoId = (field: string) => ({ ok: false, rejection: { position: at, field, reason: expect.stringMatching(new RegExp(`^${field}: not a Hub repo id \\(namespace/name\\), got `)) } });

  it('follows: a follower or followee that is not a Hub namespace is rejected, naming the field', () => {
    for (const id of NOT_NAMESPACES) {
      expect(mapFollow({ follower: id, followee: 'bob' }, at), id).toMatchObject(notNamespace('follower'));
      expect(mapFollow({ follower: 'alice', followee: id }, at), id).toMatchObject(notNamespace('followee'));
    }
    expect(mapFollow({ follower: 'Org_1.x-y', followee: 'n'.repeat(96) }, at)).toMatchObject({ ok: true, value: { follower: 'Org_1.x-y', followee: 'n'.repeat(96) } });
  });

  it('likes: a user that is not a namespace, or a model that is not a repo id, is rejected', () => {
    for (const id of NOT_NAMESPACES) expect(mapLike({ user: id, model: 'a/b' }, at), id).toMatchObject(notNamespace('user'));
    for (const id of NOT_REPO_IDS) expect(mapLike({ user: 'alice', model: id }, at), id).toMatchObject(notRepoId('model'));
    // A legacy id without a namespace is a repo id.
    expect(mapLike({ user: 'alice', model: 'gpt2' }, at)).toMatchObject({ ok: true, value: { model: 'gpt2' } });
  });

  it('memberships: a user or organization that is not a namespace is rejected', () => {
    for (const id of NOT_NAMESPACES) {
      expect(mapMembership({ user: id, organization: 'huggingface' }, at), id).toMatchObject(notNamespace('user'));
      expect(mapMembership({ user: 'alice', org: id }, at), id).toMatchObject(notNamespace('org'));
    }
  });

  it('topic follows: a user that is not a namespace is rejected; a task is a pipeline tag, never a word for "no task"', () => {
    for (const id of NOT_NAMESPACES) expect(mapTopicFollow({ user: id, task: 'fill-mask' }, at), id).toMatchObject(notNamespace('user'));
    for (const task of ['unknown', 'None', 'null']) {
      expect(mapTopicFollow({ user: 'alice', task }, at)).toEqual({
        ok: false,
        rejection: { position: at, field: 'task', reason: `task: ${JSON.stringify(task)} means no task, not a task id`, raw: JSON.stringify({ user: 'alice', task }) },
      });
    }
    expect(mapTopicFollow({ user: 'alice', task: 't'.repeat(5000) }, at)).toMatchObject({ ok: false, rejection: { reason: 'task: too long: 5000 bytes, at most 4096' } });
    expect(mapTopicFollow({ user: 'alice', task: ' text-generation ' }, at)).toMatchObject({ ok: true, value: { task: 'text-generation' } });
  });

  it('lineage: a source or target that is not a Hub repo id is rejected (no Model, no Creator of its "namespace")', () => {
    for (const id of NOT_REPO_IDS) {
      expect(mapLineageEdge({ source: id, target: 'o/derived', edge: 'finetuned' }, at), id).toMatchObject(notRepoId('source'));
      expect(mapLineageEdge({ base: 'o/base', derived: id }, at), id).toMatchObject(notRepoId('derived'));
    }
    // An over-long end says so (the length is checked first).
    expect(mapLineageEdge({ source: `o/${'x'.repeat(5000)}`, target: 'o/d' }, at)).toMatchObject({ ok: false, rejection: { reason: 'source: too long: 5002 bytes, at most 4096' } });
  });
});

describe('SNAP musae-github', () => {
  it('maps nodes and edges, rejecting bad targets, unknown ids and self-follows', () => {
    const at = { source: 's', line: 2 };
    expect(mapMusaeNode({ id: '0', name: 'Eiryyy', ml_target: '0' }, at)).toEqual({
      ok: true,
      value: { id: '0', login: 'Eiryyy', mlDeveloper: false },
      position: at,
    });
    expect(mapMusaeNode({ id: 7, name: 'x', ml_target: 1 }, at)).toMatchObject({ ok: true, value: { id: '7', mlDeveloper: true } });
    expect(mapMusaeNode({ id: '1', name: 'x', ml_target: '2' }, at)).toMatchObject({ ok: false, rejection: { field: 'ml_target' } });
    expect(mapMusaeNode({ id: '-1', name: 'x', ml_target: '1' }, at)).toMatchObject({ ok: false, rejection: { field: 'id' } });
    expect(mapMusaeNode({ id: '1', name: '', ml_target: '1' }, at)).toMatchObject({ ok: false, rejection: { field: 'name' } });

    const logins = new Map([
      ['0', 'a'],
      ['1', 'b'],
    ]);
    expect(mapMusaeEdge({ id_1: '0', id_2: '1' }, at, logins)).toEqual({
      ok: true,
      value: [
        { follower: 'a', followee: 'b', followeeKind: 'user', source: 'snap-musae-github' },
        { follower: 'b', followee: 'a', followeeKind: 'user', source: 'snap-musae-github' },
      ],
      position: at,
    });
    expect(mapMusaeEdge({ id_1: '0', id_2: '9' }, at, logins)).toMatchObject({
      ok: false,
      rejection: { field: 'id_2', reason: 'id_2: no node with id "9"' },
    });
    expect(mapMusaeEdge({ id_1: '1', id_2: '1' }, at, logins)).toMatchObject({ ok: false, rejection: { reason: 'self-follow: id_1 and id_2 are both "b"' } });
    expect(mapMusaeEdge({ id_1: '', id_2: '1' }, at, logins)).toMatchObject({ ok: false, rejection: { field: 'id_1' } });
  });

  it('maps the real files: 37,700 nodes (9,739 ML developers) and 260,103 edges', async () => {
    const nodes = await mapFile<MusaeNode>(path.join(demoData, 'social_github_musae', 'nodes.csv.gz'), mapMusaeNode);
    expect(nodes.rejections).toEqual([]);
    expect(nodes.values).toHaveLength(37_700);
    expect(nodes.values.filter((n) => n.mlDeveloper)).toHaveLength(9_739);
    const logins = new Map(nodes.values.map((n) => [n.id, n.login]));
    expect(logins.size).toBe(37_700);

    const edges = await mapFile(path.join(demoData, 'social_github_musae', 'edges_train.csv.gz'), (raw, at) => mapMusaeEdge(raw, at, logins));
    expect(edges.rejections).toEqual([]);
    expect(edges.values).toHaveLength(260_103);
    expect(edges.values[0]?.[0]).toEqual({ follower: 'Eiryyy', followee: logins.get('23977'), followeeKind: 'user', source: 'snap-musae-github' });
  }, 30_000);
});
