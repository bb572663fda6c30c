/**
 * topicTopContributors — the creators leading a task (topic):
 *   score = ln(1 + Σ downloads) + ln(1 + Σ likes) + authorityWeight · standing / maxStanding
 * over the creator's models with that task, where standing is PageRank authority (ANALYTICS) or,
 * before analytics has run, the follower count (FOLLOWER_COUNT), divided by the largest standing of
 * the same source in the topic so the term lies in [0, authorityWeight]. The logs keep one viral
 * model from drowning a steady publisher. `count` = the creator's models in the topic.
 *
 * Answered from the task's stored top 100 when it has one computed under the same authorityWeight
 * (src/analytics/topicLeaders.ts; refreshed after models/social ingests, `ingest derived` and
 * analytics runs), with `reason.computedAt` saying when; otherwise live.
 *
 * Stored answer: STORED_ANSWERS.topicTopContributors in src/stored/registry.ts says what its stored list reads,
 * what makes it stale, what a read checks and what refreshes it.
 */
import type { Db } from '../neo4j/db.js';
import { runCreatorQuestion, toRecommendations, validateFirst, type CreatorRecommendation, type CreatorRow } from './creatorCommon.js';

export const DEFAULTS = {
  /** Weight of the normalised authority term (2: the top authority is worth ~e² ≈ 7× the downloads). */
  authorityWeight: 2,
};

/** A row of topic-top-contributors.cypher: a creator row with the task's display name. */
type TopicRow = CreatorRow & { taskName?: string | null };

export interface TopicTopContributorsInput {
  taskId: string;
  first?: number | null;
}

export async function topicTopContributors(
  db: Db,
  input: TopicTopContributorsInput,
  options: Partial<typeof DEFAULTS> = {},
): Promise<CreatorRecommendation[]> {
  const first = validateFirst(input.first);
  const { authorityWeight } = { ...DEFAULTS, ...options };
  const rows = await runCreatorQuestion(
    db,
    'topicTopContributors',
    'recommend/topic-top-contributors',
    { taskId: input.taskId, first, authorityWeight, live: false },
    { kind: 'task', id: input.taskId },
  );
  // The reason names the task as its group title does (its name, "Automatic Speech Recognition").
  return toRecommendations(rows as TopicRow[], 'TOPIC_LEADER', (row) => [{ type: 'TASK', id: input.taskId, name: row.taskName ?? null }]);
}
