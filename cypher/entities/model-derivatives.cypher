// The models derived from each model of a batch (fine-tunes, quantizations, merges, adapters),
// most downloaded first (then id), at most $first per model, optionally of one lineage $kind
// (null: every kind). A popular base model has thousands of derivatives, hence the cap.
// Parameters: $ids (list of strings), $first (integer), $kind (string or null).
UNWIND $ids AS id
MATCH (m:Model {id: id})
RETURN id,
       COLLECT {
         MATCH (m)<-[r:DERIVED_FROM]-(d:Model)
         WHERE $kind IS NULL OR r.kind = $kind
         WITH d, r ORDER BY coalesce(d.downloads, -1) DESC, d.id ASC LIMIT $first
         RETURN {model: d {.id, .name, .downloads, .likes, .createdAt, .lastModified, .pipelineTag}, kind: coalesce(r.kind, 'unknown')}
       } AS derivatives
