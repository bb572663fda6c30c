// secondDegree, stored: writes the precomputed lists of a batch of users (see
// src/analytics/secondDegree.ts), each with the settings it was computed under and the user's
// follow count then. One SET per user, so a reader sees their old list or their new one.
//
// Parameters: $rows (list of {id, ids, counts, via, bounded, follows}), $computedAt (ISO-8601 string),
//   $settings (string).
UNWIND $rows AS r
MATCH (u:User {id: r.id})
// Compare-and-set: a list computed before the user's last write is not stored (they are answered live).
WHERE coalesce(u.socialVersion, 0) = r.version
SET u.secondDegreeIds = r.ids,
    u.secondDegreeCounts = r.counts,
    u.secondDegreeVia = r.via,
    u.secondDegreeBounded = r.bounded,
    u.secondDegreeFollows = r.follows,
    u.secondDegreeSettings = $settings,
    u.secondDegreeVersion = r.version,
    u.secondDegreeAt = $computedAt
