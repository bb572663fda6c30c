/**
 * follow — a user follows a creator. The edge and the creator's follower counter are written in
 * one transaction, so the next feed or recommendation query already sees the follow (there is no
 * batch job in between). Idempotent: following twice reports changed = false.
 */
import type { Db } from '../neo4j/db.js';
import { loadCypher } from '../neo4j/cypher.js';
import { badInput, requiredId } from './input.js';
import { afterWrite, nothingMatched, type AfterWrite, type FollowResult } from './mutationCommon.js';

export interface FollowInput {
  userId: string;
  creatorId: string;
}

export async function follow(db: Db, input: FollowInput, after?: AfterWrite): Promise<FollowResult> {
  const userId = requiredId('userId', input.userId);
  const creatorId = requiredId('creatorId', input.creatorId);
  if (userId === creatorId) throw badInput('A user cannot follow themselves');
  const { rows } = await db.write<FollowResult>(loadCypher('api/follow'), { userId, creatorId }, { op: 'follow' });
  if (!rows[0]) throw await nothingMatched(db, { userId, creatorId });
  await afterWrite(db, { userId, creatorIds: [creatorId] }, rows[0].changed, after);
  return rows[0];
}
