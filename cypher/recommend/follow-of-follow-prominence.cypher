// followOfFollow, stored: one page of creators (keyset pagination on the unique `id` index) with
// the prominence that orders a recommendation's intermediaries (`via`): authority once analytics
// has run, else follower count — as follow-of-follow.cypher orders them.
// Parameters: $scope (id prefix; '' for all), $after (last id of the previous page, '' at first),
//   $limit (integer).
MATCH (c:Creator)
WHERE c.id > $after AND c.id STARTS WITH $scope
WITH c
ORDER BY c.id
LIMIT $limit
RETURN c.id AS id, toFloat(coalesce(c.authority, c.followers, 0)) AS prominence
