// Creators of the models from one source, most popular first (total downloads, then id): the
// order onto which the stand-in social graph's nodes are mapped. Parameters: $source.
MATCH (c:Creator)-[:CREATED]->(m:Model {source: $source})
WITH c, sum(coalesce(m.downloads, 0)) AS downloads, count(m) AS models
RETURN c.id AS id, downloads, models
ORDER BY downloads DESC, id ASC
