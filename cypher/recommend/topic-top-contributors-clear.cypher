// topicTopContributors, stored lists: removes, a batch at a time, the lists an earlier refresh left
// that the refresh of $computedAt did not replace (the task lost all its models) — those tasks are
// answered live from now on.
//
// Parameters: $computedAt (ISO-8601 string), $scope (id prefix; '' for all), $limit (integer).
MATCH (t:Task)
WHERE t.leadersAt IS NOT NULL AND t.leadersAt <> $computedAt AND t.id STARTS WITH $scope
WITH t
LIMIT $limit
REMOVE t.leaderIds, t.leaderScores, t.leaderCounts, t.leaderSources, t.leadersAuthorityWeight, t.leadersAt
RETURN count(t) AS cleared
