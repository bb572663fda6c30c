// Write-back, step 6 (a transaction per page): creators of the scope this run did not score (e.g.
// created while it computed) lose what an older run left in the slot, so the slot holds this run
// only. Returns how many were cleared (the caller repeats until 0).
// Parameters: $scope, $runId, $slot ('A'|'B'), $limit.
MATCH (c:Creator)
WHERE c.id STARTS WITH $scope AND c['analyticsRunId' + $slot] IS NOT NULL AND c['analyticsRunId' + $slot] <> $runId
WITH c LIMIT $limit
SET c += CASE $slot
  WHEN 'A' THEN {pagerankA: null, hubA: null, hitsAuthorityA: null, communityIdA: null, analyticsRunIdA: null}
  ELSE {pagerankB: null, hubB: null, hitsAuthorityB: null, communityIdB: null, analyticsRunIdB: null}
END
RETURN count(c) AS cleared
