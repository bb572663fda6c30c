// similarCreators, stored profile lists — the read: one page of creators (keyset pagination on
// the unique `id` index: ids after $after, in id order) with their profiles, P(c) = the distinct
// Tasks and Tags of c's models that are on at most $maxItemModels models — the same pattern and
// cap as the live profile part of similar-creators.cypher, so the lists computed from it in
// src/analytics/creatorProfileSimilarity.ts equal the live answers. Items are named by elementId:
// a Task and a Tag may share an id, and only identity matters to the Jaccard computed from this.
// Creators without a model are not returned (they have no profile); one whose items are all
// over the cap comes back with an empty list.
//
// Parameters: $scope (creator id prefix, '' = all), $after (last id of the previous page, '' at
//   first), $limit (integer), $maxItemModels (integer).
MATCH (c:Creator)
WHERE c.id > $after AND c.id STARTS WITH $scope AND EXISTS { (c)-[:CREATED]->(:Model) }
WITH c
ORDER BY c.id
LIMIT $limit
RETURN c.id AS id,
       COLLECT {
         MATCH (c)-[:CREATED]->(:Model)-[:HAS_TASK|TAGGED]->(i)
         WITH DISTINCT i WHERE COUNT { (i)<-[:HAS_TASK|TAGGED]-() } <= $maxItemModels
         RETURN elementId(i)
       } AS items
