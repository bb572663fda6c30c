// (User)-[:FOLLOWS_TOPIC]->(Task). A new topic follow bumps the user's socialVersion, so no stored
// list computed before it is read: recommendedCreators gains a topic-leader signal (src/analytics/recommendedCreators.ts). Parameters: $rows — [{user, task, since}].
UNWIND $rows AS row
MERGE (u:Creator {id: row.user})
  ON CREATE SET u.kind = 'user', u.name = row.user
SET u:User
MERGE (t:Task {id: row.task})
MERGE (u)-[r:FOLLOWS_TOPIC]->(t)
  ON CREATE SET r.since = CASE WHEN row.since IS NULL THEN null ELSE datetime(row.since) END,
                u.socialVersion = coalesce(u.socialVersion, 0) + 1
