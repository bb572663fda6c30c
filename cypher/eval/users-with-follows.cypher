// Evaluation: the users that can be sampled — every User whose id starts with $scope ('' = all)
// and who follows at least $minFollows creators, with how many creators they follow. Ordered by id
// so a seeded sample is the same on every run over the same graph.
//
// Parameters: $scope (string), $minFollows (integer ≥ 1).
MATCH (u:User)
WHERE u.id STARTS WITH $scope
WITH u, COUNT { (u)-[:FOLLOWS]->() } AS follows
WHERE follows >= $minFollows
RETURN u.id AS id, follows
ORDER BY id
