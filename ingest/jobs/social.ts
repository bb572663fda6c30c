/**
 * `ingest social`: follows (user → user/organization), topic follows, likes and organization
 * membership, from CSV/NDJSON edge files or from the Hub's followers/following/likers endpoints.
 */
import { inputIdentity } from '../checkpoint.js';
import type { JobRun } from '../job.js';
import { createDuplicateFilter } from '../map/duplicates.js';
import { mapFollow, mapLike, mapMembership, mapTopicFollow } from '../map/edges.js';
import type { RawRecord } from '../map/fields.js';
import type { StepSummary, StepSpec } from '../pipeline.js';
import { readRecords } from '../sources/files/read.js';
import { mapFollower, mapFollowing, mapLiker, type HubClient } from '../sources/hub/index.js';
import type { FollowRecord, LikeRecord, Parsed, SourcePosition } from '../types.js';

export const followRow = (f: FollowRecord) => ({
  follower: f.follower,
  followee: f.followee,
  followeeKind: f.followeeKind ?? null,
  since: f.since ?? null,
  source: f.source ?? null,
});

async function* mapFile<T>(file: string, map: (raw: RawRecord, position: SourcePosition) => Parsed<T>, key: (v: T) => string): AsyncGenerator<Parsed<T>> {
  const duplicates = createDuplicateFilter<T>(key, 'row');
  for await (const r of readRecords(file)) yield r.ok ? duplicates.check(map(r.value, r.position)) : r;
}

type SocialKind = 'follows' | 'topic-follows' | 'likes' | 'memberships';

const SPECS: { [K in SocialKind]: (file: string) => StepSpec<unknown> } = {
  follows: (file) => ({
    step: 'follows',
    cypher: 'ingest/upsert-follows',
    records: mapFile(file, (r, p) => mapFollow(r, p, { source: 'file' }), (f) => `${f.follower} -> ${f.followee}`),
    toRow: (f) => followRow(f as FollowRecord),
  }),
  'topic-follows': (file) => ({
    step: 'topic-follows',
    cypher: 'ingest/upsert-topic-follows',
    records: mapFile(file, mapTopicFollow, (f) => `${f.user} -> ${f.task}`),
    toRow: (f) => ({ since: null, ...(f as object) }),
  }),
  likes: (file) => ({
    step: 'likes',
    cypher: 'ingest/upsert-likes',
    records: mapFile(file, mapLike, (f) => `${f.user} -> ${f.model}`),
    toRow: (f) => ({ since: null, ...(f as object) }),
  }),
  memberships: (file) => ({
    step: 'memberships',
    cypher: 'ingest/upsert-memberships',
    records: mapFile(file, mapMembership, (f) => `${f.user} -> ${f.organization}`),
    toRow: (f) => ({ ...(f as object) }),
  }),
};

export async function ingestSocialFiles(run: JobRun, files: Partial<Record<SocialKind, string>>): Promise<StepSummary[]> {
  const out: StepSummary[] = [];
  for (const kind of ['follows', 'topic-follows', 'likes', 'memberships'] as const) {
    const file = files[kind];
    if (file) out.push(await run.step(SPECS[kind](file), inputIdentity(file)));
  }
  return out;
}

export interface HubSocialTargets {
  /** Users or organizations whose followers to load: `name` or `org:name`. */
  followersOf?: string[];
  /** Users whose followings to load. */
  followingOf?: string[];
  /** Models whose likers to load. */
  likersOf?: string[];
}

export async function ingestSocialHub(run: JobRun, client: HubClient, targets: HubSocialTargets): Promise<StepSummary[]> {
  const source = 'hub-api';
  async function* follows(): AsyncGenerator<Parsed<FollowRecord>> {
    for (const target of targets.followersOf ?? []) {
      const kind = target.startsWith('org:') ? 'organization' : 'user';
      const name = target.replace(/^org:/, '');
      let i = 0;
      for await (const raw of client.listFollowers(name, kind)) yield mapFollower(raw, { source, followee: name, followeeKind: kind }, i++);
    }
    for (const user of targets.followingOf ?? []) {
      let i = 0;
      for await (const raw of client.listFollowing(user)) yield mapFollowing(raw, { source, follower: user }, i++);
    }
  }
  async function* likes(): AsyncGenerator<Parsed<LikeRecord>> {
    for (const model of targets.likersOf ?? []) {
      let i = 0;
      for await (const raw of client.listModelLikers(model)) yield mapLiker(raw, { source, model }, i++);
    }
  }
  const out: StepSummary[] = [];
  if ((targets.followersOf?.length ?? 0) + (targets.followingOf?.length ?? 0) > 0) {
    out.push(await run.step({ step: 'follows-hub', cypher: 'ingest/upsert-follows', records: follows(), toRow: followRow }));
  }
  if ((targets.likersOf?.length ?? 0) > 0) {
    out.push(await run.step({ step: 'likes-hub', cypher: 'ingest/upsert-likes', records: likes(), toRow: (l) => ({ since: null, ...l }) }));
  }
  return out;
}
