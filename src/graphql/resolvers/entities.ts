/**
 * The graph's nodes by id and their relationship fields. Every relationship goes through the
 * request's DataLoaders, so resolving a field on a list of parents is one query, not one per
 * parent. Parents only need an `id` (models and creators may come from other areas' resolvers).
 */
import { parsePageArgs, type PageArgs } from '../../domain/entities.js';
import { validateFirst } from '../../domain/creatorCommon.js';
import type { GraphQLContext } from '../context.js';

interface IdArgs {
  id: string;
}
interface Parent {
  id: string;
}

const facets = (m: Parent, ctx: GraphQLContext) => ctx.loaders.modelFacets.load(m.id);

export const entityResolvers = {
  Query: {
    model: (_: unknown, { id }: IdArgs, ctx: GraphQLContext) => ctx.loaders.model.load(id),
    creator: (_: unknown, { id }: IdArgs, ctx: GraphQLContext) => ctx.loaders.creator.load(id),
    task: (_: unknown, { id }: IdArgs, ctx: GraphQLContext) => ctx.loaders.task.load(id),
    paper: (_: unknown, { id }: IdArgs, ctx: GraphQLContext) => ctx.loaders.paper.load(id),
  },
  Model: {
    creator: async (m: Parent, _: unknown, ctx: GraphQLContext) => (await facets(m, ctx))?.creator ?? null,
    task: async (m: Parent, _: unknown, ctx: GraphQLContext) => (await facets(m, ctx))?.task ?? null,
    tags: async (m: Parent, _: unknown, ctx: GraphQLContext) => (await facets(m, ctx))?.tags ?? [],
    libraries: async (m: Parent, _: unknown, ctx: GraphQLContext) => (await facets(m, ctx))?.libraries ?? [],
    datasets: async (m: Parent, _: unknown, ctx: GraphQLContext) => (await facets(m, ctx))?.datasets ?? [],
    licenses: async (m: Parent, _: unknown, ctx: GraphQLContext) => (await facets(m, ctx))?.licenses ?? [],
    papers: async (m: Parent, _: unknown, ctx: GraphQLContext) => (await facets(m, ctx))?.papers ?? [],
    baseModels: async (m: Parent, _: unknown, ctx: GraphQLContext) => (await facets(m, ctx))?.baseModels ?? [],
    derivatives: (m: Parent, args: { first?: number | null; kind?: string | null }, ctx: GraphQLContext) =>
      ctx.loaders.modelDerivatives.load({ id: m.id, first: validateFirst(args.first), kind: args.kind ?? null }),
  },
  Creator: {
    followers: async (c: Parent, _: unknown, ctx: GraphQLContext) => (await ctx.loaders.creatorStats.load(c.id))?.followers ?? 0,
    following: async (c: Parent, _: unknown, ctx: GraphQLContext) => (await ctx.loaders.creatorStats.load(c.id))?.following ?? 0,
    // Recommendations and lookups already carry the property; other parents are loaded.
    authority: async (c: Parent & { authority?: number | null }, _: unknown, ctx: GraphQLContext) =>
      c.authority !== undefined ? c.authority : ((await ctx.loaders.creatorStats.load(c.id))?.authority ?? null),
    models: (c: Parent, args: PageArgs, ctx: GraphQLContext) => ctx.loaders.creatorModels.load({ id: c.id, ...parsePageArgs(args) }),
  },
  Task: {
    models: (t: Parent, args: PageArgs, ctx: GraphQLContext) => ctx.loaders.taskModels.load({ id: t.id, ...parsePageArgs(args) }),
  },
  Paper: {
    models: (p: Parent, args: PageArgs, ctx: GraphQLContext) => ctx.loaders.paperModels.load({ id: p.id, ...parsePageArgs(args) }),
    authors: (p: Parent, _: unknown, ctx: GraphQLContext) => ctx.loaders.paperAuthors.load(p.id),
  },
};
