// The ids the server's warm-up asks its example questions about (src/graphql/warmUp.ts): real ones,
// so that every query those questions run is planned and run once, not stopped early by an unknown
// id. Two users: the one who follows the most creators (the in-network paths) and the first by id
// of those following one to five (their feeds reach the out-of-network and fallback tiers). Null
// where the database has no such node (an empty database: the examples' own ids are kept).
// Scans each label once (tens of ms on the demo); run once per server start.
// Parameters: none.
CALL () {
  OPTIONAL MATCH (u:User)
  WITH u, COUNT { (u)-[:FOLLOWS]->() } AS follows
  WHERE follows > 0
  RETURN u.id AS heavyUser ORDER BY follows DESC, u.id LIMIT 1
}
CALL () {
  OPTIONAL MATCH (u:User)
  WITH u, COUNT { (u)-[:FOLLOWS]->() } AS follows
  WHERE 1 <= follows <= 5
  RETURN u.id AS lightUser ORDER BY u.id LIMIT 1
}
CALL () {
  OPTIONAL MATCH (c:Creator)
  RETURN c.id AS creator ORDER BY coalesce(c.followers, 0) DESC, c.id LIMIT 1
}
CALL () {
  OPTIONAL MATCH (t:Task)
  RETURN t.id AS task ORDER BY COUNT { (t)<-[:HAS_TASK]-() } DESC, t.id LIMIT 1
}
CALL () {
  OPTIONAL MATCH (m:Model)
  RETURN m.id AS model ORDER BY coalesce(m.downloads, 0) DESC, m.id LIMIT 1
}
RETURN heavyUser, lightUser, creator, task, model
