// followBack — users who follow $userId and whom $userId does not follow back, most
// authoritative first.
//
// Score = coalesce(c.authority, c.followers, live follower count): PageRank authority when
// `hubgraph analytics` has written it (authoritySource ANALYTICS), else the follower count that
// ingest maintains (authoritySource FOLLOWER_COUNT; the live count covers hand-made nodes without
// the property). The two scales differ, so a graph where analytics has run for only some creators
// ranks the follower-count ones first; analytics writes every creator it projects. Ties: id.
//
// Why built this way: the creators $userId follows are removed by aggregating them into the same
// groups as the followers (a `followed` flag) instead of an existence check per follower, which is
// a relationship scan per row when $userId is dense.
//
// Labels on the far ends of FOLLOWS are left off (the schema makes every FOLLOWS a User → Creator
// edge): a label check is a db hit per row, and a hub's two-hop walk has ~200k rows.
//
// Parameters: $userId, $first (integer, 1..100).
MATCH (me:User {id: $userId})
CALL (me) {
  MATCH (me)<-[:FOLLOWS]-(c)
  RETURN c, false AS followed
  UNION ALL
  MATCH (me)-[:FOLLOWS]->(c)
  RETURN c, true AS followed
}
WITH me, c, max(followed) AS followed
WHERE NOT followed AND c <> me
WITH c, c.authority IS NOT NULL AS analytics,
     toFloat(coalesce(c.authority, c.followers, COUNT { (c)<-[:FOLLOWS]-() })) AS score
RETURN c {.id, .name, .kind, .source, .authority} AS creator,
       score,
       CASE WHEN analytics THEN 'ANALYTICS' ELSE 'FOLLOWER_COUNT' END AS authoritySource
ORDER BY score DESC, creator.id ASC
LIMIT $first
