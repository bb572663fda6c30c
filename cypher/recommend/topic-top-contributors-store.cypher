// topicTopContributors, stored lists: writes the precomputed leaders of a batch of tasks (see
// src/analytics/topicLeaders.ts) with the authority weight they were computed under, which the
// reader compares with its own. One SET per task, so a reader sees a task's old list or its new
// one, never a mix. Scores go through toFloat: a whole-number score arrives as an Integer (whole
// numbers are sent as Integers), and the property should be a float list on every node.
//
// Parameters: $rows (list of {id, ids, scores, counts, sources}), $computedAt (ISO-8601 string),
//   $authorityWeight (float).
UNWIND $rows AS r
MATCH (t:Task {id: r.id})
SET t.leaderIds = r.ids,
    t.leaderScores = [s IN r.scores | toFloat(s)],
    t.leaderCounts = r.counts,
    t.leaderSources = r.sources,
    t.leadersAuthorityWeight = toFloat($authorityWeight),
    t.leadersAt = $computedAt
