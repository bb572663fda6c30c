// (User)-[:FOLLOWS]->(Creator). Ends that do not exist yet are created (a followed organization
// gets its label). A new edge bumps the follower's socialVersion and the followee's followersVersion,
// so no stored list computed before it is read or stored (src/stored/). Parameters: $rows — [{follower, followee, followeeKind, since, source}].
UNWIND $rows AS row
MERGE (a:Creator {id: row.follower})
  ON CREATE SET a.kind = 'user', a.name = row.follower
SET a:User
MERGE (b:Creator {id: row.followee})
  ON CREATE SET b.kind = coalesce(row.followeeKind, 'unknown'), b.name = row.followee
FOREACH (_ IN CASE WHEN row.followeeKind = 'organization' THEN [1] ELSE [] END | SET b:Organization, b.kind = 'organization')
MERGE (a)-[r:FOLLOWS]->(b)
  ON CREATE SET r.since = CASE WHEN row.since IS NULL THEN null ELSE datetime(row.since) END, r.source = row.source,
                a.socialVersion = coalesce(a.socialVersion, 0) + 1, b.followersVersion = coalesce(b.followersVersion, 0) + 1
