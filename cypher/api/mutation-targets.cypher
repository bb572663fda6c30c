// Which of a mutation's ids exist — asked only after a mutation matched nothing, to name the
// unknown id in the error. Any parameter may be null (then its answer is false).
// Parameters: $userId, $creatorId, $taskId, $modelId.
RETURN EXISTS { MATCH (u:User {id: $userId}) } AS user,
  EXISTS { MATCH (c:Creator {id: $creatorId}) } AS creator,
  EXISTS { MATCH (t:Task {id: $taskId}) } AS task,
  EXISTS { MATCH (m:Model {id: $modelId}) } AS model
