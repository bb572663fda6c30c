/**
 * followBack — users who follow a user that the user does not follow back, most authoritative
 * first: PageRank authority when analytics has written it, else follower count; the reason's
 * authoritySource says which (ANALYTICS or FOLLOWER_COUNT).
 */
import type { Db } from '../neo4j/db.js';
import { runCreatorQuestion, toRecommendations, validateFirst, type CreatorRecommendation } from './creatorCommon.js';

export interface FollowBackInput {
  userId: string;
  first?: number | null;
}

export async function followBack(db: Db, input: FollowBackInput): Promise<CreatorRecommendation[]> {
  const first = validateFirst(input.first);
  const rows = await runCreatorQuestion(db, 'followBack', 'recommend/follow-back', { userId: input.userId, first }, {
    kind: 'user',
    id: input.userId,
  });
  return toRecommendations(rows, 'FOLLOWS_YOU', () => []);
}
