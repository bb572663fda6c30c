// Evaluation baseline (similar models): the models whose tag sets overlap $modelId's most, by
// Jaccard |T(x) ∩ T(y)| / |T(x) ∪ T(y)| over TAGGED tags, every tag expanded (hubs too: a baseline
// is exact, never sampled). Ties: id.
//
// Parameters: $modelId (string), $first (integer).
MATCH (x:Model {id: $modelId})-[:TAGGED]->(t:Tag)
WITH x, collect(t) AS tags
UNWIND tags AS t
MATCH (t)<-[:TAGGED]-(y:Model)
WHERE y <> x
WITH x, size(tags) AS xSize, y, count(*) AS shared
WITH y, toFloat(shared) / (xSize + COUNT { (y)-[:TAGGED]->() } - shared) AS jaccard
RETURN y.id AS id, jaccard
ORDER BY jaccard DESC, id ASC
LIMIT $first
