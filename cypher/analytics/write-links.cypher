// Write-back, step 5 (a transaction per page): links between this run's communities of the same
// kind (edges of the graph they were found in that cross from one to the other).
// Parameters: $runId, $rows — [{from, to (community keys), weight, edges}].
UNWIND $rows AS row
MATCH (a:Community {id: $runId + '/' + row.from})
MATCH (b:Community {id: $runId + '/' + row.to})
CREATE (a)-[:LINKED_TO {weight: toFloat(row.weight), edges: row.edges, runId: $runId}]->(b)
