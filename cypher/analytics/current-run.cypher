// The current analytics run of a scope ('' = the whole graph): the most recent complete run with
// current = true (while a flip is being applied a reader may meet two; the newer is complete too).
// Readers resolve it once and read everything else through its id and slot, so they see one run.
// Parameters: $scope.
MATCH (r:AnalyticsRun {scope: $scope, current: true})
WITH r
ORDER BY r.computedAt DESC
LIMIT 1
RETURN r {.*} AS run
