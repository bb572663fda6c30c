// commonlyFollowedWith — creators whose followers overlap most with those of $creatorId.
//
// Score = Jaccard similarity of the follower sets, |A ∩ B| / |A ∪ B| = overlap / (|A| + |B| − overlap),
// with A = followers($creatorId), B = followers(candidate). count = overlap.
//
// Why built this way: only creators followed by at least one of $creatorId's followers can have a
// non-zero overlap, so candidates come from the two-hop walk $creatorId ← follower → candidate and
// the overlap is the number of such walks (FOLLOWS is unique per pair) — never all pairs of
// creators. |A| and |B| are relationship degrees (`COUNT { (c)<-[:FOLLOWS]-() }` with no label on
// the far end), which Neo4j reads from the node's degree store without touching the followers.
//
// Labels on the far ends of FOLLOWS are left off (the schema makes every FOLLOWS a User → Creator
// edge): a label check is a db hit per row, and a hub's two-hop walk has ~200k rows.
//
// Stored lists: a creator whose live walk is large has its answer — computed by this same
// formula, in this same order, over an in-memory projection (src/analytics/commonlyFollowedWith.ts)
// — stored on its node as the lists coFollowIds / coFollowScores / coFollowOverlaps, refreshed
// after every social ingest and by `hubgraph ingest derived`, and just behind a follow or unfollow
// of the creator through the API (src/stored/refresher.ts, which asks with $live to recompute it).
// Such a creator (x.coFollowedAt set) is answered in ~$first index seeks; any other live.
// `computedAt` says how fresh the answer is (null: live).
//
// Parameters: $creatorId, $first (integer, 1..100), $live (boolean: ignore a stored list).
MATCH (x:Creator {id: $creatorId})
CALL (x) {
  WITH x WHERE x.coFollowedAt IS NOT NULL AND NOT $live
  // Sliced, not filtered: a filter on i was planned after the seek below, which then looked up
  // all 100 stored ids to return $first.
  UNWIND range(0, size(x.coFollowIds) - 1)[..$first] AS i
  MATCH (c:Creator {id: x.coFollowIds[i]})
  RETURN c, x.coFollowScores[i] AS score, x.coFollowOverlaps[i] AS overlap, x.coFollowedAt AS computedAt
  UNION ALL
  WITH x WHERE x.coFollowedAt IS NULL OR $live
  WITH x, COUNT { (x)<-[:FOLLOWS]-() } AS a
  MATCH (x)<-[:FOLLOWS]-(u)-[:FOLLOWS]->(c)
  WHERE c <> x
  WITH a, c, count(u) AS overlap
  WITH c, overlap, toFloat(overlap) / (a + COUNT { (c)<-[:FOLLOWS]-() } - overlap) AS score
  ORDER BY score DESC, c.id ASC
  LIMIT $first
  RETURN c, score, overlap, null AS computedAt
}
WITH c, score, overlap, computedAt
ORDER BY score DESC, c.id ASC
LIMIT $first
RETURN c {.id, .name, .kind, .source, .authority} AS creator,
       score,
       overlap AS count,
       computedAt
