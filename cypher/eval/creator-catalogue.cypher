// Evaluation: the catalogue coverage is measured against — creators with at least one follower,
// ids starting with $scope ('' = all).
//
// Parameters: $scope (string).
MATCH (c:Creator)
WHERE c.id STARTS WITH $scope AND EXISTS { (c)<-[:FOLLOWS]-() }
RETURN count(c) AS creators
