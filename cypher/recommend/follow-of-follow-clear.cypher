// followOfFollow, stored: removes, a batch at a time, the lists an earlier refresh left that the
// refresh of $computedAt did not replace — those users are answered live from now on.
//
// Parameters: $computedAt (ISO-8601 string), $scope (id prefix; '' for all), $limit (integer).
MATCH (u:User)
WHERE u.followOfFollowAt IS NOT NULL AND u.followOfFollowAt <> $computedAt AND u.id STARTS WITH $scope
WITH u
LIMIT $limit
REMOVE u.followOfFollowIds, u.followOfFollowScores, u.followOfFollowCounts, u.followOfFollowVia, u.followOfFollowBounded,
       u.followOfFollowFollows, u.followOfFollowSettings, u.followOfFollowAt
RETURN count(u) AS cleared
