// The creators who contribute most to each community — not the most authoritative of the whole
// graph, who would top every list they appear in:
// - a model community: creators by how many of its models (with a record of their own; lineage
//   stubs are counted apart) they published;
// - a creator community: members by how many of its members follow them (standing inside it).
// Ties by PageRank authority (read from the slot of the community's run; nulls last), then id.
// Parameters: $ids (full community ids), $first.
UNWIND $ids AS id
MATCH (k:Community {id: id})
MATCH (r:AnalyticsRun {id: k.runId})
RETURN id,
  COLLECT {
    CALL (k) {
      MATCH (c:Creator)-[:CREATED]->(m:Model)-[:IN_COMMUNITY]->(k)
      WHERE m.downloads IS NOT NULL OR m.createdAt IS NOT NULL OR m.lastModified IS NOT NULL
      RETURN c, count(m) AS contribution, count(m) AS models
      UNION
      MATCH (c:Creator)-[:IN_COMMUNITY]->(k)
      RETURN c,
        COUNT { (c)<-[:FOLLOWS]-(:Creator)-[:IN_COMMUNITY]->(k) } AS contribution,
        COUNT { (c)-[:CREATED]->(:Model) } AS models
    }
    WITH c, contribution, models, c['pagerank' + r.slot] AS authority
    ORDER BY contribution DESC, authority IS NULL, authority DESC, c.id
    LIMIT $first
    RETURN {id: c.id, name: c.name, kind: c.kind, source: c.source, contribution: contribution,
            authority: authority, followers: c.followers, models: models}
  } AS creators
