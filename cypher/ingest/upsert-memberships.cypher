// (User)-[:MEMBER_OF]->(Organization). A new membership bumps the user's socialVersion, so no
// stored list computed before it is read: recommendedCreators gains a sameOrganization signal (src/analytics/recommendedCreators.ts). Parameters: $rows — [{user, organization}].
UNWIND $rows AS row
MERGE (u:Creator {id: row.user})
  ON CREATE SET u.kind = 'user', u.name = row.user
SET u:User
MERGE (o:Creator {id: row.organization})
  ON CREATE SET o.name = row.organization
SET o:Organization, o.kind = 'organization'
MERGE (u)-[:MEMBER_OF]->(o)
  ON CREATE SET u.socialVersion = coalesce(u.socialVersion, 0) + 1
