// topicTopContributors — the creators that lead the task $taskId.
//
// Score = ln(1 + Σ downloads) + ln(1 + Σ likes) + $authorityWeight · standing / maxStanding, sums
// over the creator's models with that task. standing = the creator's PageRank authority when
// analytics has written it (authoritySource ANALYTICS), else its follower count (FOLLOWER_COUNT:
// the `followers` property ingest maintains, or the live count on nodes without it);
// maxStanding = the largest standing of the same source among the task's contributors, so the
// term lies in [0, $authorityWeight] whatever scale analytics writes. count = the creator's models
// in the task. The logs keep one viral model from drowning everything else.
//
// Why built this way: everything is one pass over the task's models, aggregated per creator, then
// normalised in one collected list. That pass is the cost: text-generation has 3,856 models by 954
// creators on the demo, the slowest task, and under 8 concurrent clients it alone set the
// question's p99 above 60 ms.
//
// Stored lists: the answer does not depend on who asks, so every task's top 100 — computed by this
// very query with $live = true (src/analytics/topicLeaders.ts), so stored equals live by
// construction — is stored on the Task node (leaderIds, leaderScores, leaderCounts, leaderSources,
// stamped leadersAt, with the leadersAuthorityWeight it was computed under). A task is answered
// from it (~$first index seeks) when $live is false, it has a list, and the list's weight is
// $authorityWeight; otherwise — no list (a task created or given its first models since the
// refresh), another weight, or $live — live. Freshness: lists are recomputed after every models
// ingest, social ingest, `hubgraph ingest derived` and analytics run (the inputs: downloads/likes,
// follower counts, authority); `computedAt` says how fresh the answer is (null: live).
//
// Parameters: $taskId, $first (integer, 1..100), $authorityWeight (float), $live (boolean: true
//   bypasses the stored lists — the refresh's own reads).
MATCH (t:Task {id: $taskId})
WITH t, coalesce(NOT $live AND t.leadersAt IS NOT NULL AND t.leadersAuthorityWeight = $authorityWeight, false) AS stored
CALL (t, stored) {
  WITH t WHERE stored
  // Sliced, not filtered: a filter on i was planned after the seek below, which then looked up
  // all 100 stored ids to return $first.
  UNWIND range(0, size(t.leaderIds) - 1)[..$first] AS i
  MATCH (c:Creator {id: t.leaderIds[i]})
  RETURN c, t.leaderScores[i] AS score, t.leaderCounts[i] AS models, t.leaderSources[i] AS authoritySource, t.leadersAt AS computedAt
  UNION ALL
  WITH t WHERE NOT stored
  MATCH (t)<-[:HAS_TASK]-(m:Model)<-[:CREATED]-(c:Creator)
  WITH c, sum(coalesce(m.downloads, 0)) AS downloads, sum(coalesce(m.likes, 0)) AS likes, count(m) AS models
  WITH c, downloads, likes, models, c.authority IS NOT NULL AS analytics,
       toFloat(coalesce(c.authority, c.followers, COUNT { (c)<-[:FOLLOWS]-() })) AS standing
  WITH collect({c: c, downloads: downloads, likes: likes, models: models, analytics: analytics, standing: standing}) AS rows
  WITH rows,
       reduce(mx = 0.0, r IN rows | CASE WHEN r.analytics AND r.standing > mx THEN r.standing ELSE mx END) AS maxAuthority,
       reduce(mx = 0.0, r IN rows | CASE WHEN NOT r.analytics AND r.standing > mx THEN r.standing ELSE mx END) AS maxFollowers
  UNWIND rows AS r
  WITH r, CASE WHEN r.analytics THEN maxAuthority ELSE maxFollowers END AS maxStanding
  WITH r,
       log(1 + r.downloads) + log(1 + r.likes)
         + $authorityWeight * CASE WHEN maxStanding > 0 THEN r.standing / maxStanding ELSE 0.0 END AS score
  WITH r, r.c AS c, score
  ORDER BY score DESC, c.id ASC
  LIMIT $first
  RETURN c, score, r.models AS models, CASE WHEN r.analytics THEN 'ANALYTICS' ELSE 'FOLLOWER_COUNT' END AS authoritySource, null AS computedAt
}
WITH c, score, models, authoritySource, computedAt, t.name AS taskName
ORDER BY score DESC, c.id ASC
LIMIT $first
RETURN c {.id, .name, .kind, .source, .authority} AS creator,
       score,
       models AS count,
       authoritySource,
       computedAt,
       // The reason names the task by its name, as a follow group's title does.
       taskName
