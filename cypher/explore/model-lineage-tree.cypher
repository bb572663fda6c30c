// A model's lineage tree: the base models it derives from (up to 5 hops up) and the models derived
// from it (up to 2 hops down: finetunes, quantizations, merges, adapters), as a graph. Each
// DERIVED_FROM relationship carries its `kind`. Change the id on the first line, or
//   :param modelId => 'meta-llama/Llama-2-7b-hf'
// and use `WITH $modelId AS modelId`.
WITH 'meta-llama/Llama-2-7b-hf' AS modelId
MATCH (m:Model {id: modelId})
CALL (m) {
  MATCH path = (m)-[:DERIVED_FROM*1..5]->(:Model)
  RETURN path
  UNION
  MATCH path = (m)<-[:DERIVED_FROM*1..2]-(:Model)
  RETURN path
  LIMIT 200
}
RETURN path
