/**
 * The social stand-in. No public Hugging Face follow graph exists, so the demo uses the real SNAP
 * GitHub developer graph (musae-github: 37,700 developers, mutual-follow edges) as the follow graph.
 * Its nodes are mapped deterministically onto Hub creators: the i-th node by degree (ties by node
 * id) becomes the i-th creator by popularity (total downloads of its models, ties by id); the rest
 * stay plain users with id `github:<login>`. Each edge becomes two FOLLOWS. Every stand-in node and
 * edge carries source = "github-musae-standin" and the node keeps its musae id in `sourceId`.
 */
import { inputIdentity } from '../checkpoint.js';
import type { JobRun } from '../job.js';
import { mapMusaeEdge, mapMusaeNode, type MusaeNode } from '../map/musae.js';
import { mapModel } from '../map/models.js';
import type { StepSummary } from '../pipeline.js';
import { readRecords } from '../sources/files/read.js';
import type { FollowRecord, Parsed } from '../types.js';
import { followRow } from './social.js';

export const STANDIN_SOURCE = 'github-musae-standin';

export interface StandinMapping {
  /** musae node id → graph id. */
  idOf: Map<string, string>;
  mappedToCreators: number;
  plainUsers: number;
}

/** Pure: the mapping from ranked nodes onto ranked creators. */
export function mapStandin(nodes: MusaeNode[], degree: Map<string, number>, creatorsByPopularity: string[]): StandinMapping {
  const ranked = [...nodes].sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || Number(a.id) - Number(b.id));
  const idOf = new Map<string, string>();
  ranked.forEach((n, i) => idOf.set(n.id, creatorsByPopularity[i] ?? `github:${n.login}`));
  const mappedToCreators = Math.min(ranked.length, creatorsByPopularity.length);
  return { idOf, mappedToCreators, plainUsers: ranked.length - mappedToCreators };
}

/**
 * Creators by popularity (total downloads of their models, ties by id), read from a models file rather
 * than the graph: the mapping then depends on that file alone, not on what later sources overwrote,
 * so a rerun of the demo maps every node the same way.
 */
export async function creatorsByPopularity(modelsFile: string): Promise<string[]> {
  const downloads = new Map<string, number>();
  for await (const r of readRecords(modelsFile)) {
    const m = r.ok ? mapModel(r.value, r.position, { source: 'popularity' }) : r;
    if (m.ok) downloads.set(m.value.author, (downloads.get(m.value.author) ?? 0) + (m.value.downloads ?? 0));
  }
  return [...downloads].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([id]) => id);
}

/** `modelsFile`: the models whose creators' popularity ranks them for the mapping (see above). */
export async function ingestStandin(run: JobRun, dir: string, modelsFile: string): Promise<StepSummary[]> {
  const nodesFile = `${dir}/nodes.csv.gz`;
  const edgesFile = `${dir}/edges_train.csv.gz`;
  const nodes: MusaeNode[] = [];
  const nodeResults: Parsed<MusaeNode>[] = [];
  for await (const r of readRecords(nodesFile)) {
    const parsed = r.ok ? mapMusaeNode(r.value, r.position) : r;
    nodeResults.push(parsed);
    if (parsed.ok) nodes.push(parsed.value);
  }
  // Degree from the edge list (first pass; the second pass below loads the edges).
  const degree = new Map<string, number>();
  for await (const r of readRecords(edgesFile)) {
    if (!r.ok) continue;
    // A CSV record's values are strings (a column the row lacks is undefined).
    for (const end of [r.value.id_1, r.value.id_2]) if (typeof end === 'string') degree.set(end, (degree.get(end) ?? 0) + 1);
  }
  const mapping = mapStandin(nodes, degree, await creatorsByPopularity(modelsFile));
  run.notes.push(
    `social stand-in (SNAP musae-github, not Hugging Face data): ${mapping.mappedToCreators} GitHub developers mapped onto Hub creators by degree rank ↔ popularity rank, ${mapping.plainUsers} kept as plain users (github:<login>)`,
  );

  const users = await run.step(
    {
      step: 'standin-users',
      cypher: 'ingest/upsert-users',
      records: nodeResults,
      toRow: (n) => ({ id: mapping.idOf.get(n.id)!, name: n.login, source: STANDIN_SOURCE, sourceId: n.id }),
    },
    inputIdentity(nodesFile),
  );

  async function* follows(): AsyncGenerator<Parsed<FollowRecord>> {
    for await (const r of readRecords(edgesFile)) {
      if (!r.ok) {
        yield r;
        continue;
      }
      const e = mapMusaeEdge(r.value, r.position, mapping.idOf, { source: STANDIN_SOURCE });
      if (!e.ok) {
        yield e;
        continue;
      }
      for (const f of e.value) yield { ok: true, value: f, position: e.position };
    }
  }
  const edges = await run.step(
    { step: 'standin-follows', cypher: 'ingest/upsert-follows', records: follows(), toRow: (f) => ({ ...followRow(f), followeeKind: null }) },
    inputIdentity(edgesFile),
  );
  return [users, edges];
}
