/** Thin resolvers for the model-side questions: each calls one domain function with the context's dependencies. */
import { feedCandidates } from '../../domain/feedCandidates.js';
import { modelStats, type ModelStatsGroup } from '../../domain/modelStats.js';
import { search, type SearchType } from '../../domain/search.js';
import { similarModels, type MetaPath, type SimilarSort } from '../../domain/similarModels.js';
import { subgraph } from '../../domain/subgraph.js';
import { topCitedPapers } from '../../domain/topCitedPapers.js';
import type { GraphQLContext } from '../context.js';

export const modelResolvers = {
  Query: {
    similarModels: (
      _: unknown,
      args: { modelId: string; metaPaths?: MetaPath[] | null; first: number; sortBy: SimilarSort },
      ctx: GraphQLContext,
    ) => similarModels(ctx.db, args, ctx.config.recommend.similar),
    feedCandidates: (_: unknown, args: { userId: string; first: number; after?: string | null }, ctx: GraphQLContext) =>
      feedCandidates(ctx.db, args, ctx.config.recommend.feed),
    search: (_: unknown, args: { query: string; types?: SearchType[] | null; first: number }, ctx: GraphQLContext) =>
      search(ctx.db, args, ctx.config.recommend.search),
    modelStats: (_: unknown, args: { groupBy: ModelStatsGroup }, ctx: GraphQLContext) => modelStats(ctx.db, args),
    topCitedPapers: (_: unknown, args: { first: number }, ctx: GraphQLContext) => topCitedPapers(ctx.db, args),
    subgraph: (_: unknown, args: { downloadsAtLeast: number; likesAtLeast: number; limit: number }, ctx: GraphQLContext) =>
      subgraph(ctx.db, args),
  },
};
