// After the flip (a transaction per page, keyset pagination on `id`): models' live communityId,
// analyticsRunId and analyticsAt from the current run's slot. Returns the page's last id ('' when
// the page is empty).
// Parameters: $scope, $slot ('A'|'B'), $computedAt, $after, $limit.
MATCH (m:Model)
WHERE m.id STARTS WITH $scope AND m.id > $after
WITH m
ORDER BY m.id
LIMIT $limit
WITH collect(m) AS page
CALL (page) {
  UNWIND page AS m
  WITH m
  WHERE m['analyticsRunId' + $slot] IS NOT NULL OR m.analyticsRunId IS NOT NULL
  SET m.communityId = m['communityId' + $slot],
      m.analyticsRunId = m['analyticsRunId' + $slot],
      m.analyticsAt = CASE WHEN m['analyticsRunId' + $slot] IS NULL THEN null ELSE datetime($computedAt) END
}
RETURN coalesce(page[-1].id, '') AS last
