// commonlyFollowedWith, stored: writes the precomputed lists of a batch of creators (see
// src/analytics/commonlyFollowedWith.ts, and src/stored/refresher.ts just behind a follow). One SET
// per creator, so a reader sees its old list or its new one, never a mix.
//
// Parameters: $rows (list of {id, ids, scores, overlaps, followersVersion}), $computedAt (ISO-8601
//   string).
UNWIND $rows AS r
MATCH (x:Creator {id: r.id})
// Compare-and-set: a list computed before the creator's followers last changed is not stored.
WHERE coalesce(x.followersVersion, 0) = r.followersVersion
SET x.coFollowIds = r.ids,
    x.coFollowScores = r.scores,
    x.coFollowOverlaps = r.overlaps,
    x.coFollowVersion = r.followersVersion,
    x.coFollowedAt = $computedAt
