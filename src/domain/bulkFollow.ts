/**
 * bulkFollow — a user follows a whole group of creators in one transaction (all or nothing).
 * Groups are named `<kind>:<id>`; the one kind so far is `topic:<task>`, whose members are exactly
 * what bulkFollowGroups shows a client for that task (its top DEFAULTS.size contributors), so the
 * button follows the list the user saw. Creators already followed stay followed and count as
 * unchanged. Unknown task or user: BAD_USER_INPUT, nothing written.
 */
import type { Db } from '../neo4j/db.js';
import { loadCypher } from '../neo4j/cypher.js';
import { bulkFollowGroups } from './bulkFollowGroups.js';
import { requiredId, unknownId } from './input.js';
import { afterWrite, nothingMatched, unknownTarget, type AfterWrite, type FollowResult } from './mutationCommon.js';

export const DEFAULTS = {
  /** Creators in a topic group (bulkFollowGroups' default page). */
  size: 20,
};

export interface BulkFollowInput {
  userId: string;
  groupId: string;
}

export interface BulkFollowResult {
  groupId: string;
  followed: FollowResult[];
  /** How many of them the user did not follow before. */
  newlyFollowed: number;
}

/** Parses `topic:<task>`; anything else is BAD_USER_INPUT. */
export function parseGroupId(groupId: string): { kind: 'topic'; taskId: string } {
  const match = /^topic:(.+)$/.exec(groupId);
  if (!match) throw unknownId('group', groupId);
  return { kind: 'topic', taskId: match[1]! };
}

export async function bulkFollow(db: Db, input: BulkFollowInput, after?: AfterWrite): Promise<BulkFollowResult> {
  const userId = requiredId('userId', input.userId);
  const groupId = requiredId('groupId', input.groupId);
  const { taskId } = parseGroupId(groupId);
  // The user is checked first, so an unknown user fails before the group's ranking work.
  const unknownUser = await unknownTarget(db, { userId });
  if (unknownUser) throw unknownUser;
  const group = await bulkFollowGroups(db, { taskId, first: DEFAULTS.size });
  const creatorIds = group.creators.map((r) => r.creator.id);
  const { rows } = await db.write<FollowResult>(loadCypher('api/bulk-follow'), { userId, creatorIds }, { op: 'bulkFollow' });
  // Still no row with members to follow: the user vanished in between (or was the only member).
  if (rows.length === 0 && creatorIds.some((id) => id !== userId)) throw await nothingMatched(db, { userId });
  const newlyFollowed = rows.filter((r) => r.changed).length;
  await afterWrite(db, { userId, creatorIds: rows.filter((r) => r.changed).map((r) => r.creator.id) }, newlyFollowed > 0, after);
  return { groupId, followed: rows, newlyFollowed };
}
