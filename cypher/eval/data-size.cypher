// Evaluation report header: how big the evaluated graph is.
RETURN COUNT { (:User) } AS users, COUNT { (:Creator) } AS creators, COUNT { (:Model) } AS models,
       COUNT { ()-[:FOLLOWS]->() } AS follows, COUNT { ()-[:LIKED]->() } AS likes,
       COUNT { ()-[:DERIVED_FROM]->() } AS lineageEdges, COUNT { ()-[:CITES]->() } AS citations
