// Evaluation (similar models): models that can be a query — tagged (so the tag-Jaccard baseline
// has something to work with), id starting with $scope — with an upper bound on their gold-set
// sizes: models sharing a base model (lineage) and models citing one of their papers. Bounds, not
// exact sizes: counting exactly for every model would expand hub base models thousands of times.
//
// Parameters: $scope (string).
MATCH (m:Model)
WHERE m.id STARTS WITH $scope AND EXISTS { (m)-[:TAGGED]->() }
WITH m,
     reduce(n = 0, b IN [(m)-[:DERIVED_FROM]->(b:Model) | b] | n + COUNT { (b)<-[:DERIVED_FROM]-() } - 1) AS lineage,
     reduce(n = 0, p IN [(m)-[:CITES]->(p:Paper) | p] | n + COUNT { (p)<-[:CITES]-() } - 1) AS paper
WHERE lineage > 0 OR paper > 0
RETURN m.id AS id, lineage, paper
ORDER BY id
