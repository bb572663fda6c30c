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
// Parameters: $creatorId, $first (integer, 1..100).
MATCH (x:Creator {id: $creatorId})
WITH x, COUNT { (x)<-[:FOLLOWS]-() } AS a
MATCH (x)<-[:FOLLOWS]-(u)-[:FOLLOWS]->(c)
WHERE c <> x
WITH a, c, count(u) AS overlap
WITH c, overlap, toFloat(overlap) / (a + COUNT { (c)<-[:FOLLOWS]-() } - overlap) AS score
ORDER BY score DESC, c.id ASC
LIMIT $first
RETURN c {.id, .name, .kind, .source, .authority} AS creator,
       score,
       overlap AS count
