// topicTopContributors, stored lists: the tasks a refresh visits, a page at a time in id order —
// those with at least one model (a task without models has nothing to store; its old list, if
// any, is cleared).
//
// Parameters: $scope (id prefix; '' for all), $after (the last id of the previous page; '' first),
//   $limit (integer).
MATCH (t:Task)
WHERE t.id STARTS WITH $scope AND t.id > $after AND EXISTS { (t)<-[:HAS_TASK]-(:Model) }
RETURN t.id AS id
ORDER BY id
LIMIT $limit
