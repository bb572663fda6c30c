// An ingest job's finished run, recorded on its IngestJob node (one per job: the last run wins).
// Ingest runs in its own process; the API's /metrics reads this node to report what each step
// loaded and refused (cypher/stats/ingest-jobs.cypher, docs/metrics.md). A node holds no maps, so
// the steps are parallel lists in the order they ran.
//
// Parameters: $job (the job's name), $runId, $startedAt and $finishedAt (ISO-8601 strings),
//   $seconds, $steps (step names), $read, $loaded, $rejected, $skipped (integers, in step order).
MERGE (j:IngestJob {id: $job})
SET j.runId = $runId,
    j.startedAt = datetime($startedAt),
    j.finishedAt = datetime($finishedAt),
    j.seconds = $seconds,
    j.steps = $steps,
    j.read = $read,
    j.loaded = $loaded,
    j.rejected = $rejected,
    j.skipped = $skipped
