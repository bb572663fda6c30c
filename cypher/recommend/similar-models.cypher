// similarModels — the models most similar to $modelId by PathSim (Sun et al., VLDB 2011) over the
// symmetric meta-paths Model–Tag–Model (TAG), Model–Task–Model (TASK), Model–Paper–Model (PAPER),
// Model–Dataset–Model (DATASET), Model–Library–Model (LIBRARY) and lineage (LINEAGE).
//
// For a meta-path P, s_P(x, y) = 2·|paths x~y| / (|paths x~x| + |paths y~y|). On the one-hop
// meta-paths M–N–M the path counts are plain neighbour counts: |x~y| = shared neighbours,
// |x~x| = x's neighbours. LINEAGE is the meta-path M –[:DERIVED_FROM*0..1]→ M ←[:DERIVED_FROM*0..1]– M
// through an "anchor" A(m) = {m} ∪ bases(m): siblings share a base, and a parent and its child share
// the parent, so |x~y| = |A(x) ∩ A(y)| and |x~x| = |A(x)|.
//
// Why built in two stages: Hub tags such as `region:us` or the `transformers` library sit on most
// models, so expanding every shared node would touch most of the graph. Stage 1 proposes
// candidates: every model behind a shared node of degree ≤ $maxSharedDegree, and for each hub
// node above it only its $hubSample most-downloaded models (read in the downloads index order, so a
// hub is never expanded). Stage 2 scores each candidate EXACTLY — hubs included — by expanding
// from the candidate (a handful of edges) and checking membership in x's small neighbour lists.
//
// Parameters: $modelId; $metaPaths (subset of the names above); $weights (name → weight);
// $maxSharedDegree, $hubSample, $first (integers).
MATCH (x:Model {id: $modelId})
WITH x,
  CASE WHEN 'TAG' IN $metaPaths THEN [(x)-[:TAGGED]->(n:Tag) | n] ELSE [] END AS xTags,
  CASE WHEN 'TASK' IN $metaPaths THEN [(x)-[:HAS_TASK]->(n:Task) | n] ELSE [] END AS xTasks,
  CASE WHEN 'PAPER' IN $metaPaths THEN [(x)-[:CITES]->(n:Paper) | n] ELSE [] END AS xPapers,
  CASE WHEN 'DATASET' IN $metaPaths THEN [(x)-[:TRAINED_ON]->(n:Dataset) | n] ELSE [] END AS xDatasets,
  CASE WHEN 'LIBRARY' IN $metaPaths THEN [(x)-[:USES_LIBRARY]->(n:Library) | n] ELSE [] END AS xLibraries,
  // x's anchors; lineage only counts when x has a base or a derived model at all.
  CASE WHEN 'LINEAGE' IN $metaPaths AND EXISTS { (x)-[:DERIVED_FROM]-(:Model) }
    THEN [x] + [(x)-[:DERIVED_FROM]->(b:Model) | b] ELSE [] END AS xAnchors
// The score is a weighted mean over the meta-paths x takes part in, so it lies in [0, 1].
WITH x, xTags, xTasks, xPapers, xDatasets, xLibraries, xAnchors,
  (CASE WHEN size(xTags) > 0 THEN $weights.TAG ELSE 0.0 END) +
  (CASE WHEN size(xTasks) > 0 THEN $weights.TASK ELSE 0.0 END) +
  (CASE WHEN size(xPapers) > 0 THEN $weights.PAPER ELSE 0.0 END) +
  (CASE WHEN size(xDatasets) > 0 THEN $weights.DATASET ELSE 0.0 END) +
  (CASE WHEN size(xLibraries) > 0 THEN $weights.LIBRARY ELSE 0.0 END) +
  (CASE WHEN size(xAnchors) > 0 THEN $weights.LINEAGE ELSE 0.0 END) AS weightTotal
// Stage 1: candidates. Shared nodes are split into ordinary nodes and hubs before any expansion,
// so a branch with nothing to do never runs.
WITH x, xTags, xTasks, xPapers, xDatasets, xLibraries, xAnchors, weightTotal,
  [n IN xTags + xTasks + xPapers + xDatasets + xLibraries |
   {node: n, degree: COUNT { (n)<-[:TAGGED|HAS_TASK|CITES|TRAINED_ON|USES_LIBRARY]-() }}] AS xNodes,
  [a IN xAnchors | {node: a, degree: COUNT { (a)<-[:DERIVED_FROM]-() }}] AS xAnchorNodes
