/**
 * Task "feed": sampled users lose their most recent follows (and likes); the gold is what those
 * would have brought — the dated models of the creators whose follow was hidden (undated models are
 * never feed candidates) and the models whose like was hidden. feedCandidates, called as the API
 * calls it, is scored by hit rate@k (share of users with a gold model in their top k), recall and
 * nDCG, with the diversity of the top k (distinct creators and topics) and its mix of tiers.
 * Edges without a `since` (the demo's stand-in follows have none) are ordered by a seeded shuffle.
 */
import { ErrorCodes, HubgraphError } from '../errors.js';
import { loadCypher } from '../neo4j/cypher.js';
import type { Db } from '../neo4j/db.js';
import { feedCandidates, type FeedItem, type FeedOptions } from '../domain/feedCandidates.js';
import { readFollows, sampleUsers, split } from './creators.js';
import { withHiddenEdges, type EdgeRef } from './journal.js';
import { summarize, type MethodSummary } from './metrics.js';
import { createRebuild } from './rebuild.js';
import { mapPool, type EvalSettings, type TaskResult, type TuningResult } from './run.js';
import { hiddenCount, rngFor, shuffle } from './sample.js';

/** Newest first; undated after dated; the seeded shuffle before the sort breaks ties. */
export function mostRecentFirst<T extends { since: string | null }>(rows: readonly T[], rng: () => number): T[] {
  return shuffle(rows, rng).sort((a, b) => {
    if (a.since === b.since) return 0;
    if (a.since === null) return 1;
    if (b.since === null) return -1;
    return Date.parse(b.since) - Date.parse(a.since);
  });
}

export interface FeedDiversity {
  creators: number;
  topics: number;
  inNetwork: number;
  outOfNetwork: number;
  fallback: number;
}

/** Distinct creators and topics (pipeline tags) in the top k, and the share of each tier there. */
export function diversity(items: readonly Pick<FeedItem, 'tier' | 'model'>[], k: number, creatorOf: (modelId: string) => string | null): FeedDiversity {
  const top = items.slice(0, k);
  const n = Math.max(1, top.length);
  const share = (tier: FeedItem['tier']) => top.filter((i) => i.tier === tier).length / n;
  return {
    creators: new Set(top.map((i) => creatorOf(i.model.id)).filter((c) => c !== null)).size,
    topics: new Set(top.map((i) => i.model.pipelineTag).filter((t) => t != null)).size,
    inNetwork: share('IN_NETWORK'),
    outOfNetwork: share('OUT_OF_NETWORK'),
    fallback: share('FALLBACK'),
  };
}

const HALF_LIVES = [7, 30, 180, 1825];

