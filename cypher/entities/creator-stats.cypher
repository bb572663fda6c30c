// Follower and following counts (live, from the FOLLOWS edges) and authority of a batch of
// creators: Creator.followers / following / authority for a whole list resolve in one query.
// The counts are relationship degrees, read from each node's degree store.
// Parameters: $ids (list of strings).
UNWIND $ids AS id
MATCH (c:Creator {id: id})
RETURN id,
       COUNT { (c)<-[:FOLLOWS]-() } AS followers,
       COUNT { (c)-[:FOLLOWS]->() } AS following,
       c.authority AS authority
