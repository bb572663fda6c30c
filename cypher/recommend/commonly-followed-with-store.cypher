// commonlyFollowedWith, stored: writes the precomputed lists of a batch of creators (see
// src/analytics/commonlyFollowedWith.ts). One SET per creator, so a reader sees its old list or
// its new one, never a mix.
//
// Parameters: $rows (list of {id, ids, scores, overlaps}), $computedAt (ISO-8601 string).
UNWIND $rows AS r
MATCH (x:Creator {id: r.id})
SET x.coFollowIds = r.ids,
    x.coFollowScores = r.scores,
    x.coFollowOverlaps = r.overlaps,
    x.coFollowedAt = $computedAt
