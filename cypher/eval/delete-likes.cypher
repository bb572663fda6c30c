// Evaluation: hides LIKED edges (already written to the journal). Returns how many went.
//
// Parameters: $edges (list of {from, to}).
UNWIND $edges AS e
MATCH (a:User {id: e.from})-[r:LIKED]->(b:Model {id: e.to})
DELETE r
RETURN count(*) AS deleted
