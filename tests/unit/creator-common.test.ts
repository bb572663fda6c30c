import { describe, expect, it } from 'vitest';
import { assertKnownId, markKnownId, toRecommendations, validateFirst, viaIds } from '../../src/domain/creatorCommon.js';
import type { Db } from '../../src/neo4j/db.js';
import { decodeCursor, encodeCursor, parsePageArgs } from '../../src/domain/entities.js';
import { isHubgraphError } from '../../src/errors.js';

const codeOf = (f: () => unknown) => {
  try {
    f();
    return 'no error';
  } catch (e) {
    return isHubgraphError(e) ? e.code : 'other error';
  }
};

describe('validateFirst', () => {
  it('defaults to 20 and accepts 1..100', () => {
    expect(validateFirst(undefined)).toBe(20);
    expect(validateFirst(null)).toBe(20);
    expect(validateFirst(1)).toBe(1);
    expect(validateFirst(100)).toBe(100);
  });
  it('rejects anything else as BAD_USER_INPUT', () => {
    for (const bad of [0, -1, 101, 1.5, Number.NaN]) expect(codeOf(() => validateFirst(bad))).toBe('BAD_USER_INPUT');
  });
});

describe('model cursors', () => {
  it('round-trip (downloads, id) and stay opaque', () => {
    const cursor = encodeCursor({ downloads: 1234, id: 'TheBloke/x' });
    expect(cursor).not.toContain('TheBloke');
    expect(decodeCursor(cursor)).toEqual({ downloads: 1234, id: 'TheBloke/x' });
    expect(decodeCursor(encodeCursor({ downloads: -1, id: 'no-downloads' }))).toEqual({ downloads: -1, id: 'no-downloads' });
  });
  it('reject what no page produced', () => {
    for (const bad of ['', 'garbage', Buffer.from('[1]').toString('base64url'), Buffer.from('["1","x"]').toString('base64url'), Buffer.from('{}').toString('base64url')]) {
      expect(codeOf(() => decodeCursor(bad))).toBe('BAD_USER_INPUT');
    }
  });
  it('parsePageArgs checks first and decodes after', () => {
    expect(parsePageArgs({})).toEqual({ first: 20, after: null });
    expect(parsePageArgs({ first: 5, after: encodeCursor({ downloads: 3, id: 'm' }) })).toEqual({ first: 5, after: { downloads: 3, id: 'm' } });
    expect(codeOf(() => parsePageArgs({ first: 0 }))).toBe('BAD_USER_INPUT');
  });
});

describe('toRecommendations', () => {
  it('words each reason for its creator and types the via ids', () => {
    const creator = { id: 'Undi', name: null, kind: null, source: null, authority: null };
    const [rec] = toRecommendations([{ creator, score: 32, count: 32, via: ['a', 'b'] }], 'FOLLOWED_BY_MANY_YOU_FOLLOW', viaIds('CREATOR'));
    expect(rec).toEqual({
      creator,
      score: 32,
      reason: {
        kind: 'FOLLOWED_BY_MANY_YOU_FOLLOW',
        via: [{ type: 'CREATOR', id: 'a' }, { type: 'CREATOR', id: 'b' }],
        count: 32,
        countIsLowerBound: false,
        authoritySource: null,
        text: 'Followed by 32 creators you follow, including /a and /b',
      },
    });
  });
});

describe('markKnownId', () => {
  // A Db that only answers the known-ids query, counting how often it is asked (the memo's logic,
  // not Cypher, is under test; the query itself runs on Neo4j in the integration suite).
  const knownIdsDb = (answer: Record<string, boolean>) => {
    const calls: unknown[] = [];
    const db = {
      read: async (_cypher: string, params: unknown) => {
        calls.push(params);
        return [answer];
      },
    } as unknown as Db;
    return { db, calls };
  };

  it('skips the lookup for an id marked known on the same Db, of the same kind only', async () => {
    const { db, calls } = knownIdsDb({ user: false, creator: false, task: false });
    markKnownId(db, 'user', 'alice');
    await expect(assertKnownId(db, 'user', 'alice')).resolves.toBeUndefined();
    expect(calls).toHaveLength(0);
    await expect(assertKnownId(db, 'creator', 'alice')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(assertKnownId(db, 'user', 'bob')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(calls).toEqual([{ id: 'alice' }, { id: 'bob' }]);
  });

  it('does not carry over to another Db (another request)', async () => {
    const first = knownIdsDb({ user: true, creator: false, task: false });
    markKnownId(first.db, 'user', 'carol');
    const other = knownIdsDb({ user: false, creator: false, task: false });
    await expect(assertKnownId(other.db, 'user', 'carol')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(other.calls).toHaveLength(1);
  });
});
