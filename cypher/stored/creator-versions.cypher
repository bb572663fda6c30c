// The creator's followers counter, read first in the transaction that recomputes its stored
// commonly-followed-with list after a follow (src/stored/refresher.ts): the list is then stored
// only while it is unchanged (compare-and-set in commonly-followed-with-store.cypher). `stored`:
// whether it has a list at all (one without is answered live, always current). No row: no such
// creator.
// Parameters: $creatorId.
MATCH (x:Creator {id: $creatorId})
RETURN coalesce(x.followersVersion, 0) AS followersVersion, x.coFollowedAt IS NOT NULL AS stored
