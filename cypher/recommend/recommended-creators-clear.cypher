// recommendedCreators, stored: removes, a batch at a time, the lists an earlier refresh left that
// the refresh of $computedAt did not replace — those users are answered live from now on.
//
// Parameters: $computedAt (ISO-8601 string), $scope (id prefix; '' for all), $limit (integer).
MATCH (u:User)
WHERE u.recommendedAt IS NOT NULL AND u.recommendedAt <> $computedAt AND u.id STARTS WITH $scope
WITH u
LIMIT $limit
REMOVE u.recommendedIds, u.recommendedScores, u.recommendedKinds, u.recommendedCounts, u.recommendedVia,
       u.recommendedSources, u.recommendedBounded, u.recommendedFollows, u.recommendedSettings, u.recommendedRuns, u.recommendedAt
RETURN count(u) AS cleared
