// popularAmongSimilarUsers, stored: removes, a batch at a time, the lists an earlier refresh left
// that the refresh of $computedAt did not replace — those users are answered live from now on.
//
// Parameters: $computedAt (ISO-8601 string), $scope (id prefix; '' for all), $limit (integer).
MATCH (u:User)
WHERE u.popularAmongSimilarAt IS NOT NULL AND u.popularAmongSimilarAt <> $computedAt AND u.id STARTS WITH $scope
WITH u
LIMIT $limit
REMOVE u.popularAmongSimilarIds, u.popularAmongSimilarScores, u.popularAmongSimilarCounts, u.popularAmongSimilarVia,
       u.popularAmongSimilarFollows, u.popularAmongSimilarSettings, u.popularAmongSimilarAt
RETURN count(u) AS cleared
