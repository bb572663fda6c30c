// Paper metadata from the arXiv API, with authors in order. Replaces the author list.
// Parameters: $rows — [{id, title, abstract, published, updated, primaryCategory, categories, doi, authors: [name]}].
UNWIND $rows AS row
MERGE (p:Paper {id: row.id})
SET p.title = row.title,
    p.abstract = row.abstract,
    p.published = CASE WHEN row.published IS NULL THEN null ELSE datetime(row.published) END,
    p.updated = CASE WHEN row.updated IS NULL THEN null ELSE datetime(row.updated) END,
    p.primaryCategory = coalesce(row.primaryCategory, p.primaryCategory),
    p.categories = CASE WHEN size(row.categories) = 0 THEN p.categories ELSE row.categories END,
    p.doi = row.doi
WITH p, row
CALL (p, row) { MATCH (p)-[r:AUTHORED_BY]->(a:Author) WHERE NOT a.id IN row.authors DELETE r }
FOREACH (i IN range(0, size(row.authors) - 1) |
  MERGE (a:Author {id: row.authors[i]}) ON CREATE SET a.name = row.authors[i]
  MERGE (p)-[r:AUTHORED_BY]->(a)
  SET r.position = i)
