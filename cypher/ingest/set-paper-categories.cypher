// Offline paper enrichment: arXiv categories for papers already in the graph (cited by a model).
// Papers not in the graph are not created. Parameters: $rows — [{id, primaryCategory, categories}].
UNWIND $rows AS row
MATCH (p:Paper {id: row.id})
SET p.primaryCategory = row.primaryCategory, p.categories = row.categories
