/**
 * feedCandidates — the candidates of a user's model feed, in three tiers merged in the order
 * IN_NETWORK ≫ OUT_OF_NETWORK > FALLBACK (every in-network candidate before any other), the
 * candidate-generation stage of a feed in the style of Twitter's home timeline (in-network sources
 * first, then out-of-network discovery, then fallbacks for sparse accounts):
 *
 *  1. IN_NETWORK — recent models from the creators the user follows, ranked by
 *     affinity × freshness × popularity (cypher/recommend/feed-in-network.cypher).
 *  2. OUT_OF_NETWORK — models of creators the user's follows follow (followOfFollow's answer,
 *     the most authoritative first) and of the creators recommendedCreators proposes, with that
 *     recommendation's reason (cypher/recommend/feed-creator-models.cypher); trending models in
 *     the user's followed topics and models liked by creators the user follows
 *     (cypher/recommend/feed-out-of-network.cypher).
 *  3. FALLBACK — only when tiers 1–2 hold fewer than `fallbackBelow` candidates: models two hops
 *     from the user's models in the graph, then the most popular models of the user's topics, then
 *     the hub's trending models (cypher/recommend/feed-fallback.cypher). A user with nothing but
 *     topic follows still gets a feed (cold start), as does a user with nothing at all.
 *
 * Shared formulas (weights are configuration, DEFAULTS below):
 *   freshness  = 2^(−ageDays / halfLifeDays), age from coalesce(createdAt, lastModified): the
 *                2024-09 Hub dump has no createdAt, only lastModified. Undated models (lineage
 *                stubs) are not candidates.
 *   popularity = 1 + w.downloads·ln(1 + downloads) + w.likes·ln(1 + likes)
 *   affinity   = 1 + w.likedCreator·ln(1 + the creator's models the user liked) + w.mutual·[follows back]
 * Freshness multiplies every score, so the time `now` scales all scores alike and never changes an
 * order; the cursor still carries the first page's `now` so scores are identical across pages.
 *
 * Within a tier: one candidate per model (the best-scoring source, ties to the smallest seed, so
 * the list never depends on the order the database returns rows in), at most `perSeed` per seed,
 * at most `tierSize`, then round-robin by seed and spread out so no two consecutive items share a
 * creator or a topic where avoidable (feedCommon.ts). A model appears once, in its highest tier.
 * Models the user created or liked never appear (filtered in Cypher, before any limit).
 *
 * A page computes the tiers only as far as it reaches (feedList): most first pages are decided by
 * the in-network tier alone, and pages agree with the full list whether or not later tiers ran.
 */
import { oneRead, type Db } from '../neo4j/db.js';
import { loadCypher } from '../neo4j/cypher.js';
import { withText, type Reason, type ReasonData } from './reason.js';
import { intInRange, requiredId, unknownId } from './input.js';
import type { ModelRecord } from './modelRecord.js';
import type { CreatorRecommendation } from './creatorCommon.js';
import { decodeCursor, diversify, pageIsDecided, paginate, selectCandidates, type Diversifiable, type Page } from './feedCommon.js';
import { followOfFollow } from './followOfFollow.js';
import { blendedCreators, candidatesPerSignal, DEFAULTS as RECOMMENDED_CREATORS_DEFAULTS } from './recommendedCreators.js';

export type FeedTier = 'IN_NETWORK' | 'OUT_OF_NETWORK' | 'FALLBACK';

export const DEFAULTS = {
  /** Chosen on the evaluation harness (docs/eval.md: hit rate@20 of hidden follows, 30 → 180 days). */
  halfLifeDays: 180,
  weights: { downloads: 1, likes: 2, likedCreator: 1, mutual: 0.5 },
  perSeed: 5,
  tierSize: 100,
  fallbackBelow: 50,
  first: 20,
  maxFirst: 100,
  /** Follows read per user (the most recent): bounds the work for users who follow thousands. */
  maxFollowed: 200,
  /** Creators taken from the followed-by-follows source (those with a model, strongest first). */
  maxCreators: 50,
  /** Anchor models explored two hops out in the fallback tier. */
  maxAnchors: 50,
  /** Papers/datasets/base models with more models than this are not explored (fallback tier). */
  maxSharedDegree: 1000,
  /** The most downloaded models re-ranked for the hub's trending list. */
  globalPool: 500,
  /** Recommended creators whose models enter the out-of-network tier. */
  recommendedCreators: 20,
};

export interface FeedOptions {
  halfLifeDays?: number;
  weights?: Partial<typeof DEFAULTS.weights>;
  perSeed?: number;
  tierSize?: number;
  fallbackBelow?: number;
  /** The clock (tests pass a fixed one). */
  now?: () => Date;
  /**
   * Who to follow, for the out-of-network source "models of recommended creators". Default:
   * recommendedCreators' answer (first DEFAULTS.recommendedCreators), from the signal queries the
   * followed-by-follows source shares.
   */
  recommendCreators?: (db: Db, userId: string) => Promise<CreatorRecommendation[]>;
}

