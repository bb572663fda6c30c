// Evaluation (similar models): the gold sets of each query model — tagged models sharing a base
// model with it (lineage), and tagged models citing a paper it cites (paper).
//
// Parameters: $modelIds (list of strings).
UNWIND $modelIds AS modelId
MATCH (m:Model {id: modelId})
RETURN m.id AS id,
       COLLECT {
         MATCH (m)-[:DERIVED_FROM]->(:Model)<-[:DERIVED_FROM]-(s:Model)
         WHERE s <> m AND EXISTS { (s)-[:TAGGED]->() }
         RETURN DISTINCT s.id
       } AS lineage,
       COLLECT {
         MATCH (m)-[:CITES]->(:Paper)<-[:CITES]-(s:Model)
         WHERE s <> m AND EXISTS { (s)-[:TAGGED]->() }
         RETURN DISTINCT s.id
       } AS paper
