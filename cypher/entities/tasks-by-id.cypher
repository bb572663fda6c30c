// Tasks by id, for Query.task and the per-request DataLoader. Ids with no Task give no row.
// Parameters: $ids (list of strings).
UNWIND $ids AS id
MATCH (t:Task {id: id})
RETURN id, t {.id, .name, .modality} AS task
