// A creator's neighbourhood, as a graph: up to 25 creators it follows, up to 25 of its followers
// (most authoritative first), its 10 most downloaded models and their tasks, and its community.
// Change the id on the first line, or
//   :param creatorId => 'TheBloke'
// and use `WITH $creatorId AS creatorId`.
WITH 'TheBloke' AS creatorId
MATCH (c:Creator {id: creatorId})
CALL (c) {
  MATCH path = (c)-[:FOLLOWS]->(f:Creator)
  WITH path, f ORDER BY f.authority DESC, f.id LIMIT 25
  RETURN path
  UNION
  MATCH path = (c)<-[:FOLLOWS]-(f:Creator)
  WITH path, f ORDER BY f.authority DESC, f.id LIMIT 25
  RETURN path
  UNION
  MATCH (c)-[:CREATED]->(m:Model)
  WITH m ORDER BY m.downloads DESC LIMIT 10
  MATCH path = (c)-[:CREATED]->(m)-[:HAS_TASK]->(:Task)
  RETURN path
  UNION
  MATCH path = (c)-[:IN_COMMUNITY]->(:Community)
  RETURN path
}
RETURN path
