// The low-degree neighbours of a batch of models — creator, task, tags, libraries, datasets,
// licenses, cited papers, base models (with the lineage kind) — in one query, so a list of models
// resolving model.creator or model.tags costs one round trip. Each list is sorted by id so answers
// are stable. (Derived models can number thousands: model-derivatives.cypher pages them.)
// Parameters: $ids (list of strings).
UNWIND $ids AS id
MATCH (m:Model {id: id})
RETURN id,
       COLLECT { MATCH (c:Creator)-[:CREATED]->(m) RETURN c {.id, .name, .kind, .source, .authority} ORDER BY c.id LIMIT 1 }[0] AS creator,
       COLLECT { MATCH (m)-[:HAS_TASK]->(t:Task) RETURN t {.id, .name, .modality} ORDER BY t.id LIMIT 1 }[0] AS task,
       COLLECT { MATCH (m)-[:TAGGED]->(t:Tag) RETURN t {.id} ORDER BY t.id } AS tags,
       COLLECT { MATCH (m)-[:USES_LIBRARY]->(l:Library) RETURN l {.id, .name} ORDER BY l.id } AS libraries,
       COLLECT { MATCH (m)-[:TRAINED_ON]->(d:Dataset) RETURN d {.id} ORDER BY d.id } AS datasets,
       COLLECT { MATCH (m)-[:HAS_LICENSE]->(l:License) RETURN l.id ORDER BY l.id } AS licenses,
       COLLECT {
         MATCH (m)-[:CITES]->(p:Paper)
         RETURN p {.id, .title, .abstract, .published, .primaryCategory, .categories} ORDER BY p.id
       } AS papers,
       COLLECT {
         MATCH (m)-[r:DERIVED_FROM]->(b:Model)
         RETURN {model: b {.id, .name, .downloads, .likes, .createdAt, .lastModified, .pipelineTag}, kind: coalesce(r.kind, 'unknown')}
         ORDER BY b.id
       } AS baseModels
