// recommendedCreators, the fallback tier (cold start): the creators most authoritative overall,
// for a list the user's own signals leave short — a user who follows no one, or few. Never
// $userId, a creator $userId follows, or one already in the list ($skip). Ties by id.
//
// Two rankings, asked in turn ($byAuthority): the creators with a PageRank authority (written by
// analytics to every creator of the follow graph; authoritySource ANALYTICS), best first; then,
// when those run out, the creators without one by follower count (FOLLOWER_COUNT) — before any
// analytics run, all of them. count = the creator's followers, which the reason quotes.
//
// Why built this way: the authority ranking walks the `creator_authority` index in order and
// stops after $limit rows (the exclusions are per-row checks on those few), so once analytics has
// run the tier costs about $limit index reads; only the follower ranking reads every creator.
//
// Parameters: $userId, $limit (integer ≥ 1), $skip (list of creator ids), $byAuthority (boolean).
MATCH (me:User {id: $userId})
CALL (me) {
  WITH me WHERE $byAuthority
  MATCH (c:Creator)
  WHERE c.authority IS NOT NULL AND c <> me AND NOT c.id IN $skip AND NOT EXISTS { (me)-[:FOLLOWS]->(c) }
  WITH c
  ORDER BY c.authority DESC, c.id ASC
  LIMIT $limit
  RETURN c, toFloat(c.authority) AS standing, 'ANALYTICS' AS authoritySource
  UNION ALL
  WITH me WHERE NOT $byAuthority
  MATCH (c:Creator)
  WHERE c.authority IS NULL AND c <> me AND NOT c.id IN $skip AND NOT EXISTS { (me)-[:FOLLOWS]->(c) }
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
