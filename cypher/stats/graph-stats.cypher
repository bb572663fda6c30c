// Counts per label and relationship type — GENERATED from src/schema.ts by `hubgraph db schema --write`.
MATCH (n:Model) WITH count(n) AS count RETURN 'label' AS kind, 'Model' AS name, count
UNION ALL
MATCH (n:Creator) WITH count(n) AS count RETURN 'label' AS kind, 'Creator' AS name, count
UNION ALL
MATCH (n:User) WITH count(n) AS count RETURN 'label' AS kind, 'User' AS name, count
UNION ALL
MATCH (n:Organization) WITH count(n) AS count RETURN 'label' AS kind, 'Organization' AS name, count
UNION ALL
MATCH (n:Task) WITH count(n) AS count RETURN 'label' AS kind, 'Task' AS name, count
UNION ALL
MATCH (n:Tag) WITH count(n) AS count RETURN 'label' AS kind, 'Tag' AS name, count
UNION ALL
MATCH (n:Library) WITH count(n) AS count RETURN 'label' AS kind, 'Library' AS name, count
UNION ALL
MATCH (n:Dataset) WITH count(n) AS count RETURN 'label' AS kind, 'Dataset' AS name, count
UNION ALL
MATCH (n:Paper) WITH count(n) AS count RETURN 'label' AS kind, 'Paper' AS name, count
UNION ALL
MATCH (n:Author) WITH count(n) AS count RETURN 'label' AS kind, 'Author' AS name, count
UNION ALL
MATCH (n:License) WITH count(n) AS count RETURN 'label' AS kind, 'License' AS name, count
UNION ALL
MATCH (n:Language) WITH count(n) AS count RETURN 'label' AS kind, 'Language' AS name, count
UNION ALL
MATCH (n:Community) WITH count(n) AS count RETURN 'label' AS kind, 'Community' AS name, count
UNION ALL
MATCH (n:AnalyticsRun) WITH count(n) AS count RETURN 'label' AS kind, 'AnalyticsRun' AS name, count
UNION ALL
MATCH (n:IngestJob) WITH count(n) AS count RETURN 'label' AS kind, 'IngestJob' AS name, count
UNION ALL
MATCH ()-[r:CREATED]->() WITH count(r) AS count RETURN 'relationship' AS kind, 'CREATED' AS name, count
UNION ALL
MATCH ()-[r:HAS_TASK]->() WITH count(r) AS count RETURN 'relationship' AS kind, 'HAS_TASK' AS name, count
UNION ALL
MATCH ()-[r:TAGGED]->() WITH count(r) AS count RETURN 'relationship' AS kind, 'TAGGED' AS name, count
UNION ALL
MATCH ()-[r:USES_LIBRARY]->() WITH count(r) AS count RETURN 'relationship' AS kind, 'USES_LIBRARY' AS name, count
UNION ALL
MATCH ()-[r:TRAINED_ON]->() WITH count(r) AS count RETURN 'relationship' AS kind, 'TRAINED_ON' AS name, count
UNION ALL
MATCH ()-[r:CITES]->() WITH count(r) AS count RETURN 'relationship' AS kind, 'CITES' AS name, count
UNION ALL
MATCH ()-[r:AUTHORED_BY]->() WITH count(r) AS count RETURN 'relationship' AS kind, 'AUTHORED_BY' AS name, count
UNION ALL
MATCH ()-[r:DERIVED_FROM]->() WITH count(r) AS count RETURN 'relationship' AS kind, 'DERIVED_FROM' AS name, count
UNION ALL
MATCH ()-[r:HAS_LICENSE]->() WITH count(r) AS count RETURN 'relationship' AS kind, 'HAS_LICENSE' AS name, count
UNION ALL
MATCH ()-[r:SUPPORTS_LANGUAGE]->() WITH count(r) AS count RETURN 'relationship' AS kind, 'SUPPORTS_LANGUAGE' AS name, count
UNION ALL
MATCH ()-[r:FOLLOWS]->() WITH count(r) AS count RETURN 'relationship' AS kind, 'FOLLOWS' AS name, count
UNION ALL
MATCH ()-[r:FOLLOWS_TOPIC]->() WITH count(r) AS count RETURN 'relationship' AS kind, 'FOLLOWS_TOPIC' AS name, count
UNION ALL
MATCH ()-[r:LIKED]->() WITH count(r) AS count RETURN 'relationship' AS kind, 'LIKED' AS name, count
UNION ALL
MATCH ()-[r:MEMBER_OF]->() WITH count(r) AS count RETURN 'relationship' AS kind, 'MEMBER_OF' AS name, count
UNION ALL
MATCH ()-[r:IN_COMMUNITY]->() WITH count(r) AS count RETURN 'relationship' AS kind, 'IN_COMMUNITY' AS name, count
UNION ALL
MATCH ()-[r:LINKED_TO]->() WITH count(r) AS count RETURN 'relationship' AS kind, 'LINKED_TO' AS name, count
UNION ALL
MATCH (n) WITH count(n) AS count RETURN 'total' AS kind, 'nodes' AS name, count
UNION ALL
MATCH ()-[r]->() WITH count(r) AS count RETURN 'total' AS kind, 'relationships' AS name, count
