/** Which ids the warm-up asks each example operation with (src/graphql/warmUp.ts). */
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../src/graphql/examples.js';
import { warmUpVariants } from '../../src/graphql/warmUp.js';

const example = (name: string) => EXAMPLES.find((e) => e.name === name)!;
const ids = { heavyUser: 'u-heavy', lightUser: 'u-light', creator: 'c-top', task: 'text-generation', model: 'org/top-model' };
const none = { heavyUser: null, lightUser: null, creator: null, task: null, model: null };

describe('warmUpVariants', () => {
  it('asks a user question for both users, keeping the other variables', () => {
    const feed = example('FeedCandidates');
    expect(warmUpVariants(feed, ids)).toEqual([
      { ...feed.variables, userId: 'u-heavy' },
      { ...feed.variables, userId: 'u-light' },
    ]);
    expect(warmUpVariants(feed, { ...ids, lightUser: 'u-heavy' })).toEqual([{ ...feed.variables, userId: 'u-heavy' }]);
  });

  it("puts the database's creator, task and model in place of the demo corpus's, and searches the task's words", () => {
    expect(warmUpVariants(example('CommonlyFollowedWith'), ids)).toEqual([{ creatorId: 'c-top' }]);
    expect(warmUpVariants(example('TopicTopContributors'), ids)).toEqual([{ taskId: 'text-generation' }]);
    expect(warmUpVariants(example('SimilarModels'), ids)).toEqual([{ modelId: 'org/top-model' }]);
    expect(warmUpVariants(example('Model'), ids)).toEqual([{ id: 'org/top-model' }]);
    expect(warmUpVariants(example('Search'), ids)).toEqual([{ query: 'text generation' }]);
    expect(warmUpVariants(example('ModelStats'), ids)).toEqual([{}]);
  });

  it("keeps the example's own ids where the database has none (an empty database)", () => {
    for (const e of EXAMPLES) expect(warmUpVariants(e, none)).toEqual([e.variables]);
  });

  it('covers every example, and no mutation', () => {
    const asked = EXAMPLES.flatMap((e) => warmUpVariants(e, ids).map(() => e.name));
    expect(new Set(asked)).toEqual(new Set(EXAMPLES.map((e) => e.name)));
    for (const e of EXAMPLES) expect(e.query.trimStart().startsWith('mutation')).toBe(false);
  });
});
