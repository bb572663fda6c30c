/**
 * similarCreators — creators like a given one, by two Jaccard similarities combined linearly:
 * the overlap of their follower sets (who follows them) and of their profiles (what they publish:
 * the distinct tasks and tags of their models, leaving out those on thousands of models).
 * score = followWeight·followJaccard + profileWeight·profileJaccard; with the default weights
 * (½, ½) it lies in [0, 1], and a creator outside the social layer can still be similar by what it
 * publishes. `count` = shared followers.
 *
 * Stored answer: STORED_ANSWERS.similarCreators in src/stored/registry.ts says what its stored list reads,
 * what makes it stale, what a read checks and what refreshes it.
 */
import type { Db } from '../neo4j/db.js';
import { runCreatorQuestion, toRecommendations, validateFirst, type CreatorRecommendation } from './creatorCommon.js';

export const DEFAULTS = {
  /** Weight of the follower-set Jaccard. */
  followWeight: 0.5,
  /** Weight of the task/tag-profile Jaccard. */
  profileWeight: 0.5,
  /**
   * Tasks and tags on more models than this are left out of profiles: stop-words like
   * `region:us` or `safetensors` (on a quarter of the demo corpus) say nothing about likeness,
   * and leaving them out cuts the profile work 3–8× on the demo corpus. The stored profile lists
   * are computed under this value (ingest/jobs/derived.ts) and read only when asked with it.
   */
  maxItemModels: 2000,
};

export interface SimilarCreatorsInput {
  creatorId: string;
  first?: number | null;
}

export async function similarCreators(
  db: Db,
  input: SimilarCreatorsInput,
  options: Partial<typeof DEFAULTS> = {},
): Promise<CreatorRecommendation[]> {
  const first = validateFirst(input.first);
  const { followWeight, profileWeight, maxItemModels } = { ...DEFAULTS, ...options };
  const rows = await runCreatorQuestion(
    db,
    'similarCreators',
    'recommend/similar-creators',
    { creatorId: input.creatorId, first, followWeight, profileWeight, maxItemModels },
    { kind: 'creator', id: input.creatorId },
  );
  return toRecommendations(rows, 'SIMILAR_CREATOR', () => [{ type: 'CREATOR', id: input.creatorId }]);
}
