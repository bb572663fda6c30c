// The communities each community is linked with (edges of the graph they were found in that cross
// from one to the other), heaviest link first.
// Parameters: $ids (full community ids), $first.
UNWIND $ids AS id
MATCH (k:Community {id: id})
RETURN id,
  COLLECT {
    MATCH (k)-[l:LINKED_TO]-(o:Community)
    WITH o, l
    ORDER BY l.weight DESC, o.id
    LIMIT $first
    RETURN {id: o.id, key: o.key, size: o.size, weight: l.weight, edges: l.edges}
  } AS neighbours
