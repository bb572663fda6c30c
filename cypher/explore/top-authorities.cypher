// The most authoritative creators by PageRank on the follow graph (written by `hubgraph analytics
// run`), with HITS hub/authority scores, follower counts and community. Change the number of rows
// in LIMIT.
MATCH (c:Creator)
WHERE c.authority IS NOT NULL
RETURN c.id AS creator, c.authority AS pagerank, c.hitsAuthority AS hitsAuthority, c.hub AS hub,
       c.followers AS followers, c.communityId AS community, c.analyticsRunId AS run
ORDER BY pagerank DESC, creator
LIMIT 25
