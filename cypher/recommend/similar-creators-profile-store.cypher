// similarCreators, stored profile lists: writes the precomputed lists of a batch of creators (see
// src/analytics/creatorProfileSimilarity.ts) with the item cap they were computed under, which
// the reader compares with its own. One SET per creator, so a reader sees its old list or its
// new one, never a mix. Scores go through toFloat: a Jaccard of exactly 1 arrives as an integer
// (whole numbers are sent as Integers), and the property should be a float list on every node.
//
// Parameters: $rows (list of {id, ids, scores}), $computedAt (ISO-8601 string),
//   $maxItemModels (integer).
UNWIND $rows AS r
MATCH (x:Creator {id: r.id})
SET x.profileSimIds = r.ids,
    x.profileSimScores = [s IN r.scores | toFloat(s)],
    x.profileSimMaxItemModels = $maxItemModels,
    x.profileSimAt = $computedAt
