/**
 * Task "creators" (who to follow): a seeded sample of users each loses a seeded share of their
 * follows; the recommenders — each creator signal and the blended recommendedCreators, called
 * through the same domain functions the API calls — and three link-prediction baselines then rank
 * creators for each user, scored against the hidden follows.
 *
 * commonlyFollowedWith and similarCreators are creator-centred (they take a creator, not a user)
 * and are not part of the blend, so they are not evaluated here.
 */
import { ErrorCodes, HubgraphError } from '../errors.js';
import { loadCypher } from '../neo4j/cypher.js';
import type { Db } from '../neo4j/db.js';
import type { CreatorRecommendation } from '../domain/creatorCommon.js';
import { blend, candidatesPerSignal, creatorSignals, DEFAULTS as BLEND_DEFAULTS, recommendedCreators, type SignalName, type SignalWeights } from '../domain/recommendedCreators.js';
import { createBaselines, projectFollows } from './baselines.js';
import { withHiddenEdges, type EdgeRef } from './journal.js';
import { summarize } from './metrics.js';
import { createRebuild } from './rebuild.js';
import { mapPool, type EvalSettings, type TaskResult, type TuningResult } from './run.js';
import { hiddenCount, rngFor, sample, shuffle } from './sample.js';

export interface FollowRow {
  userId: string;
  creatorId: string;
  since: string | null;
  followsBack: boolean;
  datedModels: number;
}

export interface HiddenSplit {
  users: string[];
  /** Every edge to hide (the sampled ones and, with hideReciprocal, their reverse edges). */
  refs: EdgeRef[];
  /** Per sampled user: the creators whose follow was hidden. */
  gold: Map<string, Set<string>>;
}

/** Reads the sampleable users (scope, min follows) and draws `n` of them. */
export async function sampleUsers(db: Db, s: EvalSettings, n: number, stream: string): Promise<{ users: string[]; population: number }> {
  const rows = await db.read<{ id: string; follows: number }>(loadCypher('eval/users-with-follows'), { scope: s.scope, minFollows: s.minFollows }, { op: 'eval.users' });
  if (rows.length === 0) {
    throw new HubgraphError(ErrorCodes.EVAL_NO_DATA, `No user ${s.scope ? `with an id starting with ${s.scope} ` : ''}follows at least ${s.minFollows} creators`, {
      hint: 'load data first (`hubgraph ingest demo`) or lower --min-follows',
    });
  }
  if (s.users) {
    const known = new Set(rows.map((r) => r.id));
    return { users: s.users.filter((u) => known.has(u)), population: rows.length };
  }
  return { users: sample(rows.map((r) => r.id).sort(), n, rngFor(s.seed, stream)), population: rows.length };
}

export async function readFollows(db: Db, users: readonly string[]): Promise<Map<string, FollowRow[]>> {
  const rows = await db.read<FollowRow>(loadCypher('eval/user-follows'), { userIds: users }, { op: 'eval.userFollows' });
  const by = new Map<string, FollowRow[]>();
  for (const r of rows) {
    const list = by.get(r.userId) ?? [];
    list.push(r);
    by.set(r.userId, list);
  }
  return by;
}

/**
 * The split: for each user, `pick` chooses which follows to hide (random for creators, most recent
 * for the feed). The gold of a user is every follow of theirs that ends up hidden — including one
 * hidden as the reverse of another sampled user's follow.
 */
