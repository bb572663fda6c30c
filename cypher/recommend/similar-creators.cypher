// similarCreators — creators like $creatorId: followed by the same people, and publishing models
// for the same tasks with the same tags.
//
// Score = $followWeight · followJaccard + $profileWeight · profileJaccard, where
//   followJaccard  = |followers(x) ∩ followers(c)| / |followers(x) ∪ followers(c)|
//   profileJaccard = |P(x) ∩ P(c)| / |P(x) ∪ P(c)|, P(n) = the distinct Tasks and Tags of n's models
//                    that are on at most $maxItemModels models
// (weights from the domain module's DEFAULTS; with both 0.5 the score lies in [0, 1]). Items on
// thousands of models (`region:us`, `safetensors`, `endpoints_compatible`, …) are stop-words: they
// say nothing about likeness, and they would make nearly every creator a candidate.
// count = the number of shared followers.
//
// Why built this way: a candidate with no shared follower has followJaccard 0 and one with no
// shared task/tag has profileJaccard 0, so each part is computed exactly over its own candidates
// (two-hop walks from x) and the two lists are summed per creator — no all-pairs comparison.
// Follower-set sizes are degree-store reads; a candidate's profile size needs its models' tasks
// and tags, read once per candidate; an item's model count is a degree-store read.
//
// Labels on the far ends of FOLLOWS are left off (the schema makes every FOLLOWS a User → Creator
// edge): a label check is a db hit per row, and a hub's two-hop walk has ~200k rows.
//
// Creators with a stored commonly-followed-with list (x.coFollowedAt set; see
// commonly-followed-with.cypher) take the follower part from it: the same Jaccard for their 100
// most co-followed creators, read from the list instead of a walk of up to ~10⁵ rows. A creator outside that list but with a profile
// match then gets followJaccard 0 here — it is below the 100th co-followed creator anyway.
//
// The profile part does not depend on who asks, so it is stored too: every creator with a
// profile has its 100 most similar by profileJaccard, computed by this formula in this order
// (src/analytics/creatorProfileSimilarity.ts) after every models or social ingest, on its node as
// profileSimIds / profileSimScores. The live profile walk — a 2-hop walk from x's items plus every
// candidate's own profile — was most of this query's time under load. A list is read only when it
// was computed under the cap asked for (x.profileSimMaxItemModels = $maxItemModels); a creator
// without one (no profile, created since the refresh) or asked with another cap is walked live.
// As with the follower part, a candidate outside the 100 gets profileJaccard 0.
//
// Parameters: $creatorId, $first (integer, 1..100), $followWeight, $profileWeight (floats),
//   $maxItemModels (integer).
MATCH (x:Creator {id: $creatorId})
CALL (x) {
  WITH x WHERE x.coFollowedAt IS NOT NULL
  UNWIND range(0, size(x.coFollowIds) - 1) AS i
  RETURN x.coFollowIds[i] AS id, x.coFollowOverlaps[i] AS overlap, x.coFollowScores[i] AS followJaccard, 0.0 AS profileJaccard
  UNION ALL
  WITH x WHERE x.coFollowedAt IS NULL
  WITH x, COUNT { (x)<-[:FOLLOWS]-() } AS a
  MATCH (x)<-[:FOLLOWS]-(u)-[:FOLLOWS]->(c)
  WHERE c <> x
  WITH a, c, count(u) AS overlap
  RETURN c.id AS id, overlap, toFloat(overlap) / (a + COUNT { (c)<-[:FOLLOWS]-() } - overlap) AS followJaccard, 0.0 AS profileJaccard
  UNION ALL
  WITH x WHERE x.profileSimAt IS NOT NULL AND coalesce(x.profileSimMaxItemModels = $maxItemModels, false)
  UNWIND range(0, size(x.profileSimIds) - 1) AS i
  RETURN x.profileSimIds[i] AS id, 0 AS overlap, 0.0 AS followJaccard, x.profileSimScores[i] AS profileJaccard
  UNION ALL
  WITH x WHERE NOT (x.profileSimAt IS NOT NULL AND coalesce(x.profileSimMaxItemModels = $maxItemModels, false))
  WITH x, COLLECT {
    MATCH (x)-[:CREATED]->(:Model)-[:HAS_TASK|TAGGED]->(i)
    WITH DISTINCT i WHERE COUNT { (i)<-[:HAS_TASK|TAGGED]-() } <= $maxItemModels
    RETURN i
  } AS mine
  UNWIND mine AS i
  MATCH (i)<-[:HAS_TASK|TAGGED]-(:Model)<-[:CREATED]-(c:Creator)
  WHERE c <> x
  WITH size(mine) AS a, c, count(DISTINCT i) AS shared
  WITH a, c, shared, size(COLLECT {
    MATCH (c)-[:CREATED]->(:Model)-[:HAS_TASK|TAGGED]->(j)
    WITH DISTINCT j WHERE COUNT { (j)<-[:HAS_TASK|TAGGED]-() } <= $maxItemModels
    RETURN j
  }) AS b
  RETURN c.id AS id, 0 AS overlap, 0.0 AS followJaccard, toFloat(shared) / (a + b - shared) AS profileJaccard
}
WITH id, sum(overlap) AS overlap, sum(followJaccard) AS followJaccard, sum(profileJaccard) AS profileJaccard
WITH id, overlap, $followWeight * followJaccard + $profileWeight * profileJaccard AS score
// A weight of 0 can leave candidates with nothing in common on the remaining measure.
WHERE score > 0
// Scored on ids, then only the best are looked up: the stored lists name up to 200 candidates, and
// a node lookup for each was half of the question's database time (5.3 → 2.5 ms a question for
// the 20 most followed creators, same answers). The sort is repeated after the lookup so the
// order does not rest on the lookup keeping it; the planner sees the order is already provided.
ORDER BY score DESC, id ASC
MATCH (c:Creator {id: id})
WITH c, score, overlap
ORDER BY score DESC, c.id ASC
LIMIT $first
RETURN c {.id, .name, .kind, .source, .authority} AS creator,
       score,
       overlap AS count
