// What each community's models carry, for telling communities apart (report/characterise.ts
// scores it): per task, tag, library and paper, how many of the community's characterised models
// carry it (`count`) and how many models in the whole graph do (`total`, the node's degree).
// Characterised models are those with a record of their own (a download count or a date);
// lineage-only stubs, known only as someone's base model, carry nothing and would only dilute the
// shares (community-members.cypher counts them apart). A creator community's models are those its
// members published. Items kept: those on at least $minCount models, and the $first commonest
// (ties included), so both the distinctive and the commonest lists can be drawn from one read.
// Parameters: $ids (full community ids), $minCount, $first.
UNWIND $ids AS id
MATCH (k:Community {id: id})
CALL (k) {
  MATCH (m:Model)-[:IN_COMMUNITY]->(k)
  RETURN m
  UNION
  MATCH (c:Creator)-[:IN_COMMUNITY]->(k)
  MATCH (c)-[:CREATED]->(m:Model)
  RETURN m
}
WITH id, m
WHERE m.downloads IS NOT NULL OR m.createdAt IS NOT NULL OR m.lastModified IS NOT NULL
WITH id, collect(m) AS models
WITH id, models,
  COLLECT {
    UNWIND models AS m
    MATCH (m)-[:HAS_TASK]->(t:Task)
    WITH t, count(*) AS n
    ORDER BY n DESC, t.id
    RETURN {id: t.id, name: t.name, count: n, total: COUNT { (t)<-[:HAS_TASK]-() }}
  } AS tasks,
  COLLECT {
    UNWIND models AS m
    MATCH (m)-[:TAGGED]->(t:Tag)
    WITH t, count(*) AS n
    ORDER BY n DESC, t.id
    RETURN {id: t.id, name: null, count: n, total: COUNT { (t)<-[:TAGGED]-() }}
  } AS tags,
  COLLECT {
    UNWIND models AS m
    MATCH (m)-[:USES_LIBRARY]->(l:Library)
    WITH l, count(*) AS n
    ORDER BY n DESC, l.id
    RETURN {id: l.id, name: l.name, count: n, total: COUNT { (l)<-[:USES_LIBRARY]-() }}
  } AS libraries,
  COLLECT {
    UNWIND models AS m
    MATCH (m)-[:CITES]->(p:Paper)
    WITH p, count(*) AS n
    ORDER BY n DESC, p.id
    RETURN {id: p.id, name: p.title, count: n, total: COUNT { (p)<-[:CITES]-() }}
  } AS papers
RETURN id,
  size(models) AS models,
  [x IN tasks WHERE x.count >= $minCount OR x.count >= coalesce(tasks[$first - 1].count, 0)] AS tasks,
  [x IN tags WHERE x.count >= $minCount OR x.count >= coalesce(tags[$first - 1].count, 0)] AS tags,
  [x IN libraries WHERE x.count >= $minCount OR x.count >= coalesce(libraries[$first - 1].count, 0)] AS libraries,
  [x IN papers WHERE x.count >= $minCount OR x.count >= coalesce(papers[$first - 1].count, 0)] AS papers
