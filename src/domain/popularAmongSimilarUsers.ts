/**
 * popularAmongSimilarUsers — user-based collaborative filtering on follows (Herlocker et al.,
 * SIGIR 1999): the `neighbours` users whose followee sets are most similar to the user's
 * (Jaccard), and the creators they follow, each scored by the sum of the similarities of the
 * neighbours who follow it. `count` = how many neighbours follow it. The neighbours are not named
 * in the reason ("Popular amongst people like you").
 */
import type { Db } from '../neo4j/db.js';
import { runCreatorQuestion, toRecommendations, validateFirst, type CreatorRecommendation } from './creatorCommon.js';

export const DEFAULTS = {
  /** Size of the neighbourhood (top-k most similar users). */
  neighbours: 50,
  /** Followees with more followers than this do not count as shared taste (see the Cypher file). */
  maxSharedFollowers: 2000,
  /** Most FOLLOWS relationships the neighbour walk reads, rarest followees first (the Cypher file; docs/eval.md). */
  maxWalk: 2_000,
};

export interface PopularAmongSimilarUsersInput {
  userId: string;
  first?: number | null;
}

export async function popularAmongSimilarUsers(
  db: Db,
  input: PopularAmongSimilarUsersInput,
  options: Partial<typeof DEFAULTS> = {},
): Promise<CreatorRecommendation[]> {
  const first = validateFirst(input.first);
  const { neighbours, maxSharedFollowers, maxWalk } = { ...DEFAULTS, ...options };
  const rows = await runCreatorQuestion(
    db,
    'popularAmongSimilarUsers',
    'recommend/popular-among-similar-users',
    { userId: input.userId, first, neighbours, maxSharedFollowers, maxWalk },
    { kind: 'user', id: input.userId },
  );
  return toRecommendations(rows, 'POPULAR_AMONG_SIMILAR_USERS', () => []);
}
