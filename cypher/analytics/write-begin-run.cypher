// Write-back, step 1 (own transaction): the new run's AnalyticsRun node, not yet current. Its
// values go to the slot (A or B) the current run does not use, so readers of the current run
// (who read its slot, see queries.ts) never see them until the flip.
// Parameters: $scope, $run — {id, slot, engine, seed, damping, resolution, startedAt, computedAt,
//   creators, follows, coFollowEdges, models, modelEdges, creatorCommunities, modelCommunities,
//   creatorModularity, modelModularity, computeSeconds}.
CREATE (r:AnalyticsRun {id: $run.id, scope: $scope, current: false, status: 'writing', slot: $run.slot})
SET r.engine = $run.engine,
    r.seed = $run.seed,
    r.damping = toFloat($run.damping),
    r.resolution = toFloat($run.resolution),
    r.startedAt = datetime($run.startedAt),
    r.computedAt = datetime($run.computedAt),
    r.creators = $run.creators,
    r.follows = $run.follows,
    r.coFollowEdges = $run.coFollowEdges,
    r.models = $run.models,
    r.modelEdges = $run.modelEdges,
    r.creatorCommunities = $run.creatorCommunities,
    r.modelCommunities = $run.modelCommunities,
    r.creatorModularity = toFloat($run.creatorModularity),
    r.modelModularity = toFloat($run.modelModularity),
    r.computeSeconds = toFloat($run.computeSeconds)
RETURN r.id AS id
