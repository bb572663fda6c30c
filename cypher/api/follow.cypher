// follow — $userId follows $creatorId, effective at once: the FOLLOWS edge (since = now,
// source = 'api') and the creator's `followers` counter, recomputed from the edges in the same
// transaction so it stays exact (MERGE locks both nodes, so concurrent follows serialize).
// Following twice changes nothing. No row (and nothing written) when an id is unknown.
// A change bumps the user's socialVersion and the creator's followersVersion in the same
// transaction: every stored list computed before it is then neither read nor stored (the generic
// invalidation of stored answers, src/stored/), so the next answers never miss the write.
// Parameters: $userId, $creatorId.
MATCH (u:User {id: $userId})
MATCH (c:Creator {id: $creatorId})
WHERE c <> u
OPTIONAL MATCH (u)-[existing:FOLLOWS]->(c)
WITH u, c, existing IS NULL AS changed
MERGE (u)-[r:FOLLOWS]->(c)
  ON CREATE SET r.since = datetime(), r.source = 'api'
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END |
  SET u.socialVersion = coalesce(u.socialVersion, 0) + 1, c.followersVersion = coalesce(c.followersVersion, 0) + 1)
SET c.followers = COUNT { (c)<-[:FOLLOWS]-() }
RETURN c {.id, .name, .kind, .source} AS creator, c.followers AS followers, true AS following, changed
