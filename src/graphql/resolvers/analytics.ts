/**
 * Thin resolvers for schema/analytics.graphql. Community fields are batched per request: the
 * loaders live in a WeakMap keyed by the request's context (gone with the request), so a list of
 * 20 communities resolving `dominantTasks` is one query. The API key for runAnalytics is checked
 * by the auth plugin (src/graphql/plugins/auth.ts) for every mutation, before any resolver runs.
 */
import DataLoader from 'dataloader';
import {
  communitiesById,
  communityFacets,
  communityNeighbours,
  currentRun,
  listCommunities,
  nodeCommunities,
  topCreators,
  type AnalyticsRunNode,
  type CommunityFacets,
  type CommunityNode,
} from '../../analytics/queries.js';
import { analyticsSettings, runAnalytics } from '../../analytics/run.js';
import { validateFirst } from '../../domain/creatorCommon.js';
import { intInRange } from '../../domain/input.js';
import type { GraphQLContext } from '../context.js';

type Kind = 'CREATOR' | 'MODEL';
interface Parent {
  id: string;
}
interface FirstArg {
  first?: number | null;
}

/** A loader per request and per (field, first). */
const perRequest = new WeakMap<GraphQLContext, Map<string, DataLoader<string, unknown>>>();
function loader<T>(ctx: GraphQLContext, name: string, fetch: (ids: readonly string[]) => Promise<Map<string, T>>): DataLoader<string, T | null> {
  let loaders = perRequest.get(ctx);
  if (!loaders) perRequest.set(ctx, (loaders = new Map<string, DataLoader<string, unknown>>()));
  let l = loaders.get(name);
  if (!l) {
    l = new DataLoader<string, unknown>(async (ids) => {
      const found = await fetch(ids);
      return ids.map((id) => found.get(id) ?? null);
    });
    loaders.set(name, l);
  }
  return l as DataLoader<string, T | null>;
}

/** The run this request reads: resolved once per request, so every field shows the same run. */
function requestRun(ctx: GraphQLContext): Promise<AnalyticsRunNode | null> {
  return loader(ctx, 'run', async () => {
    const run = await currentRun(ctx.db, ctx.config.analytics.scope);
    return new Map(run ? [['current', run]] : []);
  }).load('current');
}
const community = async (ctx: GraphQLContext, id: string) => {
  const run = await requestRun(ctx);
  return loader(ctx, 'community', (ids) => communitiesById(ctx.db, run?.id ?? null, ids)).load(id);
};
const facets = (ctx: GraphQLContext, id: string, first: number) =>
  loader<CommunityFacets>(ctx, `facets:${first}`, (ids) => communityFacets(ctx.db, ids, first)).load(id);
const nodeCommunity = async (ctx: GraphQLContext, id: string) => {
  const run = await requestRun(ctx);
  return run ? loader(ctx, 'nodeCommunity', (ids) => nodeCommunities(ctx.db, run.id, ids)).load(id) : null;
};

const facetField =
  <K extends 'tasks' | 'tags' | 'libraries' | 'papers'>(key: K, wrap: (x: CommunityFacets[K][number]) => unknown) =>
  async (k: Parent, args: FirstArg, ctx: GraphQLContext) => {
    const first = validateFirst(args.first ?? 5);
    return ((await facets(ctx, k.id, first))?.[key] ?? []).map((x) => wrap(x as CommunityFacets[K][number]));
  };

function parseSeed(seed: number | null | undefined): number | undefined {
  if (seed === null || seed === undefined) return undefined;
  return intInRange('seed', seed, 0, 2147483647);
}

export const analyticsResolvers = {
  Query: {
    communities: async (_: unknown, args: { kind: Kind } & FirstArg, ctx: GraphQLContext) => {
      const first = validateFirst(args.first);
      const run = await requestRun(ctx);
      return run ? listCommunities(ctx.db, { runId: run.id, kind: args.kind === 'CREATOR' ? 'creator' : 'model', first }) : [];
    },
    community: (_: unknown, args: { id: string }, ctx: GraphQLContext) => community(ctx, args.id),
    analyticsRun: (_: unknown, __: unknown, ctx: GraphQLContext) => requestRun(ctx),
  },
  Mutation: {
    runAnalytics: async (_: unknown, args: { seed?: number | null }, ctx: GraphQLContext) => {
      const seed = parseSeed(args.seed);
      const result = await runAnalytics(ctx.db, analyticsSettings(ctx.config, seed === undefined ? {} : { seed }), ctx.log);
      return { ...result.run, current: true, status: 'complete' };
    },
  },
  Creator: {
    community: (c: Parent, _: unknown, ctx: GraphQLContext) => nodeCommunity(ctx, c.id),
  },
  Model: {
    community: (m: Parent, _: unknown, ctx: GraphQLContext) => nodeCommunity(ctx, m.id),
  },
  Community: {
    kind: (k: CommunityNode) => (k.kind === 'creator' ? 'CREATOR' : 'MODEL'),
    topCreators: async (k: Parent, args: FirstArg, ctx: GraphQLContext) => {
      const first = validateFirst(args.first ?? 10);
      const creators = (await loader(ctx, `topCreators:${first}`, (ids) => topCreators(ctx.db, ids, first)).load(k.id)) ?? [];
      return creators.map(({ models, authority, ...creator }) => ({ creator: { ...creator, authority }, authority, models }));
    },
    dominantTasks: facetField('tasks', ({ count, ...task }) => ({ task, count })),
    dominantTags: facetField('tags', ({ count, ...tag }) => ({ tag, count })),
    dominantLibraries: facetField('libraries', ({ count, ...library }) => ({ library, count })),
    mostCitedPapers: facetField('papers', ({ count, ...paper }) => ({ paper, count })),
    neighbours: async (k: Parent, args: FirstArg, ctx: GraphQLContext) => {
      const first = validateFirst(args.first ?? 10);
      const neighbours = (await loader(ctx, `neighbours:${first}`, (ids) => communityNeighbours(ctx.db, ids, first)).load(k.id)) ?? [];
      return Promise.all(neighbours.map(async (n) => ({ community: await community(ctx, n.id), weight: n.weight, edges: n.edges })));
    },
  },
};
