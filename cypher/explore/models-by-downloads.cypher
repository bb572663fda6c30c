// Models whose downloads (30 days at fetch time) lie in a range, most downloaded first, with their
// creator and task. Runs as is in Neo4j Browser; change the numbers on the first line, or use
// Browser parameters instead:
//   :param minDownloads => 10000
//   :param maxDownloads => 1000000
// and replace the first line with `WITH $minDownloads AS minDownloads, $maxDownloads AS maxDownloads`.
WITH 10000 AS minDownloads, 1000000 AS maxDownloads
MATCH (m:Model)
WHERE minDownloads <= m.downloads <= maxDownloads
OPTIONAL MATCH (c:Creator)-[:CREATED]->(m)
RETURN m.id AS model, m.downloads AS downloads, m.likes AS likes, m.pipelineTag AS task, c.id AS creator
ORDER BY downloads DESC, model
LIMIT 50
