// The model ↔ paper network of the most downloaded models: the top models and the arXiv papers
// their cards cite, as a graph (switch Neo4j Browser to the graph view). Papers cited by several
// of these models show up as shared hubs. Change the number of models in the LIMIT (LIMIT takes no variable).
MATCH (m:Model)
WHERE m.downloads IS NOT NULL
WITH m ORDER BY m.downloads DESC LIMIT 25
MATCH path = (m)-[:CITES]->(p:Paper)
RETURN path
