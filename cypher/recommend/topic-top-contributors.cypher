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
// Why built this way: a task has at most a few thousand models on the demo corpus; everything is
// one pass over them, aggregated per creator, then normalised in one collected list.
//
// Parameters: $taskId, $first (integer, 1..100), $authorityWeight (float).
MATCH (t:Task {id: $taskId})<-[:HAS_TASK]-(m:Model)<-[:CREATED]-(c:Creator)
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
RETURN c {.id, .name, .kind, .source, .authority} AS creator,
       score,
       r.models AS count,
       CASE WHEN r.analytics THEN 'ANALYTICS' ELSE 'FOLLOWER_COUNT' END AS authoritySource