export function split(follows: Map<string, FollowRow[]>, users: readonly string[], hideReciprocal: boolean, pick: (userId: string, rows: FollowRow[]) => FollowRow[]): HiddenSplit {
  const refs = new Map<string, EdgeRef>();
  const add = (from: string, to: string) => refs.set(`${from}\u0000${to}`, { type: 'FOLLOWS', from, to });
  for (const u of users) {
    for (const r of pick(u, follows.get(u) ?? [])) {
      add(u, r.creatorId);
      if (hideReciprocal && r.followsBack) add(r.creatorId, u);
    }
  }
  const sampled = new Set(users);
  const gold = new Map<string, Set<string>>();
  for (const r of refs.values()) {
    if (!sampled.has(r.from)) continue;
    const g = gold.get(r.from) ?? new Set<string>();
    g.add(r.to);
    gold.set(r.from, g);
  }
  return { users: users.filter((u) => gold.has(u)), refs: [...refs.values()], gold };
}

export const SIGNALS = ['followOfFollow', 'secondDegree', 'popularAmongSimilarUsers', 'sameOrganization', 'followBack'] as const;

const SIGNAL_NAMES = Object.keys(BLEND_DEFAULTS.weights) as SignalName[];

interface UserAnswers {
  signals: Record<SignalName, CreatorRecommendation[]>;
  blended: CreatorRecommendation[];
  exclude: Set<string>;
}

/** Every signal as recommendedCreators asks it (all of them, whatever their weight), and the blend itself. */
async function answer(db: Db, userId: string, first: number): Promise<UserAnswers> {
  const [{ signals, exclude }, blended] = await Promise.all([
    creatorSignals(db, userId, { candidates: candidatesPerSignal(first), maxTopics: BLEND_DEFAULTS.maxTopics, weights: null }),
    recommendedCreators(db, { userId, first }),
  ]);
  const all = Object.fromEntries(SIGNAL_NAMES.map((name) => [name, signals[name] ?? []])) as Record<SignalName, CreatorRecommendation[]>;
  return { signals: all, blended, exclude: new Set(exclude) };
}

const ids = (list: readonly { creator: { id: string } }[]) => list.map((r) => r.creator.id);

/** The blend weights tried by --tune: every signal at 0, ¼, ½ or 1 relative to the others (the blend is scale-free, so one weight is 1). */
export function creatorWeightGrid(): SignalWeights[] {
  const levels = [0, 0.25, 0.5, 1];
  // The configured weights first, so the table shows where they stand.
  const grid: SignalWeights[] = [{ ...BLEND_DEFAULTS.weights }];
  for (const a of levels)
    for (const b of levels)
      for (const c of levels) {
        if (Math.max(a, b, c) !== 1) continue;
        grid.push({ ...BLEND_DEFAULTS.weights, followOfFollow: a, secondDegree: b, popularAmongSimilarUsers: c });
      }
  return grid;
}

export const weightLabel = (w: SignalWeights) =>
  `fof ${w.followOfFollow} · 2nd ${w.secondDegree} · similar ${w.popularAmongSimilarUsers} · org ${w.sameOrganization} · back ${w.followBack} · topic ${w.topicTopContributors}`;

