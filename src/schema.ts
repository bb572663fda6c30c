/**
 * The HIN schema, defined once. Labels, relationship types and their properties live here; the
 * Cypher that creates constraints and indexes (cypher/schema.cypher) is rendered from it and a test
 * keeps the two in step; the schema table in docs/schema.md is rendered from it too. Cypher elsewhere may
 * only name labels and types that appear here.
 */

export interface LabelSpec {
  /** What a node with this label stands for. */
  doc: string;
  /** The unique key (every label has one, `id`). */
  key: 'id';
  /** Other properties, name → description. */
  properties: Record<string, string>;
  /** Properties with a range index (queries filter or sort on them). */
  indexed?: readonly string[];
}

/** The A and B copies of the analytics properties a run writes before it is made current (docs/analytics.md, write-back). */
function slotProperties<P extends string>(names: readonly P[]): Record<`${P}${'A' | 'B'}`, string> {
  const out: Record<string, string> = {};
  for (const slot of ['A', 'B'] as const) {
    for (const name of names) out[`${name}${slot}`] = `\`${name}\` of the run written to slot ${slot} (double buffering)`;
  }
  return out;
}

export const LABELS = {
  Model: {
    doc: 'A model repository on the Hub, e.g. `meta-llama/Llama-2-7b-hf`.',
    key: 'id',
    properties: {
      name: 'repository name without the namespace',
      downloads: 'downloads (30 days at fetch time)',
      likes: 'likes',
      createdAt: 'creation time (datetime)',
      lastModified: 'last modification (datetime)',
      pipelineTag: 'the Hub pipeline tag',
      tagText: 'all tags joined by spaces (full-text search)',
      source: 'the source of the record whose values the node holds (the newest; e.g. `hub-api-models-2025-01`)',
      sources: 'every source that named the model (list), e.g. `[hub-list-models-2024-09, hub-api-models-2025-01]`',
      recordedAt: 'snapshot time of the record whose values the node holds (datetime): an older record does not overwrite it',
      communityId: 'key of its model community in the current analytics run (`model-<rank>`); none when its community is too small',
      analyticsRunId: 'the analytics run its `communityId` comes from',
      analyticsAt: 'time of that run (datetime)',
      ...slotProperties(['communityId', 'analyticsRunId']),
    },
    indexed: ['downloads', 'likes', 'createdAt', 'communityId'],
  },
  Creator: {
    doc: 'A Hub namespace that publishes models: a user or an organization (second label User or Organization).',
    key: 'id',
    properties: {
      name: 'display name',
      kind: '`user`, `organization` or `unknown`',
      followers: 'number of followers (maintained by ingest)',
      authority: 'PageRank authority on the follow graph (= `pagerank`; the property the API reads)',
      source: 'provenance (`github-musae-standin` for the stand-in social layer)',
      sourceId: 'id in the source data set',
      pagerank: 'PageRank on the follow graph, current analytics run (scores sum to 1)',
      hub: 'HITS hub score, current run (sum-normalised)',
      hitsAuthority: 'HITS authority score, current run (sum-normalised)',
      communityId: 'key of its co-follow community in the current run (`creator-<rank>`); none when too small',
      analyticsRunId: 'the analytics run these values come from',
      analyticsAt: 'time of that run (datetime)',
      followersVersion: 'counts follows and unfollows of it: a stored recommendedCreators list (its followBack) computed before the last one is neither stored nor read',
      coFollowedAt: 'when its stored commonly-followed-with list was computed (ISO-8601); none: answered live',
      coFollowIds: 'stored commonly-followed-with list: the creators, most similar first (top 100 by follower-set Jaccard)',
      coFollowScores: '… their Jaccard similarity, in the same order',
      coFollowOverlaps: '… their followers in common, in the same order',
      profileSimAt: 'when its stored similarCreators profile list was computed (ISO-8601); none: answered live',
      profileSimIds: 'stored similarCreators profile list: the creators, most similar first (top 100 by Jaccard of task/tag profiles)',
      profileSimScores: '… their profile Jaccard similarity, in the same order',
      profileSimMaxItemModels: '… the item cap the list was computed under (read only when the query asks with the same cap)',
      ...slotProperties(['pagerank', 'hub', 'hitsAuthority', 'communityId', 'analyticsRunId']),
    },
    indexed: ['kind', 'authority', 'communityId'],
  },
  User: {
    doc: 'A person on the Hub (also a Creator).',
    key: 'id',
    properties: {
      socialVersion: 'counts its own social writes (follows, unfollows, topic follows, memberships): a stored list computed before the last one is neither stored nor read (src/stored/)',
      popularAmongSimilarAt: 'when its stored popularAmongSimilarUsers list was computed (ISO-8601); none: answered live',
      popularAmongSimilarIds: 'stored popularAmongSimilarUsers list: the creators, best first (top 100 by Σ similarity of the 50 nearest users following them)',
      popularAmongSimilarScores: '… their scores, in the same order',
      popularAmongSimilarCounts: '… how many of the 50 nearest users follow each, in the same order',
      popularAmongSimilarVia: '… the two most similar of those users, ids joined by a space, in the same order (the reason names them)',
      popularAmongSimilarFollows: '… the user\'s follow count when it was computed (read only while it still is)',
      popularAmongSimilarSettings: '… the settings it was computed under (read only when the query asks with the same)',
      popularAmongSimilarVersion: '… the user\'s socialVersion it was computed at (stored and read only while it still is)',
      followOfFollowAt: 'when its stored followOfFollow list was computed (ISO-8601); none: answered live',
      followOfFollowIds: 'stored followOfFollow list: the creators, best first (top 100 by Adamic–Adar over the creators it follows)',
      followOfFollowScores: '… their scores, in the same order',
      followOfFollowCounts: '… how many of the creators it follows follow each, in the same order',
      followOfFollowVia: '… the three most prominent of those, ids joined by a space, in the same order',
      followOfFollowBounded: '… whether the walk budget left some of its followees out (then every count is a lower bound: "at least")',
      followOfFollowFollows: '… the user\'s follow count when it was computed (read only while it still is)',
      followOfFollowSettings: '… the settings it was computed under (read only when the query asks with the same)',
      followOfFollowVersion: '… the user\'s socialVersion it was computed at (stored and read only while it still is)',
      secondDegreeAt: 'when its stored secondDegree list was computed (ISO-8601); none: answered live',
      secondDegreeIds: 'stored secondDegree list: the creators, most followed by its followees first (top 100)',
      secondDegreeCounts: '… how many of the creators it follows follow each, in the same order',
      secondDegreeVia: '… the three most prominent of those, ids joined by a space, in the same order',
      secondDegreeBounded: '… whether the walk budget left some of its followees out (then every count is a lower bound: "at least")',
      secondDegreeFollows: '… the user\'s follow count when it was computed (read only while it still is)',
      secondDegreeSettings: '… the settings it was computed under (read only when the query asks with the same)',
      secondDegreeVersion: '… the user\'s socialVersion it was computed at (stored and read only while it still is)',
      recommendedAt: 'when its stored recommendedCreators list was computed (ISO-8601); none: answered live',
      recommendedIds: 'stored recommendedCreators list: the creators, best first (top 50 of the blended signals)',
      recommendedScores: '… their blended scores, in the same order',
      recommendedKinds: '… the kind of each one\'s reason (its strongest signal), in the same order',
      recommendedCounts: '… each reason\'s count (-1: none), in the same order',
      recommendedVia: '… each reason\'s creators, ids joined by a space, in the same order',
      recommendedSources: '… each reason\'s authority source (\'\': none), in the same order',
      recommendedBounded: '… whether each reason\'s count is a lower bound, in the same order',
      recommendedFollows: '… the user\'s follow count when it was computed (read only while it still is)',
      recommendedSettings: '… the settings it was computed under (read only when the query asks with the same)',
      recommendedRuns: '… the analytics runs current when it was computed (read only while they still are)',
      recommendedVersion: '… [socialVersion, followersVersion] it was computed at (stored and read only while they still are)',
    },
  },
  Organization: { doc: 'An organization on the Hub (also a Creator).', key: 'id', properties: {} },
  Task: {
    doc: 'A pipeline task, e.g. `text-generation` (a topic users can follow).',
    key: 'id',
    properties: {
      name: 'label',
      modality: 'modality (nlp, cv, audio, multimodal, …)',
      leadersAt: 'when its stored topicTopContributors list was computed (ISO-8601); none: answered live',
      leaderIds: 'stored topicTopContributors list: the leading creators, best first (top 100 by the live score)',
      leaderScores: '… their scores, in the same order',
      leaderCounts: '… their models in the task, in the same order',
      leaderSources: '… the source of each one\'s standing (`ANALYTICS` or `FOLLOWER_COUNT`), in the same order',
      leadersAuthorityWeight: '… the authority weight the list was computed under (read only when the query asks with the same weight)',
    },
  },
  Tag: { doc: 'A free Hub tag, e.g. `endpoints_compatible`, `region:us`.', key: 'id', properties: {} },
  Library: { doc: 'A model library, e.g. `transformers`.', key: 'id', properties: { name: 'pretty name' } },
  Dataset: { doc: 'A dataset a model was trained on (`dataset:` tag).', key: 'id', properties: {} },
  Paper: {
    doc: 'An arXiv paper cited by models (`arxiv:` tag); id without version.',
    key: 'id',
    properties: {
      title: 'title',
      abstract: 'abstract',
      published: 'first publication date',
      primaryCategory: 'arXiv primary category',
      categories: 'all arXiv categories',
    },
    indexed: ['primaryCategory'],
  },
  Author: { doc: 'An author of a paper, by name as arXiv lists it.', key: 'id', properties: { name: 'name' } },
  License: { doc: 'A license (`license:` tag), e.g. `apache-2.0`.', key: 'id', properties: {} },
  Language: { doc: 'A natural language (ISO 639 code tag), e.g. `en`.', key: 'id', properties: {} },
  Community: {
    doc: 'A community found by Louvain (`hubgraph analytics run`): of creators (co-follows) or of models (shared tasks, tags, papers…); id = run id + key.',
    key: 'id',
    properties: {
      key: 'community key within its run: `creator-<rank>` or `model-<rank>`',
      kind: '`creator` or `model`',
      rank: 'position by size within its run and kind (0 = largest; ties by smallest member id)',
      size: 'members',
      modularityContribution: 'its share of the modularity, Σin/m − γ·(Σtot/2m)²',
      internalWeight: 'total weight of the edges inside it',
      internalEdges: 'edges inside it (in the graph it was found in)',
      density: 'internal edge density, edges inside / (size·(size − 1)/2)',
      runId: 'the analytics run that wrote it',
      computedAt: 'time of the run (datetime)',
    },
    indexed: ['runId', 'kind'],
  },
  AnalyticsRun: {
    doc: 'One `hubgraph analytics run`; the one with `current: true` is what readers see (runs are swapped atomically).',
    key: 'id',
    properties: {
      scope: "id prefix of the graph it covers ('' = the whole graph; tests use their own)",
      current: 'the run readers see (one per scope)',
      status: '`writing`, `complete` or `abandoned`',
      slot: '`A` or `B`: the property set (`pagerankA`, …) its values are in',
      engine: '`graphology` or `gds`',
      seed: 'Louvain seed',
      damping: 'PageRank damping factor α',
      resolution: 'Louvain resolution γ',
      startedAt: 'start of the run (datetime)',
      computedAt: 'end of the computation (datetime)',
      creators: 'creators in the follow graph',
      follows: 'edges of the follow graph',
      coFollowEdges: 'edges of the co-follow graph',
      models: 'models in the model graph',
      modelEdges: 'edges of the model graph',
      creatorCommunities: 'creator communities written (at least the minimum size)',
      modelCommunities: 'model communities written',
      creatorModularity: 'modularity of the creator partition',
      modelModularity: 'modularity of the model partition',
      computeSeconds: 'seconds spent computing (before the write-back)',
    },
    indexed: ['scope'],
  },
  IngestJob: {
    doc: 'The last finished run of one ingest job, id = the job (`models`, `social`, `demo`, …): what each step loaded and refused; `/metrics` reports it (docs/metrics.md).',
    key: 'id',
    properties: {
      runId: 'the run (its quarantine and summary files carry the same id)',
      startedAt: 'start of the run (datetime)',
      finishedAt: 'end of the run (datetime)',
      seconds: 'seconds the run took',
      steps: 'its steps, in the order they ran',
      read: '… records each step read, in the same order',
      loaded: '… rows each step loaded, in the same order',
      rejected: '… rows each step refused (written to the quarantine file), in the same order',
      skipped: '… rows each step skipped as committed by an earlier, interrupted run, in the same order',
    },
  },
} as const satisfies Record<string, LabelSpec>;