export interface FeedCandidatesInput {
  userId: string;
  first?: number;
  /** A cursor from a previous page (edge cursor or pageInfo.endCursor). */
  after?: string | null;
}

export interface FeedItem {
  model: ModelRecord;
  score: number;
  tier: FeedTier;
  reason: Reason;
}

interface Row {
  model: ModelRecord;
  creatorId: string | null;
  topic: string | null;
  seed: string;
  score: number;
  /** Position in the fallback cascade (0 nearby, 1 topics, 2 hub); absent in other tiers. */
  rank?: number;
  reason: ReasonData;
}

interface Candidate extends Diversifiable {
  row: Row;
  tier: FeedTier;
}

/**
 * The candidate list in feed order (pagination slices it), computed a tier at a time and only as
 * far as `enough` asks: every tier's items depend on the tiers before it (what they hold is not
 * offered again) and never on the ones after, so the list's first n items are the same whether or
 * not the later tiers were computed. A first page of a user whose in-network tier fills it costs
 * the in-network query alone; the out-of-network tier (its two queries and recommendedCreators'
 * signal queries) runs only for pages that reach it.
 */
async function feedList(
  db: Db,
  userId: string,
  now: string,
  options: FeedOptions,
  enough: (list: readonly Candidate[]) => boolean,
): Promise<Candidate[]> {
  const settings = {
    halfLifeDays: options.halfLifeDays ?? DEFAULTS.halfLifeDays,
    w: { ...DEFAULTS.weights, ...options.weights },
    perSeed: options.perSeed ?? DEFAULTS.perSeed,
    tierSize: options.tierSize ?? DEFAULTS.tierSize,
    maxFollowed: DEFAULTS.maxFollowed,
  };
  const params = { userId, now, ...settings };
  const inNetwork = (await db.read<Omit<Row, 'reason'>>(loadCypher('recommend/feed-in-network'), params, { op: 'feedCandidates.inNetwork' })).map(
    (row): Row => ({ ...row, reason: { kind: 'UPLOADED_BY', via: [{ type: 'CREATOR', id: row.creatorId ?? '' }] } }),
  );
  // Only an empty tier can mean an unknown user: most feeds cost no lookup of their own.
  if (inNetwork.length === 0) {
    const exists = await db.read<{ id: string }>(loadCypher('api/user-exists'), { userId }, { op: 'feedCandidates.user' });
    if (exists.length === 0) throw unknownId('user', userId);
  }

  const seen = new Set<string>();
  const out: Candidate[] = [];
  /** Adds one diversified segment (continuing from the feed's last item); returns how many it added. */
  const addSegment = (rows: Row[], tier: FeedTier, limit: number): number => {
    const segment = diversify(candidates(rows, tier, seen, settings.perSeed, limit), out.at(-1) ?? null);
    for (const c of segment) {
      seen.add(c.id);
      out.push(c);
    }
    return segment.length;
  };
  addSegment(inNetwork, 'IN_NETWORK', settings.tierSize);
  if (enough(out)) return out;

  const [topicsAndLikes, fromCreators] = await Promise.all([
    db.read<Row>(loadCypher('recommend/feed-out-of-network'), params, { op: 'feedCandidates.outOfNetwork' }),
    modelsOfCreators(db, userId, params, options.recommendCreators),
  ]);
  addSegment([...topicsAndLikes, ...fromCreators], 'OUT_OF_NETWORK', settings.tierSize);

  if (out.length < (options.fallbackBelow ?? DEFAULTS.fallbackBelow) && !enough(out)) {
    const fallback = await db.read<Row>(
      loadCypher('recommend/feed-fallback'),
      { ...params, maxAnchors: DEFAULTS.maxAnchors, maxSharedDegree: DEFAULTS.maxSharedDegree, globalPool: DEFAULTS.globalPool },
      { op: 'feedCandidates.fallback' },
    );
    // The fallback sources are a cascade (nearby, then topics, then the hub): each is its own
    // segment, diversified in turn, and together they fill at most one tier.
    let room = settings.tierSize;
    for (const rank of [0, 1, 2]) {
      if (room <= 0) break;
      room -= addSegment(fallback.filter((r) => (r.rank ?? 0) === rank), 'FALLBACK', room);
    }
  }
  return out;
}

type CreatorSource = 'followed-by-follows' | 'recommended';

/**
 * The out-of-network tier's creator sources: the models of the creators followOfFollow and
 * recommendCreators name. A followed-by-follows model carries followOfFollow's own reason (the
 * creators you follow who follow its creator) and a recommended creator's model that
 * recommendation's reason, so one relation reads the same wherever it shows.
 */
