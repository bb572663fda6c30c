// like — $userId likes the model $modelId (LIKED, since = now), effective at once. The model's
// `likes` (the Hub's count) goes up by one only when the edge is new: ON CREATE runs under the
// lock MERGE takes, so concurrent likes count once each. No row (and nothing written) when an id
// is unknown.
// Parameters: $userId, $modelId.
MATCH (u:User {id: $userId})
MATCH (m:Model {id: $modelId})
OPTIONAL MATCH (u)-[existing:LIKED]->(m)
WITH u, m, existing IS NULL AS changed
MERGE (u)-[r:LIKED]->(m)
  ON CREATE SET r.since = datetime(), m.likes = coalesce(m.likes, 0) + 1
RETURN m {.id, .name, .downloads, .likes, .createdAt, .lastModified, .pipelineTag} AS model, changed
