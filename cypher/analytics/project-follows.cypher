// Projection (a), the follow graph: one page of creators (keyset pagination on the unique `id`
// index: ids after $after, in id order) with the ids of the creators each follows. A creator who
// follows nobody still comes back (empty list) so every Creator is a node of the graph.
// $scope: only ids starting with it ('' = the whole graph; tests use their own prefix).
// Lists come in id order, whatever the store's layout, so a seeded analytics run is repeatable.
// Each row also carries the creator's socialVersion and followersVersion, read before its follows:
// a stored list computed from these follows is stored only while both are unchanged (compare-and-set
// in the *-store.cypher files), so a write made meanwhile is never overwritten by an older snapshot.
// Parameters: $scope, $after (last id of the previous page, '' at first), $limit.
MATCH (c:Creator)
WHERE c.id > $after AND c.id STARTS WITH $scope
WITH c
ORDER BY c.id
LIMIT $limit
WITH c, coalesce(c.socialVersion, 0) AS version, coalesce(c.followersVersion, 0) AS followersVersion
RETURN c.id AS id, version, followersVersion,
       COLLECT { MATCH (c)-[:FOLLOWS]->(f:Creator) WHERE f.id STARTS WITH $scope RETURN f.id ORDER BY f.id } AS follows
