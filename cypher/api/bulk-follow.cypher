// bulkFollow — $userId follows every creator in $creatorIds (a group's members, in the group's
// order) in one transaction: each FOLLOWS edge (since = now, source = 'api') and each followers
// counter recomputed from the edges. Creators already followed stay followed (changed = false);
// the user is skipped if listed. No row (and nothing written) when the user is unknown.
// A change bumps the user's socialVersion and the creator's followersVersion in the same
// transaction: every stored list computed before it is then neither read nor stored (the generic
// invalidation of stored answers, src/stored/), so the next answers never miss the write.
// Parameters: $userId, $creatorIds.
MATCH (u:User {id: $userId})
UNWIND range(0, size($creatorIds) - 1) AS position
MATCH (c:Creator {id: $creatorIds[position]})
WHERE c <> u
OPTIONAL MATCH (u)-[existing:FOLLOWS]->(c)
WITH u, c, position, existing IS NULL AS changed
MERGE (u)-[r:FOLLOWS]->(c)
  ON CREATE SET r.since = datetime(), r.source = 'api'
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END |
  SET u.socialVersion = coalesce(u.socialVersion, 0) + 1, c.followersVersion = coalesce(c.followersVersion, 0) + 1)
SET c.followers = COUNT { (c)<-[:FOLLOWS]-() }
RETURN c {.id, .name, .kind, .source} AS creator, c.followers AS followers, true AS following, changed
ORDER BY position
