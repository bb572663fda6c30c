// search (creators): full-text relevance from the `creator_search` index (id, name) combined with
// social authority, on the same formula and scale as search-models.cypher:
//   score = w.relevance·relevance + w.followers·ln(1 + followers)
//         + w.likes·ln(1 + likes of all the creator's models)
//         + w.downloads·ln(1 + downloads of all the creator's models) + w.models·ln(1 + models)
// Summing over the models keeps a creator at or above each of its own models for the same match.
// Parameters: $query (escaped for Lucene), $pool, $w {relevance, followers, likes, downloads, models}, $first.
CALL db.index.fulltext.queryNodes('creator_search', $query, {limit: $pool}) YIELD node, score
WITH collect({c: node, s: score}) AS hits, max(score) AS top
UNWIND hits AS hit
WITH hit.c AS c, hit.s / top AS relevance
CALL (c) {
  OPTIONAL MATCH (c)-[:CREATED]->(m:Model)
  RETURN count(m) AS models, sum(coalesce(m.likes, 0)) AS likes, sum(coalesce(m.downloads, 0)) AS downloads
}
WITH c, relevance, coalesce(c.followers, 0) AS followers, likes, downloads, models
WITH c, relevance, followers, likes, downloads, models,
  $w.relevance * relevance + $w.followers * log(1 + followers) + $w.likes * log(1 + likes)
    + $w.downloads * log(1 + downloads) + $w.models * log(1 + models) AS score
ORDER BY score DESC, c.id
LIMIT $first
RETURN c {.id, .name, .kind, .source} AS creator, relevance, followers, likes, downloads, models, score
