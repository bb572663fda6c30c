// Evaluation: the LIKED edges about to be hidden, with every property, for the journal.
//
// Parameters: $edges (list of {from, to}).
UNWIND $edges AS e
MATCH (a:User {id: e.from})-[r:LIKED]->(b:Model {id: e.to})
RETURN a.id AS from, b.id AS to,
       CASE WHEN r.since IS NULL THEN null ELSE toString(r.since) END AS since,
       properties(r) AS props
