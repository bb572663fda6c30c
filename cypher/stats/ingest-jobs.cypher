// The last finished run of every ingest job, step by step (written by cypher/ingest/record-job.cypher
// at the end of each run). /metrics reads it at scrape time: one node per job, so it costs nothing.
//
// Parameters: $scope (job-name prefix; '' for every job — tests pass their own).
MATCH (j:IngestJob)
WHERE j.id STARTS WITH $scope
RETURN j.id AS job,
       j.finishedAt.epochMillis AS finishedAtMs,
       j.seconds AS seconds,
       j.steps AS steps,
       j.loaded AS loaded,
       j.rejected AS rejected,
       j.skipped AS skipped
ORDER BY job
