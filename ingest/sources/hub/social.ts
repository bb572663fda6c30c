/**
 * Raw Hub user objects (from the followers, following and likers listings) to FollowRecord and
 * LikeRecord, or a Rejection naming the field at fault. Pure functions: the client fetches, these
 * map, the ingest stages write.
 *
 * Shape (huggingface_hub `hf_api.py`, `User.__init__` and `list_repo_likers`): the username is the
 * `user` key; `fullname`, `avatarUrl`, `isPro`, `type` and `_id` come with it. `name` is accepted as
 * a fallback because the Hub's author objects for organizations carry `name` instead
 * (`@huggingface/hub` `ApiAuthor`, `type: "org"`). None of these listings carries a timestamp, so
 * `since` is left unset.
 */
import type { CreatorKind, FollowRecord, LikeRecord, Parsed, Rejection, SourcePosition } from '../../types.js';
import { isHubNamespace, isRepoId } from '../../map/fields.js';

/** Where the listing came from, for rejections and provenance. */
export interface SocialSource {
  /** The listing's URL or a label such as `hub:users/julien-c/followers`. */
  source: string;
  /** Provenance label copied to FollowRecord.source, e.g. `hub-social-2024-09`. */
  label?: string;
}

/** One raw item of GET /api/{users|organizations}/{name}/followers: the item follows `followee`. */
export function mapFollower(
  raw: unknown,
  context: SocialSource & { followee: string; followeeKind: Exclude<CreatorKind, 'unknown'> },
  index: number,
): Parsed<FollowRecord> {
  const position = positionOf(context, index);
  const target = checkName(context.followee, 'followee', position, raw);
  if (!target.ok) return target;
  const follower = usernameOf(raw, position);
  if (!follower.ok) return follower;
  return {
    ok: true,
    position,
    value: withSource(
      { follower: follower.value, followee: target.value, followeeKind: context.followeeKind },
      context.label,
    ),
  };
}

/** One raw item of GET /api/users/{follower}/following: `follower` follows the item. */
export function mapFollowing(
  raw: unknown,
  context: SocialSource & { follower: string },
  index: number,
): Parsed<FollowRecord> {
  const position = positionOf(context, index);
  const follower = checkName(context.follower, 'follower', position, raw);
  if (!follower.ok) return follower;
  const followee = usernameOf(raw, position);
  if (!followee.ok) return followee;
  return {
    ok: true,
    position,
    value: withSource(
      { follower: follower.value, followee: followee.value, followeeKind: kindOf(raw) },
      context.label,
    ),
  };
}

/** One raw item of GET /api/models/{model}/likers: the item likes `model`. */
export function mapLiker(raw: unknown, context: SocialSource & { model: string }, index: number): Parsed<LikeRecord> {
  const position = positionOf(context, index);
  const model = checkName(context.model, 'model', position, raw);
  if (!model.ok) return model;
  const user = usernameOf(raw, position);
  if (!user.ok) return user;
  return { ok: true, position, value: { user: user.value, model: model.value } };
}

type Field<T> = { ok: true; value: T } | { ok: false; rejection: Rejection };


function usernameOf(raw: unknown, position: SourcePosition): Field<string> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return reject(position, `expected a user object, got ${describe(raw)}`, undefined, raw);
  }
  const record = raw as Record<string, unknown>;
  const field = record.user !== undefined ? 'user' : record.name !== undefined ? 'name' : 'user';
  const value = record[field];
  if (typeof value !== 'string' || value.trim() === '') {
    return reject(position, `${field}: expected a username, got ${describe(value)}`, field, raw);
  }
  if (!isHubNamespace(value)) {
    return reject(position, `${field}: ${JSON.stringify(value)} is not a valid Hub username`, field, raw);
  }
  return { ok: true, value };
}

function checkName(value: string, field: 'followee' | 'follower' | 'model', position: SourcePosition, raw: unknown): Field<string> {
  // The rules every file mapper applies (ingest/map/fields.ts): an injection string is no account.
  const valid = field === 'model' ? isRepoId : isHubNamespace;
  if (typeof value !== 'string' || !valid(value)) {
    return reject(position, `${field}: ${JSON.stringify(value)} is not a valid Hub ${field === 'model' ? 'model id' : 'name'}`, field, raw);
  }
  return { ok: true, value };
}

function kindOf(raw: unknown): CreatorKind {
  const type = (raw as Record<string, unknown>).type;
  if (type === 'user') return 'user';
  if (type === 'org' || type === 'organization') return 'organization';
  return 'unknown';
}

function withSource(record: FollowRecord, label: string | undefined): FollowRecord {
  return label === undefined ? record : { ...record, source: label };
}

function positionOf(context: SocialSource, index: number): SourcePosition {
  return { source: context.source, index };
}

/** Keep quarantine lines small: a raw user object is tiny, but a broken response may not be. */
const MAX_RAW = 4096;

function reject(position: SourcePosition, reason: string, field: string | undefined, raw: unknown): { ok: false; rejection: Rejection } {
  let text: string;
  try {
    text = JSON.stringify(raw) ?? String(raw);
  } catch {
    text = String(raw);
  }
  return {
    ok: false,
    rejection: {
      position,
      reason,
      ...(field === undefined ? {} : { field }),
      raw: text.length > MAX_RAW ? `${text.slice(0, MAX_RAW)}…` : text,
    },
  };
}

function describe(value: unknown): string {
  switch (typeof value) {
    case 'undefined':
      return 'nothing';
    case 'string':
      return JSON.stringify(value);
    case 'object':
      return value === null ? 'null' : Array.isArray(value) ? 'an array' : 'an object';
    case 'number':
    case 'boolean':
    case 'bigint':
    case 'symbol':
    case 'function':
      return `${typeof value} ${String(value)}`;
  }
}
