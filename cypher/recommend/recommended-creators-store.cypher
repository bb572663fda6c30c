// recommendedCreators, stored: writes the precomputed blended lists of a batch of users (see
// src/analytics/recommendedCreators.ts), each with the settings and the analytics runs it was
// computed under and the user's follow count then. One SET per user, so a reader sees their old
// list or their new one.
//
// Parameters: $rows (list of {id, ids, scores, kinds, counts, via, sources, bounded, follows}),
//   $computedAt (ISO-8601 string), $settings (string), $runs (list of analytics run ids).
UNWIND $rows AS r
MATCH (u:User {id: r.id})
// Compare-and-set: a list computed before the user's last write, or before someone last followed or
// unfollowed them (followBack), is not stored (they are answered live).
WHERE [coalesce(u.socialVersion, 0), coalesce(u.followersVersion, 0)] = [r.version, r.followersVersion]
SET u.recommendedIds = r.ids,
    u.recommendedScores = r.scores,
    u.recommendedKinds = r.kinds,
    u.recommendedCounts = r.counts,
    u.recommendedVia = r.via,
    u.recommendedSources = r.sources,
    u.recommendedBounded = r.bounded,
    u.recommendedFollows = r.follows,
    u.recommendedSettings = $settings,
    u.recommendedVersion = [r.version, r.followersVersion],
    u.recommendedRuns = $runs,
    u.recommendedAt = $computedAt
