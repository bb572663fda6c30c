/**
 * One example operation per question, with ids from the demo corpus. The same list feeds the
 * landing page (plugins/landingPage.ts) and docs/graphql-examples.md (scripts/readme-examples.ts),
 * so what a newcomer clicks in the browser is what the manual shows, output included.
 */
export interface ExampleOperation {
  /** The GraphQL operation name (also the anchor on the landing page). */
  name: string;
  /** The question and what it answers, one line. */
  title: string;
  query: string;
  variables: Record<string, unknown>;
}

const R = 'reason { kind text via { type id } count authoritySource computedAt }';

export const EXAMPLES: readonly ExampleOperation[] = [
  {
    name: 'FollowOfFollow',
    title: 'followOfFollow — who the creators I follow follow',
    query: `query FollowOfFollow($userId: ID!) { followOfFollow(userId: $userId, first: 3) { creator { id followers } score ${R} } }`,
    variables: { userId: 'TheBloke' },
  },
  {
    name: 'CommonlyFollowedWith',
    title: 'commonlyFollowedWith — Jaccard of follower sets',
    query: `query CommonlyFollowedWith($creatorId: ID!) { commonlyFollowedWith(creatorId: $creatorId, first: 3) { creator { id } score ${R} } }`,
    variables: { creatorId: 'TheBloke' },
  },
  {
    name: 'SecondDegree',
    title: 'secondDegree — followed by many of those I follow',
    query: `query SecondDegree($userId: ID!) { secondDegree(userId: $userId, first: 3) { creator { id } score ${R} } }`,
    variables: { userId: 'TheBloke' },
  },
  {
    name: 'FollowBack',
    title: 'followBack — they follow me, I do not follow them',
    query: `query FollowBack($userId: ID!) { followBack(userId: $userId, first: 3) { creator { id } score ${R} } }`,
    variables: { userId: 'TheBloke' },
  },
  {
    name: 'SimilarCreators',
    title: 'similarCreators — follower overlap plus task/tag profile',
    query: `query SimilarCreators($creatorId: ID!) { similarCreators(creatorId: $creatorId, first: 3) { creator { id } score ${R} } }`,
    variables: { creatorId: 'TheBloke' },
  },
  {
    name: 'TopicTopContributors',
    title: 'topicTopContributors — leaders of a task',
    query: `query TopicTopContributors($taskId: ID!) { topicTopContributors(taskId: $taskId, first: 3) { creator { id followers } score ${R} } }`,
    variables: { taskId: 'text-generation' },
  },
  {
    name: 'SameOrganization',
    title: 'sameOrganization — members of my organizations',
    query: `query SameOrganization($userId: ID!) { sameOrganization(userId: $userId, first: 3) { creator { id } score ${R} } }`,
    variables: { userId: 'TheBloke' },
  },
  {
    name: 'PopularAmongSimilarUsers',
    title: 'popularAmongSimilarUsers — collaborative filtering on co-follows',
    query: `query PopularAmongSimilarUsers($userId: ID!) { popularAmongSimilarUsers(userId: $userId, first: 3) { creator { id } score ${R} } }`,
    variables: { userId: 'TheBloke' },
  },
  {
    name: 'RecommendedCreators',
    title: 'recommendedCreators — the blend',
    query: `query RecommendedCreators($userId: ID!) { recommendedCreators(userId: $userId, first: 5) { creator { id } score ${R} } }`,
    variables: { userId: 'TheBloke' },
  },
  {
    name: 'BulkFollowGroups',
    title: 'bulkFollowGroups — a topic’s leaders as one followable group',
    query: 'query BulkFollowGroups($taskId: ID!) { bulkFollowGroups(taskId: $taskId, first: 3) { id title creators { creator { id } } } }',
    variables: { taskId: 'text-to-image' },
  },
  {
    name: 'FeedCandidates',
    title: 'feedCandidates — in-network ≫ out-of-network > fallback',
    query: `query FeedCandidates($userId: ID!, $after: String) { feedCandidates(userId: $userId, first: 4, after: $after) { edges { cursor node { model { id } tier score ${R} } } pageInfo { hasNextPage endCursor } } }`,
    variables: { userId: 'TheBloke' },
  },
  {
    name: 'SimilarModels',
    title: 'similarModels — PathSim over meta-paths',
    query: `query SimilarModels($modelId: ID!) { similarModels(modelId: $modelId, first: 3) { model { id downloads } score metaPaths { metaPath pathSim weight } ${R} } }`,
    variables: { modelId: 'google-bert/bert-base-uncased' },
  },
  {
    name: 'Search',
    title: 'search — full text plus social authority',
    query: 'query Search($query: String!) { search(query: $query, first: 3) { kind score relevance model { id } creator { id } } }',
    variables: { query: 'llama' },
  },
  {
    name: 'ModelStats',
    title: 'modelStats — models by task',
    query: 'query ModelStats { modelStats(groupBy: TASK) { key count downloads } }',
    variables: {},
  },
  {
    name: 'TopCitedPapers',
    title: 'topCitedPapers — papers connected to the most models',
    query: 'query TopCitedPapers { topCitedPapers(first: 3) { paper { id primaryCategory } modelCount } }',
    variables: {},
  },
  {
    name: 'Model',
    title: 'model — an entity with its relationships',
    query:
      'query Model($id: ID!) { model(id: $id) { id downloads creator { id followers } task { id } papers { id } baseModels { kind model { id } } derivatives(first: 2) { kind model { id } } } }',
    variables: { id: 'meta-llama/Meta-Llama-3-8B-Instruct' },
  },
  {
    name: 'Communities',
    title: 'communities — creator communities from the last analytics run',
    query: 'query Communities { communities(kind: CREATOR, first: 3) { id size modularityContribution topCreators(first: 3) { creator { id } authority } } }',
    variables: {},
  },
];
