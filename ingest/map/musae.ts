/**
 * The SNAP musae-github social network (Rozemberczki, Allen, Sarkar 2019, "Multi-scale Attributed
 * Node Embedding", arXiv:1909.13021), our stand-in for a Hub follow graph:
 *   nodes.csv       id, name, ml_target   (name = GitHub login; ml_target 1 = ML developer)
 *   edges_*.csv     id_1, id_2            (undirected MUTUAL follows between node ids)
 * Nodes map to MusaeNode; an edge maps to the two directed FollowRecords it stands for, between
 * logins, so the rest of the pipeline sees ordinary follows. The id → login map is passed in (built
 * from the nodes file), keeping the mapper pure.
 */
import type { FollowRecord, Parsed, SourcePosition } from '../types.js';
import { fieldError, readRequiredText, readText, rejectRecord, rejectRecordFor, showValue, type RawRecord } from './fields.js';

export const MUSAE_COLUMNS = {
  node: { id: ['id'], login: ['name'], mlTarget: ['ml_target'] },
  edge: { from: ['id_1'], to: ['id_2'] },
} as const;

/** Provenance label for follows built from musae edges. */
export const MUSAE_SOURCE = 'snap-musae-github';

export interface MusaeNode {
  /** The dataset's node id (a non-negative integer, as text). */
  id: string;
  /** GitHub login. */
  login: string;
  /** ml_target = 1: a machine-learning developer; 0: a web developer. */
  mlDeveloper: boolean;
}

const NODE_ID = /^\d+$/;

export function mapMusaeNode(raw: RawRecord, position: SourcePosition): Parsed<MusaeNode> {
  const columns = MUSAE_COLUMNS.node;
  const id = readRequiredText(raw, columns.id, { numbers: true });
  if (!id.ok) return rejectRecord(raw, position, id.error);
  if (!NODE_ID.test(id.value)) return rejectRecord(raw, position, fieldError(id.field, `expected a non-negative integer, got ${showValue(id.value)}`));
  const login = readRequiredText(raw, columns.login);
  if (!login.ok) return rejectRecord(raw, position, login.error);
  const target = readText(raw, columns.mlTarget, { numbers: true });
  if (!target.ok) return rejectRecord(raw, position, target.error);
  if (target.value !== '0' && target.value !== '1') {
    return rejectRecord(raw, position, fieldError(target.field, `expected 0 or 1, got ${showValue(target.value)}`));
  }
  return { ok: true, value: { id: id.value, login: login.value, mlDeveloper: target.value === '1' }, position };
}

/** A musae edge as the two follows it stands for: a follows b, b follows a. */
export function mapMusaeEdge(
  raw: RawRecord,
  position: SourcePosition,
  loginById: ReadonlyMap<string, string>,
  options: { source?: string } = {},
): Parsed<[FollowRecord, FollowRecord]> {
  const columns = MUSAE_COLUMNS.edge;
  const source = options.source ?? MUSAE_SOURCE;
  const ends: string[] = [];
  for (const aliases of [columns.from, columns.to]) {
    const end = readRequiredText(raw, aliases, { numbers: true });
    if (!end.ok) return rejectRecord(raw, position, end.error);
    const login = loginById.get(end.value);
    if (login === undefined) return rejectRecord(raw, position, fieldError(end.field, `no node with id ${showValue(end.value)}`));
    ends.push(login);
  }
  const [a, b] = ends as [string, string];
  if (a === b) return rejectRecordFor(raw, position, `self-follow: id_1 and id_2 are both ${showValue(a)}`, 'id_2');
  return {
    ok: true,
    value: [
      { follower: a, followee: b, followeeKind: 'user', source },
      { follower: b, followee: a, followeeKind: 'user', source },
    ],
    position,
  };
}
