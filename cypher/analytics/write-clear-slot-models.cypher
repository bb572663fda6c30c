// Write-back, step 7 (a transaction per page): models without a topic community in this run lose
// what an older run left in the slot. Returns how many were cleared (repeat until 0).
// Parameters: $scope, $runId, $slot ('A'|'B'), $limit.
MATCH (m:Model)
WHERE m.id STARTS WITH $scope AND m['analyticsRunId' + $slot] IS NOT NULL AND m['analyticsRunId' + $slot] <> $runId
WITH m LIMIT $limit
SET m += CASE $slot
  WHEN 'A' THEN {communityIdA: null, analyticsRunIdA: null}
  ELSE {communityIdB: null, analyticsRunIdB: null}
END
RETURN count(m) AS cleared
