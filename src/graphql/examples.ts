/**
 * One example operation per question, with ids from the demo corpus chosen so each answers there.
 * The same lists feed the landing page (plugins/landingPage.ts) and docs/graphql-examples.md
 * (scripts/readme-examples.ts), so what a newcomer clicks in the browser is what the manual shows,
 * output included. Where the demo's public data cannot answer a question (no organizations, no
 * per-user likes, no topic follows, mutual-only stand-in follows), the example says so in `demoNote`
 * rather than leaving a newcomer to wonder at an empty list.
 */
export interface ExampleOperation {
  /** The GraphQL operation name (also the anchor on the landing page). */
  name: string;
  /** The question and what it answers, one line. */
  title: string;
  query: string;
  variables: Record<string, unknown>;
  /** One line: why this example answers little or nothing on the demo corpus, and what would make it answer. */
  demoNote?: string;
}

/** The acting user of the mutation examples: a plain stand-in user (SNAP musae-github login). */
const MUTATION_USER = 'github:0bman';

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
    demoNote:
      'answers [] — the stand-in follows (SNAP musae-github) are all mutual, so no one follows a user without being followed back; a one-way `follow` (mutation below) makes one.',
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
    demoNote: 'answers [] — no public data says who belongs to which organization (MEMBER_OF comes from `hubgraph ingest social` with your own memberships).',
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
    demoNote: 'answers [] until an analytics run has computed communities: `npm run analytics` (about a minute), or the runAnalytics mutation.',
  },
];

/**
 * The mutations a client app makes, with demo ids. They need the API key (`Authorization: Bearer
 * <key>`: the one `npm start` prints, or HUBGRAPH_API_KEY), so they are not in EXAMPLES, which the
 * warm-up asks keyless and which must never write. The acting user is a plain stand-in user whose
 * follows and likes change no other example's answer.
 */
export const MUTATION_EXAMPLES: readonly ExampleOperation[] = [
  {
    name: 'Follow',
    title: 'follow — the user follows a creator (idempotent); the next query sees it',
    query: 'mutation Follow($userId: ID!, $creatorId: ID!) { follow(userId: $userId, creatorId: $creatorId) { creator { id } following changed followers } }',
    variables: { userId: MUTATION_USER, creatorId: 'google-bert' },
  },
  {
    name: 'FollowTopic',
    title: 'followTopic — the user follows a task as a topic (feeds and recommendedCreators use it)',
    query: 'mutation FollowTopic($userId: ID!, $taskId: ID!) { followTopic(userId: $userId, taskId: $taskId) { task { id } changed } }',
    variables: { userId: MUTATION_USER, taskId: 'text-generation' },
    demoNote: 'there are no topic follows (no public data): this makes the first one.',
  },
  {
    name: 'Like',
    title: 'like — the user likes a model (idempotent); its like count goes up with a new like',
    query: 'mutation Like($userId: ID!, $modelId: ID!) { like(userId: $userId, modelId: $modelId) { model { id likes } changed } }',
    variables: { userId: MUTATION_USER, modelId: 'google-bert/bert-base-uncased' },
    demoNote: 'like counts come from the Hub, but who liked what is not public: this makes the first LIKED edge.',
  },
];
