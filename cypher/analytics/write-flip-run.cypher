// THE FLIP (one small transaction): the new run becomes the current one of its scope.
// Readers resolve "the current run" as the most recent complete run with current = true, so while
// this commit is being applied they see either the old run or the new one, each whole.
// Parameters: $scope, $runId.
MATCH (r:AnalyticsRun {id: $runId})
SET r.current = true, r.status = 'complete'
WITH r
OPTIONAL MATCH (old:AnalyticsRun {scope: $scope, current: true})
WHERE old <> r
SET old.current = false
RETURN r.id AS id
