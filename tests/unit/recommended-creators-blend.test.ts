import { describe, expect, it } from 'vitest';
import type { CreatorRecommendation } from '../../src/domain/creatorCommon.js';
import { bestPerCreator, blend, normalise, type SignalWeights } from '../../src/domain/recommendedCreators.js';
import { withText, type ReasonKind } from '../../src/domain/reason.js';

const rec = (id: string, score: number, kind: ReasonKind = 'FOLLOWED_BY'): CreatorRecommendation => ({
  creator: { id, name: null, kind: null, source: null, authority: null },
  score,
  reason: withText({ kind, via: [{ type: 'CREATOR', id: 'x' }, { type: 'CREATOR', id: 'y' }], count: 2 }),
});

describe('normalise', () => {
  it('divides by the best score', () => {
    expect(normalise([rec('a', 4), rec('b', 1)]).map((r) => r.score)).toEqual([1, 0.25]);
  });
  it('counts an all-zero list as 1 each (the signal still proposed them)', () => {
    expect(normalise([rec('a', 0), rec('b', 0)]).map((r) => r.score)).toEqual([1, 1]);
  });
  it('leaves an empty list empty', () => {
    expect(normalise([])).toEqual([]);
  });
});

describe('bestPerCreator', () => {
  it('keeps each creator’s best entry across lists', () => {
    const merged = bestPerCreator([[rec('a', 0.5), rec('b', 1)], [rec('a', 1), rec('c', 0.2)]]);
    expect(merged.map((r) => [r.creator.id, r.score]).sort()).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 0.2],
    ]);
  });
});

describe('blend', () => {
  // Fixed here, not the (tuned) defaults: the expected values below are worked out by hand.
  const weights: SignalWeights = { followOfFollow: 1, secondDegree: 0.8, popularAmongSimilarUsers: 0.8, sameOrganization: 0.7, followBack: 0.6, topicTopContributors: 0.4 };

  it('sums weighted normalised scores and keeps the reason of the largest contribution', () => {
    const out = blend(
      {
        followOfFollow: [rec('a', 10, 'FOLLOWED_BY'), rec('b', 5, 'FOLLOWED_BY')],
        followBack: [rec('b', 3, 'FOLLOWS_YOU')],
      },
      weights,
      new Set(),
      10,
    );
    // a: 1 × 1 = 1. b: 1 × 0.5 (followOfFollow) + 0.6 × 1 (followBack) = 1.1, reason FOLLOWS_YOU (0.6 > 0.5).
    expect(out.map((r) => [r.creator.id, r.reason.kind])).toEqual([
      ['b', 'FOLLOWS_YOU'],
      ['a', 'FOLLOWED_BY'],
    ]);
    expect(out[0]!.score).toBeCloseTo(1.1, 12);
    expect(out[1]!.score).toBe(1);
  });

  it('drops excluded creators before normalising, so the best eligible one scores 1', () => {
    const out = blend({ topicTopContributors: [rec('followed', 10, 'TOPIC_LEADER'), rec('new', 5, 'TOPIC_LEADER')] }, weights, new Set(['followed']), 10);
    expect(out.map((r) => [r.creator.id, r.score])).toEqual([['new', weights.topicTopContributors]]);
  });

  it('keeps the earlier signal’s reason on a tie, orders ties by id, ignores zero weights and cuts to first', () => {
    const out = blend(
      {
        secondDegree: [rec('z', 1, 'FOLLOWED_BY_MANY_YOU_FOLLOW'), rec('y', 1, 'FOLLOWED_BY_MANY_YOU_FOLLOW')],
        popularAmongSimilarUsers: [rec('z', 1, 'POPULAR_AMONG_SIMILAR_USERS')],
        sameOrganization: [rec('w', 1, 'SAME_ORGANIZATION')],
      },
      { ...weights, secondDegree: 0.8, popularAmongSimilarUsers: 0.8, sameOrganization: 0 },
      new Set(),
      2,
    );
    expect(out.map((r) => [r.creator.id, r.reason.kind])).toEqual([
      ['z', 'FOLLOWED_BY_MANY_YOU_FOLLOW'],
      ['y', 'FOLLOWED_BY_MANY_YOU_FOLLOW'],
    ]);
    expect(out[0]!.score).toBeCloseTo(1.6, 12);
  });
});
