// recommendedCreators — what the blend needs besides the other questions' answers: the topics
// (tasks) $userId follows, most recently followed first, for the cold-start signal, and the ids
// $userId already follows, to drop them from the topic leaders (a question not centred on a user),
// and whether $userId belongs to an organization (sameOrganization is not asked otherwise: its
// answer would be empty, and a query costs about 1 ms of CPU even then). No row: no such user.
//
// Parameters: $userId, $maxTopics (integer ≥ 0).
MATCH (me:User {id: $userId})
RETURN COLLECT {
         MATCH (me)-[r:FOLLOWS_TOPIC]->(t:Task)
         RETURN t.id ORDER BY r.since DESC, t.id ASC LIMIT $maxTopics
       } AS topics,
       COLLECT { MATCH (me)-[:FOLLOWS]->(c:Creator) RETURN c.id } AS following,
       EXISTS { (me)-[:MEMBER_OF]->(:Organization) } AS member
