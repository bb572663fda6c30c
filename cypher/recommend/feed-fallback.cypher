// feedCandidates, tier FALLBACK, for sparse or new users: three sources, each at most $perSeed per
// seed, so a user with nothing but topic follows (or nothing at all) still gets a feed:
//  (a) NEARBY_IN_GRAPH: models two hops from the user's anchor models (models the user created
//      or liked, and the $maxAnchors most recent models of creators the user follows) through
//      lineage (parent, child, sibling) or a shared paper or dataset of at most $maxSharedDegree
//      models; strength = number of such paths.
//  (b) FOLLOWED_TOPIC: the most popular models of the user's followed topics (popularity only:
//      the all-time favourites, where the out-of-network tier takes the trending ones); strength 1.
//  (c) GLOBALLY_TRENDING: the $globalPool most downloaded models (read in index order, ties by
//      id), re-ranked by freshness × popularity; strength 1, seeded by creator.
// The sources form a cascade (returned as `rank` 0, 1, 2: nearby first, then topics, then the hub).
// Score = strength × freshness × popularity as in feed-in-network.cypher, except (b) which ignores
// freshness. Models the user created or liked never appear; only dated models (not lineage stubs).
// Parameters: $userId, $now, $halfLifeDays, $w {downloads, likes}, $perSeed, $maxFollowed,
//   $maxAnchors, $maxSharedDegree, $globalPool, $tierSize.
MATCH (u:User {id: $userId})
// The user's liked and created models read once, as a list (see feed-out-of-network.cypher).
CALL (u) {
  OPTIONAL MATCH (u)-[:LIKED|CREATED]->(x)
  RETURN collect(x) AS seen
}
CALL (u) {
  CALL (u) {
    MATCH (u)-[:CREATED|LIKED]->(a:Model)
    RETURN a
    UNION
    MATCH (u)-[r:FOLLOWS]->(c:Creator)
    WITH u, c, r
    ORDER BY r.since IS NULL, r.since DESC, c.id
    LIMIT $maxFollowed
    MATCH (c)-[:CREATED]->(a:Model)
    WHERE coalesce(a.createdAt, a.lastModified) IS NOT NULL
    WITH a
    ORDER BY coalesce(a.createdAt, a.lastModified) DESC, a.id
    LIMIT $maxAnchors
    RETURN a
  }
  CALL (a) {
    MATCH (a)-[:DERIVED_FROM]-(m:Model)
    RETURN m, a AS hop
    UNION ALL
    MATCH (a)-[:DERIVED_FROM]-(hop:Model)-[:DERIVED_FROM]-(m:Model)
    WHERE m <> a AND COUNT { (hop)-[:DERIVED_FROM]-() } <= $maxSharedDegree
    RETURN m, hop
    UNION ALL
    MATCH (a)-[:CITES|TRAINED_ON]->(hop)<-[:CITES|TRAINED_ON]-(m:Model)
    WHERE m <> a AND COUNT { (hop)<-[:CITES|TRAINED_ON]-() } <= $maxSharedDegree
    RETURN m, hop
  }
  WITH u, m, a, hop
  ORDER BY a.id, hop.id
  WITH u, m, count(*) AS paths, head(collect({a: a, hop: hop})) AS first
  WITH u, m, paths, first.a AS a, first.hop AS hop
  WITH u, m, paths, a, hop, head([(c:Creator)-[:CREATED]->(a) | c.id]) AS anchorCreator
  RETURN m, 0 AS rank, 'near:' + coalesce(anchorCreator, a.id) AS seed, toFloat(paths) AS strength, true AS fresh,
    {kind: 'NEARBY_IN_GRAPH', count: paths,
     // via: the anchor's creator, the anchor, and the node between (none for a direct parent/child).
     via: [x IN [anchorCreator] WHERE x IS NOT NULL | {type: 'CREATOR', id: x}] + [{type: 'MODEL', id: a.id}] +
          [h IN [hop] WHERE h <> a |
           {type: CASE WHEN h:Paper THEN 'PAPER' WHEN h:Dataset THEN 'DATASET' ELSE 'MODEL' END, id: h.id}]} AS reason
  UNION ALL
  MATCH (u)-[:FOLLOWS_TOPIC]->(t:Task)<-[:HAS_TASK]-(m:Model)
  RETURN m, 1 AS rank, 'topic:' + t.id AS seed, 1.0 AS strength, false AS fresh,
    {kind: 'FOLLOWED_TOPIC', via: [{type: 'TASK', id: t.id, name: t.name}]} AS reason
  UNION ALL
  MATCH (m:Model)
  WHERE m.downloads >= 0
  WITH u, m
  // Ties broken by id, so the pool is the same set on every page request (still read in index order).
  ORDER BY m.downloads DESC, m.id
  LIMIT $globalPool
  RETURN m, 2 AS rank, 'trending:' + coalesce(head([(c:Creator)-[:CREATED]->(m) | c.id]), m.id) AS seed, 1.0 AS strength,
    true AS fresh, {kind: 'GLOBALLY_TRENDING', via: []} AS reason
}
WITH m, rank, seed, strength, fresh, reason, coalesce(m.createdAt, m.lastModified) AS ts, seen
WHERE ts IS NOT NULL AND NOT m IN seen
WITH m, rank, seed, reason, strength, fresh,
  CASE WHEN NOT fresh OR ts > datetime($now) THEN 0.0
       ELSE duration.inSeconds(ts, datetime($now)).seconds / 86400.0 END AS ageDays
WITH m, rank, seed, reason, strength
  * 2.0 ^ (-ageDays / toFloat($halfLifeDays))
  * (1.0 + $w.downloads * log(1 + coalesce(m.downloads, 0)) + $w.likes * log(1 + coalesce(m.likes, 0))) AS score
ORDER BY score DESC, m.id
WITH rank, seed, collect({m: m, score: score, reason: reason})[..$perSeed] AS best
UNWIND best AS b
WITH b.m AS m, rank, seed, b.score AS score, b.reason AS reason
// The sources are a cascade: nearby first, then the topics, then the whole hub. A model offered
// by two seeds at one score is ordered by seed, so the rows kept by the limit never vary.
ORDER BY rank, score DESC, m.id, seed
LIMIT $tierSize
RETURN m {.id, .name, .downloads, .likes, .createdAt, .lastModified, .pipelineTag} AS model,
  head([(c:Creator)-[:CREATED]->(m) | c.id]) AS creatorId, m.pipelineTag AS topic, rank, seed, score, reason