export type Label = keyof typeof LABELS;

export interface RelationshipSpec {
  /** The start node's label, or labels when several kinds of node have the relationship. */
  from: Label | readonly Label[];
  to: Label;
  doc: string;
  properties: Record<string, string>;
}

export const RELATIONSHIPS = {
  CREATED: { from: 'Creator', to: 'Model', doc: 'the creator publishes the model', properties: {} },
  HAS_TASK: { from: 'Model', to: 'Task', doc: 'the model’s pipeline task', properties: {} },
  TAGGED: { from: 'Model', to: 'Tag', doc: 'a plain tag of the model', properties: {} },
  USES_LIBRARY: { from: 'Model', to: 'Library', doc: 'library the model runs with', properties: {} },
  TRAINED_ON: { from: 'Model', to: 'Dataset', doc: 'dataset the model was trained on', properties: {} },
  CITES: { from: 'Model', to: 'Paper', doc: 'paper the model card cites', properties: {} },
  AUTHORED_BY: { from: 'Paper', to: 'Author', doc: 'author of the paper', properties: { position: 'author order (0-based)' } },
  DERIVED_FROM: {
    from: 'Model',
    to: 'Model',
    doc: 'base-model lineage (derived → base)',
    properties: { kind: '`finetune`, `quantized`, `merge` or `adapter` (or `unknown`)' },
  },
  HAS_LICENSE: { from: 'Model', to: 'License', doc: 'license of the model', properties: {} },
  SUPPORTS_LANGUAGE: { from: 'Model', to: 'Language', doc: 'natural language of the model', properties: {} },
  FOLLOWS: {
    from: 'User',
    to: 'Creator',
    doc: 'a user follows a user or an organization',
    properties: { since: 'time of the follow', source: 'provenance' },
  },
  FOLLOWS_TOPIC: { from: 'User', to: 'Task', doc: 'a user follows a task as a topic', properties: { since: 'time' } },
  LIKED: { from: 'User', to: 'Model', doc: 'a user likes a model', properties: { since: 'time' } },
  MEMBER_OF: { from: 'User', to: 'Organization', doc: 'membership of an organization', properties: {} },
  IN_COMMUNITY: {
    from: ['Creator', 'Model'],
    to: 'Community',
    doc: 'membership of a community (a creator of a co-follow community, a model of a model community), per analytics run',
    properties: { runId: 'the analytics run' },
  },
  LINKED_TO: {
    from: 'Community',
    to: 'Community',
    doc: 'two communities joined by edges of the projected graph',
    properties: { weight: 'total edge weight between them', edges: 'edges between them', runId: 'the analytics run' },
  },
} as const satisfies Record<string, RelationshipSpec>;

