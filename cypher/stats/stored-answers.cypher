// The stored answers (precomputed lists) of each question: how many there are, and when the oldest
// and the newest were computed. /metrics reads it at scrape time to show how old the answers
// clients get are (docs/metrics.md). Each list is stamped `<list>At` by its
// cypher/recommend/*-store.cypher file; the stamps are ISO-8601 UTC strings, which sort as text in
// time order. One pass per label: its lists are aggregated side by side, not one scan each.
// A question with no stored list has lists 0 and null stamps (it is answered live).
// `valid`: the lists a question would read now. A user's list is valid at the user's current
// socialVersion (and, for recommendedCreators, followersVersion): a write since makes it stale
// until the next refresh (src/stored/). A creator's commonly-followed-with list is valid at its
// current followersVersion; one that is not is still read until the refresher (just behind the
// follow) or the next batch recomputes it. The other creator and topic lists carry no version.
//
// Parameters: $scope (id prefix; '' for the whole graph — tests pass their own).
MATCH (u:User)
WHERE $scope = '' OR u.id STARTS WITH $scope
WITH u, coalesce(u.socialVersion, 0) AS v, coalesce(u.followersVersion, 0) AS fv
WITH count(u.followOfFollowAt) AS fof, count(CASE WHEN u.followOfFollowVersion = v THEN 1 END) AS fofValid, min(u.followOfFollowAt) AS fofOldest, max(u.followOfFollowAt) AS fofNewest,
     count(u.secondDegreeAt) AS sd, count(CASE WHEN u.secondDegreeVersion = v THEN 1 END) AS sdValid, min(u.secondDegreeAt) AS sdOldest, max(u.secondDegreeAt) AS sdNewest,
     count(u.popularAmongSimilarAt) AS pas, count(CASE WHEN u.popularAmongSimilarVersion = v THEN 1 END) AS pasValid, min(u.popularAmongSimilarAt) AS pasOldest, max(u.popularAmongSimilarAt) AS pasNewest,
     count(u.recommendedAt) AS rc, count(CASE WHEN u.recommendedVersion = [v, fv] THEN 1 END) AS rcValid, min(u.recommendedAt) AS rcOldest, max(u.recommendedAt) AS rcNewest
UNWIND [
  {question: 'followOfFollow', lists: fof, valid: fofValid, oldest: fofOldest, newest: fofNewest},
  {question: 'secondDegree', lists: sd, valid: sdValid, oldest: sdOldest, newest: sdNewest},
  {question: 'popularAmongSimilarUsers', lists: pas, valid: pasValid, oldest: pasOldest, newest: pasNewest},
  {question: 'recommendedCreators', lists: rc, valid: rcValid, oldest: rcOldest, newest: rcNewest}
] AS q
RETURN q.question AS question, q.lists AS lists, q.valid AS valid, q.oldest AS oldest, q.newest AS newest
UNION ALL
MATCH (c:Creator)
WHERE $scope = '' OR c.id STARTS WITH $scope
WITH count(c.coFollowedAt) AS cfw, count(CASE WHEN c.coFollowVersion = coalesce(c.followersVersion, 0) THEN 1 END) AS cfwValid,
     min(c.coFollowedAt) AS cfwOldest, max(c.coFollowedAt) AS cfwNewest,
     count(c.profileSimAt) AS sc, min(c.profileSimAt) AS scOldest, max(c.profileSimAt) AS scNewest
UNWIND [
  {question: 'commonlyFollowedWith', lists: cfw, valid: cfwValid, oldest: cfwOldest, newest: cfwNewest},
  {question: 'similarCreators', lists: sc, valid: sc, oldest: scOldest, newest: scNewest}
] AS q
RETURN q.question AS question, q.lists AS lists, q.valid AS valid, q.oldest AS oldest, q.newest AS newest
UNION ALL
MATCH (t:Task)
WHERE $scope = '' OR t.id STARTS WITH $scope
WITH count(t.leadersAt) AS lists, min(t.leadersAt) AS oldest, max(t.leadersAt) AS newest
RETURN 'topicTopContributors' AS question, lists, lists AS valid, oldest, newest
