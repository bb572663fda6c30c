/**
 * subgraph — a drawable piece of the HIN for a client's graph view: the most downloaded models
 * above download and like thresholds, their creators and tasks, and the CREATED, HAS_TASK and
 * DERIVED_FROM edges between them. `limit` (≤ 2000) caps the models; each brings at most one
 * creator and one task, so a drawing stays within about 3 × limit nodes. Node properties travel as
 * a JSON string (labels differ in their properties; a client draws, it does not query them).
 */
import type { Db } from '../neo4j/db.js';
import { loadCypher } from '../neo4j/cypher.js';
import { intInRange } from './input.js';

export const DEFAULTS = { limit: 500, maxLimit: 2000 };

export interface SubgraphNode {
  id: string;
  label: 'Model' | 'Creator' | 'Task';
  /** The node's properties as a JSON object string. */
  properties: string;
}

export interface SubgraphEdge {
  source: string;
  target: string;
  type: 'CREATED' | 'HAS_TASK' | 'DERIVED_FROM';
}

export interface Subgraph {
  nodes: SubgraphNode[];
  edges: SubgraphEdge[];
}

export interface SubgraphInput {
  downloadsAtLeast?: number;
  likesAtLeast?: number;
  limit?: number;
}

type Props = { id: string } & Record<string, unknown>;

export async function subgraph(db: Db, input: SubgraphInput = {}): Promise<Subgraph> {
  const downloadsAtLeast = intInRange('downloadsAtLeast', input.downloadsAtLeast ?? 0, 0, Number.MAX_SAFE_INTEGER);
  const likesAtLeast = intInRange('likesAtLeast', input.likesAtLeast ?? 0, 0, Number.MAX_SAFE_INTEGER);
  const limit = intInRange('limit', input.limit ?? DEFAULTS.limit, 1, DEFAULTS.maxLimit);
  const [row] = await db.read<{ models: Props[]; creators: Props[]; tasks: Props[]; edges: SubgraphEdge[] }>(
    loadCypher('api/subgraph'),
    { downloadsAtLeast, likesAtLeast, limit },
    { op: 'subgraph' },
  );
  if (!row) return { nodes: [], edges: [] };
  const node = (label: SubgraphNode['label']) => ({ id, ...properties }: Props): SubgraphNode => ({
    id,
    label,
    properties: JSON.stringify(properties),
  });
  return {
    nodes: [...row.models.map(node('Model')), ...row.creators.map(node('Creator')), ...row.tasks.map(node('Task'))],
    edges: row.edges,
  };
}
