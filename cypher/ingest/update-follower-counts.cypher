// Derived counter read by the API (follower counts, and the authority fallback before analytics
// runs). Recomputed from the FOLLOWS edges, so it is always exact and idempotent.
MATCH (c:Creator)
SET c.followers = COUNT { (c)<-[:FOLLOWS]-() }
