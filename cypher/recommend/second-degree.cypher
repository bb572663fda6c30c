// secondDegree — creators followed by many of the creators $userId follows ("32 creators you
// follow also follow /Undi"), at least $minCount of them, that $userId does not follow yet (and
// never $userId themself).
//
// Score = count = the number of $userId's followees who follow the candidate (unweighted, unlike
// followOfFollow's Adamic–Adar score: this question is about the head-count). via = the up-to-3
// most prominent of those followees (authority, else follower count; then id), the first two of
// which the reason names. countIsLowerBound = the walk budget left some followees out, so the
// true head-count may be larger (the reason then says "at least").
//
// Why built this way: as follow-of-follow.cypher — one hash aggregation over the two-hop rows,
// already-followed creators removed by a flag aggregated into the same groups, intermediaries
// carried as integer ranks.
//
// Labels on the far ends of FOLLOWS are left off (the schema makes every FOLLOWS a User → Creator
// edge): a label check is a db hit per row, and a hub's two-hop walk has ~200k rows.
//
// Bounded work, as follow-of-follow.cypher: at most $maxWalk FOLLOWS relationships are walked,
// from the followees who follow fewest first (at least one who follows anyone is always kept; one
// who follows nobody adds nothing to the walk and is no intermediary). A creator followed by
// 32 of your followees is still found when the hubs among them are left out: the head-count is
// over the kept followees.
//
// Stored lists: a user's answer — computed by this same formula, in this same order, over an
// in-memory projection (src/analytics/secondDegree.ts) — is stored on their node (secondDegreeIds /
// …Counts / …Via, the intermediaries joined by a space, in their order of prominence when it was
// computed; …Bounded, whether the walk budget cut), refreshed after every social ingest and by `hubgraph ingest derived`. It is read only
// when it was computed under the settings asked for ($settings) and at the user's current follow
// count and socialVersion (a follow mutation bumps it, then stores the list again: src/stored/). `computedAt` says how fresh the answer is (null:
// live).
//
// Parameters: $userId, $first (integer, 1..100), $minCount (integer ≥ 1), $maxWalk (integer ≥ 1),
//   $settings (string: the settings, as stored lists record them).
MATCH (me:User {id: $userId})
WITH me, coalesce(me.secondDegreeVersion = coalesce(me.socialVersion, 0) AND me.secondDegreeFollows = COUNT { (me)-[:FOLLOWS]->() }
              AND me.secondDegreeSettings = $settings, false) AS stored
CALL (me, stored) {
  WITH me WHERE stored
  // Sliced, not filtered: a filter on i is planned after the seek below.
  UNWIND range(0, size(me.secondDegreeIds) - 1)[..$first] AS i
  MATCH (c:Creator {id: me.secondDegreeIds[i]})
  RETURN c, me.secondDegreeCounts[i] AS count, split(me.secondDegreeVia[i], ' ') AS via,
         coalesce(me.secondDegreeBounded, false) AS bounded, me.secondDegreeAt AS computedAt
  UNION ALL
  WITH me WHERE NOT stored
  CALL (me) {
    MATCH (me)-[:FOLLOWS]->(f)
    WITH f, COUNT { (f)-[:FOLLOWS]->() } AS out
    WHERE out > 0
    ORDER BY out ASC, f.id ASC
    WITH collect({f: f, out: out}) AS byCost
    WITH byCost, reduce(kept = [0, 0], x IN byCost |
           CASE WHEN kept[1] = 0 OR kept[0] + x.out <= $maxWalk THEN [kept[0] + x.out, kept[1] + 1] ELSE kept END) AS kept
    UNWIND byCost[0..kept[1]] AS x
    WITH x.f AS f, kept[1] < size(byCost) AS bounded
    ORDER BY coalesce(f.authority, f.followers, 0) DESC, f.id ASC
    RETURN collect(f) AS followees, coalesce(head(collect(bounded)), false) AS bounded
  }
  // The aggregation runs inside a subquery so the followee list stays in scope without becoming a
  // grouping key of every walked row.
  CALL (me, followees) {
    CALL (me, followees) {
      UNWIND range(0, size(followees) - 1) AS rank
      WITH rank, followees[rank] AS f
      MATCH (f)-[:FOLLOWS]->(c)
      RETURN c, rank, false AS followed
      UNION ALL
      MATCH (me)-[:FOLLOWS]->(c)
      RETURN c, null AS rank, true AS followed
    }
    WITH me, c, collect(rank) AS ranks, max(followed) AS followed
    WHERE NOT followed AND c <> me AND size(ranks) >= $minCount
    RETURN c, ranks, size(ranks) AS count
    ORDER BY count DESC, c.id ASC
    LIMIT $first
  }
  CALL (ranks) {
    UNWIND ranks AS r
    WITH r ORDER BY r ASC LIMIT 3
    RETURN collect(r) AS topRanks
  }
  RETURN c, count, [i IN topRanks | followees[i].id] AS via, bounded, null AS computedAt
}
RETURN c {.id, .name, .kind, .source, .authority} AS creator, toFloat(count) AS score, count, via,
       bounded AS countIsLowerBound, computedAt
ORDER BY score DESC, creator.id ASC
