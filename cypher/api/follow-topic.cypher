// followTopic — $userId follows the task $taskId as a topic (FOLLOWS_TOPIC, since = now), effective
// at once in feedCandidates (trending and popular models of the topic). Idempotent. No row (and
// nothing written) when an id is unknown. A change bumps the user's socialVersion in the same
// transaction, so no stored list computed before it is read: recommendedCreators gains a
// topic-leader signal (src/analytics/recommendedCreators.ts).
// Parameters: $userId, $taskId.
MATCH (u:User {id: $userId})
MATCH (t:Task {id: $taskId})
OPTIONAL MATCH (u)-[existing:FOLLOWS_TOPIC]->(t)
WITH u, t, existing IS NULL AS changed
MERGE (u)-[r:FOLLOWS_TOPIC]->(t)
  ON CREATE SET r.since = datetime()
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET u.socialVersion = coalesce(u.socialVersion, 0) + 1)
RETURN t {.id, .name, .modality} AS task, changed
