// Models whose likes lie in a range, most liked first, with their creator and task. Only models
// read from the Hub API carry likes (in the demo corpus its 4,706 api records; the 2024-09 dump and
// lineage-only models have none, and the range leaves them out). Change the numbers on the first
// line, or use Browser parameters:
//   :param minLikes => 100
//   :param maxLikes => 100000
// and replace the first line with `WITH $minLikes AS minLikes, $maxLikes AS maxLikes`.
WITH 100 AS minLikes, 100000 AS maxLikes
MATCH (m:Model)
WHERE minLikes <= m.likes <= maxLikes
OPTIONAL MATCH (c:Creator)-[:CREATED]->(m)
RETURN m.id AS model, m.likes AS likes, m.downloads AS downloads, m.pipelineTag AS task, c.id AS creator
ORDER BY likes DESC, model
LIMIT 50
