/**
 * Thin resolvers for the social mutations. The API key is checked once for every operation by the
 * auth plugin (src/graphql/plugins/auth.ts) before any resolver runs, not here.
 */
import { bulkFollow } from '../../domain/bulkFollow.js';
import { follow } from '../../domain/follow.js';
import { followTopic } from '../../domain/followTopic.js';
import { like } from '../../domain/like.js';
import { unfollow } from '../../domain/unfollow.js';
import type { GraphQLContext } from '../context.js';

export const mutationResolvers = {
  Mutation: {
    follow: (_: unknown, args: { userId: string; creatorId: string }, ctx: GraphQLContext) => follow(ctx.db, args, ctx.afterWrite),
    unfollow: (_: unknown, args: { userId: string; creatorId: string }, ctx: GraphQLContext) => unfollow(ctx.db, args, ctx.afterWrite),
    followTopic: (_: unknown, args: { userId: string; taskId: string }, ctx: GraphQLContext) => followTopic(ctx.db, args, ctx.afterWrite),
    bulkFollow: (_: unknown, args: { userId: string; groupId: string }, ctx: GraphQLContext) => bulkFollow(ctx.db, args, ctx.afterWrite),
    like: (_: unknown, args: { userId: string; modelId: string }, ctx: GraphQLContext) => like(ctx.db, args),
  },
};
