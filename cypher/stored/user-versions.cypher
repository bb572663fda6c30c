// The user's write counters and follow count, read first in the transaction that recomputes their
// stored lists after a write (src/stored/refreshUser.ts): the lists are then stored only while these
// are unchanged (compare-and-set in the *-store.cypher files). Also what the recommendedCreators
// list is stamped with (the analytics runs current), whether the user gets one at all (no topic
// follows, no memberships: the batch blend has neither signal), and the creators the blend may not
// propose (the ones they follow). No row: no such user.
// Parameters: $userId.
MATCH (u:User {id: $userId})
WITH u, coalesce(u.socialVersion, 0) AS version, coalesce(u.followersVersion, 0) AS followersVersion
RETURN version, followersVersion,
       COUNT { (u)-[:FOLLOWS]->() } AS follows,
       COLLECT { MATCH (u)-[:FOLLOWS]->(c) RETURN c.id } AS following,
       COLLECT { MATCH (r:AnalyticsRun) WHERE r.current RETURN r.id ORDER BY r.id } AS runs,
       NOT (EXISTS { (u)-[:FOLLOWS_TOPIC]->() } OR EXISTS { (u)-[:MEMBER_OF]->() }) AS blendStored
