// Projection (c), lineage edges of the model graph: one page of models (keyset pagination on
// `id`) with the ids of the base models each derives from (DERIVED_FROM, any kind).
// Lists come in id order, whatever the store's layout, so a seeded analytics run is repeatable.
// Parameters: $scope (model id prefix, '' = all), $after, $limit.
MATCH (m:Model)
WHERE m.id > $after AND m.id STARTS WITH $scope
WITH m
ORDER BY m.id
LIMIT $limit
RETURN m.id AS id,
       COLLECT { MATCH (m)-[:DERIVED_FROM]->(b:Model) WHERE b.id STARTS WITH $scope AND b <> m RETURN b.id ORDER BY b.id } AS bases
