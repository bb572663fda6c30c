// The ids the server's warm-up asks its example questions about (src/graphql/warmUp.ts): real ones,
// so that every query those questions run is planned and run once, not stopped early by an unknown
// id. Two users: the one who follows the most creators (the in-network paths) and the first by id
// of those following one to five (their feeds reach the out-of-network and fallback tiers). Each
// is null where the database has no such node (then the warm-up keeps the example's own id); the
// one row always comes back, whatever is missing (a database with models but no follows still
// warms the model questions).
// Scans each label once (tens of ms on the demo); run once per server start.
// Parameters: $scope (only ids starting with it: '' for the server; tests use their own prefix).
CALL () {
  MATCH (u:User) WHERE u.id STARTS WITH $scope
  WITH u, COUNT { (u)-[:FOLLOWS]->() } AS follows
  WHERE follows > 0
  WITH u ORDER BY follows DESC, u.id LIMIT 1
  RETURN collect(u.id)[0] AS heavyUser
}
CALL () {
  MATCH (u:User) WHERE u.id STARTS WITH $scope
  WITH u, COUNT { (u)-[:FOLLOWS]->() } AS follows
  WHERE 1 <= follows <= 5
  WITH u ORDER BY u.id LIMIT 1
  RETURN collect(u.id)[0] AS lightUser
}
CALL () {
  MATCH (c:Creator) WHERE c.id STARTS WITH $scope
  WITH c ORDER BY coalesce(c.followers, 0) DESC, c.id LIMIT 1
  RETURN collect(c.id)[0] AS creator
}
CALL () {
  MATCH (t:Task) WHERE t.id STARTS WITH $scope
  WITH t ORDER BY COUNT { (t)<-[:HAS_TASK]-() } DESC, t.id LIMIT 1
  RETURN collect(t.id)[0] AS task
}
CALL () {
  MATCH (m:Model) WHERE m.id STARTS WITH $scope
  WITH m ORDER BY coalesce(m.downloads, 0) DESC, m.id LIMIT 1
  RETURN collect(m.id)[0] AS model
}
RETURN heavyUser, lightUser, creator, task, model
