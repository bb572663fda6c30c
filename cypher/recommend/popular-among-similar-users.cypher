// popularAmongSimilarUsers — user-based collaborative filtering on follows: the creators followed
// by the users whose follows most resemble $userId's, that $userId does not follow yet (never
// $userId themself).
//
// similarity(me, v) = |F(me) ∩ F(v)| / |F(me) ∪ F(v)|, where the intersection counts only followees
// with at most $maxSharedFollowers followers (the union is the whole sets): following a creator
// everybody follows says little about taste (the IDF argument), and such a hub's thousands of
// followers were most of the walk — capping them halved this query's median time on the demo
// (71 → 35 ms) without lowering its recall (docs/eval.md). The $neighbours most similar users
// (ties: id) are the neighbourhood. Score(c) = Σ similarity(me, v)
// over the neighbours v who follow c; count = how many of them follow c; via = the up-to-2 most
// similar of them, whom the reason names ("Followed by /A, /B and 8 others whose follows resemble
// yours").
// (Herlocker et al., "An algorithmic framework for performing collaborative filtering", SIGIR 1999.)
//
// Why built this way: only users sharing at least one followee can have a non-zero similarity, so
// neighbours come from the walk me → creator ← v; |F(v)| is a degree-store read. Already-followed
// creators are removed by aggregating them into the same groups (a `followed` flag) rather than by
// a relationship check per row.
//
// Labels on the far ends of FOLLOWS are left off (the schema makes every FOLLOWS a User → Creator
// edge): a label check is a db hit per row, and a hub's two-hop walk has ~200k rows.
//
// Bounded work, as follow-of-follow.cypher: the neighbour walk reads at most $maxWalk FOLLOWS
// relationships, from the followees with fewest followers first (the rarest shared taste counts
// most, by the same IDF argument; at least one is always kept), so the intersection counts only
// those followees for every v.
//
// Stored lists: a user whose live walk is large has the answer — computed by this same formula,
// in this same order, over an in-memory projection (src/analytics/popularAmongSimilarUsers.ts) —
// stored on their node (popularAmongSimilarIds / …Scores / …Counts / …Via, the named neighbours
// joined by a space), refreshed after every social
// ingest and by `hubgraph ingest derived`. It is read only when it was computed under the settings
// asked for ($settings) and at the user's current follow count and socialVersion (a follow
// mutation bumps it, then stores the list again: src/stored/), so a follow shows in the next answer. `computedAt` says how fresh the answer is (null:
// live).
//
// Parameters: $userId, $first (integer, 1..100), $neighbours (integer ≥ 1), $maxSharedFollowers
//   (integer), $maxWalk (integer ≥ 1), $settings (string: the three settings, as stored lists
//   record them).
MATCH (me:User {id: $userId})
WITH me, COUNT { (me)-[:FOLLOWS]->() } AS a
WITH me, a, coalesce(me.popularAmongSimilarVersion = coalesce(me.socialVersion, 0) AND me.popularAmongSimilarFollows = a
                 AND me.popularAmongSimilarSettings = $settings, false) AS stored
CALL (me, a, stored) {
  WITH me WHERE stored
  // Sliced, not filtered: a filter on i was planned after the seek below, which then looked up
  // all 100 stored ids to return $first.
  UNWIND range(0, size(me.popularAmongSimilarIds) - 1)[..$first] AS i
  MATCH (c:Creator {id: me.popularAmongSimilarIds[i]})
  RETURN c, me.popularAmongSimilarScores[i] AS score, me.popularAmongSimilarCounts[i] AS count,
         [x IN split(coalesce(me.popularAmongSimilarVia[i], ''), ' ') WHERE x <> ''] AS via,
         me.popularAmongSimilarAt AS computedAt
  UNION ALL
  WITH me, a WHERE NOT stored
  CALL (me) {
    MATCH (me)-[:FOLLOWS]->(f)
    WITH f, COUNT { (f)<-[:FOLLOWS]-() } AS followers
    WHERE followers <= $maxSharedFollowers
    WITH f, followers ORDER BY followers ASC, f.id ASC
    WITH collect({f: f, followers: followers}) AS byCost
    WITH byCost, reduce(kept = [0, 0], x IN byCost |
           CASE WHEN kept[1] = 0 OR kept[0] + x.followers <= $maxWalk THEN [kept[0] + x.followers, kept[1] + 1] ELSE kept END) AS kept
    UNWIND byCost[0..kept[1]] AS x
    RETURN x.f AS f
  }
  MATCH (f)<-[:FOLLOWS]-(v)
  WHERE v <> me
  WITH me, a, v, count(*) AS shared
  WITH me, v, toFloat(shared) / (a + COUNT { (v)-[:FOLLOWS]->() } - shared) AS similarity
  ORDER BY similarity DESC, v.id ASC
  LIMIT $neighbours
  WITH me, collect({v: v, similarity: similarity}) AS neighbours
  // The aggregation runs inside a subquery so the neighbour list stays in scope without becoming a
  // grouping key of every walked row; neighbours are carried as ranks (most similar first), so the
  // two named per candidate come from a small integer list (as in follow-of-follow.cypher).
  CALL (me, neighbours) {
    CALL (me, neighbours) {
      UNWIND range(0, size(neighbours) - 1) AS rank
      WITH rank, neighbours[rank].v AS v, neighbours[rank].similarity AS similarity
      MATCH (v)-[:FOLLOWS]->(c)
      RETURN c, similarity, rank, false AS followed
      UNION ALL
      MATCH (me)-[:FOLLOWS]->(c)
      RETURN c, 0.0 AS similarity, null AS rank, true AS followed
    }
    WITH me, c, sum(similarity) AS score, collect(rank) AS ranks, max(followed) AS followed
    WHERE NOT followed AND c <> me
    // Ranked and cut before the creator's map is built: projected first, it was built for every
    // candidate (~1,200 for a typical user) to return 20.
    WITH c, score, ranks
    ORDER BY score DESC, c.id ASC
    LIMIT $first
    RETURN c, score, ranks
  }
  CALL (ranks) {
    UNWIND ranks AS r
    WITH r ORDER BY r ASC LIMIT 2
    RETURN collect(r) AS topRanks
  }
  RETURN c, score, size(ranks) AS count, [i IN topRanks | neighbours[i].v.id] AS via, null AS computedAt
}
RETURN c {.id, .name, .kind, .source, .authority} AS creator, score, count, via, computedAt
ORDER BY score DESC, creator.id ASC
