/**
 * followTopic — a user follows a task as a topic. The feed's topic sources (trending in the
 * topic, popular in the topic) use it from the next query on; it is also all a new user needs for
 * a first feed (cold start).
 */
import type { Db } from '../neo4j/db.js';
import { loadCypher } from '../neo4j/cypher.js';
import { requiredId } from './input.js';
import { afterWrite, nothingMatched, type AfterWrite } from './mutationCommon.js';

export interface FollowTopicInput {
  userId: string;
  taskId: string;
}

export interface FollowTopicResult {
  task: { id: string; name: string | null; modality: string | null };
  changed: boolean;
}

export async function followTopic(db: Db, input: FollowTopicInput, after?: AfterWrite): Promise<FollowTopicResult> {
  const userId = requiredId('userId', input.userId);
  const taskId = requiredId('taskId', input.taskId);
  const { rows } = await db.write<FollowTopicResult>(loadCypher('api/follow-topic'), { userId, taskId }, { op: 'followTopic' });
  if (!rows[0]) throw await nothingMatched(db, { userId, taskId });
  await afterWrite(db, { userId }, rows[0].changed, after);
  return rows[0];
}
