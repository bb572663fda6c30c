// Evaluation (feed): the models each creator publishes that can be feed candidates (dated: the
// feed ages a model by createdAt, else lastModified, and never proposes an undated one).
//
// Parameters: $creatorIds (list of strings).
UNWIND $creatorIds AS creatorId
MATCH (c:Creator {id: creatorId})
RETURN c.id AS creatorId,
       COLLECT {
         MATCH (c)-[:CREATED]->(m:Model)
         WHERE coalesce(m.createdAt, m.lastModified) IS NOT NULL
         RETURN m.id
       } AS models
