// Who a community's members are, counted apart from what characterises it:
// - `lineageStubs`: its models with no record of their own (no download count, no date), known
//   only as someone's base model — members of a model community, or models of a creator
//   community's members;
// - `withoutModels`, `standInWithoutModels`: creator members who publish no model, and of those
//   the ones that are nodes of the stand-in social layer (source $standInSource);
// - `follows`, `standInFollows`: follows received by creator members, all and those of the
//   stand-in. A creator community is found in the co-follow graph, which is built from exactly
//   these follows, so their share says whether it comes from the stand-in rather than Hub data.
// - `topBase`: the model most of a model community's members derive from ({id, count}, null if
//   none): names a community made mostly of lineage stubs, which carry nothing else.
// Parameters: $ids (full community ids), $standInSource.
UNWIND $ids AS id
MATCH (k:Community {id: id})
CALL (k) {
  MATCH (k)<-[:IN_COMMUNITY]-(:Creator)<-[f:FOLLOWS]-()
  RETURN count(f) AS follows, count(CASE WHEN f.source = $standInSource THEN 1 END) AS standInFollows
}
CALL (k) {
  OPTIONAL MATCH (k)<-[:IN_COMMUNITY]-(:Model)-[:DERIVED_FROM]->(b:Model)
  WITH b, count(b) AS n
  ORDER BY n DESC, b.id
  LIMIT 1
  RETURN CASE WHEN b IS NULL THEN null ELSE {id: b.id, count: n} END AS topBase
}
RETURN id,
  COUNT {
    MATCH (m:Model)-[:IN_COMMUNITY]->(k)
    WHERE m.downloads IS NULL AND m.createdAt IS NULL AND m.lastModified IS NULL
  } + COUNT {
    MATCH (k)<-[:IN_COMMUNITY]-(:Creator)-[:CREATED]->(m:Model)
    WHERE m.downloads IS NULL AND m.createdAt IS NULL AND m.lastModified IS NULL
  } AS lineageStubs,
  COUNT {
    MATCH (c:Creator)-[:IN_COMMUNITY]->(k)
    WHERE NOT EXISTS { (c)-[:CREATED]->(:Model) }
  } AS withoutModels,
  COUNT {
    MATCH (c:Creator)-[:IN_COMMUNITY]->(k)
    WHERE NOT EXISTS { (c)-[:CREATED]->(:Model) } AND c.source = $standInSource
  } AS standInWithoutModels,
  follows,
  standInFollows,
  topBase
