// recommendedCreators, stored: what a refresh records besides the lists — the analytics runs
// current now (a list is read only while they still are: followBack ranks by authority), and the
// users it must leave to the live answer: those who follow a topic or belong to an organization,
// whose topic-leader and sameOrganization signals the refresh does not compute.
// Parameters: $scope (id prefix; '' for all).
RETURN COLLECT { MATCH (r:AnalyticsRun) WHERE r.current RETURN r.id ORDER BY r.id } AS runs,
       COLLECT {
         MATCH (u:User)
         WHERE u.id STARTS WITH $scope AND (EXISTS { (u)-[:FOLLOWS_TOPIC]->() } OR EXISTS { (u)-[:MEMBER_OF]->() })
         RETURN u.id
       } AS live