export async function evalFeed(db: Db, s: EvalSettings, options: { tune?: boolean; tuneSample?: number } = {}): Promise<TaskResult> {
  const started = performance.now();
  const first = Math.max(...s.ks);
  if (first > 100) throw new HubgraphError(ErrorCodes.BAD_USER_INPUT, `feed: k is at most 100 (feedCandidates' largest page), got ${first}`);
  const { users: drawn, population } = await sampleUsers(db, s, s.sample, 'feed.users');
  const follows = await readFollows(db, drawn);
  const likes = await db.read<{ userId: string; modelId: string; since: string | null }>(loadCypher('eval/user-likes'), { userIds: drawn }, { op: 'eval.userLikes' });
  const edgeRng = rngFor(s.seed, 'feed.edges');
  const sp = split(follows, drawn, s.hideReciprocal, (_u, rows) => mostRecentFirst(rows, edgeRng).slice(0, hiddenCount(rows.length, s.fraction)));
  const likeRefs: EdgeRef[] = [];
  const goldLikes = new Map<string, Set<string>>();
  for (const u of drawn) {
    const mine = likes.filter((l) => l.userId === u);
    for (const l of mostRecentFirst(mine, edgeRng).slice(0, hiddenCount(mine.length, s.fraction))) {
      likeRefs.push({ type: 'LIKED', from: u, to: l.modelId });
      goldLikes.set(u, (goldLikes.get(u) ?? new Set()).add(l.modelId));
    }
  }
  // Gold models: the hidden-followed creators' dated models, read before hiding (same ids after).
  const creatorIds = [...new Set([...sp.gold.values()].flatMap((g) => [...g]))];
  const models = await db.read<{ creatorId: string; models: string[] }>(loadCypher('eval/creator-models'), { creatorIds }, { op: 'eval.creatorModels' });
  const modelsOf = new Map(models.map((r) => [r.creatorId, r.models]));
  const gold = new Map<string, Set<string>>();
  for (const u of drawn) {
    const g = new Set([...(sp.gold.get(u) ?? [])].flatMap((c) => modelsOf.get(c) ?? []));
    for (const m of goldLikes.get(u) ?? []) g.add(m);
    if (g.size > 0) gold.set(u, g);
  }
  const users = drawn.filter((u) => gold.has(u));
  if (users.length === 0) throw new HubgraphError(ErrorCodes.EVAL_NO_DATA, 'No sampled user follows a creator with dated models or likes a model', { hint: 'raise --sample or lower --min-follows' });

  const { rebuild, timings } = createRebuild(db, { authority: s.authority, config: s.config, log: s.log });
  const feedSettings = s.config.recommend.feed;
  const result = await withHiddenEdges(db, [...sp.refs, ...likeRefs], { journalFile: s.journalFile, task: 'feed', log: s.log, rebuild }, async () => {
    const golds = users.map((u) => gold.get(u)!);
    const run = async (label: string, o: FeedOptions, who: string[]) => {
      const pages = await mapPool(who, s.concurrency, label, s.log, (u) => feedCandidates(db, { userId: u, first }, o));
      return pages.map((p) => p.edges.map((e) => e.node));
    };
    const items = await run('eval feed', feedSettings, users);
    const summary = summarize('feedCandidates', items.map((list) => list.map((i) => i.model.id)), golds, s.ks, null);
    const shown = [...new Set(items.flatMap((list) => list.map((i) => i.model.id)))];
    const owners = await db.read<{ modelId: string; creatorId: string }>(loadCypher('eval/model-creators'), { modelIds: shown }, { op: 'eval.modelCreators' });
    const creatorOf = new Map(owners.map((r) => [r.modelId, r.creatorId]));
    const extra: Record<string, Record<string, number>> = {};
    for (const k of s.ks) {
      const d = items.map((list) => diversity(list, k, (m) => creatorOf.get(m) ?? null));
      const mean = (pick: (x: FeedDiversity) => number) => d.reduce((t, x) => t + pick(x), 0) / Math.max(1, d.length);
      extra[`k=${k}`] = {
        'distinct creators': mean((x) => x.creators),
        'distinct topics': mean((x) => x.topics),
        'in-network share': mean((x) => x.inNetwork),
        'out-of-network share': mean((x) => x.outOfNetwork),
        'fallback share': mean((x) => x.fallback),
      };
    }
    let tuning: TuningResult[] | undefined;
    if (options.tune) {
      const k = s.ks.includes(20) ? 20 : first;
      const n = Math.min(users.length, options.tuneSample ?? 30);
      const rows: TuningResult['rows'] = [];
      for (const h of HALF_LIVES) {
        const lists = await run(`tune feed half-life ${h} d`, { ...feedSettings, halfLifeDays: h }, users.slice(0, n));
        const sm: MethodSummary = summarize(`half-life ${h}`, lists.map((l) => l.map((i) => i.model.id)), golds.slice(0, n), [k], null);
        rows.push({ setting: `${h} days`, values: { [`hit@${k}`]: sm.hit[k]!, [`recall@${k}`]: sm.recall[k]!, [`nDCG@${k}`]: sm.ndcg[k]! }, objective: sm.hit[k]! + sm.ndcg[k]! });
      }
      rows.sort((a, b) => b.objective - a.objective);
      tuning = [{ parameter: 'HUBGRAPH_FEED_HALF_LIFE_DAYS', objective: `hit@${k} + nDCG@${k}`, rows, chosen: rows[0]!.setting, current: `${feedSettings.halfLifeDays} days` }];
    }
    return { summary, extra, tuning };
  });

  return {
    task: 'feed',
    setup: {
      seed: s.seed,
      usersEligible: population,
      usersSampled: users.length,
      fraction: s.fraction,
      hiddenFollows: sp.refs.length,
      hiddenLikes: likeRefs.length,
      goldModelsMean: Number(([...gold.values()].reduce((n, g) => n + g.size, 0) / Math.max(1, gold.size)).toFixed(1)),
      hideReciprocal: s.hideReciprocal,
      halfLifeDays: feedSettings.halfLifeDays,
      rebuildSeconds: Number(timings.reduce((t, r) => t + r.followerCounts + (r.authority ?? 0), 0).toFixed(1)),
    },
    tables: [{ title: 'Feed: hidden most recent follows and likes', gold: 'models of hidden follows, hidden likes', summaries: [result.summary], extra: result.extra }],
    ...(result.tuning ? { tuning: result.tuning } : {}),
    seconds: (performance.now() - started) / 1000,
  };
}
