/**
 * followOfFollow — creators followed by the creators a user follows, scored by Adamic–Adar
 * (Adamic & Adar, "Friends and neighbors on the Web", Social Networks 25(3), 2003): each
 * intermediary f adds 1 / ln(2 + |following(f)|), so a selective follower weighs more than one who
 * follows everyone. The reason names the most prominent intermediary ("Followed by /X"); `via`
 * lists up to three, `count` the number of intermediaries.
 *
 * Users are answered from a stored list computed with these DEFAULTS
 * (src/analytics/followOfFollow.ts); the reason then carries `computedAt`. Asked with other
 * settings, or once the user's follows have changed, the question is answered live.
 *
 * Stored answer: STORED_ANSWERS.followOfFollow in src/stored/registry.ts says what its stored list reads,
 * what makes it stale, what a read checks and what refreshes it.
 */
import type { Db } from '../neo4j/db.js';
import { REASON_FORMAT } from './reason.js';
import { runCreatorQuestion, toRecommendations, validateFirst, viaIds, type CreatorRecommendation } from './creatorCommon.js';

export const DEFAULTS = {
  /**
   * Most FOLLOWS relationships one question walks (the kept intermediaries' out-degrees summed;
   * cheapest intermediaries first, see follow-of-follow.cypher). Chosen on the evaluation harness
   * (docs/eval.md).
   */
  maxWalk: 2_000,
};

export type FollowOfFollowSettings = typeof DEFAULTS;

/** The settings as a stored list records them: a question asked with others is answered live. */
export function settingsKey(s: FollowOfFollowSettings): string {
  return `maxWalk=${s.maxWalk};reasons=${REASON_FORMAT}`;
}

export interface FollowOfFollowInput {
  userId: string;
  first?: number | null;
}

export async function followOfFollow(
  db: Db,
  input: FollowOfFollowInput,
  options: Partial<typeof DEFAULTS> = {},
): Promise<CreatorRecommendation[]> {
  const first = validateFirst(input.first);
  const settings = { ...DEFAULTS, ...options };
  const params = { userId: input.userId, first, maxWalk: settings.maxWalk, settings: settingsKey(settings) };
  const rows = await runCreatorQuestion(db, 'followOfFollow', 'recommend/follow-of-follow', params, {
    kind: 'user',
    id: input.userId,
  });
  return toRecommendations(rows, 'FOLLOWED_BY', viaIds('CREATOR'));
}
