// A community's members (written by `hubgraph analytics run`) in the current run: most
// authoritative creators or most downloaded models first, and the communities it is most linked
// with. Community keys are `creator-<rank>` or `model-<rank>` (0 = the largest);
// `MATCH (k:Community) RETURN k.key, k.size ORDER BY k.size DESC` lists them. Change the key on the
// first line, or `:param communityKey => 'creator-0'` and use `WITH $communityKey AS communityKey, '' AS scope`.
// (`scope` is '' for the whole graph.)
WITH 'creator-0' AS communityKey, '' AS scope
MATCH (r:AnalyticsRun {scope: scope, current: true})
WITH communityKey, r ORDER BY r.computedAt DESC LIMIT 1
MATCH (k:Community {id: r.id + '/' + communityKey})
RETURN k.key AS community, k.kind AS kind, k.size AS size, k.modularityContribution AS modularityContribution,
  COLLECT {
    MATCH (n)-[:IN_COMMUNITY]->(k)
    WITH n ORDER BY coalesce(n['pagerank' + r.slot], 0) DESC, coalesce(n.downloads, 0) DESC, n.id
    LIMIT 50
    RETURN n.id
  } AS members,
  COLLECT {
    MATCH (k)-[l:LINKED_TO]-(o:Community)
    WITH o, l ORDER BY l.weight DESC LIMIT 5
    RETURN o.key + ' (' + toString(round(l.weight, 2)) + ')'
  } AS linkedTo
