// The arXiv papers cited by the most models, with their category and a few of the most
// downloaded citing models. Change the number of rows in LIMIT (LIMIT takes no variable).
// `m.downloads IS NULL` first in the inner ORDER BY: Cypher sorts nulls above every value, so
// lineage-only stub models (no downloads) would otherwise be named as the top citing models.
MATCH (p:Paper)
WITH p, COUNT { (p)<-[:CITES]-(:Model) } AS citingModels
ORDER BY citingModels DESC, p.id
LIMIT 25
RETURN p.id AS paper, p.title AS title, p.primaryCategory AS category, citingModels,
       COLLECT { MATCH (m:Model)-[:CITES]->(p) WITH m ORDER BY m.downloads IS NULL, m.downloads DESC, m.id LIMIT 3 RETURN m.id } AS topCitingModels
ORDER BY citingModels DESC, paper
