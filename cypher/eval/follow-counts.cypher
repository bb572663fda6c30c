// Evaluation: how many FOLLOWS and LIKED edges the graph holds (checked before and after a run:
// a restored graph has exactly the counts it started with).
RETURN COUNT { ()-[:FOLLOWS]->() } AS follows, COUNT { ()-[:LIKED]->() } AS likes
