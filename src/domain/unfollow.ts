/**
 * unfollow — a user stops following a creator; the edge is removed and the creator's follower
 * counter recomputed in one transaction. Unfollowing a creator one does not follow reports
 * changed = false.
 */
import type { Db } from '../neo4j/db.js';
import { loadCypher } from '../neo4j/cypher.js';
import { requiredId } from './input.js';
import { afterWrite, nothingMatched, type AfterWrite, type FollowResult } from './mutationCommon.js';

export interface UnfollowInput {
  userId: string;
  creatorId: string;
}

export async function unfollow(db: Db, input: UnfollowInput, after?: AfterWrite): Promise<FollowResult> {
  const userId = requiredId('userId', input.userId);
  const creatorId = requiredId('creatorId', input.creatorId);
  const { rows } = await db.write<FollowResult>(loadCypher('api/unfollow'), { userId, creatorId }, { op: 'unfollow' });
  if (!rows[0]) throw await nothingMatched(db, { userId, creatorId });
  await afterWrite(db, { userId, creatorIds: [creatorId] }, rows[0].changed, after);
  return rows[0];
}
