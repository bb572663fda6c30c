// (User)-[:LIKED]->(Model). Parameters: $rows — [{user, model, since}].
UNWIND $rows AS row
MERGE (u:Creator {id: row.user})
  ON CREATE SET u.kind = 'user', u.name = row.user
SET u:User
MERGE (m:Model {id: row.model})
MERGE (u)-[r:LIKED]->(m)
  ON CREATE SET r.since = CASE WHEN row.since IS NULL THEN null ELSE datetime(row.since) END
