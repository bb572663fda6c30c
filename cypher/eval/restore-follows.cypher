// Evaluation: puts hidden FOLLOWS edges back from the journal, with their properties. MERGE, so a
// restore that is run twice (a crash halfway through one) never doubles an edge.
//
// Parameters: $edges (list of {from, to, since (ISO string or null), props (map without since)}).
UNWIND $edges AS e
MATCH (a:User {id: e.from}), (b:Creator {id: e.to})
MERGE (a)-[r:FOLLOWS]->(b)
SET r = e.props
SET r.since = CASE WHEN e.since IS NULL THEN null ELSE datetime(e.since) END
RETURN count(r) AS restored
