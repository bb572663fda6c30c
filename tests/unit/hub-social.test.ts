import { describe, expect, it } from 'vitest';
import { mapFollower, mapFollowing, mapLiker } from '../../ingest/sources/hub/social.js';
import type { FollowRecord, LikeRecord, Parsed, Rejection } from '../../ingest/types.js';
import { loadExchanges, recordedBody } from '../fixtures/hub/replay.js';

function split<T>(results: Parsed<T>[]): { values: T[]; rejections: Rejection[] } {
  const values: T[] = [];
  const rejections: Rejection[] = [];
  for (const result of results) {
    if (result.ok) values.push(result.value);
    else rejections.push(result.rejection);
  }
  return { values, rejections };
}

describe('mapFollower', () => {
  it('turns each follower into a follow of the listed account, rejecting an empty username', () => {
    const source = 'https://huggingface.co/api/users/julien-c/followers';
    const items = loadExchanges('users-followers').flatMap((e) => e.response.body as unknown[]);
    const { values, rejections } = split<FollowRecord>(
      items.map((raw, index) => mapFollower(raw, { source, followee: 'julien-c', followeeKind: 'user' }, index)),
    );

    expect(values).toEqual([
      { follower: 'osanseviero', followee: 'julien-c', followeeKind: 'user' },
      { follower: 'clem', followee: 'julien-c', followeeKind: 'user' },
      { follower: 'lysandre', followee: 'julien-c', followeeKind: 'user' },
      { follower: 'merve', followee: 'julien-c', followeeKind: 'user' },
    ]);
    expect(rejections).toHaveLength(1);
    expect(rejections[0]).toMatchObject({ position: { source, index: 4 }, field: 'user' });
    expect(rejections[0]!.reason).toBe('user: expected a username, got ""');
    expect(rejections[0]!.raw).toContain('Deleted account');
  });

  it('records an organization followee and the provenance label', () => {
    const [first] = recordedBody('orgs-followers') as unknown[];
    const result = mapFollower(
      first,
      { source: 'hub', label: 'hub-social-2024-09', followee: 'huggingface', followeeKind: 'organization' },
      0,
    );
    expect(result).toEqual({
      ok: true,
      position: { source: 'hub', index: 0 },
      value: { follower: 'osanseviero', followee: 'huggingface', followeeKind: 'organization', source: 'hub-social-2024-09' },
    });
  });

  it('rejects an invalid followee given by the caller', () => {
    const result = mapFollower({ user: 'clem' }, { source: 'hub', followee: 'not a name', followeeKind: 'user' }, 0);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.rejection.field).toBe('followee');
  });
});

describe('mapFollowing', () => {
  it('maps users and organizations, rejecting an item that is not an object', () => {
    const items = recordedBody('users-following') as unknown[];
    const { values, rejections } = split<FollowRecord>(
      items.map((raw, index) => mapFollowing(raw, { source: 'hub', follower: 'julien-c' }, index)),
    );

    expect(values).toEqual([
      { follower: 'julien-c', followee: 'clem', followeeKind: 'user' },
      { follower: 'julien-c', followee: 'merve', followeeKind: 'user' },
      { follower: 'julien-c', followee: 'huggingface', followeeKind: 'organization' },
    ]);
    expect(rejections).toHaveLength(1);
    expect(rejections[0]!.position.index).toBe(3);
    expect(rejections[0]!.reason).toBe('expected a user object, got "not-a-user-object"');
  });

  it('marks a followee of unknown type as unknown', () => {
    const result = mapFollowing({ user: 'someone' }, { source: 'hub', follower: 'julien-c' }, 0);
    expect(result.ok && result.value.followeeKind).toBe('unknown');
  });

  it('rejects a username with a slash', () => {
    const result = mapFollowing({ user: 'org/model', type: 'user' }, { source: 'hub', follower: 'julien-c' }, 7);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.rejection.reason).toContain('not a valid Hub username');
  });

  it.each([["x'})"], ['a\u0000b'], ['-leading-dash'], ['x'.repeat(97)]])('rejects %j, as the file mappers do (regression)', (user) => {
    // The Hub path had a looser pattern of its own: no whitespace, no slash, anything else.
    const result = mapFollowing({ user, type: 'user' }, { source: 'hub', follower: 'julien-c' }, 0);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.rejection.field).toBe('user');
  });
});

describe('mapLiker', () => {
  it('turns likers into likes of the model, rejecting one with no username', () => {
    const items = recordedBody('models-likers') as unknown[];
    const source = 'https://huggingface.co/api/models/google-bert/bert-base-uncased/likers';
    const { values, rejections } = split<LikeRecord>(
      items.map((raw, index) => mapLiker(raw, { source, model: 'google-bert/bert-base-uncased' }, index)),
    );

    expect(values).toEqual([
      { user: 'clem', model: 'google-bert/bert-base-uncased' },
      { user: 'lysandre', model: 'google-bert/bert-base-uncased' },
    ]);
    expect(rejections).toEqual([
      {
        position: { source, index: 2 },
        field: 'user',
        reason: 'user: expected a username, got nothing',
        raw: JSON.stringify(items[2]),
      },
    ]);
  });

  it('accepts a legacy model id without namespace and rejects a malformed one', () => {
    expect(mapLiker({ user: 'clem' }, { source: 'hub', model: 'gpt2' }, 0).ok).toBe(true);
    const bad = mapLiker({ user: 'clem' }, { source: 'hub', model: 'a/b/c' }, 0);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.rejection.field).toBe('model');
  });
});