async function modelsOfCreators(
  db: Db,
  userId: string,
  params: Record<string, unknown>,
  recommend: FeedOptions['recommendCreators'],
): Promise<Row[]> {
  const { followed, recommended } = await creatorSources(db, userId, recommend);
  if (followed.length + recommended.length === 0) return [];
  const reasons: Record<CreatorSource, Map<string, Reason>> = {
    'followed-by-follows': new Map(followed.map((r) => [r.creator.id, r.reason])),
    recommended: new Map(recommended.map((r) => [r.creator.id, r.reason])),
  };
  const rows = await db.read<Omit<Row, 'reason'> & { source: CreatorSource; analytics: boolean }>(
    loadCypher('recommend/feed-creator-models'),
    {
      ...params,
      followedIds: followed.map((r) => r.creator.id),
      followedSupport: followed.map((r) => r.reason.count ?? 1),
      recommendedIds: recommended.map((r) => r.creator.id),
      recommendedStrength: recommended.map((r) => r.score),
      maxCreators: DEFAULTS.maxCreators,
    },
    { op: 'feedCandidates.creators' },
  );
  return rows.map(({ source, analytics, ...row }) => {
    const creatorId = row.creatorId ?? '';
    const { kind, via, count, countIsLowerBound, authoritySource } = reasons[source].get(creatorId)!;
    const reason: ReasonData = {
      kind,
      via,
      count: count ?? null,
      countIsLowerBound,
      // The followed-by-follows source ranks its creators by authority (feed-creator-models.cypher).
      authoritySource: source === 'recommended' ? (authoritySource ?? null) : analytics ? 'ANALYTICS' : 'FOLLOWER_COUNT',
    };
    return { ...row, reason };
  });
}

/**
 * The creators of the out-of-network creator sources: followOfFollow's answer as it is (as many as
 * recommendedCreators asks each signal for: 50) and recommendedCreators' blend. From the user's
 * stored blended list when it is current (then followOfFollow is one more stored-list read);
 * otherwise recommendedCreators asks followOfFollow for its blend anyway, so one set of signal
 * queries serves both.
 */
async function creatorSources(
  db: Db,
  userId: string,
  recommend: FeedOptions['recommendCreators'],
): Promise<{ followed: CreatorRecommendation[]; recommended: CreatorRecommendation[] }> {
  const candidates = candidatesPerSignal(DEFAULTS.recommendedCreators);
  if (recommend) {
    const [followed, recommended] = await Promise.all([followOfFollow(db, { userId, first: candidates }), recommend(db, userId)]);
    return { followed, recommended };
  }
  const { weights, maxTopics } = RECOMMENDED_CREATORS_DEFAULTS;
  // The signals weighted 0 are not asked; followOfFollow is asked whatever its weight.
  const ask = { ...weights, followOfFollow: 1 };
  const { recommended, signals } = await blendedCreators(db, userId, { first: DEFAULTS.recommendedCreators, weights, candidates, maxTopics, ask });
  const followed = signals ? (signals.signals.followOfFollow ?? []) : await followOfFollow(db, { userId, first: candidates });
  return { followed, recommended };
}

/** The rows as candidates of one tier: one per model not yet in the feed (feedCommon.selectCandidates). */
function candidates(rows: readonly Row[], tier: FeedTier, seen: ReadonlySet<string>, perSeed: number, limit: number): Candidate[] {
  const all = rows.map((row): Candidate => ({ id: row.model.id, seed: row.seed, creatorId: row.creatorId, topic: row.topic, score: row.score, row, tier }));
  return selectCandidates(all, seen, perSeed, limit);
}

function toItem(c: Candidate): FeedItem {
  // A reason about the model's creator names them ("/x is followed by /a, whom you follow").
  return { model: c.row.model, score: c.row.score, tier: c.tier, reason: withText(c.row.reason, c.row.creatorId ?? undefined) };
}

export async function feedCandidates(db: Db, input: FeedCandidatesInput, options: FeedOptions = {}): Promise<Page<FeedItem>> {
  const userId = requiredId('userId', input.userId);
  const first = intInRange('first', input.first ?? DEFAULTS.first, 1, DEFAULTS.maxFirst);
  const after = input.after == null ? null : decodeCursor(input.after, userId);
  const now = after?.now ?? (options.now ?? (() => new Date()))().toISOString();
  // All of a page's queries in one read transaction (recommendedCreators' signals join it): a
  // transaction of their own cost the out-of-network tier's queries about 2 ms of CPU each, server
  // and database together.
  const list = await oneRead(db, 'feedCandidates', (tx) => feedList(tx, userId, now, options, (prefix) => pageIsDecided(prefix, first, after)));
  return paginate(list, first, now, after, toItem, userId);
}
