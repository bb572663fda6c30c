// After the flip (a transaction per page, keyset pagination on `id`): the live properties the API
// and Neo4j Browser read — pagerank, authority (= PageRank), hub, hitsAuthority, communityId,
// analyticsRunId, analyticsAt — copied from the current run's slot on one page of the scope's
// creators (cleared where the run has no value). Each creator changes at once; across creators the
// copy takes a few seconds — run-consistent readers go through the current run's slot instead
// (src/analytics/queries.ts). Returns the page's last id ('' when the page is empty).
// Parameters: $scope, $slot ('A'|'B'), $computedAt, $after, $limit.
MATCH (c:Creator)
WHERE c.id STARTS WITH $scope AND c.id > $after
WITH c
ORDER BY c.id
LIMIT $limit
WITH collect(c) AS page
CALL (page) {
  UNWIND page AS c
  WITH c
  WHERE c['analyticsRunId' + $slot] IS NOT NULL OR c.analyticsRunId IS NOT NULL
  SET c.pagerank = c['pagerank' + $slot],
      c.authority = c['pagerank' + $slot],
      c.hub = c['hub' + $slot],
      c.hitsAuthority = c['hitsAuthority' + $slot],
      c.communityId = c['communityId' + $slot],
      c.analyticsRunId = c['analyticsRunId' + $slot],
      c.analyticsAt = CASE WHEN c['analyticsRunId' + $slot] IS NULL THEN null ELSE datetime($computedAt) END
}
RETURN coalesce(page[-1].id, '') AS last