export async function evalCreators(db: Db, s: EvalSettings, options: { tune?: boolean } = {}): Promise<TaskResult> {
  const started = performance.now();
  const maxK = Math.max(...s.ks);
  if (maxK > 100) throw new HubgraphError(ErrorCodes.BAD_USER_INPUT, `creators: k is at most 100 (the recommenders' largest page), got ${maxK}`);
  const { users: drawn, population } = await sampleUsers(db, s, s.sample, 'creators.users');
  const follows = await readFollows(db, drawn);
  const edgeRng = rngFor(s.seed, 'creators.edges');
  const sp = split(follows, drawn, s.hideReciprocal, (_u, rows) => shuffle(rows, edgeRng).slice(0, hiddenCount(rows.length, s.fraction)));
  const { rebuild, timings } = createRebuild(db, { authority: s.authority, config: s.config, log: s.log });

  const result = await withHiddenEdges(db, sp.refs, { journalFile: s.journalFile, task: 'creators', log: s.log, rebuild }, async () => {
    const [{ creators: catalogue }] = (await db.read<{ creators: number }>(loadCypher('eval/creator-catalogue'), { scope: s.scope }, { op: 'eval.catalogue' })) as [
      { creators: number },
    ];
    const baselines = createBaselines(await projectFollows(db, s.scope));
    const answers = await mapPool(sp.users, s.concurrency, 'eval creators', s.log, (u) => answer(db, u, maxK));
    const golds = sp.users.map((u) => sp.gold.get(u)!);
    const rankings: Record<string, string[][]> = {
      recommendedCreators: answers.map((a) => ids(a.blended)),
      ...Object.fromEntries(SIGNALS.map((name) => [name, answers.map((a) => ids(a.signals[name].filter((r) => !a.exclude.has(r.creator.id))))])),
      'baseline: popularity': sp.users.map((u) => baselines.popularity(u, maxK).map((r) => r.id)),
      'baseline: common neighbours': sp.users.map((u) => baselines.commonNeighbours(u, maxK).map((r) => r.id)),
      'baseline: Adamic–Adar': sp.users.map((u) => baselines.adamicAdar(u, maxK).map((r) => r.id)),
    };
    // The tuning re-blends the signals with the domain's own blend(); it must reproduce the API's answer first.
    const reblended = answers.map((a) => ids(blend(a.signals, BLEND_DEFAULTS.weights, a.exclude, maxK)));
    const identical = reblended.filter((r, i) => r.join('\n') === rankings.recommendedCreators![i]!.join('\n')).length;
    const summaries = Object.entries(rankings).map(([method, r]) => summarize(method, r, golds, s.ks, catalogue));
    const signalSizes = Object.fromEntries(SIGNALS.map((name) => [name, answers.filter((a) => a.signals[name].length > 0).length]));

    let tuning: TuningResult[] | undefined;
    if (options.tune) {
      const k = s.ks.includes(20) ? 20 : maxK;
      const rows = creatorWeightGrid().map((w) => {
        const sm = summarize(weightLabel(w), answers.map((a) => ids(blend(a.signals, w, a.exclude, maxK))), golds, s.ks, catalogue);
        return { setting: weightLabel(w), values: { [`recall@${k}`]: sm.recall[k]!, [`nDCG@${k}`]: sm.ndcg[k]!, MRR: sm.mrr }, objective: sm.recall[k]! + sm.ndcg[k]! };
      });
      rows.sort((a, b) => b.objective - a.objective);
      tuning = [
        {
          parameter: 'recommendedCreators weights',
          objective: `recall@${k} + nDCG@${k} (re-blended with the domain's blend() on the same answers)`,
          rows,
          chosen: rows[0]!.setting,
          current: weightLabel(BLEND_DEFAULTS.weights),
        },
      ];
    }
    return { catalogue, summaries, identical, signalSizes, tuning };
  });

  const hiddenFromSampled = [...sp.gold.values()].reduce((n, g) => n + g.size, 0);
  return {
    task: 'creators',
    setup: {
      seed: s.seed,
      usersEligible: population,
      usersSampled: sp.users.length,
      minFollows: s.minFollows,
      fraction: s.fraction,
      hiddenEdges: sp.refs.length,
      goldEdges: hiddenFromSampled,
      hideReciprocal: s.hideReciprocal,
      creatorCatalogue: result.catalogue,
      reblendIdentical: `${result.identical}/${sp.users.length}`,
      ...Object.fromEntries(Object.entries(result.signalSizes).map(([k, v]) => [`usersWith_${k}`, v])),
      rebuildSeconds: Number(timings.reduce((t, r) => t + r.followerCounts + (r.authority ?? 0), 0).toFixed(1)),
      authorityRecomputed: timings.some((r) => r.authority !== null),
    },
    tables: [{ title: 'Who to follow: hidden follows', gold: 'hidden FOLLOWS edges', summaries: result.summaries }],
    ...(result.tuning ? { tuning: result.tuning } : {}),
    seconds: (performance.now() - started) / 1000,
  };
}
