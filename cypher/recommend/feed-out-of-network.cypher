// feedCandidates, tier OUT_OF_NETWORK: models from outside the user's follows, from three sources,
// each at most $perSeed per seed, scored seedStrength × freshness × popularity (freshness and
// popularity as in feed-in-network.cypher):
//  (a) creators followed by the creators $userId follows (not followed by the user), strongest
//      first: strength = ln(1 + support) × (1 + authority), support = how many of the user's
//      follows follow them, authority = Creator.authority (PageRank from analytics) or, until
//      analytics has run, ln(1 + followers). Follows of accounts that follow more than
//      $maxOutDegree creators are skipped as a signal (they follow nearly everyone), and the walk
//      is bounded: the user's most recent follows are taken while their own follows sum to at most
//      $maxWalk (at least one), so a user following hundreds of busy accounts costs what one
//      following a few does.
//  (b) trending in the user's followed topics (FOLLOWS_TOPIC): strength 1.
//  (c) liked by creators the user follows: strength = how many of them liked it.
// Models the user created or liked never appear; only dated models (not lineage stubs).
// Parameters: $userId, $now, $halfLifeDays, $w {downloads, likes}, $perSeed, $maxFollowed,
//   $maxOutDegree, $maxWalk, $maxCreators, $tierSize.
MATCH (u:User {id: $userId})
// What the user already follows, liked or created, read once as lists: the exclusions below are
// list lookups. As per-row anti-joins (NOT EXISTS { (u)-[:FOLLOWS]->(c) } …) they were two thirds
// of the query's db hits: a dense user's relationships were re-read for every candidate.
CALL (u) {
  OPTIONAL MATCH (u)-[:FOLLOWS]->(x)
  RETURN collect(x) AS following
}
CALL (u) {
  OPTIONAL MATCH (u)-[:LIKED|CREATED]->(x)
  RETURN collect(x) AS seen
}
CALL (u, following, seen) {
  MATCH (u)-[r:FOLLOWS]->(f:Creator)
  WITH u, f, r, COUNT { (f)-[:FOLLOWS]->() } AS out
  WHERE out <= $maxOutDegree
  WITH u, f, r, out
  ORDER BY r.since IS NULL, r.since DESC, f.id
  LIMIT $maxFollowed
  // Most recent follows first, while their follows sum to at most $maxWalk (at least one kept).
  WITH u, collect({f: f, out: out}) AS recent
  WITH u, recent, reduce(kept = [0, 0], x IN recent |
         CASE WHEN kept[1] = 0 OR kept[0] + x.out <= $maxWalk THEN [kept[0] + x.out, kept[1] + 1] ELSE kept END) AS kept
  UNWIND recent[0..kept[1]] AS x
  WITH u, x.f AS f
  // Labels on the far ends of FOLLOWS and CREATED are left off: the schema makes every FOLLOWS
  // end at a Creator and every CREATED at a Model, and a label check is a db hit per row.
  MATCH (f)-[:FOLLOWS]->(c)
  WITH u, c, f
  ORDER BY f.followers DESC, f.id
  WITH u, c, count(f) AS support, collect(f.id) AS followedIds
  WHERE c <> u AND NOT c IN following AND COUNT { (c)-[:CREATED]->() } > 0
  WITH u, c, support, followedIds, c.authority IS NOT NULL AS analytics,
    coalesce(c.authority, log(1 + coalesce(c.followers, 0))) AS authority
  WITH u, c, support, followedIds, analytics, log(1 + support) * (1.0 + authority) AS strength
  ORDER BY strength DESC, c.id
  LIMIT $maxCreators
  // Only each creator's $perSeed best models go on (the ranking below keeps at most $perSeed a
  // seed, and within one creator the strength is a constant factor, so the order is freshness ×
  // popularity's, as below): a prolific creator's thousands of models are not all carried through.
  CALL (c, seen) {
    MATCH (c)-[:CREATED]->(m)
    WHERE NOT m IN seen
    WITH m, coalesce(m.createdAt, m.lastModified) AS ts
    WHERE ts IS NOT NULL
    WITH m, CASE WHEN ts > datetime($now) THEN 0.0
                 ELSE duration.inSeconds(ts, datetime($now)).seconds / 86400.0 END AS ageDays
    WITH m, 2.0 ^ (-ageDays / toFloat($halfLifeDays))
      * (1.0 + $w.downloads * log(1 + coalesce(m.downloads, 0)) + $w.likes * log(1 + coalesce(m.likes, 0))) AS freshPopular
    ORDER BY freshPopular DESC, m.id
    LIMIT $perSeed
    RETURN m
  }
  RETURN m, 'creator:' + c.id AS seed, strength,
    {kind: 'FOLLOWED_BY_MANY_YOU_FOLLOW',
     via: [{type: 'CREATOR', id: c.id}] + [x IN followedIds[..3] | {type: 'CREATOR', id: x}],
     count: support,
     authoritySource: CASE WHEN analytics THEN 'ANALYTICS' ELSE 'FOLLOWER_COUNT' END} AS reason
  UNION ALL
  MATCH (u)-[:FOLLOWS_TOPIC]->(t:Task)<-[:HAS_TASK]-(m:Model)
  RETURN m, 'topic:' + t.id AS seed, 1.0 AS strength,
    {kind: 'TRENDING_IN_TOPIC', via: [{type: 'TASK', id: t.id}]} AS reason
  UNION ALL
  MATCH (u)-[r:FOLLOWS]->(f:Creator)
  WITH u, f, r
  ORDER BY r.since IS NULL, r.since DESC, f.id
  LIMIT $maxFollowed
  MATCH (f)-[:LIKED]->(m:Model)
  WITH u, m, f
  ORDER BY f.followers DESC, f.id
  WITH u, m, count(f) AS likers, collect(f.id) AS likerIds
  RETURN m, 'liked-by:' + likerIds[0] AS seed, toFloat(likers) AS strength,
    {kind: 'LIKED_BY', via: [x IN likerIds[..3] | {type: 'CREATOR', id: x}], count: likers} AS reason
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
