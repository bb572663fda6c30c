// feedCandidates, tier IN_NETWORK: recent models from the creators $userId follows, ranked by
//   affinity × freshness × popularity, at most $perSeed per creator, $tierSize in all, where
//   affinity   = 1 + w.likedCreator·ln(1 + models of that creator the user liked)
//                  + w.mutual·[the creator follows the user back]
//   freshness  = 2^(−ageDays / $halfLifeDays), age from coalesce(createdAt, lastModified) to $now
//                (the 2024-09 Hub dump has lastModified only; models with neither date are stubs
//                known from lineage and are skipped)
//   popularity = 1 + w.downloads·ln(1 + downloads) + w.likes·ln(1 + likes)
// Why bounded so: a user may follow thousands of creators; only the $maxFollowed most recent
// follows are read (follows without a time last). Models the user created or liked never appear.
// Every row's reason is "/<creator> uploaded a model": src/domain/feedCandidates.ts adds it from
// creatorId (as a map per row, it cost the client about 0.4 ms of decoding per 100 rows).
// Parameters: $userId, $now (ISO-8601 datetime), $halfLifeDays, $w {downloads, likes,
//   likedCreator, mutual}, $perSeed, $maxFollowed, $tierSize.
MATCH (u:User {id: $userId})
// The user's liked models read once, as a list: a list lookup per model, where a per-model
// anti-join re-read the user's likes every time (feed-out-of-network.cypher measured it).
CALL (u) {
  OPTIONAL MATCH (u)-[:LIKED]->(x)
  RETURN collect(x) AS liked
}
MATCH (u)-[r:FOLLOWS]->(c:Creator)
WHERE c <> u
WITH u, liked, c, r
ORDER BY r.since IS NULL, r.since DESC, c.id
LIMIT $maxFollowed
WITH u, liked, c,
  1.0 + $w.likedCreator * log(1 + COUNT { (u)-[:LIKED]->(:Model)<-[:CREATED]-(c) })
      + CASE WHEN EXISTS { (c)-[:FOLLOWS]->(u) } THEN $w.mutual ELSE 0.0 END AS affinity
CALL (liked, c, affinity) {
  MATCH (c)-[:CREATED]->(m:Model)
  WHERE NOT m IN liked
  WITH m, affinity, coalesce(m.createdAt, m.lastModified) AS ts
  WHERE ts IS NOT NULL
  WITH m, affinity,
    CASE WHEN ts > datetime($now) THEN 0.0
         ELSE duration.inSeconds(ts, datetime($now)).seconds / 86400.0 END AS ageDays
  WITH m, affinity
    * 2.0 ^ (-ageDays / toFloat($halfLifeDays))
    * (1.0 + $w.downloads * log(1 + coalesce(m.downloads, 0)) + $w.likes * log(1 + coalesce(m.likes, 0))) AS score
  RETURN m, score
  ORDER BY score DESC, m.id
  LIMIT $perSeed
}
RETURN m {.id, .name, .downloads, .likes, .createdAt, .lastModified, .pipelineTag} AS model,
  c.id AS creatorId, m.pipelineTag AS topic, 'creator:' + c.id AS seed, score
ORDER BY score DESC, model.id
LIMIT $tierSize
