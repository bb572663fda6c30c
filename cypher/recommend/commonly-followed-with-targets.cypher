// commonlyFollowedWith, materialized: which creators get a stored list, and which stored lists
// are to be dropped.
//
// A creator's live answer costs one row per (follower, follower's follow): walk = Σ over its
// followers of their out-degree (degree-store reads, no walk). Creators whose walk reaches
// $minWalk are the ones a live query makes slow (a hub's is ~10⁵ rows) and get a stored list;
// the rest stay live, where the walk is cheap. A creator that has a stored list but whose walk has
// dropped below $minWalk (unfollows) is returned too, so its list is removed, not left stale.
//
// Parameters: $minWalk (integer), $ids (list of creator ids to consider; null: every creator).
CALL () {
  WITH 1 AS all WHERE $ids IS NULL
  MATCH (c:Creator)
  RETURN c
  UNION ALL
  UNWIND coalesce($ids, []) AS id
  MATCH (c:Creator {id: id})
  RETURN c
}
WITH c, COUNT { (c)<-[:FOLLOWS]-() } AS followers
WHERE followers > 0 OR c.coFollowedAt IS NOT NULL
CALL (c) {
  OPTIONAL MATCH (c)<-[:FOLLOWS]-(u)
  RETURN sum(COUNT { (u)-[:FOLLOWS]->() }) AS walk
}
WITH c, walk
WHERE walk >= $minWalk OR c.coFollowedAt IS NOT NULL
RETURN c.id AS id, walk, walk >= $minWalk AS keep
ORDER BY walk DESC, id ASC
