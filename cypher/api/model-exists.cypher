// Does a model with this id exist? Used to tell an unknown id (a client error) from an empty answer.
// Parameters: $modelId.
MATCH (m:Model {id: $modelId})
RETURN m.id AS id
