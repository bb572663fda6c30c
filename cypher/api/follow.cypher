// follow — $userId follows $creatorId, effective at once: the FOLLOWS edge (since = now,
// source = 'api') and the creator's `followers` counter, recomputed from the edges in the same
// transaction so it stays exact (MERGE locks both nodes, so concurrent follows serialize).
// Following twice changes nothing. No row (and nothing written) when an id is unknown.
// The user's stored popularAmongSimilarUsers, followOfFollow, secondDegree and recommendedCreators
// lists are removed in the same transaction (they excluded the old follows), and so is the
// followed creator's stored recommendedCreators list (its followBack changed), so the next
// answers are computed live.
// Parameters: $userId, $creatorId.
MATCH (u:User {id: $userId})
MATCH (c:Creator {id: $creatorId})
WHERE c <> u
OPTIONAL MATCH (u)-[existing:FOLLOWS]->(c)
WITH u, c, existing IS NULL AS changed
MERGE (u)-[r:FOLLOWS]->(c)
  ON CREATE SET r.since = datetime(), r.source = 'api'
REMOVE u.popularAmongSimilarIds, u.popularAmongSimilarScores, u.popularAmongSimilarCounts,
       u.popularAmongSimilarFollows, u.popularAmongSimilarSettings, u.popularAmongSimilarAt
REMOVE u.followOfFollowIds, u.followOfFollowScores, u.followOfFollowCounts, u.followOfFollowVia,
       u.followOfFollowFollows, u.followOfFollowSettings, u.followOfFollowAt
REMOVE u.secondDegreeIds, u.secondDegreeCounts, u.secondDegreeVia, u.secondDegreeFollows,
       u.secondDegreeSettings, u.secondDegreeAt
REMOVE u.recommendedIds, u.recommendedScores, u.recommendedKinds, u.recommendedCounts, u.recommendedVia,
       u.recommendedSources, u.recommendedFollows, u.recommendedSettings, u.recommendedRuns, u.recommendedAt
REMOVE c.recommendedIds, c.recommendedScores, c.recommendedKinds, c.recommendedCounts, c.recommendedVia,
       c.recommendedSources, c.recommendedFollows, c.recommendedSettings, c.recommendedRuns, c.recommendedAt
SET c.followers = COUNT { (c)<-[:FOLLOWS]-() }
RETURN c {.id, .name, .kind, .source} AS creator, c.followers AS followers, true AS following, changed
