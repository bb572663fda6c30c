// Papers by id, for Query.paper and the per-request DataLoader. Ids with no Paper give no row.
// Parameters: $ids (list of strings).
UNWIND $ids AS id
MATCH (p:Paper {id: id})
RETURN id, p {.id, .title, .abstract, .published, .primaryCategory, .categories} AS paper
