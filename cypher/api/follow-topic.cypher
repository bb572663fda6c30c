// followTopic — $userId follows the task $taskId as a topic (FOLLOWS_TOPIC, since = now), effective
// at once in feedCandidates (trending and popular models of the topic). Idempotent. No row (and
// nothing written) when an id is unknown. The user's stored recommendedCreators list is removed in
// the same transaction: it has no topic-leader signal (src/analytics/recommendedCreators.ts).
// Parameters: $userId, $taskId.
MATCH (u:User {id: $userId})
MATCH (t:Task {id: $taskId})
OPTIONAL MATCH (u)-[existing:FOLLOWS_TOPIC]->(t)
WITH u, t, existing IS NULL AS changed
MERGE (u)-[r:FOLLOWS_TOPIC]->(t)
  ON CREATE SET r.since = datetime()
REMOVE u.recommendedIds, u.recommendedScores, u.recommendedKinds, u.recommendedCounts, u.recommendedVia,
       u.recommendedSources, u.recommendedFollows, u.recommendedSettings, u.recommendedRuns, u.recommendedAt
RETURN t {.id, .name, .modality} AS task, changed
