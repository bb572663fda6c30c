import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { namedList, reasonText, withText, type ReasonData, type ReasonKind } from '../../src/domain/reason.js';
import { SCHEMA_DIR } from '../../src/graphql/schema.js';

const c = (...ids: string[]) => ids.map((id) => ({ type: 'CREATOR' as const, id }));
const asr = { type: 'TASK' as const, id: 'automatic-speech-recognition', name: 'Automatic Speech Recognition' };

/**
 * One reason of every kind and the sentence it reads as, in a creator list and, for the creator
 * kinds, on a feed item about one of the creator's models (`about`). A Record, so a new kind
 * without a text here fails to compile.
 */
const EVERY_KIND: Record<ReasonKind, { reason: ReasonData; text: string; about?: string }> = {
  FOLLOWED_BY: { reason: { kind: 'FOLLOWED_BY', via: c('A', 'B', 'C'), count: 64 }, text: 'Followed by /A, /B and 62 others you follow', about: '/Y is followed by /A, /B and 62 others you follow' },
  FOLLOWED_BY_MANY_YOU_FOLLOW: {
    reason: { kind: 'FOLLOWED_BY_MANY_YOU_FOLLOW', via: c('A', 'B', 'C'), count: 32 },
    text: 'Followed by 32 creators you follow, including /A and /B',
    about: '/Y is followed by 32 creators you follow, including /A and /B',
  },
  POPULAR_AMONG_SIMILAR_USERS: {
    reason: { kind: 'POPULAR_AMONG_SIMILAR_USERS', via: c('A', 'B'), count: 10 },
    text: 'Followed by /A, /B and 8 others whose follows resemble yours',
    about: '/Y is followed by /A, /B and 8 others whose follows resemble yours',
  },
  COMMONLY_FOLLOWED_WITH: { reason: { kind: 'COMMONLY_FOLLOWED_WITH', via: c('X'), count: 12 }, text: 'Shares 12 followers with /X', about: '/Y shares 12 followers with /X' },
  FOLLOWS_YOU: { reason: { kind: 'FOLLOWS_YOU', via: [] }, text: 'Follows you', about: '/Y follows you' },
  SIMILAR_CREATOR: { reason: { kind: 'SIMILAR_CREATOR', via: c('X') }, text: 'Similar to /X', about: '/Y is similar to /X' },
  TOPIC_LEADER: { reason: { kind: 'TOPIC_LEADER', via: [asr], count: 3 }, text: 'Top contributor in Automatic Speech Recognition', about: '/Y is a top contributor in Automatic Speech Recognition' },
  FOLLOWED_TOPIC_LEADER: {
    reason: { kind: 'FOLLOWED_TOPIC_LEADER', via: [asr] },
    text: 'Top contributor in Automatic Speech Recognition, a topic you follow',
    about: '/Y is a top contributor in Automatic Speech Recognition, a topic you follow',
  },
  POPULAR_CREATOR: {
    reason: { kind: 'POPULAR_CREATOR', via: [], count: 8577, authoritySource: 'FOLLOWER_COUNT' },
    text: 'One of the most followed creators (8577 followers)',
    about: '/Y is one of the most followed creators (8577 followers)',
  },
  SAME_ORGANIZATION: { reason: { kind: 'SAME_ORGANIZATION', via: c('lab', 'corp', 'club'), count: 3 }, text: 'Member of /lab, /corp and 1 other organization, like you', about: '/Y is a member of /lab, /corp and 1 other organization, like you' },
  FOLLOWED_TOPIC: { reason: { kind: 'FOLLOWED_TOPIC', via: [asr] }, text: 'Popular in Automatic Speech Recognition, a topic you follow' },
  TRENDING_IN_TOPIC: { reason: { kind: 'TRENDING_IN_TOPIC', via: [asr] }, text: 'Trending in Automatic Speech Recognition, a topic you follow' },
  FOLLOWED_CREATOR: { reason: { kind: 'FOLLOWED_CREATOR', via: c('stabilityAI') }, text: 'From /stabilityAI, whom you follow' },
  UPLOADED_BY: { reason: { kind: 'UPLOADED_BY', via: c('TheBloke') }, text: 'From /TheBloke, whom you follow' },
  LIKED_BY: { reason: { kind: 'LIKED_BY', via: c('A', 'B', 'C'), count: 3 }, text: 'Liked by /A, /B and 1 other you follow' },
  FROM_ORGANIZATION: { reason: { kind: 'FROM_ORGANIZATION', via: c('huggingface') }, text: 'From /huggingface' },
  GLOBALLY_TRENDING: { reason: { kind: 'GLOBALLY_TRENDING', via: [] }, text: 'Trending on the hub' },
  NEARBY_IN_GRAPH: {
    reason: { kind: 'NEARBY_IN_GRAPH', via: [...c('meta'), { type: 'MODEL', id: 'meta/llama' }, { type: 'PAPER', id: '2307.09288' }], count: 1 },
    text: 'Related to meta/llama through paper 2307.09288',
  },
  SIMILAR_MODEL: { reason: { kind: 'SIMILAR_MODEL', via: [{ type: 'MODEL', id: 'meta/llama' }], count: 4 }, text: 'Similar to meta/llama' },
};

