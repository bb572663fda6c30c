// Evaluation: the FOLLOWS edges about to be hidden, with every property, for the journal that
// restores them. `since` is returned apart as an ISO string so it goes back as a datetime.
//
// Parameters: $edges (list of {from, to}).
UNWIND $edges AS e
MATCH (a:User {id: e.from})-[r:FOLLOWS]->(b:Creator {id: e.to})
RETURN a.id AS from, b.id AS to,
       CASE WHEN r.since IS NULL THEN null ELSE toString(r.since) END AS since,
       properties(r) AS props
