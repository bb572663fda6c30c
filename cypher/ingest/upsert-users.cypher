// Users of the social layer (they follow, like, join organizations). A user is also a Creator (it
// can be followed). An existing creator gains the User label and keeps its other properties.
// Parameters: $rows — [{id, name, source, sourceId}].
UNWIND $rows AS row
MERGE (u:Creator {id: row.id})
  ON CREATE SET u.kind = 'user', u.name = row.name
SET u:User, u.source = row.source, u.sourceId = row.sourceId
