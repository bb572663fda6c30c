/** The feed's pure parts: candidate selection, round-robin by seed, spreading out creators and topics, the cursor, pagination. */
import { describe, expect, it } from 'vitest';
import {
  decodeCursor,
  diversify,
  encodeCursor,
  feedUserKey,
  pageIsDecided,
  paginate,
  roundRobinBySeed,
  selectCandidates,
  spreadOut,
  type Diversifiable,
} from '../../src/domain/feedCommon.js';
import { HubgraphError } from '../../src/errors.js';

const item = (id: string, seed: string, score: number, creatorId: string | null = seed, topic: string | null = null): Diversifiable => ({
  id,
  seed,
  score,
  creatorId,
  topic,
});
const ids = (xs: Diversifiable[]) => xs.map((x) => x.id, 'alice');
const consecutive = (xs: Diversifiable[], key: 'creatorId' | 'topic') =>
  xs.slice(1).filter((x, i) => x[key] !== null && x[key] === xs[i]![key]).length;

describe('roundRobinBySeed', () => {
  it('takes one per seed in turn, seeds ordered by their best candidate', () => {
    const items = [item('a1', 'A', 10), item('a2', 'A', 9), item('a3', 'A', 8), item('b1', 'B', 5), item('c1', 'C', 7), item('c2', 'C', 1)];
    expect(ids(roundRobinBySeed(items))).toEqual(['a1', 'c1', 'b1', 'a2', 'c2', 'a3']);
  });

  it('is deterministic on ties (model id breaks them)', () => {
    const items = [item('y', 'S', 1), item('x', 'T', 1), item('z', 'S', 1)];
    expect(ids(roundRobinBySeed(items))).toEqual(['x', 'y', 'z']);
    expect(ids(roundRobinBySeed([...items].reverse()))).toEqual(['x', 'y', 'z']);
  });
});

describe('spreadOut', () => {
  it('avoids consecutive items by one creator when an arrangement exists (look-ahead, not first fit)', () => {
    // First fit would give B A C A A; the look-ahead keeps A apart: A B A C A.
    const items = [item('b', 'B', 9), item('a1', 'A', 8), item('a2', 'A', 7), item('a3', 'A', 6), item('c', 'C', 5)];
    const out = spreadOut(items);
    expect(ids(out)).toEqual(['a1', 'b', 'a2', 'c', 'a3']);
    expect(consecutive(out, 'creatorId')).toBe(0);
  });

  it('keeps the preferred order when nothing conflicts', () => {
    const items = [item('1', 'A', 3), item('2', 'B', 2), item('3', 'C', 1)];
    expect(ids(spreadOut(items))).toEqual(['1', '2', '3']);
  });

  it('avoids consecutive topics too, creators first', () => {
    const items = [item('1', 'A', 4, 'A', 'nlp'), item('2', 'B', 3, 'B', 'nlp'), item('3', 'C', 2, 'C', 'cv'), item('4', 'D', 1, 'D', 'cv')];
    const out = spreadOut(items);
    expect(ids(out)).toEqual(['1', '3', '2', '4']);
    expect(consecutive(out, 'topic')).toBe(0);
  });

  it('places the unavoidable repeats last and loses nothing', () => {
    const items = [item('a1', 'A', 3), item('a2', 'A', 2), item('a3', 'A', 1), item('b', 'B', 0)];
    const out = spreadOut(items);
    expect(out).toHaveLength(4);
    expect(new Set(ids(out))).toEqual(new Set(['a1', 'a2', 'a3', 'b']));
    expect(consecutive(out, 'creatorId')).toBe(1); // 3 of 4 by A: one repeat is unavoidable
  });

  it('continues from the previous tier’s last item', () => {
    const previous = item('p', 'A', 99);
    const out = spreadOut([item('a', 'A', 2), item('b', 'B', 1)], previous);
    expect(ids(out)).toEqual(['b', 'a']);
  });

  it('never counts unknown creators or topics as the same', () => {
    const items = [item('1', 's1', 2, null, null), item('2', 's2', 1, null, null)];
    expect(ids(spreadOut(items))).toEqual(['1', '2']);
  });
});

