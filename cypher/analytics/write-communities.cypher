// Write-back, step 2 (a transaction per page): this run's Community nodes. They are new nodes
// (id = run id + '/' + key), so the current run's communities stay as they are.
// Parameters: $runId, $computedAt (ISO-8601), $rows — [{key ('creator-0'…), kind ('creator'|'model'),
//   rank (0 = largest), size, modularityContribution, internalWeight, internalEdges, density}].
UNWIND $rows AS row
CREATE (k:Community {
  id: $runId + '/' + row.key,
  key: row.key,
  kind: row.kind,
  rank: row.rank,
  size: row.size,
  modularityContribution: toFloat(row.modularityContribution),
  internalWeight: toFloat(row.internalWeight),
  internalEdges: row.internalEdges,
  density: toFloat(row.density),
  runId: $runId,
  computedAt: datetime($computedAt)
})
