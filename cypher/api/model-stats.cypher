// modelStats — how the models divide along one dimension: per bucket, how many models and their
// total downloads. $groupBy:
//   DOWNLOAD_RANGE, LIKE_RANGE — decades: 0, 1–9, 10–99, 100–999, …; `unknown` when the count is
//     missing (models known only from lineage have no downloads or likes). Ordered by range.
//   TASK, LIBRARY, LICENSE — one bucket per task/library/license, `none` for models without one;
//     a model with two libraries (or licenses) counts in both. Largest first.
// Why one file with guarded branches: the branch whose guard fails never runs (the guard is
// checked before the MATCH), so each grouping costs one pass over the models.
// Parameters: $groupBy.
CALL () {
  WITH 1 AS one WHERE $groupBy IN ['DOWNLOAD_RANGE', 'LIKE_RANGE']
  MATCH (m:Model)
  WITH m, CASE $groupBy WHEN 'DOWNLOAD_RANGE' THEN m.downloads ELSE m.likes END AS value
  WITH m, CASE WHEN value IS NULL THEN null WHEN value < 1 THEN 0
               ELSE toInteger(floor(log10(value))) + 1 END AS decade
  WITH m, decade,
    CASE WHEN decade IS NULL OR decade = 0 THEN decade ELSE toInteger(10 ^ (decade - 1)) END AS low,
    CASE WHEN decade IS NULL OR decade = 0 THEN decade ELSE toInteger(10 ^ decade) - 1 END AS high
  RETURN CASE WHEN decade IS NULL THEN 'unknown' WHEN decade = 0 THEN '0'
              ELSE toString(low) + '–' + toString(high) END AS key, low, high, m
  UNION ALL
  WITH 1 AS one WHERE $groupBy = 'TASK'
  MATCH (m:Model)
  OPTIONAL MATCH (m)-[:HAS_TASK]->(t:Task)
  RETURN coalesce(t.id, 'none') AS key, null AS low, null AS high, m
  UNION ALL
  WITH 1 AS one WHERE $groupBy = 'LIBRARY'
  MATCH (m:Model)
  OPTIONAL MATCH (m)-[:USES_LIBRARY]->(l:Library)
  RETURN coalesce(l.id, 'none') AS key, null AS low, null AS high, m
  UNION ALL
  WITH 1 AS one WHERE $groupBy = 'LICENSE'
  MATCH (m:Model)
  OPTIONAL MATCH (m)-[:HAS_LICENSE]->(l:License)
  RETURN coalesce(l.id, 'none') AS key, null AS low, null AS high, m
}
WITH key, low, high, count(m) AS count, sum(coalesce(m.downloads, 0)) AS downloads
RETURN key, low AS min, high AS max, count, downloads
ORDER BY low IS NULL, low, count DESC, key