describe('selectCandidates', () => {
  const permutations = <T>(xs: readonly T[]): T[][] =>
    xs.length <= 1 ? [[...xs]] : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));
  const seeds = (xs: Diversifiable[]) => xs.map((x) => `${x.id}@${x.seed}`);

  it('keeps one candidate per model, its best-scoring source, and never one already in the feed', () => {
    const rows = [item('m1', 'topic:k', 2), item('m1', 'creator:A', 5), item('m2', 'creator:A', 4), item('m2', 'liked-by:B', 1), item('m3', 'S', 9)];
    const out = selectCandidates(rows, new Set(['m3']), 5, 10);
    expect(seeds(out)).toEqual(['m1@creator:A', 'm2@creator:A']);
    expect(new Set(ids(out)).size).toBe(out.length);
  });

  it('does not depend on the order rows arrive in when two sources offer a model at one score', () => {
    // The regression: on equal scores the first row used to win, and the database returns tied
    // rows in no defined order, so the seed (and the model's place in the feed) could change
    // between two page requests.
    const rows = [item('m1', 'topic:k', 3), item('m1', 'liked-by:F1', 3), item('m2', 'topic:k', 2), item('m2', 'creator:A', 2), item('m3', 'liked-by:F1', 1)];
    const expected = ['m1@liked-by:F1', 'm2@creator:A', 'm3@liked-by:F1'];
    for (const order of permutations(rows)) {
      const out = selectCandidates(order, new Set(), 5, 10);
      expect(seeds(out)).toEqual(expected);
      expect(ids(diversify(out))).toEqual(ids(diversify(selectCandidates(rows, new Set(), 5, 10))));
    }
  });

  it('takes at most perSeed per seed and limit in all, best first (ties by model id)', () => {
    const rows = [item('a1', 'A', 9), item('a2', 'A', 8), item('a3', 'A', 7), item('b2', 'B', 6), item('b1', 'B', 6), item('c1', 'C', 1)];
    expect(ids(selectCandidates(rows, new Set(), 2, 10))).toEqual(['a1', 'a2', 'b1', 'b2', 'c1']);
    expect(ids(selectCandidates(rows, new Set(), 2, 3))).toEqual(['a1', 'a2', 'b1']);
    expect(selectCandidates(rows, new Set(), 2, 0)).toEqual([]);
  });
});

describe('diversify', () => {
  it('round-robins then spreads: a prolific creator does not fill the top', () => {
    const items = [
      ...[1, 2, 3, 4].map((i) => item(`t${i}`, 'TheBloke', 100 - i)),
      item('x', 'X', 50),
      item('y', 'Y', 40),
    ];
    const out = diversify(items);
    // 4 of 6 by one creator: one repeat is unavoidable, and only one is made (first fit makes two).
    expect(ids(out)).toEqual(['t1', 'x', 't2', 'y', 't3', 't4']);
    expect(consecutive(out, 'creatorId')).toBe(1);
  });
});

describe('cursor', () => {
  it('round-trips and is opaque', () => {
    const c = { now: '2024-10-01T00:00:00.000Z', offset: 20, lastId: 'org/model-x', user: feedUserKey('alice') };
    const text = encodeCursor(c);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(text).not.toContain('org/model-x');
    expect(Buffer.from(text, 'base64url').toString('utf8')).not.toContain('alice');
    expect(decodeCursor(text, 'alice')).toEqual(c);
  });

  it.each(['', 'not a cursor!', Buffer.from('feed2:[1,2]').toString('base64url'), Buffer.from('other:["2024-01-01",1,"x"]').toString('base64url'),
    Buffer.from('feed2:["nope",1,"x","u"]').toString('base64url'), Buffer.from('feed2:["2024-01-01T00:00:00Z",-1,"x","u"]').toString('base64url'),
    // A cursor from before cursors were bound to their user.
    Buffer.from('feed1:["2024-01-01T00:00:00Z",1,"x"]').toString('base64url')])(
    'rejects %j with BAD_USER_INPUT',
    (text) => {
      expect(() => decodeCursor(text, 'alice')).toThrow(HubgraphError);
      try {
        decodeCursor(text, 'alice');
      } catch (e) {
        expect((e as HubgraphError).code).toBe('BAD_USER_INPUT');
      }
    },
  );

  // Regression: a cursor carried no user, so bob's request with alice's cursor paged bob's feed
  // from alice's position, skipping or repeating bob's items without a word.
  it("refuses a cursor issued for another user's feed, and accepts it for its own user", () => {
    const list = ['m1', 'm2', 'm3', 'm4'].map((id) => ({ id }));
    const page = paginate(list, 2, '2024-10-01T00:00:00.000Z', null, (x) => x.id, 'alice');
    const cursor = page.pageInfo.endCursor!;
    expect(decodeCursor(cursor, 'alice')).toMatchObject({ offset: 2, lastId: 'm2' });
    let error: unknown;
    try {
      decodeCursor(cursor, 'bob');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HubgraphError);
    expect((error as HubgraphError).code).toBe('BAD_USER_INPUT');
    expect((error as HubgraphError).message).toBe("after is a cursor of another user's feed, not of userId bob");
  });
});

