// commonlyFollowedWith, stored: removes, a batch at a time, the lists an earlier refresh left that
// the refresh of $computedAt did not replace — those creators are answered live from now on.
//
// Parameters: $computedAt (ISO-8601 string), $scope (id prefix; '' for all), $limit (integer).
MATCH (x:Creator)
WHERE x.coFollowedAt IS NOT NULL AND x.coFollowedAt <> $computedAt AND x.id STARTS WITH $scope
WITH x
LIMIT $limit
REMOVE x.coFollowIds, x.coFollowScores, x.coFollowOverlaps, x.coFollowVersion, x.coFollowedAt
RETURN count(x) AS cleared
