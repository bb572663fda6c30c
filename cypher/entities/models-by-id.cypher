// Models by id, for Query.model and the per-request DataLoader. Ids with no Model give no row.
// Parameters: $ids (list of strings).
UNWIND $ids AS id
MATCH (m:Model {id: id})
RETURN id, m {.id, .name, .downloads, .likes, .createdAt, .lastModified, .pipelineTag} AS model