export type RelationshipType = keyof typeof RELATIONSHIPS;

export const LABEL_NAMES = Object.keys(LABELS) as Label[];
export const RELATIONSHIP_TYPES = Object.keys(RELATIONSHIPS) as RelationshipType[];

/** Full-text indexes: name → label and properties. */
export const FULLTEXT_INDEXES = {
  model_search: { label: 'Model', properties: ['id', 'name', 'tagText'] },
  creator_search: { label: 'Creator', properties: ['id', 'name'] },
} as const satisfies Record<string, { label: Label; properties: readonly string[] }>;

/** Guards dynamic labels (e.g. `db stats`): only names from the fixed list pass. */
export function assertLabel(name: string): Label {
  if (!(name in LABELS)) throw new Error(`Unknown label: ${name}`);
  return name as Label;
}

export function assertRelationshipType(name: string): RelationshipType {
  if (!(name in RELATIONSHIPS)) throw new Error(`Unknown relationship type: ${name}`);
  return name as RelationshipType;
}

function snake(s: string): string {
  return s.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}

/**
 * Renders cypher/schema.cypher: one statement per line-group, each idempotent (IF NOT EXISTS), so
 * migrate can run any number of times.
 */
export function renderSchemaCypher(): string {
  const out: string[] = [
    '// hubgraph HIN schema — GENERATED from src/schema.ts by `hubgraph db schema --write`; do not edit by hand.',
    '// Every statement is idempotent (IF NOT EXISTS): `hubgraph db migrate` applies this file any number of times.',
    '',
    '// Uniqueness: every label is keyed by `id`.',
  ];
  for (const label of LABEL_NAMES) {
    out.push(`CREATE CONSTRAINT ${snake(label)}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE;`);
  }
  out.push('', '// Range indexes for the properties queries filter and sort on.');
  for (const label of LABEL_NAMES) {
    const spec: LabelSpec = LABELS[label];
    for (const prop of spec.indexed ?? []) {
      out.push(`CREATE INDEX ${snake(label)}_${snake(prop)} IF NOT EXISTS FOR (n:${label}) ON (n.${prop});`);
    }
  }
  out.push('', '// Relationship property indexes.');
  out.push('CREATE INDEX derived_from_kind IF NOT EXISTS FOR ()-[r:DERIVED_FROM]-() ON (r.kind);');
  out.push('', '// Full-text search over model ids, names and tags, and creator names.');
  for (const [name, spec] of Object.entries(FULLTEXT_INDEXES)) {
    const props = spec.properties.map((p) => `n.${p}`).join(', ');
    out.push(`CREATE FULLTEXT INDEX ${name} IF NOT EXISTS FOR (n:${spec.label}) ON EACH [${props}];`);
  }
  return out.join('\n') + '\n';
}

