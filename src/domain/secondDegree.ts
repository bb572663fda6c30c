/**
 * secondDegree — creators followed by many of the creators a user follows, with the head-count
 * ("32 creators you follow also follow /Undi"). Unlike followOfFollow the score is the plain count:
 * the question is "how many", not "how telling". A creator must be followed by at least
 * DEFAULTS.minCount of the user's followees to count as "many".
 *
 * Users are answered from a stored list computed with these DEFAULTS (src/analytics/secondDegree.ts);
 * the reason then carries `computedAt`. Asked with other settings, or once the user's follows have
 * changed, the question is answered live.
 *
 * Stored answer: STORED_ANSWERS.secondDegree in src/stored/registry.ts says what its stored list reads,
 * what makes it stale, what a read checks and what refreshes it.
 */
import type { Db } from '../neo4j/db.js';
import { REASON_FORMAT } from './reason.js';
import { runCreatorQuestion, toRecommendations, validateFirst, viaIds, type CreatorRecommendation } from './creatorCommon.js';

export const DEFAULTS = {
  /** Fewest followees who must follow a creator for it to be proposed (2: one is followOfFollow's job). */
  minCount: 2,
  /** Most FOLLOWS relationships one question walks, fewest-follows followees first (second-degree.cypher; docs/eval.md). */
  maxWalk: 2_000,
};

export type SecondDegreeSettings = typeof DEFAULTS;

/** The settings as a stored list records them: a question asked with others is answered live. */
export function settingsKey(s: SecondDegreeSettings): string {
  return `minCount=${s.minCount};maxWalk=${s.maxWalk};reasons=${REASON_FORMAT}`;
}

export interface SecondDegreeInput {
  userId: string;
  first?: number | null;
}

export async function secondDegree(
  db: Db,
  input: SecondDegreeInput,
  options: Partial<typeof DEFAULTS> = {},
): Promise<CreatorRecommendation[]> {
  const first = validateFirst(input.first);
  const settings = { ...DEFAULTS, ...options };
  const params = { userId: input.userId, first, minCount: settings.minCount, maxWalk: settings.maxWalk, settings: settingsKey(settings) };
  const rows = await runCreatorQuestion(db, 'secondDegree', 'recommend/second-degree', params, {
    kind: 'user',
    id: input.userId,
  });
  return toRecommendations(rows, 'FOLLOWED_BY_MANY_YOU_FOLLOW', viaIds('CREATOR'));
}
