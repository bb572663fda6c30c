// Garbage collection of AnalyticsRun nodes: a run left 'writing' by an interrupted write-back is
// marked 'abandoned'; only the 20 most recent runs of a scope are kept.
// Parameters: $scope, $keepRunId.
OPTIONAL MATCH (w:AnalyticsRun {scope: $scope, status: 'writing'})
WHERE w.id <> $keepRunId
SET w.status = 'abandoned'
WITH count(w) AS _
MATCH (x:AnalyticsRun {scope: $scope})
WHERE NOT x.current AND x.id <> $keepRunId
WITH x ORDER BY x.computedAt DESC
SKIP 19
DETACH DELETE x
