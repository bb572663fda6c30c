// unfollow — $userId stops following $creatorId, effective at once; the creator's `followers`
// counter is recomputed from the edges in the same transaction. Unfollowing a creator one does not
// follow changes nothing. No row (and nothing written) when an id is unknown.
// A change bumps the user's socialVersion and the creator's followersVersion in the same
// transaction: every stored list computed before it is then neither read nor stored (the generic
// invalidation of stored answers, src/stored/), so the next answers never miss the write.
// Parameters: $userId, $creatorId.
MATCH (u:User {id: $userId})
MATCH (c:Creator {id: $creatorId})
OPTIONAL MATCH (u)-[r:FOLLOWS]->(c)
DELETE r
WITH u, c, count(r) > 0 AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END |
  SET u.socialVersion = coalesce(u.socialVersion, 0) + 1, c.followersVersion = coalesce(c.followersVersion, 0) + 1)
SET c.followers = COUNT { (c)<-[:FOLLOWS]-() }
RETURN c {.id, .name, .kind, .source} AS creator, c.followers AS followers, false AS following, changed
