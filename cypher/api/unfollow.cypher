// unfollow — $userId stops following $creatorId, effective at once; the creator's `followers`
// counter is recomputed from the edges in the same transaction. Unfollowing a creator one does not
// follow changes nothing. No row (and nothing written) when an id is unknown.
// The user's stored popularAmongSimilarUsers, followOfFollow, secondDegree and recommendedCreators
// lists are removed in the same transaction (they excluded the old follows), and so is the
// followed creator's stored recommendedCreators list (its followBack changed), so the next
// answers are computed live.
// Parameters: $userId, $creatorId.
MATCH (u:User {id: $userId})
MATCH (c:Creator {id: $creatorId})
OPTIONAL MATCH (u)-[r:FOLLOWS]->(c)
DELETE r
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
WITH c, count(r) > 0 AS changed
SET c.followers = COUNT { (c)<-[:FOLLOWS]-() }
RETURN c {.id, .name, .kind, .source} AS creator, c.followers AS followers, false AS following, changed
