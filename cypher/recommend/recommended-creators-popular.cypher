// recommendedCreators, the fallback tier (cold start): the creators most authoritative overall,
// for a list the user's own signals leave short — a user who follows no one, or few. Ranked by
// PageRank authority once analytics has written it (authoritySource ANALYTICS), else by follower
// count (FOLLOWER_COUNT), as followBack ranks; ties by id. Never $userId, a creator $userId
// follows, or one already in the list ($skip). count = the creator's followers, which the reason
// quotes.
//
// Why built this way: the authority branch walks the `creator_authority` index in order and stops
// after $limit rows (the exclusions are per-row checks on those few); before analytics has run
// the follower branch reads every creator once, which only a graph without analytics pays.
//
// Parameters: $userId, $limit (integer ≥ 1), $skip (list of creator ids).
MATCH (me:User {id: $userId})
WITH me, EXISTS { MATCH (a:Creator) WHERE a.authority IS NOT NULL } AS analytics
CALL (me, analytics) {
  WITH me WHERE analytics
  MATCH (c:Creator)
  WHERE c.authority IS NOT NULL AND c <> me AND NOT c.id IN $skip AND NOT EXISTS { (me)-[:FOLLOWS]->(c) }
  WITH c
  ORDER BY c.authority DESC, c.id ASC
  LIMIT $limit
  RETURN c, toFloat(c.authority) AS standing, 'ANALYTICS' AS authoritySource
  UNION ALL
  WITH me WHERE NOT analytics
  MATCH (c:Creator)
  WHERE c <> me AND NOT c.id IN $skip AND NOT EXISTS { (me)-[:FOLLOWS]->(c) }
  WITH c, toFloat(coalesce(c.followers, COUNT { (c)<-[:FOLLOWS]-() })) AS standing
  ORDER BY standing DESC, c.id ASC
  LIMIT $limit
  RETURN c, standing, 'FOLLOWER_COUNT' AS authoritySource
}
RETURN c {.id, .name, .kind, .source, .authority} AS creator,
       standing,
       coalesce(c.followers, COUNT { (c)<-[:FOLLOWS]-() }) AS count,
       authoritySource
ORDER BY standing DESC, creator.id ASC
