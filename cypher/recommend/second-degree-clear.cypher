// secondDegree, stored: removes, a batch at a time, the lists an earlier refresh left that the
// refresh of $computedAt did not replace — those users are answered live from now on.
//
// Parameters: $computedAt (ISO-8601 string), $scope (id prefix; '' for all), $limit (integer).
MATCH (u:User)
WHERE u.secondDegreeAt IS NOT NULL AND u.secondDegreeAt <> $computedAt AND u.id STARTS WITH $scope
WITH u
LIMIT $limit
REMOVE u.secondDegreeIds, u.secondDegreeCounts, u.secondDegreeVia, u.secondDegreeBounded, u.secondDegreeFollows,
       u.secondDegreeSettings, u.secondDegreeAt
RETURN count(u) AS cleared
