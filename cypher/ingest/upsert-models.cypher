// Upserts a batch of models with their creator and every relationship their tags imply.
// Re-ingesting a model overwrites its fields and REPLACES its tag, task, library, license,
// language, dataset, paper and (tag-derived) lineage relationships: the ones no longer in the
// record are deleted, the rest merged, so nothing accumulates and a second run changes no counts.
// Lineage edges loaded from the lineage file (source 'hf-lineage') are left to that job.
// A record from a dump without tags (row.tagsKnown = false, e.g. the 2022 file) updates the
// model's fields and task but leaves its tag-derived relationships and tagText alone.
// A model met in several sources keeps one node: `sources` lists every source that named it, and
// the newest record (row.recordedAt, the snapshot's time) wins. A value the newest record lacks
// (likes, createdAt, lastModified are absent from some dumps) is taken from an older one; an older
// record changes nothing else, so the order of loading does not matter. `source` = the source of
// the record whose values the node holds.
// Parameters: $rows — [{id, name, author, authorKind, downloads, likes, createdAt, lastModified, recordedAt,
//   pipelineTag, tagText, source, tags, libraries, licenses, languages, datasets, papers, baseModels: [{id, kind}]}]
UNWIND $rows AS row
MERGE (m:Model {id: row.id})
WITH m, row, CASE WHEN row.recordedAt IS NULL THEN null ELSE datetime(row.recordedAt) END AS recordedAt
WITH m, row, recordedAt, recordedAt IS NULL OR m.recordedAt IS NULL OR recordedAt >= m.recordedAt AS newer
SET m.sources = CASE WHEN row.source IN coalesce(m.sources, []) THEN m.sources ELSE coalesce(m.sources, []) + row.source END,
    m.downloads = CASE WHEN newer THEN coalesce(row.downloads, m.downloads) ELSE coalesce(m.downloads, row.downloads) END,
    m.likes = CASE WHEN newer THEN coalesce(row.likes, m.likes) ELSE coalesce(m.likes, row.likes) END,
    m.createdAt = CASE WHEN newer THEN coalesce(datetime(row.createdAt), m.createdAt) ELSE coalesce(m.createdAt, datetime(row.createdAt)) END,
    m.lastModified = CASE WHEN newer THEN coalesce(datetime(row.lastModified), m.lastModified) ELSE coalesce(m.lastModified, datetime(row.lastModified)) END
WITH m, row, recordedAt, newer
WHERE newer
SET m.name = row.name,
    m.recordedAt = coalesce(recordedAt, m.recordedAt),
    m.pipelineTag = row.pipelineTag,
    m.tagText = CASE WHEN row.tagsKnown THEN row.tagText ELSE m.tagText END,
    m.source = row.source
MERGE (c:Creator {id: row.author})
  ON CREATE SET c.name = row.author, c.kind = row.authorKind
FOREACH (_ IN CASE WHEN row.authorKind = 'organization' THEN [1] ELSE [] END | SET c:Organization, c.kind = 'organization')
MERGE (c)-[:CREATED]->(m)
WITH m, c, row
CALL (m, c) { MATCH (other:Creator)-[r:CREATED]->(m) WHERE other <> c DELETE r }
CALL (m, row) { MATCH (m)-[r:HAS_TASK]->(t:Task) WHERE row.pipelineTag IS NULL OR t.id <> row.pipelineTag DELETE r }
CALL (m, row) { MATCH (m)-[r:TAGGED]->(t:Tag) WHERE row.tagsKnown AND NOT t.id IN row.tags DELETE r }
CALL (m, row) { MATCH (m)-[r:USES_LIBRARY]->(t:Library) WHERE row.tagsKnown AND NOT t.id IN row.libraries DELETE r }
CALL (m, row) { MATCH (m)-[r:HAS_LICENSE]->(t:License) WHERE row.tagsKnown AND NOT t.id IN row.licenses DELETE r }
CALL (m, row) { MATCH (m)-[r:SUPPORTS_LANGUAGE]->(t:Language) WHERE row.tagsKnown AND NOT t.id IN row.languages DELETE r }
CALL (m, row) { MATCH (m)-[r:TRAINED_ON]->(t:Dataset) WHERE row.tagsKnown AND NOT t.id IN row.datasets DELETE r }
CALL (m, row) { MATCH (m)-[r:CITES]->(t:Paper) WHERE row.tagsKnown AND NOT t.id IN row.papers DELETE r }
CALL (m, row) {
  MATCH (m)-[r:DERIVED_FROM {source: 'hub-tags'}]->(b:Model)
  WHERE row.tagsKnown AND NOT b.id IN [x IN row.baseModels | x.id]
  DELETE r
}
FOREACH (x IN CASE WHEN row.pipelineTag IS NULL THEN [] ELSE [row.pipelineTag] END |
  MERGE (t:Task {id: x}) MERGE (m)-[:HAS_TASK]->(t))
FOREACH (x IN row.tags | MERGE (t:Tag {id: x}) MERGE (m)-[:TAGGED]->(t))
FOREACH (x IN row.libraries | MERGE (t:Library {id: x}) MERGE (m)-[:USES_LIBRARY]->(t))
FOREACH (x IN row.licenses | MERGE (t:License {id: x}) MERGE (m)-[:HAS_LICENSE]->(t))
FOREACH (x IN row.languages | MERGE (t:Language {id: x}) MERGE (m)-[:SUPPORTS_LANGUAGE]->(t))
FOREACH (x IN row.datasets | MERGE (t:Dataset {id: x}) MERGE (m)-[:TRAINED_ON]->(t))
FOREACH (x IN row.papers | MERGE (t:Paper {id: x}) MERGE (m)-[:CITES]->(t))
FOREACH (b IN row.baseModels |
  MERGE (base:Model {id: b.id})
  MERGE (m)-[d:DERIVED_FROM]->(base)
    ON CREATE SET d.source = 'hub-tags', d.kind = b.kind
  SET d.kind = CASE WHEN d.source = 'hub-tags' THEN b.kind ELSE d.kind END)
