// Evaluation: the likes of the sampled users, with when each was made.
//
// Parameters: $userIds (list of strings).
UNWIND $userIds AS userId
MATCH (u:User {id: userId})-[r:LIKED]->(m:Model)
RETURN u.id AS userId, m.id AS modelId,
       CASE WHEN r.since IS NULL THEN null ELSE toString(r.since) END AS since
ORDER BY userId, modelId
