/**
 * popularAmongSimilarUsers — user-based collaborative filtering on follows (Herlocker et al.,
 * SIGIR 1999): the `neighbours` users whose followee sets are most similar to the user's
 * (Jaccard), and the creators they follow, each scored by the sum of the similarities of the
 * neighbours who follow it. `count` = how many neighbours follow it; `via` = the two most similar
 * of them, whom the reason names ("Followed by /A, /B and 8 others whose follows resemble yours").
 *
 * Users whose live walk is large are answered from a stored list, computed with these DEFAULTS
 * (src/analytics/popularAmongSimilarUsers.ts); the reason then carries `computedAt`. Asked with
 * other settings, or once the user's follows have changed, the question is answered live.
 *
 * Stored answer: STORED_ANSWERS.popularAmongSimilarUsers in src/stored/registry.ts says what its stored list reads,
 * what makes it stale, what a read checks and what refreshes it.
 */
import type { Db } from '../neo4j/db.js';
import { REASON_FORMAT } from './reason.js';
import { runCreatorQuestion, toRecommendations, validateFirst, viaIds, type CreatorRecommendation } from './creatorCommon.js';

export const DEFAULTS = {
  /** Size of the neighbourhood (top-k most similar users). */
  neighbours: 50,
  /** Followees with more followers than this do not count as shared taste (see the Cypher file). */
  maxSharedFollowers: 2000,
  /** Most FOLLOWS relationships the neighbour walk reads, rarest followees first (the Cypher file; docs/eval.md). */
  maxWalk: 2_000,
};

export type PopularAmongSimilarUsersSettings = typeof DEFAULTS;

/** The settings as a stored list records them: a question asked with others is answered live. */
export function settingsKey(s: PopularAmongSimilarUsersSettings): string {
  return `neighbours=${s.neighbours};maxSharedFollowers=${s.maxSharedFollowers};maxWalk=${s.maxWalk};reasons=${REASON_FORMAT}`;
}

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
  const settings = { ...DEFAULTS, ...options };
  const { neighbours, maxSharedFollowers, maxWalk } = settings;
  const rows = await runCreatorQuestion(
    db,
    'popularAmongSimilarUsers',
    'recommend/popular-among-similar-users',
    { userId: input.userId, first, neighbours, maxSharedFollowers, maxWalk, settings: settingsKey(settings) },
    { kind: 'user', id: input.userId },
  );
  return toRecommendations(rows, 'POPULAR_AMONG_SIMILAR_USERS', viaIds('CREATOR'));
}
