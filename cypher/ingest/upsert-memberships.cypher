// (User)-[:MEMBER_OF]->(Organization). The user's stored recommendedCreators list goes: it has no
// sameOrganization signal (src/analytics/recommendedCreators.ts). Parameters: $rows — [{user, organization}].
UNWIND $rows AS row
MERGE (u:Creator {id: row.user})
  ON CREATE SET u.kind = 'user', u.name = row.user
SET u:User
MERGE (o:Creator {id: row.organization})
  ON CREATE SET o.name = row.organization
SET o:Organization, o.kind = 'organization'
MERGE (u)-[:MEMBER_OF]->(o)
REMOVE u.recommendedIds, u.recommendedScores, u.recommendedKinds, u.recommendedCounts, u.recommendedVia,
       u.recommendedSources, u.recommendedFollows, u.recommendedSettings, u.recommendedRuns, u.recommendedAt
