// search (models): full-text relevance from the `model_search` index (id, name, tags) combined with
// social authority and the model's own popularity:
//   score = w.relevance·relevance + w.followers·ln(1 + creator's followers)
//         + w.likes·ln(1 + model's likes) + w.downloads·ln(1 + model's downloads)
//         + w.models·ln(1 + creator's models)
// Why downloads: BM25 favours short documents, so a mirror with few tags (Xenova/whisper-base)
// outscores the original with a hundred language tags (openai/whisper-*); popularity restores it,
// and a lineage-only stub (no downloads, no likes) ranks below its creator and its Hub models.
// relevance is the Lucene score divided by the best score of this query, so it lies in (0, 1] and
// models and creators (searched in another index) can be merged on one scale.
// Why a pool: the index returns the $pool most relevant hits; authority re-ranks them, it never
// pulls in a model the text did not match. $query must already be escaped for Lucene.
// Parameters: $query, $pool, $w {relevance, followers, likes, downloads, models}, $first.
CALL db.index.fulltext.queryNodes('model_search', $query, {limit: $pool}) YIELD node, score
WITH collect({m: node, s: score}) AS hits, max(score) AS top
UNWIND hits AS hit
WITH hit.m AS m, hit.s / top AS relevance
OPTIONAL MATCH (c:Creator)-[:CREATED]->(m)
WITH m, relevance, c,
  coalesce(c.followers, 0) AS followers,
  coalesce(m.likes, 0) AS likes,
  coalesce(m.downloads, 0) AS downloads,
  CASE WHEN c IS NULL THEN 0 ELSE COUNT { (c)-[:CREATED]->() } END AS models
WITH m, relevance, c, followers, likes, downloads, models,
  $w.relevance * relevance + $w.followers * log(1 + followers) + $w.likes * log(1 + likes)
    + $w.downloads * log(1 + downloads) + $w.models * log(1 + models) AS score
ORDER BY score DESC, m.id
LIMIT $first
RETURN m {.id, .name, .downloads, .likes, .createdAt, .lastModified, .pipelineTag} AS model,
  c {.id, .name, .kind, .source} AS creator, relevance, followers, likes, downloads, models, score
