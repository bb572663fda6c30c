// similarCreators, stored profile lists: removes, a batch at a time, the lists an earlier refresh
// left that the refresh of $computedAt did not replace (the creator lost its models, or every
// item of its profile went over the cap) — those creators are answered live from now on.
//
// Parameters: $computedAt (ISO-8601 string), $scope (id prefix; '' for all), $limit (integer).
MATCH (x:Creator)
WHERE x.profileSimAt IS NOT NULL AND x.profileSimAt <> $computedAt AND x.id STARTS WITH $scope
WITH x
LIMIT $limit
REMOVE x.profileSimIds, x.profileSimScores, x.profileSimMaxItemModels, x.profileSimAt
RETURN count(x) AS cleared
