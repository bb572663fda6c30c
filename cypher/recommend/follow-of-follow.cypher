// followOfFollow — creators followed by the creators $userId follows, that $userId does not follow
// yet (and never $userId themself).
//
// Score (Adamic & Adar, "Friends and neighbors on the Web", 2003): every intermediary f that
// follows the candidate contributes 1 / ln(2 + |following(f)|), so a path through someone who
// follows a handful of creators counts for more than one through someone who follows thousands.
// count = number of paths (intermediaries) the walk read. via = the up-to-3 most prominent
// intermediaries (authority when analytics has run, else follower count; then id), the first two
// of which the reason names ("Followed by /A, /B and 62 others you follow").
// countIsLowerBound = the walk budget left some followees out, so the true count may be larger
// (the reason then says "at least").
//
// Why built this way: the two-hop expansion reaches ~200k rows for a hub on the demo corpus.
// Candidates are grouped once with a hash aggregation, and the creators $userId already follows
// are removed by aggregating them into the same groups (a `followed` flag) rather than by an
// existence check per row, which on a dense $userId costs a relationship scan per row. The
// intermediaries are carried as ranks (their index in $userId's followees sorted by prominence),
// so the top 3 per candidate come from a small integer list instead of a second expansion.
//
// Labels on the far ends of FOLLOWS are left off (the schema makes every FOLLOWS a User → Creator
// edge): a label check is a db hit per row, and a hub's two-hop walk has ~200k rows.
//
// Bounded work: the walk reads at most $maxWalk FOLLOWS relationships (the sum of the kept
// intermediaries' out-degrees), so one user's question costs the same order of time whoever asks.
// Intermediaries are taken cheapest first — fewest follows, which are also the ones an Adamic–Adar
// path through counts most for — until the next would overflow the budget; at least one is always
// kept (of the followees who follow anyone: one who follows nobody adds nothing to walk). On the demo the median stand-in user walks ~7k rows and the heaviest 254k (a followee list
// full of hubs); the evaluation harness measured what the budget costs in recall (docs/eval.md).
// The followed-already exclusion still reads every follow of $userId.
//
// Stored lists: a user's answer — computed by this same formula, in this same order, over an
// in-memory projection (src/analytics/followOfFollow.ts) — is stored on their node
// (followOfFollowIds / …Scores / …Counts / …Via, the intermediaries joined by a space, in their
// order of prominence when it was computed; …Bounded, whether the walk budget cut), refreshed after every social ingest and by
// `hubgraph ingest derived`. It is read only when it
// was computed under the settings asked for ($settings) and at the user's current follow count and
// socialVersion (a follow mutation bumps it, then stores the list again: src/stored/), so a follow
// shows in the next answer. `computedAt` says
// how fresh the answer is (null: live).
//
// Parameters: $userId, $first (integer, 1..100), $maxWalk (integer ≥ 1), $settings (string: the
//   settings, as stored lists record them).
MATCH (me:User {id: $userId})
WITH me, coalesce(me.followOfFollowVersion = coalesce(me.socialVersion, 0) AND me.followOfFollowFollows = COUNT { (me)-[:FOLLOWS]->() }
              AND me.followOfFollowSettings = $settings, false) AS stored
CALL (me, stored) {
  WITH me WHERE stored
  // Sliced, not filtered: a filter on i is planned after the seek below.
  UNWIND range(0, size(me.followOfFollowIds) - 1)[..$first] AS i
  MATCH (c:Creator {id: me.followOfFollowIds[i]})
  RETURN c, me.followOfFollowScores[i] AS score, me.followOfFollowCounts[i] AS count,
         split(me.followOfFollowVia[i], ' ') AS via, coalesce(me.followOfFollowBounded, false) AS bounded,
         me.followOfFollowAt AS computedAt
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
    WITH x.f AS f, x.out AS out, kept[1] < size(byCost) AS bounded
    ORDER BY coalesce(f.authority, f.followers, 0) DESC, f.id ASC
    RETURN collect(f) AS followees, collect(out) AS outs, coalesce(head(collect(bounded)), false) AS bounded
  }
  // The aggregation runs inside a subquery so the followee list stays in scope without becoming a
  // grouping key of every walked row.
  CALL (me, followees, outs) {
    CALL (me, followees, outs) {
      UNWIND range(0, size(followees) - 1) AS rank
      WITH rank, followees[rank] AS f, 1.0 / log(2 + outs[rank]) AS weight
      MATCH (f)-[:FOLLOWS]->(c)
      RETURN c, weight, rank, false AS followed
      UNION ALL
      MATCH (me)-[:FOLLOWS]->(c)
      RETURN c, 0.0 AS weight, null AS rank, true AS followed
    }
    WITH me, c, sum(weight) AS score, collect(rank) AS ranks, max(followed) AS followed
    WHERE NOT followed AND c <> me
    RETURN c, score, ranks
    ORDER BY score DESC, c.id ASC
    LIMIT $first
  }
  CALL (ranks) {
    UNWIND ranks AS r
    WITH r ORDER BY r ASC LIMIT 3
    RETURN collect(r) AS topRanks
  }
  RETURN c, score, size(ranks) AS count, [i IN topRanks | followees[i].id] AS via, bounded, null AS computedAt
}
RETURN c {.id, .name, .kind, .source, .authority} AS creator, score, count, via, bounded AS countIsLowerBound, computedAt
ORDER BY score DESC, creator.id ASC
