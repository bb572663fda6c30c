/**
 * bulkFollowGroups — a topic's leading creators as one group a client can follow in one action
 * ("Follow the top 20 in text-generation"). The members are topicTopContributors' answer, so the
 * group ranks creators exactly as that question does.
 */
import type { Db } from '../neo4j/db.js';
import { validateFirst, type CreatorRecommendation } from './creatorCommon.js';
import { tasksById, type TaskNode } from './entities.js';
import { unknownId } from './input.js';
import { topicTopContributors } from './topicTopContributors.js';

export interface FollowGroup {
  /** Stable id of the group, `topic:<taskId>`. */
  id: string;
  title: string;
  task: TaskNode;
  creators: CreatorRecommendation[];
}

export interface BulkFollowGroupsInput {
  taskId: string;
  first?: number | null;
}

export async function bulkFollowGroups(db: Db, input: BulkFollowGroupsInput): Promise<FollowGroup> {
  // Both inputs are checked before any ranking work (topicTopContributors would check them too).
  const first = validateFirst(input.first);
  const task = (await tasksById(db, [input.taskId])).get(input.taskId);
  if (!task) throw unknownId('task', input.taskId);
  const creators = await topicTopContributors(db, { taskId: input.taskId, first });
  return { id: `topic:${task.id}`, title: `Top creators in ${task.name ?? task.id}`, task, creators };
}
