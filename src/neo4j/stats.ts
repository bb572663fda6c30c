/** Counts per label and relationship type (the `graphStats` query and `hubgraph db stats`). */
import { loadCypher } from './cypher.js';
import type { Db } from './db.js';

export interface GraphStats {
  nodes: number;
  relationships: number;
  labels: { name: string; count: number }[];
  relationshipTypes: { name: string; count: number }[];
}

export async function graphStats(db: Db): Promise<GraphStats> {
  const rows = await db.read<{ kind: string; name: string; count: number }>(loadCypher('stats/graph-stats'), {}, { op: 'graphStats' });
  const pick = (kind: string) => rows.filter((r) => r.kind === kind).map(({ name, count }) => ({ name, count }));
  const total = (name: string) => rows.find((r) => r.kind === 'total' && r.name === name)?.count ?? 0;
  return {
    nodes: total('nodes'),
    relationships: total('relationships'),
    labels: pick('label'),
    relationshipTypes: pick('relationship'),
  };
}
