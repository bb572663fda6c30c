// Base-model lineage edges from the lineage file: (derived)-[:DERIVED_FROM {kind}]->(base).
// Models only known from lineage are created with their creator (the id's namespace) and
// source = $source, so they can be told apart from the Hub dump's models.
// Parameters: $rows — [{base, baseOwner, derived, derivedOwner, kind}], $source.
UNWIND $rows AS row
MERGE (b:Model {id: row.base})
  ON CREATE SET b.source = $source, b.name = split(row.base, '/')[-1]
MERGE (d:Model {id: row.derived})
  ON CREATE SET d.source = $source, d.name = split(row.derived, '/')[-1]
MERGE (d)-[r:DERIVED_FROM]->(b)
SET r.kind = row.kind, r.source = $source
WITH b, d, row
CALL (b, row) {
  WITH b, row WHERE row.baseOwner IS NOT NULL AND NOT EXISTS { (:Creator)-[:CREATED]->(b) }
  MERGE (c:Creator {id: row.baseOwner}) ON CREATE SET c.name = row.baseOwner, c.kind = 'unknown'
  MERGE (c)-[:CREATED]->(b)
}
CALL (d, row) {
  WITH d, row WHERE row.derivedOwner IS NOT NULL AND NOT EXISTS { (:Creator)-[:CREATED]->(d) }
  MERGE (c:Creator {id: row.derivedOwner}) ON CREATE SET c.name = row.derivedOwner, c.kind = 'unknown'
  MERGE (c)-[:CREATED]->(d)
}
