import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { toGlobalId } from '../../domain/node-id';
import { findNode, findNodes, MAX_NODES } from './find-node.service';
import { nodeKeyOf } from './node-key';
import { Node } from './node.type';

@Resolver(() => Node)
export class NodeResolver {
  @FieldResolver(() => ID)
  id(@Root() value: unknown, @Info() info: GraphQLResolveInfo): string {
    const { type, key } = nodeKeyOf(info.parentType.name, value);
    return toGlobalId(type, key);
  }

  @Query(() => Node, {
    nullable: true,
    description:
      'The entity with this global id (any `id` field of a Node), or null when the graph holds no such entity now. ' +
      'An id this service does not give out (not base64 of "<Type>:<key>") is BAD_USER_INPUT.',
  })
  node(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context): Promise<object | null> {
    return findNode(loaders, id, 'id');
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: `The entities with these global ids, in the order asked, null for each the graph does not hold; at most ${MAX_NODES} ids, batched through the loaders.`,
    complexity: ({ args, childComplexity }) => 1 + (Array.isArray(args.ids) ? args.ids.length : 1) * Math.max(childComplexity, 1),
  })
  nodes(@Arg('ids', () => [ID]) ids: string[], @Ctx() { loaders }: Context): Promise<Array<object | null>> {
    return findNodes(loaders, ids);
  }
}
