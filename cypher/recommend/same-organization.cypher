// sameOrganization — members of the organizations $userId is a member of, that $userId does not
// follow yet (never $userId themself). The organizations themselves are not proposed: the reason
// reads "Also in /org", which only fits a fellow member.
//
// Score = the number of organizations shared with $userId (= count). via = those organizations,
// smallest first (sharing a 5-person lab says more than sharing a 500-member company), at most 3;
// the first words the reason. Ties: follower count, then id.
//
// Why built this way: memberships are few per user; the only large fan-out is a big organization's
// member list, read once per organization.
//
// Parameters: $userId, $first (integer, 1..100).
MATCH (me:User {id: $userId})-[:MEMBER_OF]->(o:Organization)<-[:MEMBER_OF]-(c:User)
WHERE c <> me AND NOT EXISTS { (me)-[:FOLLOWS]->(c) }
WITH c, o, COUNT { (o)<-[:MEMBER_OF]-() } AS orgSize
ORDER BY orgSize ASC, o.id ASC
WITH c, collect(o.id) AS orgs
WITH c, orgs, size(orgs) AS count, coalesce(c.followers, COUNT { (c)<-[:FOLLOWS]-() }) AS followers
ORDER BY count DESC, followers DESC, c.id ASC
LIMIT $first
RETURN c {.id, .name, .kind, .source, .authority} AS creator,
       toFloat(count) AS score,
       count,
       orgs[0..3] AS via
