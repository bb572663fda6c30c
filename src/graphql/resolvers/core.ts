/** Thin resolvers: each field calls one domain function with the context's dependencies. */
import { graphStats } from '../../neo4j/stats.js';
import type { GraphQLContext } from '../context.js';

export const coreResolvers = {
  Query: {
    health: async (_: unknown, __: unknown, ctx: GraphQLContext) => {
      const info = await ctx.db.verify();
      return { status: 'ok', neo4jVersion: info.version, neo4jEdition: info.edition, database: ctx.db.database };
    },
    graphStats: (_: unknown, __: unknown, ctx: GraphQLContext) => graphStats(ctx.db),
  },
};
