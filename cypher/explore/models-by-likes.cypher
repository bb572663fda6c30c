// Models whose likes lie in a range, most liked first, with their creator and task. Change the
// numbers on the first line, or use Browser parameters (the demo corpus’s 2024-09 dump carries no
// likes, so there this returns nothing; models loaded from the Hub API have them):
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
