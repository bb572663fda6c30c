/**
 * Shared by the social mutations (follow, unfollow, followTopic, bulkFollow, like): what they
 * return, and the error for an unknown id. Each mutation's Cypher matches every id before it
 * writes, so an unknown id means no row and nothing written; only then is this asked which id it
 * was, to name it in the BAD_USER_INPUT error.
 */
import type { Db } from '../neo4j/db.js';
import { loadCypher } from '../neo4j/cypher.js';
import type { HubgraphError } from '../errors.js';
import { badInput, unknownId } from './input.js';
import type { CreatorRecord } from './modelRecord.js';
import type { Logger } from '../log.js';
import { refreshUserLists } from '../stored/refreshUser.js';
import type { StoredRefresher } from '../stored/refresher.js';

/**
 * Given to a social mutation, the acting user's stored lists are recomputed and stored right after
 * a write that changed something (src/stored/refreshUser.ts), so their next answers come from
 * stored lists that already reflect it; the creators whose followers changed are handed to the
 * refresher, which recomputes their lists just behind (src/stored/refresher.ts). The API always
 * gives it; without it the user's lists are only invalidated (the write bumps their socialVersion)
 * and answered live until a refresh.
 */
export interface AfterWrite {
  log: Logger;
  refresher?: StoredRefresher;
}

/** What a write changed: the acting user's follows, and the followers of `creatorIds`. */
export interface Written {
  userId: string;
  creatorIds?: readonly string[];
}

/** Runs the stored-list refreshes a write calls for, when it changed something and `after` asks for them. */
export async function afterWrite(db: Db, written: Written, changed: boolean, after: AfterWrite | undefined): Promise<void> {
  if (!changed || !after) return;
  for (const creatorId of written.creatorIds ?? []) after.refresher?.followersChanged(creatorId);
  await refreshUserLists(db, written.userId, after.log);
}

export interface FollowResult {
  creator: CreatorRecord;
  /** Whether the user follows the creator after the mutation. */
  following: boolean;
  /** Whether the mutation changed anything (false for a repeated follow or unfollow). */
  changed: boolean;
  /** The creator's follower count after the mutation. */
  followers: number;
}

export interface Targets {
  userId: string;
  creatorId?: string;
  taskId?: string;
  modelId?: string;
}

/** The BAD_USER_INPUT error naming the first unknown id, or null when every id exists. */
export async function unknownTarget(db: Db, targets: Targets): Promise<HubgraphError | null> {
  const [found] = await db.read<{ user: boolean; creator: boolean; task: boolean; model: boolean }>(
    loadCypher('api/mutation-targets'),
    {
      userId: targets.userId,
      creatorId: targets.creatorId ?? null,
      taskId: targets.taskId ?? null,
      modelId: targets.modelId ?? null,
    },
    { op: 'mutationTargets' },
  );
  if (!found?.user) return unknownId('user', targets.userId, 'the acting user must exist as a User');
  if (targets.creatorId !== undefined && !found.creator) return unknownId('creator', targets.creatorId);
  if (targets.taskId !== undefined && !found.task) return unknownId('task', targets.taskId);
  if (targets.modelId !== undefined && !found.model) return unknownId('model', targets.modelId);
  return null;
}

/** The error for a mutation that matched nothing: the unknown id, else a generic BAD_USER_INPUT. */
export async function nothingMatched(db: Db, targets: Targets): Promise<HubgraphError> {
  return (await unknownTarget(db, targets)) ?? badInput('Nothing matched the given ids');
}
