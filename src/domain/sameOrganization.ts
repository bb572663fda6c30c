/**
 * sameOrganization — fellow members of the organizations a user belongs to, not yet followed.
 * score = count = organizations shared; the reason names the smallest shared organization
 * ("Also in /lab"): a small group says more than a large one. Organizations themselves are not
 * proposed (the wording fits members only).
 */
import type { Db } from '../neo4j/db.js';
import { runCreatorQuestion, toRecommendations, validateFirst, viaIds, type CreatorRecommendation } from './creatorCommon.js';

export interface SameOrganizationInput {
  userId: string;
  first?: number | null;
}

export async function sameOrganization(db: Db, input: SameOrganizationInput): Promise<CreatorRecommendation[]> {
  const first = validateFirst(input.first);
  const rows = await runCreatorQuestion(db, 'sameOrganization', 'recommend/same-organization', { userId: input.userId, first }, {
    kind: 'user',
    id: input.userId,
  });
  return toRecommendations(rows, 'SAME_ORGANIZATION', viaIds('CREATOR'));
}
