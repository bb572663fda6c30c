// The communities of one kind ('creator' or 'model') of a run, largest first.
// Parameters: $runId, $kind, $first.
MATCH (k:Community)
WHERE k.runId = $runId AND k.kind = $kind
RETURN k {.*} AS community
ORDER BY k.size DESC, k.key
LIMIT $first
