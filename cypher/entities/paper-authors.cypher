// The authors of a batch of papers, in the order arXiv lists them.
// Parameters: $ids (list of strings).
UNWIND $ids AS id
MATCH (p:Paper {id: id})
RETURN id, COLLECT { MATCH (p)-[r:AUTHORED_BY]->(a:Author) RETURN a {.id, .name} ORDER BY r.position ASC, a.id ASC } AS authors