describe('reasonText', () => {
  it.each(Object.entries(EVERY_KIND))('words %s', (_, { reason, text, about }) => {
    expect(reasonText(reason)).toBe(text);
    if (about) expect(reasonText(reason, 'Y')).toBe(about);
  });

  it('has a text for every ReasonKind of the GraphQL schema, and no other', () => {
    const sdl = readFileSync(path.join(SCHEMA_DIR, 'common.graphql'), 'utf8');
    const block = /enum ReasonKind \{([\s\S]*?)\}/.exec(sdl)![1]!;
    const kinds = block.split('\n').map((l) => l.trim()).filter((l) => /^[A-Z_]+$/.test(l));
    expect(kinds.sort()).toEqual(Object.keys(EVERY_KIND).sort());
  });

  it('names one or two intermediaries in full and counts the rest', () => {
    const you = { few: ', whom you follow', many: ' you follow' };
    expect(namedList(['A'], 1, false, you)).toBe('/A, whom you follow');
    expect(namedList(['A', 'B'], 2, false, you)).toBe('/A and /B, whom you follow');
    expect(namedList(['A', 'B', 'C'], 3, false, you)).toBe('/A, /B and 1 other you follow');
    expect(namedList(['A', 'B', 'C'], 64, false, you)).toBe('/A, /B and 62 others you follow');
    // Fewer names than the count (a stored via of one): the rest still counted.
    expect(namedList(['A'], 5, false, you)).toBe('/A and 4 others you follow');
    expect(namedList([], 5, false, you)).toBe('5 creators you follow');
  });

  it('says "at least" when the count is over a bounded walk', () => {
    expect(reasonText({ kind: 'FOLLOWED_BY', via: c('A', 'B', 'C'), count: 64, countIsLowerBound: true })).toBe('Followed by /A, /B and at least 62 others you follow');
    expect(reasonText({ kind: 'FOLLOWED_BY_MANY_YOU_FOLLOW', via: c('A', 'B'), count: 32, countIsLowerBound: true })).toBe(
      'Followed by at least 32 creators you follow, including /A and /B',
    );
    expect(reasonText({ kind: 'LIKED_BY', via: c('A', 'B', 'C'), count: 3, countIsLowerBound: true })).toBe('Liked by /A, /B and at least 1 other you follow');
    // Naming every intermediary counted asserts nothing about the others: no "at least" needed.
    expect(reasonText({ kind: 'FOLLOWED_BY', via: c('A'), count: 1, countIsLowerBound: true })).toBe('Followed by /A, whom you follow');
  });

  it('presents a head-count of one as the single intermediary it is, never as "many"', () => {
    const one = withText({ kind: 'FOLLOWED_BY_MANY_YOU_FOLLOW', via: c('A'), count: 1 });
    expect(one).toMatchObject({ kind: 'FOLLOWED_BY', text: 'Followed by /A, whom you follow', countIsLowerBound: false });
    expect(reasonText({ kind: 'POPULAR_AMONG_SIMILAR_USERS', via: c('A'), count: 1 })).toBe('Followed by /A, whose follows resemble yours');
    expect(reasonText({ kind: 'POPULAR_AMONG_SIMILAR_USERS', via: c('A', 'B'), count: 2 })).toBe('Followed by /A and /B, whose follows resemble yours');
  });

  it('words the cold-start and singular cases', () => {
    expect(reasonText({ kind: 'POPULAR_CREATOR', via: [], count: 120, authoritySource: 'ANALYTICS' })).toBe('One of the most authoritative creators in the follow graph');
    expect(reasonText({ kind: 'POPULAR_CREATOR', via: [], count: 1, authoritySource: 'FOLLOWER_COUNT' })).toBe('One of the most followed creators (1 follower)');
    expect(reasonText({ kind: 'COMMONLY_FOLLOWED_WITH', via: c('X'), count: 1 })).toBe('Shares 1 follower with /X');
    expect(reasonText({ kind: 'SAME_ORGANIZATION', via: c('lab'), count: 1 })).toBe('Member of /lab, like you');
    // A task without a name is named by its id.
    expect(reasonText({ kind: 'TOPIC_LEADER', via: [{ type: 'TASK', id: 'text-generation' }] })).toBe('Top contributor in text-generation');
  });
});
