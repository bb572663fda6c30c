// Projection (c), the model graph: one page of Paper nodes (keyset pagination on `id`), each
// with the number of models linked to it by CITES and, when that number lies in
// [2, $maxDegree], the models' ids. Larger groups are hubs (e.g. `region:us` on thousands of
// models): they would join everything to everything, so they are skipped (the id still comes
// back, to carry the pagination on).
// Parameters: $scope (model id prefix, '' = all), $after, $limit, $maxDegree.
MATCH (x:Paper)
WHERE x.id > $after
WITH x
ORDER BY x.id
LIMIT $limit
WITH x, COUNT { MATCH (m:Model)-[:CITES]->(x) WHERE m.id STARTS WITH $scope } AS degree
RETURN x.id AS id,
       degree,
       CASE WHEN degree >= 2 AND degree <= $maxDegree
         THEN COLLECT { MATCH (m:Model)-[:CITES]->(x) WHERE m.id STARTS WITH $scope RETURN m.id ORDER BY m.id }
         ELSE [] END AS models
