// Communities by id: a full id (`<run id>/creator-0`) as is, a key (`creator-0`) in the run
// $runId. Missing ids return no row.
// Parameters: $ids, $runId.
UNWIND $ids AS id
MATCH (k:Community {id: CASE WHEN id CONTAINS '/' THEN id ELSE $runId + '/' + id END})
RETURN id, k {.*} AS community