CALL (x, xNodes, xAnchorNodes) {
  UNWIND [s IN xNodes WHERE s.degree <= $maxSharedDegree | s.node] AS n
  MATCH (n)<-[:TAGGED|HAS_TASK|CITES|TRAINED_ON|USES_LIBRARY]-(y:Model)
  WHERE y <> x
  RETURN y
  UNION
  UNWIND [s IN xNodes WHERE s.degree > $maxSharedDegree | s.node] AS hub
  CALL (x, hub) {
    MATCH (y:Model)
    WHERE y.downloads >= 0 AND y <> x AND (y)-[:TAGGED|HAS_TASK|CITES|TRAINED_ON|USES_LIBRARY]->(hub)
    RETURN y ORDER BY y.downloads DESC LIMIT $hubSample
  }
  RETURN y
  UNION
  // Lineage: the bases themselves (parents), and the models derived from any anchor (x's
  // children and siblings), with the same hub rule for bases with very many derived models.
  UNWIND [s IN xAnchorNodes WHERE s.node <> x | s.node] AS y
  RETURN y
  UNION
  UNWIND [s IN xAnchorNodes WHERE s.degree <= $maxSharedDegree | s.node] AS a
  MATCH (a)<-[:DERIVED_FROM]-(y:Model)
  WHERE y <> x
  RETURN y
  UNION
  UNWIND [s IN xAnchorNodes WHERE s.degree > $maxSharedDegree | s.node] AS hub
  CALL (x, hub) {
    MATCH (y:Model)
    WHERE y.downloads >= 0 AND y <> x AND (y)-[:DERIVED_FROM]->(hub)
    RETURN y ORDER BY y.downloads DESC LIMIT $hubSample
  }
  RETURN y
}
WITH DISTINCT x, y, xTags, xTasks, xPapers, xDatasets, xLibraries, xAnchors, weightTotal
// Stage 2: exact path counts per meta-path: shared (|x~y|), x's own (|x~x|) and y's own (|y~y|).
WITH x, y, xTags, xTasks, xPapers, xDatasets, xLibraries, xAnchors, weightTotal, [
  {metaPath: 'TAG', xx: size(xTags), yy: COUNT { (y)-[:TAGGED]->() },
   xy: COUNT { (y)-[:TAGGED]->(n) WHERE n IN xTags }},
  {metaPath: 'TASK', xx: size(xTasks), yy: COUNT { (y)-[:HAS_TASK]->() },
   xy: COUNT { (y)-[:HAS_TASK]->(n) WHERE n IN xTasks }},
  {metaPath: 'PAPER', xx: size(xPapers), yy: COUNT { (y)-[:CITES]->() },
   xy: COUNT { (y)-[:CITES]->(n) WHERE n IN xPapers }},
  {metaPath: 'DATASET', xx: size(xDatasets), yy: COUNT { (y)-[:TRAINED_ON]->() },
   xy: COUNT { (y)-[:TRAINED_ON]->(n) WHERE n IN xDatasets }},
  {metaPath: 'LIBRARY', xx: size(xLibraries), yy: COUNT { (y)-[:USES_LIBRARY]->() },
   xy: COUNT { (y)-[:USES_LIBRARY]->(n) WHERE n IN xLibraries }},
  {metaPath: 'LINEAGE', xx: size(xAnchors), yy: 1 + COUNT { (y)-[:DERIVED_FROM]->() },
   xy: size([a IN [y] + [(y)-[:DERIVED_FROM]->(b:Model) | b] WHERE a IN xAnchors])}
] AS counts
WITH x, y, xTags, xTasks, xPapers, xDatasets, xLibraries, xAnchors, weightTotal,
  [c IN counts WHERE c.xy > 0 | {
    metaPath: c.metaPath,
    pathSim: 2.0 * c.xy / (c.xx + c.yy),
    weight: $weights[c.metaPath],
    shared: c.xy
  }] AS contributions
WITH x, y, xTags, xTasks, xPapers, xDatasets, xLibraries, xAnchors, contributions,
  reduce(s = 0.0, c IN contributions | s + c.weight * c.pathSim) / weightTotal AS score
WHERE score > 0
ORDER BY score DESC, coalesce(y.downloads, 0) DESC, y.id
LIMIT $first
// The shared nodes, for the reason (the domain keeps the most specific few).
WITH x, y, score, contributions,
  [(y)-[:TAGGED|HAS_TASK|CITES|TRAINED_ON|USES_LIBRARY]->(n)
     WHERE n IN xTags OR n IN xTasks OR n IN xPapers OR n IN xDatasets OR n IN xLibraries |
   {label: head(labels(n)), id: n.id,
    degree: COUNT { (n)<-[:TAGGED|HAS_TASK|CITES|TRAINED_ON|USES_LIBRARY]-() }}] +
  [a IN [y] + [(y)-[:DERIVED_FROM]->(b:Model) | b] WHERE a IN xAnchors |
   {label: 'Model', id: a.id, degree: COUNT { (a)<-[:DERIVED_FROM]-() }}] AS shared
RETURN x.id AS sourceId, y {.id, .name, .downloads, .likes, .createdAt, .lastModified, .pipelineTag} AS model,
  score, contributions, shared
