// feedCandidates, tier OUT_OF_NETWORK, fourth source: models of the creators recommendedCreators
// proposes for $userId (follow-of-follow, second degree, similar users, organizations, follow
// back, topic leaders — see src/domain/recommendedCreators.ts), at most $perSeed per creator,
// scored strength × freshness × popularity as in feed-in-network.cypher, strength = the creator's
// blended recommendation score. Models the user created or liked never appear; only dated models.
// Parameters: $userId, $creators [{id, strength}], $now, $halfLifeDays, $w {downloads, likes}, $perSeed.
MATCH (u:User {id: $userId})
// The user's liked and created models read once, as a list (see feed-out-of-network.cypher).
CALL (u) {
  OPTIONAL MATCH (u)-[:LIKED|CREATED]->(x)
  RETURN collect(x) AS seen
}
UNWIND $creators AS rec
MATCH (c:Creator {id: rec.id})
CALL (seen, c, rec) {
  MATCH (c)-[:CREATED]->(m:Model)
  WHERE NOT m IN seen
  WITH m, rec, coalesce(m.createdAt, m.lastModified) AS ts
  WHERE ts IS NOT NULL
  WITH m, rec,
    CASE WHEN ts > datetime($now) THEN 0.0
         ELSE duration.inSeconds(ts, datetime($now)).seconds / 86400.0 END AS ageDays
  WITH m, rec.strength
    * 2.0 ^ (-ageDays / toFloat($halfLifeDays))
    * (1.0 + $w.downloads * log(1 + coalesce(m.downloads, 0)) + $w.likes * log(1 + coalesce(m.likes, 0))) AS score
  RETURN m, score
  ORDER BY score DESC, m.id
  LIMIT $perSeed
}
RETURN m {.id, .name, .downloads, .likes, .createdAt, .lastModified, .pipelineTag} AS model,
  c.id AS creatorId, m.pipelineTag AS topic, 'creator:' + c.id AS seed, score
ORDER BY score DESC, model.id
