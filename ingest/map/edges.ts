/**
 * Raw edge records → typed edges, for every edge file we read (CSV or NDJSON, same columns):
 *   lineage      source (base), target (derived), edge ∈ finetuned|quantized|merged|adapter
 *                (the 2025-06 hf-dep-network dump; Hub kind names finetune|quantized|merge|adapter too)
 *   follows      follower, followee[, followee_kind, since]
 *   topic follows user, task[, since]
 *   likes        user, model[, since]
 *   memberships  user, organization
 * A missing end, an edge from a node to itself, an unknown kind or a bad date is a Rejection naming
 * the field. Each end is held to the rule of the node it names (fields.ts), as in the models file: a
 * user, creator or organization id must be a Hub namespace, a model id a Hub repo id, a task a
 * pipeline tag (text, not one of the words for "no task"). Each mapper is pure and stateless;
 * `EDGE_COLUMNS` is the column mapping.
 */
import type {
  CreatorKind,
  FollowRecord,
  LikeRecord,
  LineageKind,
  LineageRecord,
  MembershipRecord,
  Parsed,
  SourcePosition,
  TopicFollowRecord,
} from '../types.js';
import {
  fieldError,
  isNoTask,
  readDate,
  readNamespace,
  readRepoId,
  readRequiredText,
  readText,
  rejectRecord,
  rejectRecordFor,
  showValue,
  type RawRecord,
} from './fields.js';

export const EDGE_COLUMNS = {
  lineage: { base: ['source', 'base'], derived: ['target', 'derived'], kind: ['edge', 'kind'] },
  follow: { follower: ['follower'], followee: ['followee'], followeeKind: ['followee_kind', 'followeeKind'], since: ['since'] },
  topicFollow: { user: ['user'], task: ['task'], since: ['since'] },
  like: { user: ['user'], model: ['model'], since: ['since'] },
  membership: { user: ['user'], organization: ['organization', 'org'] },
} as const;

/** Edge kind names in lineage files → LineageKind. Both the dump's past tense and the Hub's tag words. */
export const LINEAGE_KINDS: Readonly<Record<string, LineageKind>> = {
  finetuned: 'finetune',
  finetune: 'finetune',
  quantized: 'quantized',
  merged: 'merge',
  merge: 'merge',
  adapter: 'adapter',
  unknown: 'unknown',
};

const CREATOR_KINDS: Readonly<Record<string, CreatorKind>> = {
  user: 'user',
  organization: 'organization',
  org: 'organization',
  unknown: 'unknown',
};

export function mapLineageEdge(raw: RawRecord, position: SourcePosition): Parsed<LineageRecord> {
  const columns = EDGE_COLUMNS.lineage;
  const base = readRepoId(raw, columns.base);
  if (!base.ok) return rejectRecord(raw, position, base.error);
  const derived = readRepoId(raw, columns.derived);
  if (!derived.ok) return rejectRecord(raw, position, derived.error);
  const kindText = readText(raw, columns.kind);
  if (!kindText.ok) return rejectRecord(raw, position, kindText.error);
  // No kind column or an empty value: the edge is known, its kind is not.
  const kind = kindText.value === null ? 'unknown' : LINEAGE_KINDS[kindText.value.toLowerCase()];
  if (kind === undefined) {
    return rejectRecord(
      raw,
      position,
      fieldError(kindText.field, `unknown lineage kind ${showValue(kindText.value)}, expected one of ${Object.keys(LINEAGE_KINDS).join(', ')}`),
    );
  }
  if (base.value === derived.value) {
    return rejectRecordFor(raw, position, `self-loop: ${base.field} and ${derived.field} are both ${showValue(base.value)}`, derived.field);
  }
  return { ok: true, value: { base: base.value, derived: derived.value, kind }, position };
}

export function mapFollow(raw: RawRecord, position: SourcePosition, options: { source?: string } = {}): Parsed<FollowRecord> {
  const columns = EDGE_COLUMNS.follow;
  const follower = readNamespace(raw, columns.follower);
  if (!follower.ok) return rejectRecord(raw, position, follower.error);
  const followee = readNamespace(raw, columns.followee);
  if (!followee.ok) return rejectRecord(raw, position, followee.error);
  if (follower.value === followee.value) {
    return rejectRecordFor(raw, position, `self-follow: follower and followee are both ${showValue(follower.value)}`, 'followee');
  }
  const kindText = readText(raw, columns.followeeKind);
  if (!kindText.ok) return rejectRecord(raw, position, kindText.error);
  let followeeKind: CreatorKind | undefined;
  if (kindText.value !== null) {
    followeeKind = CREATOR_KINDS[kindText.value.toLowerCase()];
    if (followeeKind === undefined) {
      return rejectRecord(raw, position, fieldError(kindText.field, `expected user, organization or unknown, got ${showValue(kindText.value)}`));
    }
  }
  const since = readDate(raw, columns.since);
  if (!since.ok) return rejectRecord(raw, position, since.error);
  const value: FollowRecord = { follower: follower.value, followee: followee.value };
  if (followeeKind !== undefined) value.followeeKind = followeeKind;
  if (since.value !== null) value.since = since.value;
  if (options.source !== undefined) value.source = options.source;
  return { ok: true, value, position };
}

export function mapTopicFollow(raw: RawRecord, position: SourcePosition): Parsed<TopicFollowRecord> {
  const columns = EDGE_COLUMNS.topicFollow;
  const user = readNamespace(raw, columns.user);
  if (!user.ok) return rejectRecord(raw, position, user.error);
  const task = readRequiredText(raw, columns.task);
  if (!task.ok) return rejectRecord(raw, position, task.error);
  // A task id is a pipeline tag: the models mapper reads `unknown` there as no task, so no Task is made of it.
  if (isNoTask(task.value)) return rejectRecord(raw, position, fieldError(task.field, `${showValue(task.value)} means no task, not a task id`));
  const since = readDate(raw, columns.since);
  if (!since.ok) return rejectRecord(raw, position, since.error);
  const value: TopicFollowRecord = { user: user.value, task: task.value };
  if (since.value !== null) value.since = since.value;
  return { ok: true, value, position };
}

export function mapLike(raw: RawRecord, position: SourcePosition): Parsed<LikeRecord> {
  const columns = EDGE_COLUMNS.like;
  const user = readNamespace(raw, columns.user);
  if (!user.ok) return rejectRecord(raw, position, user.error);
  const model = readRepoId(raw, columns.model);
  if (!model.ok) return rejectRecord(raw, position, model.error);
  const since = readDate(raw, columns.since);
  if (!since.ok) return rejectRecord(raw, position, since.error);
  const value: LikeRecord = { user: user.value, model: model.value };
  if (since.value !== null) value.since = since.value;
  return { ok: true, value, position };
}

export function mapMembership(raw: RawRecord, position: SourcePosition): Parsed<MembershipRecord> {
  const columns = EDGE_COLUMNS.membership;
  const user = readNamespace(raw, columns.user);
  if (!user.ok) return rejectRecord(raw, position, user.error);
  const organization = readNamespace(raw, columns.organization);
  if (!organization.ok) return rejectRecord(raw, position, organization.error);
  if (user.value === organization.value) {
    return rejectRecordFor(raw, position, `self-membership: user and ${organization.field} are both ${showValue(user.value)}`, organization.field);
  }
  return { ok: true, value: { user: user.value, organization: organization.value }, position };
}
