// Evaluation: puts hidden LIKED edges back from the journal, with their properties (MERGE: a
// second restore changes nothing).
//
// Parameters: $edges (list of {from, to, since (ISO string or null), props (map without since)}).
UNWIND $edges AS e
MATCH (a:User {id: e.from}), (b:Model {id: e.to})
MERGE (a)-[r:LIKED]->(b)
SET r = e.props
SET r.since = CASE WHEN e.since IS NULL THEN null ELSE datetime(e.since) END
RETURN count(r) AS restored
