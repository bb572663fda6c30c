/**
 * commonlyFollowedWith — creators whose followers overlap with a creator's, scored by the Jaccard
 * similarity of the two follower sets (Jaccard, 1901); `count` is the size of the overlap.
 * Candidates come from the creator's followers' other follows, never from all pairs.
 *
 * Creators with a large walk are answered from a stored list: a creator followed by thousands
 * has a live walk of ~10⁵ rows (~2.7 µs a row in Cypher: hundreds of milliseconds), while the
 * list changes only as its followers' follows change. `refreshCommonlyFollowedWith`
 * (src/analytics/commonlyFollowedWith.ts) stores, for every creator whose walk reaches
 * HUBGRAPH_COFOLLOW_MIN_WALK, the top 100 by the same formula; the reason then carries
 * `computedAt`. Everyone else is answered live, so their answers are always current.
 *
 * Stored answer: STORED_ANSWERS.commonlyFollowedWith in src/stored/registry.ts says what its stored list reads,
 * what makes it stale, what a read checks and what refreshes it.
 */
import type { Db } from '../neo4j/db.js';
import { runCreatorQuestion, toRecommendations, validateFirst, type CreatorRecommendation } from './creatorCommon.js';

export interface CommonlyFollowedWithInput {
  creatorId: string;
  first?: number | null;
  /** Ignore a stored list (src/stored/refresher.ts recomputes it so). */
  live?: boolean;
}

export async function commonlyFollowedWith(db: Db, input: CommonlyFollowedWithInput): Promise<CreatorRecommendation[]> {
  const first = validateFirst(input.first);
  const rows = await runCreatorQuestion(
    db,
    'commonlyFollowedWith',
    'recommend/commonly-followed-with',
    { creatorId: input.creatorId, first, live: input.live ?? false },
    { kind: 'creator', id: input.creatorId },
  );
  return toRecommendations(rows, 'COMMONLY_FOLLOWED_WITH', () => [{ type: 'CREATOR', id: input.creatorId }]);
}