/**
 * Renders cypher/stats/graph-stats.cypher: node counts per label and relationship counts per type.
 * Each branch is a single-label (or single-type) count, which Neo4j answers from its count store
 * without scanning.
 */
export function renderGraphStatsCypher(): string {
  const branches = [
    // count() first, then the constant columns: grouping by constants would return no row on an empty graph.
    ...LABEL_NAMES.map((l) => `MATCH (n:${l}) WITH count(n) AS count RETURN 'label' AS kind, '${l}' AS name, count`),
    ...RELATIONSHIP_TYPES.map((t) => `MATCH ()-[r:${t}]->() WITH count(r) AS count RETURN 'relationship' AS kind, '${t}' AS name, count`),
    "MATCH (n) WITH count(n) AS count RETURN 'total' AS kind, 'nodes' AS name, count",
    "MATCH ()-[r]->() WITH count(r) AS count RETURN 'total' AS kind, 'relationships' AS name, count",
  ];
  return (
    '// Counts per label and relationship type — GENERATED from src/schema.ts by `hubgraph db schema --write`.\n' +
    branches.join('\nUNION ALL\n') +
    '\n'
  );
}

/** The schema tables (a unit test keeps docs/schema.md in step with this). */
export function renderSchemaMarkdown(): string {
  const rows = ['| label | key | what it is | properties |', '|---|---|---|---|'];
  for (const label of LABEL_NAMES) {
    const spec: LabelSpec = LABELS[label];
    const props = Object.keys(spec.properties).map((p) => `\`${p}\``).join(', ');
    rows.push(`| \`${label}\` | \`id\` (unique) | ${spec.doc} | ${props} |`);
  }
  rows.push('', '| relationship | from → to | meaning | properties |', '|---|---|---|---|');
  for (const type of RELATIONSHIP_TYPES) {
    const spec: RelationshipSpec = RELATIONSHIPS[type];
    const props = Object.entries(spec.properties).map(([p, d]) => `\`${p}\`: ${d}`).join('; ');
    const from = (typeof spec.from === 'string' ? [spec.from] : spec.from).map((l) => `\`${l}\``).join(', ');
    rows.push(`| \`${type}\` | ${from} → \`${spec.to}\` | ${spec.doc} | ${props} |`);
  }
  return rows.join('\n');
}
