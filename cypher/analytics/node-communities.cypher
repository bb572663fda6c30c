// The community of each node by id in the run $runId: a creator's creator community, a model's
// topic community.
// Parameters: $ids (creator or model ids), $runId.
UNWIND $ids AS id
CALL (id) {
  MATCH (:Creator {id: id})-[:IN_COMMUNITY]->(k:Community)
  WHERE k.runId = $runId
  RETURN k
  UNION
  MATCH (:Model {id: id})-[:IN_COMMUNITY]->(k:Community)
  WHERE k.runId = $runId
  RETURN k
}
RETURN id, k {.*} AS community
