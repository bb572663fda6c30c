// Garbage collection (a transaction per page): Community nodes of the scope that belong to no
// run worth keeping — neither the current run nor $keepRunId (the run being written) — go, with
// their IN_COMMUNITY and LINKED_TO. Run before a write (leftovers of an interrupted run) and
// after the flip, once readers of the previous run have had time to finish. Returns how many
// were deleted (the caller repeats until 0).
// Parameters: $scope, $keepRunId, $limit.
OPTIONAL MATCH (cur:AnalyticsRun {scope: $scope, current: true})
WITH collect(cur.id) + [$keepRunId] AS keep
MATCH (k:Community)
WHERE k.id STARTS WITH $scope AND NOT k.runId IN keep
WITH k LIMIT $limit
DETACH DELETE k
RETURN count(*) AS deleted
