/**
 * The @neo4j/graphql side of bench:api: three hubgraph questions as `@cypher` fields over the very
 * Cypher hubgraph sends (loadCypher's compacted text). @neo4j/graphql passes a field's arguments as
 * parameters; every other parameter of the file is inlined here as a literal (`inline`), so a
 * parameter a Cypher file gains must be added here too (tests/unit/benchNeo4jGraphqlSchema.test.ts).
 */
import { settingsKey as secondDegreeSettings, DEFAULTS as SECOND_DEGREE_DEFAULTS } from '../src/domain/secondDegree.js';
import { DEFAULTS as TOPIC_DEFAULTS } from '../src/domain/topicTopContributors.js';
import { loadCypher } from '../src/neo4j/cypher.js';
import type { Kind } from './api-questions.js';

/** Question → @cypher field over the project's own Cypher file; parameters that are not GraphQL arguments are inlined. */
export const NEO4J_GRAPHQL_FIELDS: { name: string; arg: 'userId' | 'creatorId' | 'taskId'; kind: Kind; file: string; inline: Record<string, string>; via: boolean }[] = [
  {
    name: 'secondDegree',
    arg: 'userId',
    kind: 'user',
    file: 'recommend/second-degree',
    inline: {
      minCount: String(SECOND_DEGREE_DEFAULTS.minCount),
      maxWalk: String(SECOND_DEGREE_DEFAULTS.maxWalk),
      settings: `'${secondDegreeSettings(SECOND_DEGREE_DEFAULTS)}'`,
    },
    via: true,
  },
  { name: 'commonlyFollowedWith', arg: 'creatorId', kind: 'creator', file: 'recommend/commonly-followed-with', inline: { live: 'false' }, via: false },
  {
    name: 'topicTopContributors',
    arg: 'taskId',
    kind: 'task',
    file: 'recommend/topic-top-contributors',
    inline: { authorityWeight: `${TOPIC_DEFAULTS.authorityWeight}.0`, live: 'false' },
    via: false,
  },
];

export function neo4jGraphqlTypeDefs(): string {
  const fields = NEO4J_GRAPHQL_FIELDS.map((f) => {
    // loadCypher's text is compacted (no comments), as hubgraph sends it: both servers run the same text.
    let cypher = loadCypher(f.file);
    for (const [param, value] of Object.entries(f.inline)) cypher = cypher.replaceAll(`$${param}`, value);
    // GraphQL Int arrives as a float parameter: LIMIT needs an integer.
    cypher = cypher.replaceAll('$first', 'toInteger($first)');
    const statement = `CALL () {\n${cypher}\n}\nRETURN {id: creator.id, name: creator.name, kind: creator.kind, source: creator.source, score: score, count: count, via: ${f.via ? 'via' : '[]'}} AS rec`;
    return `  ${f.name}(${f.arg}: ID!, first: Int = 20): [CreatorRec!]!\n    @cypher(statement: """\n${statement}\n""", columnName: "rec")`;
  });
  return [
    'type Creator @node {\n  id: ID!\n  name: String\n}',
    'type CreatorRec {\n  id: ID!\n  name: String\n  kind: String\n  source: String\n  score: Float!\n  count: Int\n  via: [String!]!\n}',
    `type Query {\n${fields.join('\n')}\n}`,
    '',
  ].join('\n\n');
}

