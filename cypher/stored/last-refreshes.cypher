// What last refreshed the stored answers, for `hubgraph stored status`: the last finished run of each
// ingest job that refreshes lists (derived, and social and demo, which end with it), and the current
// analytics run (topic leaders are refreshed by it). The API's writes refresh the acting user's
// lists themselves (src/stored/refreshUser.ts); those show as newest stamps, not here.
// Parameters: none.
RETURN COLLECT {
         MATCH (j:IngestJob) WHERE j.id IN ['derived', 'social', 'demo']
         RETURN {job: j.id, finishedAt: toString(j.finishedAt)} ORDER BY j.finishedAt IS NULL, j.finishedAt DESC
       } AS jobs,
       COLLECT {
         MATCH (r:AnalyticsRun) WHERE r.current
         RETURN {run: r.id, computedAt: toString(r.computedAt)} ORDER BY r.computedAt IS NULL, r.computedAt DESC
       } AS analytics
