// Evaluation baselines: the follow graph, one row per follower with the ids it follows, restricted
// to ids starting with $scope ('' = all). One row per follower, not per edge: the demo's half a
// million edges arrive as 38k rows.
//
// Parameters: $scope (string).
MATCH (a:User)-[:FOLLOWS]->(b:Creator)
WHERE a.id STARTS WITH $scope AND b.id STARTS WITH $scope
RETURN a.id AS from, collect(b.id) AS to
