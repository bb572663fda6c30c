// A creator's neighbourhood, as a graph: up to 25 creators it follows, up to 25 of its followers
// (most authoritative first), its 10 most downloaded models and their tasks, and its community.
// Follows are the demo's stand-in social layer (the SNAP GitHub follow graph mapped onto creators).
// Nulls sort above every value in Cypher, so `x IS NULL` comes first in each ORDER BY: lineage-only
// stub models (no downloads) and creators without an authority yet go last, not first.
// Change the id on the first line, or
//   :param creatorId => 'TheBloke'
// and use `WITH $creatorId AS creatorId`.
WITH 'TheBloke' AS creatorId
MATCH (c:Creator {id: creatorId})
CALL (c) {
  MATCH path = (c)-[:FOLLOWS]->(f:Creator)
  WITH path, f ORDER BY f.authority IS NULL, f.authority DESC, f.id LIMIT 25
  RETURN path
  UNION
  MATCH path = (c)<-[:FOLLOWS]-(f:Creator)
  WITH path, f ORDER BY f.authority IS NULL, f.authority DESC, f.id LIMIT 25
  RETURN path
  UNION
  MATCH (c)-[:CREATED]->(m:Model)
  WITH m ORDER BY m.downloads IS NULL, m.downloads DESC, m.id LIMIT 10
  // *0..1: a model without a task is still shown (the path then ends at the model).
  MATCH path = (c)-[:CREATED]->(m)-[:HAS_TASK*0..1]->()
  RETURN path
  UNION
  MATCH path = (c)-[:IN_COMMUNITY]->(:Community)
  RETURN path
}
RETURN path
