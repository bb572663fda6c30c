// Evaluation (feed diversity): who publishes each model.
//
// Parameters: $modelIds (list of strings).
UNWIND $modelIds AS modelId
MATCH (c:Creator)-[:CREATED]->(m:Model {id: modelId})
RETURN m.id AS modelId, c.id AS creatorId
