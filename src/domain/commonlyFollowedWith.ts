/**
 * commonlyFollowedWith — creators whose followers overlap with a creator's, scored by the Jaccard
 * similarity of the two follower sets (Jaccard, 1901); `count` is the size of the overlap.
 * Candidates come from the creator's followers' other follows, never from all pairs.
 */
import type { Db } from '../neo4j/db.js';
import { runCreatorQuestion, toRecommendations, validateFirst, type CreatorRecommendation } from './creatorCommon.js';

export interface CommonlyFollowedWithInput {
  creatorId: string;
  first?: number | null;
}

export async function commonlyFollowedWith(db: Db, input: CommonlyFollowedWithInput): Promise<CreatorRecommendation[]> {
  const first = validateFirst(input.first);
  const rows = await runCreatorQuestion(
    db,
    'commonlyFollowedWith',
    'recommend/commonly-followed-with',
    { creatorId: input.creatorId, first },
    { kind: 'creator', id: input.creatorId },
  );
  return toRecommendations(rows, 'COMMONLY_FOLLOWED_WITH', () => [{ type: 'CREATOR', id: input.creatorId }]);
}
