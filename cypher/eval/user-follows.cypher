// Evaluation: the follows of the sampled users — each followee, when it was followed, whether it
// follows back (its edge would leak the hidden one to followBack and mutual-affinity signals),
// and whether it publishes models (only those can be hit by a feed).
//
// Parameters: $userIds (list of strings).
UNWIND $userIds AS userId
MATCH (u:User {id: userId})-[r:FOLLOWS]->(c:Creator)
RETURN u.id AS userId, c.id AS creatorId,
       CASE WHEN r.since IS NULL THEN null ELSE toString(r.since) END AS since,
       EXISTS { (c)-[:FOLLOWS]->(u) } AS followsBack,
       COUNT { (c)-[:CREATED]->(m:Model) WHERE coalesce(m.createdAt, m.lastModified) IS NOT NULL } AS datedModels
ORDER BY userId, creatorId
