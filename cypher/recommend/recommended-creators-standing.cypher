// recommendedCreators, stored: one page of creators (keyset pagination on the unique `id` index)
// with what followBack ranks them by (follow-back.cypher): their authority once analytics has run,
// and the follower count ingest maintains (null: the projection's in-degree is used).
// Parameters: $scope (id prefix; '' for all), $after (last id of the previous page, '' at first),
//   $limit (integer).
MATCH (c:Creator)
WHERE c.id > $after AND c.id STARTS WITH $scope
WITH c
ORDER BY c.id
LIMIT $limit
RETURN c.id AS id, toFloat(c.authority) AS authority, c.followers AS followers
