// (User)-[:FOLLOWS_TOPIC]->(Task). The user's stored recommendedCreators list goes: it has no
// topic-leader signal (src/analytics/recommendedCreators.ts). Parameters: $rows — [{user, task, since}].
UNWIND $rows AS row
MERGE (u:Creator {id: row.user})
  ON CREATE SET u.kind = 'user', u.name = row.user
SET u:User
MERGE (t:Task {id: row.task})
MERGE (u)-[r:FOLLOWS_TOPIC]->(t)
  ON CREATE SET r.since = CASE WHEN row.since IS NULL THEN null ELSE datetime(row.since) END
REMOVE u.recommendedIds, u.recommendedScores, u.recommendedKinds, u.recommendedCounts, u.recommendedVia,
       u.recommendedSources, u.recommendedFollows, u.recommendedSettings, u.recommendedRuns, u.recommendedAt
