/**
 * like — a user likes a model: the LIKED edge and the model's like count in one transaction. The
 * feed stops offering the model to that user from the next query on (liked models are excluded),
 * and it starts appearing to the user's followers (LIKED_BY). Idempotent.
 */
import type { Db } from '../neo4j/db.js';
import { loadCypher } from '../neo4j/cypher.js';
import { requiredId } from './input.js';
import type { ModelRecord } from './modelRecord.js';
import { nothingMatched } from './mutationCommon.js';

export interface LikeInput {
  userId: string;
  modelId: string;
}

export interface LikeResult {
  model: ModelRecord;
  changed: boolean;
}

export async function like(db: Db, input: LikeInput): Promise<LikeResult> {
  const userId = requiredId('userId', input.userId);
  const modelId = requiredId('modelId', input.modelId);
  const { rows } = await db.write<LikeResult>(loadCypher('api/like'), { userId, modelId }, { op: 'like' });
  if (!rows[0]) throw await nothingMatched(db, { userId, modelId });
  return rows[0];
}
