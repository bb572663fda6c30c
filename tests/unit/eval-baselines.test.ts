import { describe, expect, it } from 'vitest';
import { buildProjection, createBaselines } from '../../src/eval/baselines.js';
import { split, type FollowRow } from '../../src/eval/creators.js';
import { mostRecentFirst } from '../../src/eval/feed.js';
import { hiddenCount, rngFor, sample, shuffle } from '../../src/eval/sample.js';

// u follows a and b; a follows c and d; b follows c; e follows c and d (so c has 3 followers, d 2).
const edges: [string, string][] = [
  ['u', 'a'],
  ['u', 'b'],
  ['a', 'c'],
  ['a', 'd'],
  ['b', 'c'],
  ['e', 'c'],
  ['e', 'd'],
];

describe('eval baselines on a hand-made follow graph', () => {
  const b = createBaselines(buildProjection(edges));

  it('popularity ranks by followers, never the user or whom they follow', () => {
    expect(b.popularity('u', 2).map((r) => [r.id, r.score])).toEqual([
      ['c', 3],
      ['d', 2],
    ]);
  });

  it('common neighbours counts shared undirected neighbours', () => {
    // N(u) = {a, b}; c neighbours a and b → 2; d neighbours a → 1. e is a neighbour of c and d only, not a creator anyone follows.
    expect(b.commonNeighbours('u', 10).map((r) => [r.id, r.score])).toEqual([
      ['c', 2],
      ['d', 1],
    ]);
  });

  it('Adamic–Adar weighs each shared neighbour by 1 / ln of its degree', () => {
    // |N(a)| = 3 (u, c, d), |N(b)| = 2 (u, c): c = 1/ln 3 + 1/ln 2, d = 1/ln 3.
    const aa = b.adamicAdar('u', 10);
    expect(aa.map((r) => r.id)).toEqual(['c', 'd']);
    expect(aa[0]!.score).toBeCloseTo(1 / Math.log(3) + 1 / Math.log(2), 12);
    expect(aa[1]!.score).toBeCloseTo(1 / Math.log(3), 12);
  });
});

describe('eval sampling', () => {
  it('is the same for the same seed and stream, different for another stream', () => {
    const xs = Array.from({ length: 50 }, (_, i) => i);
    expect(sample(xs, 10, rngFor(7, 'a'))).toEqual(sample(xs, 10, rngFor(7, 'a')));
    expect(sample(xs, 10, rngFor(7, 'a'))).not.toEqual(sample(xs, 10, rngFor(7, 'b')));
    expect([...shuffle(xs, rngFor(1, 'x'))].sort((p, q) => p - q)).toEqual(xs);
  });

  it('hides a rounded share, at least one edge, never all of them', () => {
    expect(hiddenCount(1, 0.2)).toBe(0);
    expect(hiddenCount(2, 0.2)).toBe(1);
    expect(hiddenCount(10, 0.2)).toBe(2);
    expect(hiddenCount(10, 0.99)).toBe(9);
  });

  it('split hides the reverse edge too and counts it in the gold of a sampled user it starts from', () => {
    const row = (userId: string, creatorId: string, followsBack: boolean): FollowRow => ({ userId, creatorId, since: null, followsBack, datedModels: 0 });
    const follows = new Map([
      ['u', [row('u', 'v', true), row('u', 'w', false)]],
      ['v', [row('v', 'u', true), row('v', 'z', false)]],
    ]);
    const sp = split(follows, ['u', 'v'], true, (u, rows) => rows.filter((r) => (u === 'u' ? r.creatorId === 'v' : r.creatorId === 'z')));
    expect(sp.refs.map((r) => `${r.from}>${r.to}`).sort()).toEqual(['u>v', 'v>u', 'v>z']);
    expect([...sp.gold.get('u')!]).toEqual(['v']);
    expect([...sp.gold.get('v')!].sort()).toEqual(['u', 'z']);
    const keep = split(follows, ['u'], false, (_u, rows) => rows.slice(0, 1));
    expect(keep.refs.map((r) => `${r.from}>${r.to}`)).toEqual(['u>v']);
  });

  it('orders by since, newest first, undated last', () => {
    const rows = [
      { id: 'old', since: '2020-01-01T00:00:00Z' },
      { id: 'none', since: null },
      { id: 'new', since: '2024-01-01T00:00:00Z' },
    ];
    expect(mostRecentFirst(rows, rngFor(1, 't')).map((r) => r.id)).toEqual(['new', 'old', 'none']);
  });
});
