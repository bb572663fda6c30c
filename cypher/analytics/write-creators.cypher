// Write-back, step 3 (a transaction per page): one page of creators' scores into the run's slot
// (`pagerankA`, `hubA`, `hitsAuthorityA`, `communityIdA`, `analyticsRunIdA`, or the B set), and
// IN_COMMUNITY to the run's community. The live properties the API reads (`authority` …) are
// set at the flip.
// Parameters: $runId, $slot ('A'|'B'), $rows — [{id, pagerank, hub, hitsAuthority, communityKey|null}].
UNWIND $rows AS row
MATCH (c:Creator {id: row.id})
SET c += CASE $slot
  WHEN 'A' THEN {pagerankA: toFloat(row.pagerank), hubA: toFloat(row.hub), hitsAuthorityA: toFloat(row.hitsAuthority), communityIdA: row.communityKey, analyticsRunIdA: $runId}
  ELSE {pagerankB: toFloat(row.pagerank), hubB: toFloat(row.hub), hitsAuthorityB: toFloat(row.hitsAuthority), communityIdB: row.communityKey, analyticsRunIdB: $runId}
END
WITH c, row
WHERE row.communityKey IS NOT NULL
MATCH (k:Community {id: $runId + '/' + row.communityKey})
CREATE (c)-[:IN_COMMUNITY {runId: $runId}]->(k)
