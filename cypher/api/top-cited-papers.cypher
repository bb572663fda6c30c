// topCitedPapers — the papers cited by the most models, with how many. (A paper's CITES in-degree
// is read from the node's degree store, so this is one pass over the papers.)
// Parameters: $first.
MATCH (p:Paper)
WITH p, COUNT { (p)<-[:CITES]-() } AS modelCount
WHERE modelCount > 0
ORDER BY modelCount DESC, p.id
LIMIT $first
RETURN p {.id, .title, .abstract, .published, .primaryCategory, .categories} AS paper, modelCount