describe('paginate', () => {
  const list = Array.from({ length: 7 }, (_, i) => ({ id: `m${i}` }));
  const now = '2024-10-01T00:00:00.000Z';
  const all = (first: number, source = list) => {
    const seen: string[] = [];
    let after = null;
    for (let guard = 0; guard < 20; guard++) {
      const page = paginate(source, first, now, after, (x) => x.id, 'alice');
      seen.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage) return { seen, last: page };
      after = decodeCursor(page.pageInfo.endCursor!, 'alice');
    }
    throw new Error('did not finish');
  };

  it('pages concatenate to the whole list without gaps or repeats', () => {
    for (const first of [1, 2, 3, 7, 10]) expect(all(first).seen).toEqual(list.map((x) => x.id));
  });

  it('reports the end', () => {
    const page = paginate(list, 10, now, null, (x) => x.id, 'alice');
    expect(page.pageInfo).toEqual({ hasNextPage: false, endCursor: page.edges[6]!.cursor });
    expect(paginate([], 5, now, null, (x: { id: string }) => x.id, 'alice').pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });

  it('continues after the cursor’s item when the list shifted in between', () => {
    const page1 = paginate(list, 3, now, null, (x) => x.id, 'alice');
    const shifted = [{ id: 'new' }, ...list];
    const page2 = paginate(shifted, 3, now, decodeCursor(page1.pageInfo.endCursor!, 'alice'), (x) => x.id, 'alice');
    expect(page2.edges.map((e) => e.node)).toEqual(['m3', 'm4', 'm5']);
  });
});

describe('pageIsDecided', () => {
  const list = Array.from({ length: 7 }, (_, i) => ({ id: `m${i}` }));
  const now = '2024-10-01T00:00:00.000Z';
  const cursorAt = (i: number) => decodeCursor(encodeCursor({ now, offset: i + 1, lastId: `m${i}`, user: feedUserKey('alice') }), 'alice');

  it('is true exactly when the prefix holds the page and one item past it', () => {
    expect(pageIsDecided(list.slice(0, 3), 2, null)).toBe(true);
    expect(pageIsDecided(list.slice(0, 2), 2, null)).toBe(false); // is there a next page?
    expect(pageIsDecided(list.slice(0, 5), 2, cursorAt(1))).toBe(true);
    expect(pageIsDecided(list.slice(0, 4), 2, cursorAt(1))).toBe(false);
    // The cursor's item is not (yet) in the prefix: it may be in a later tier.
    expect(pageIsDecided(list.slice(0, 5), 2, { now, offset: 2, lastId: 'm6', user: feedUserKey('alice') })).toBe(false);
  });

  it('never decides a page the whole list would cut differently', () => {
    // Every prefix, page size and cursor (on the list, shifted, or pointing at an item gone).
    const cursors = [null, ...list.map((_, i) => cursorAt(i)), { now, offset: 3, lastId: 'm5', user: feedUserKey('alice') }, { now, offset: 2, lastId: 'gone', user: feedUserKey('alice') }];
    let decided = 0;
    for (let n = 0; n <= list.length; n++)
      for (const first of [1, 2, 3, 7])
        for (const after of cursors) {
          if (!pageIsDecided(list.slice(0, n), first, after)) continue;
          decided++;
          expect(paginate(list.slice(0, n), first, now, after, (x) => x.id, 'alice')).toEqual(paginate(list, first, now, after, (x) => x.id, 'alice'));
        }
    expect(decided).toBeGreaterThan(20);
  });
});
