// Creators by id, for Query.creator and the per-request DataLoader (one query for a whole batch).
// Ids with no Creator give no row.
// Parameters: $ids (list of strings).
UNWIND $ids AS id
MATCH (c:Creator {id: id})
RETURN id, c {.id, .name, .kind, .source, .authority} AS creator
