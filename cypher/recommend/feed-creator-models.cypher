// feedCandidates, tier OUT_OF_NETWORK, the creator sources: the best models of creators the user
// does not follow, at most $perSeed per creator, scored strength × freshness × popularity
// (freshness and popularity as in feed-in-network.cypher). $creators comes from two questions,
// asked by src/domain/feedCandidates.ts before this query:
//  - source 'followed-by-follows': followOfFollow's answer (creators followed by the creators the
//    user follows, from the user's stored list when it is current). Strongest first by
//    strength = ln(1 + support) × (1 + authority), support = how many of the user's follows follow
//    them, authority = Creator.authority (PageRank from analytics) or, until analytics has run,
//    ln(1 + followers): the feed wants the authoritative ones among them. Only creators with a
//    model count, and at most $maxCreators of them.
//  - source 'recommended': recommendedCreators' answer, strength = its blended score.
// Reusing followOfFollow's answer instead of walking the follows again here took the tier from
// about 20 to about 5 ms of Neo4j CPU on the bench (docs/performance.md): its stored list already
// holds the walk.
// Models the user created or liked never appear; only dated models (not lineage stubs).
// At most $tierSize rows, the best: the tier keeps at most that many models, best first, and every
// row here is a different model of a creator seed already capped at $perSeed, so a row past the
// first $tierSize could never be kept (a model the topic or like sources also offer is still one
// model ahead of it). The other rows were up to 250 more for the server to decode.
// Parameters: $userId, $followedIds and $followedSupport (the followed-by-follows creators and
//   their support), $recommendedIds and $recommendedStrength (the recommended creators and their
//   blended scores), $now, $halfLifeDays, $w {downloads, likes}, $perSeed, $maxCreators, $tierSize.
MATCH (u:User {id: $userId})
// The user's liked and created models read once, as a list: a list lookup per model, where a
// per-model anti-join re-read a dense user's relationships for every candidate.
CALL (u) {
  OPTIONAL MATCH (u)-[:LIKED|CREATED]->(x)
  RETURN collect(x) AS seen
}
// The creators come as parallel lists of plain values: as a list of maps the parameter took
// the driver about 1 ms of CPU to send (70 creators).
CALL () {
  UNWIND range(0, size($followedIds) - 1) AS i
  RETURN $followedIds[i] AS id, 'followed-by-follows' AS source, $followedSupport[i] AS support, null AS given
  UNION ALL
  UNWIND range(0, size($recommendedIds) - 1) AS i
  RETURN $recommendedIds[i] AS id, 'recommended' AS source, null AS support, $recommendedStrength[i] AS given
}
MATCH (c:Creator {id: id})
WHERE COUNT { (c)-[:CREATED]->() } > 0
WITH seen, source, c,
  coalesce(given, log(1 + support) * (1.0 + coalesce(c.authority, log(1 + coalesce(c.followers, 0))))) AS strength
ORDER BY strength DESC, c.id
WITH seen, source, collect({c: c, strength: strength})[..$maxCreators] AS kept
UNWIND kept AS k
// A creator both sources name is taken once, from the stronger (on a tie, the source first in
// alphabetical order): its models would otherwise come twice, in the same order, with one reason
// or the other depending on the order rows arrive in.
WITH seen, k.c AS c, k.strength AS strength, source
ORDER BY strength DESC, source
WITH seen, c, collect({strength: strength, source: source})[0] AS best
WITH seen, c, best.strength AS strength, best.source AS source, c.authority IS NOT NULL AS analytics
CALL (seen, c, strength) {
  // Labels on the far end of CREATED are left off: the schema makes every CREATED end at a Model.
  MATCH (c)-[:CREATED]->(m)
  WHERE NOT m IN seen
  WITH m, coalesce(m.createdAt, m.lastModified) AS ts
  WHERE ts IS NOT NULL
  WITH m, CASE WHEN ts > datetime($now) THEN 0.0
               ELSE duration.inSeconds(ts, datetime($now)).seconds / 86400.0 END AS ageDays
  WITH m, strength
    * 2.0 ^ (-ageDays / toFloat($halfLifeDays))
    * (1.0 + $w.downloads * log(1 + coalesce(m.downloads, 0)) + $w.likes * log(1 + coalesce(m.likes, 0))) AS score
  RETURN m, score
  ORDER BY score DESC, m.id
  LIMIT $perSeed
}
RETURN m {.id, .name, .downloads, .likes, .createdAt, .lastModified, .pipelineTag} AS model,
  c.id AS creatorId, m.pipelineTag AS topic, 'creator:' + c.id AS seed, score, source, analytics
ORDER BY score DESC, model.id
LIMIT $tierSize
