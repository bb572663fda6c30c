// The background the report's lift is measured against: how many models in scope have a record of
// their own (a download count or a date), i.e. every model but the lineage-only stubs. Item totals
// (community-items.cypher) are node degrees over the whole graph, so $scope only matters for tests
// whose items are all under their own prefix.
// Parameters: $scope (model id prefix, '' = all).
MATCH (m:Model)
WHERE m.id STARTS WITH $scope
  AND (m.downloads IS NOT NULL OR m.createdAt IS NOT NULL OR m.lastModified IS NOT NULL)
RETURN count(m) AS models
