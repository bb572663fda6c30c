// feedCandidates, tier OUT_OF_NETWORK, the topic and like sources (the creator sources are
// feed-creator-models.cypher), each at most $perSeed per seed, scored
// strength × freshness × popularity (freshness and popularity as in feed-in-network.cypher):
//  (b) trending in the user's followed topics (FOLLOWS_TOPIC): strength 1.
//  (c) liked by creators the user follows (the $maxFollowed most recent follows): strength = how
//      many of them liked it.
// Models the user created or liked never appear; only dated models (not lineage stubs).
// Parameters: $userId, $now, $halfLifeDays, $w {downloads, likes}, $perSeed, $maxFollowed, $tierSize.
MATCH (u:User {id: $userId})
// What the user already liked or created, read once as a list: the exclusion below is a list
// lookup. As a per-row anti-join (NOT EXISTS { (u)-[:LIKED]->(m) }) it re-read a dense user's
// relationships for every candidate.
CALL (u) {
  OPTIONAL MATCH (u)-[:LIKED|CREATED]->(x)
  RETURN collect(x) AS seen
}
CALL (u) {
  MATCH (u)-[:FOLLOWS_TOPIC]->(t:Task)<-[:HAS_TASK]-(m:Model)
  RETURN m, 'topic:' + t.id AS seed, 1.0 AS strength,
    {kind: 'TRENDING_IN_TOPIC', via: [{type: 'TASK', id: t.id, name: t.name}]} AS reason
  UNION ALL
  MATCH (u)-[r:FOLLOWS]->(f:Creator)
  WITH u, f, r
  ORDER BY r.since IS NULL, r.since DESC, f.id
  LIMIT $maxFollowed
  MATCH (f)-[:LIKED]->(m:Model)
  WITH u, m, f
  ORDER BY f.followers IS NULL, f.followers DESC, f.id
  WITH u, m, count(f) AS likers, collect(f.id) AS likerIds
  // Only the $maxFollowed most recent follows are read: past that, likers is a lower bound.
  RETURN m, 'liked-by:' + likerIds[0] AS seed, toFloat(likers) AS strength,
    {kind: 'LIKED_BY', via: [x IN likerIds[..3] | {type: 'CREATOR', id: x}], count: likers,
     countIsLowerBound: COUNT { (u)-[:FOLLOWS]->() } > $maxFollowed} AS reason
}
WITH m, seed, strength, reason, coalesce(m.createdAt, m.lastModified) AS ts
WHERE ts IS NOT NULL AND NOT m IN seen
WITH m, seed, reason, strength,
  CASE WHEN ts > datetime($now) THEN 0.0
       ELSE duration.inSeconds(ts, datetime($now)).seconds / 86400.0 END AS ageDays
WITH m, seed, reason, strength
  * 2.0 ^ (-ageDays / toFloat($halfLifeDays))
  * (1.0 + $w.downloads * log(1 + coalesce(m.downloads, 0)) + $w.likes * log(1 + coalesce(m.likes, 0))) AS score
ORDER BY score DESC, m.id
// At most $perSeed per seed.
WITH seed, collect({m: m, score: score, reason: reason})[..$perSeed] AS best
UNWIND best AS b
WITH b.m AS m, seed, b.score AS score, b.reason AS reason
// A model offered by two seeds at one score is ordered by seed, so the rows kept by the limit never vary.
ORDER BY score DESC, m.id, seed
LIMIT $tierSize
RETURN m {.id, .name, .downloads, .likes, .createdAt, .lastModified, .pipelineTag} AS model,
  head([(c:Creator)-[:CREATED]->(m) | c.id]) AS creatorId, m.pipelineTag AS topic, seed, score, reason
