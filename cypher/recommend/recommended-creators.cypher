// recommendedCreators — the user's stored list when it is current (src/analytics/recommendedCreators.ts),
// else what the blend needs besides the other questions' answers: the topics (tasks) $userId
// follows, most recently followed first, for the cold-start signal, and the ids $userId already
// follows, to drop them from the topic leaders (a question not centred on a user), and whether
// $userId belongs to an organization (sameOrganization is not asked otherwise: its answer would be
// empty, and a query costs about 1 ms of CPU even then). No row: no such user.
//
// The stored list is read when it was computed under the settings asked for ($settings; null never
// matches), at the user's current follow count and versions (no write by or follow of the user
// since). Not tied to the analytics run: a new run changes how followBack ranks and which
// intermediaries are named first, never whether a reason is true, and `hubgraph analytics run`
// refreshes the lists itself once its run is current (src/analytics/run.ts). Sliced, not filtered: a filter on i is planned after the
// seek. `stored` null: answer live.
//
// Parameters: $userId, $maxTopics (integer ≥ 0), $settings (string or null), $first (integer).
MATCH (me:User {id: $userId})
WITH me,
     coalesce(me.recommendedSettings = $settings
              AND me.recommendedVersion = [coalesce(me.socialVersion, 0), coalesce(me.followersVersion, 0)]
              AND me.recommendedFollows = COUNT { (me)-[:FOLLOWS]->() },
              false) AS current
RETURN CASE WHEN current THEN COLLECT {
         UNWIND range(0, size(me.recommendedIds) - 1)[..$first] AS i
         MATCH (c:Creator {id: me.recommendedIds[i]})
         RETURN {i: i, creator: c {.id, .name, .kind, .source, .authority}, score: me.recommendedScores[i],
                 kind: me.recommendedKinds[i], count: me.recommendedCounts[i], via: me.recommendedVia[i],
                 source: me.recommendedSources[i], bounded: coalesce(me.recommendedBounded[i], false)}
       } END AS stored,
       CASE WHEN current THEN me.recommendedAt END AS storedAt,
       CASE WHEN current THEN [] ELSE COLLECT {
         MATCH (me)-[r:FOLLOWS_TOPIC]->(t:Task)
         RETURN t.id ORDER BY r.since IS NULL, r.since DESC, t.id ASC LIMIT $maxTopics
       } END AS topics,
       CASE WHEN current THEN [] ELSE COLLECT { MATCH (me)-[:FOLLOWS]->(c:Creator) RETURN c.id } END AS following,
       NOT current AND EXISTS { (me)-[:MEMBER_OF]->(:Organization) } AS member
