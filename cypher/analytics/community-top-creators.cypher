// The most authoritative creators of each community, highest PageRank authority first (then
// followers, then id), the authority read from the slot of the community's own run. Cypher sorts
// null above every value, so a creator with no authority or follower count (added after the run,
// or never counted) would top a DESC list: `x IS NULL` first puts them last. A creator
// community's creators are its members; a model community's are the creators of its models.
// `models`: how many of the community's models they published (a creator community: all theirs).
// Parameters: $ids (full community ids), $first.
UNWIND $ids AS id
MATCH (k:Community {id: id})
MATCH (r:AnalyticsRun {id: k.runId})
RETURN id,
  COLLECT {
    CALL (k) {
      MATCH (c:Creator)-[:IN_COMMUNITY]->(k)
      RETURN c, COUNT { (c)-[:CREATED]->(:Model) } AS models
      UNION
      MATCH (c:Creator)-[:CREATED]->(m:Model)-[:IN_COMMUNITY]->(k)
      RETURN c, count(m) AS models
    }
    WITH c, models, c['pagerank' + r.slot] AS authority
    ORDER BY authority IS NULL, authority DESC, c.followers IS NULL, c.followers DESC, c.id
    LIMIT $first
    RETURN {id: c.id, name: c.name, kind: c.kind, source: c.source, authority: authority, followers: c.followers, models: models}
  } AS creators
