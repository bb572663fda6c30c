// subgraph — a drawable piece of the HIN: the $limit most downloaded models with at least
// $downloadsAtLeast downloads and $likesAtLeast likes (only models with a downloads count, i.e.
// from the Hub dump, not lineage stubs), plus their creators and tasks; edges CREATED
// (creator → model), HAS_TASK (model → task) and DERIVED_FROM between the chosen models.
// Why so: the models come from the downloads index in order, so the limit bounds the work; a
// model brings at most one creator and one task, so the nodes stay within about 3 × $limit.
// Parameters: $downloadsAtLeast, $likesAtLeast, $limit.
MATCH (m:Model)
WHERE m.downloads >= $downloadsAtLeast AND coalesce(m.likes, 0) >= $likesAtLeast
WITH m
ORDER BY m.downloads DESC, m.id
LIMIT $limit
WITH collect(m) AS models
CALL (models) {
  UNWIND models AS m
  MATCH (c:Creator)-[:CREATED]->(m)
  RETURN collect(DISTINCT c {.id, .name, .kind, .followers}) AS creators,
         collect({source: c.id, target: m.id, type: 'CREATED'}) AS created
}
CALL (models) {
  UNWIND models AS m
  MATCH (m)-[:HAS_TASK]->(t:Task)
  RETURN collect(DISTINCT t {.id, .name, .modality}) AS tasks,
         collect({source: m.id, target: t.id, type: 'HAS_TASK'}) AS hasTask
}
CALL (models) {
  UNWIND models AS m
  MATCH (m)-[:DERIVED_FROM]->(b:Model)
  WHERE b IN models
  RETURN collect({source: m.id, target: b.id, type: 'DERIVED_FROM'}) AS lineage
}
RETURN [m IN models | m {.id, .name, .downloads, .likes, .pipelineTag, .lastModified}] AS models,
  creators, tasks, created + hasTask + lineage AS edges
