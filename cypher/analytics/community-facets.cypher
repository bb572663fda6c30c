// What each community's models are about: the tasks, tags and libraries most of them share, and
// the papers they cite most (with counts; ties by id). A creator community's models are those its
// members published; a model community's are its members. Tags on more than $tagMaxModels models
// in the whole graph (`region:us`, `endpoints_compatible`, …) say nothing about a community and
// are left out. `models`: how many models the community covers.
// Parameters: $ids (full community ids), $first, $tagMaxModels.
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
WITH id, collect(m) AS models
RETURN id,
  size(models) AS models,
  COLLECT {
    UNWIND models AS m
    MATCH (m)-[:HAS_TASK]->(t:Task)
    WITH t, count(*) AS n
    ORDER BY n DESC, t.id
    LIMIT $first
    RETURN {id: t.id, name: t.name, modality: t.modality, count: n}
  } AS tasks,
  COLLECT {
    UNWIND models AS m
    MATCH (m)-[:TAGGED]->(t:Tag)
    WITH t, count(*) AS n
    WHERE COUNT { (t)<-[:TAGGED]-() } <= $tagMaxModels
    ORDER BY n DESC, t.id
    LIMIT $first
    RETURN {id: t.id, count: n}
  } AS tags,
  COLLECT {
    UNWIND models AS m
    MATCH (m)-[:USES_LIBRARY]->(l:Library)
    WITH l, count(*) AS n
    ORDER BY n DESC, l.id
    LIMIT $first
    RETURN {id: l.id, name: l.name, count: n}
  } AS libraries,
  COLLECT {
    UNWIND models AS m
    MATCH (m)-[:CITES]->(p:Paper)
    WITH p, count(*) AS n
    ORDER BY n DESC, p.id
    LIMIT $first
    RETURN {id: p.id, title: p.title, primaryCategory: p.primaryCategory, count: n}
  } AS papers
