// Write-back, step 4 (a transaction per page): the topic community of one page of models into the
// run's slot (`communityIdA`, `analyticsRunIdA`, or B), with IN_COMMUNITY.
// Parameters: $runId, $slot ('A'|'B'), $rows — [{id, communityKey}].
UNWIND $rows AS row
MATCH (m:Model {id: row.id})
SET m += CASE $slot
  WHEN 'A' THEN {communityIdA: row.communityKey, analyticsRunIdA: $runId}
  ELSE {communityIdB: row.communityKey, analyticsRunIdB: $runId}
END
WITH m, row
MATCH (k:Community {id: $runId + '/' + row.communityKey})
CREATE (m)-[:IN_COMMUNITY {runId: $runId}]->(k)
