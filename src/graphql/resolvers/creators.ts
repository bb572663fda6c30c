/** Who to follow: each Query field calls one domain function with the request's Db. */
import { bulkFollowGroups } from '../../domain/bulkFollowGroups.js';
import { commonlyFollowedWith } from '../../domain/commonlyFollowedWith.js';
import { followBack } from '../../domain/followBack.js';
import { followOfFollow } from '../../domain/followOfFollow.js';
import { popularAmongSimilarUsers } from '../../domain/popularAmongSimilarUsers.js';
import { recommendedCreators } from '../../domain/recommendedCreators.js';
import { sameOrganization } from '../../domain/sameOrganization.js';
import { secondDegree } from '../../domain/secondDegree.js';
import { similarCreators } from '../../domain/similarCreators.js';
import { topicTopContributors } from '../../domain/topicTopContributors.js';
import type { GraphQLContext } from '../context.js';

interface UserArgs {
  userId: string;
  first?: number | null;
}
interface CreatorArgs {
  creatorId: string;
  first?: number | null;
}
interface TaskArgs {
  taskId: string;
  first?: number | null;
}

export const creatorResolvers = {
  Query: {
    followOfFollow: (_: unknown, args: UserArgs, ctx: GraphQLContext) => followOfFollow(ctx.db, args),
    commonlyFollowedWith: (_: unknown, args: CreatorArgs, ctx: GraphQLContext) => commonlyFollowedWith(ctx.db, args),
    secondDegree: (_: unknown, args: UserArgs, ctx: GraphQLContext) => secondDegree(ctx.db, args),
    followBack: (_: unknown, args: UserArgs, ctx: GraphQLContext) => followBack(ctx.db, args),
    similarCreators: (_: unknown, args: CreatorArgs, ctx: GraphQLContext) => similarCreators(ctx.db, args),
    topicTopContributors: (_: unknown, args: TaskArgs, ctx: GraphQLContext) => topicTopContributors(ctx.db, args),
    sameOrganization: (_: unknown, args: UserArgs, ctx: GraphQLContext) => sameOrganization(ctx.db, args),
    popularAmongSimilarUsers: (_: unknown, args: UserArgs, ctx: GraphQLContext) => popularAmongSimilarUsers(ctx.db, args),
    recommendedCreators: (_: unknown, args: UserArgs, ctx: GraphQLContext) => recommendedCreators(ctx.db, args),
    bulkFollowGroups: (_: unknown, args: TaskArgs, ctx: GraphQLContext) => bulkFollowGroups(ctx.db, args),
  },
};
