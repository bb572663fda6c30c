// commonlyFollowedWith, materialized: replaces the stored lists of a batch of creators.
//
// For each creator x in $keep, the $k creators with the highest Jaccard similarity of follower
// sets — exactly what the live query (commonly-followed-with.cypher) computes, same formula, same
// order — are stored as (x)-[:COMMONLY_FOLLOWED_WITH {score, overlap, rank, computedAt}]->(c), and
// x.coFollowedAt records when. Old lists of the batch go in the same transaction: a reader sees a
// creator's old list or its new one, never a mix. Creators in $drop lose their list (their walk
// is now small enough to answer live).
//
// Parameters: $keep (list of creator ids), $drop (list of creator ids), $k (integer),
//   $computedAt (ISO-8601 string).
CALL () {
  UNWIND $drop + $keep AS id
  MATCH (x:Creator {id: id})
  OPTIONAL MATCH (x)-[old:COMMONLY_FOLLOWED_WITH]->()
  DELETE old
  WITH DISTINCT x
  REMOVE x.coFollowedAt
}
UNWIND $keep AS id
MATCH (x:Creator {id: id})
CALL (x) {
  WITH x, COUNT { (x)<-[:FOLLOWS]-() } AS a
  MATCH (x)<-[:FOLLOWS]-(u)-[:FOLLOWS]->(c)
  WHERE c <> x
  WITH a, c, count(u) AS overlap
  WITH c, overlap, toFloat(overlap) / (a + COUNT { (c)<-[:FOLLOWS]-() } - overlap) AS score
  ORDER BY score DESC, c.id ASC
  LIMIT $k
  RETURN collect({c: c, overlap: overlap, score: score}) AS top
}
SET x.coFollowedAt = $computedAt
WITH x, top
UNWIND range(0, size(top) - 1) AS rank
WITH x, rank, top[rank] AS t
WITH x, rank, t, t.c AS c
CREATE (x)-[:COMMONLY_FOLLOWED_WITH {score: t.score, overlap: t.overlap, rank: rank, computedAt: $computedAt}]->(c)
RETURN count(*) AS stored
