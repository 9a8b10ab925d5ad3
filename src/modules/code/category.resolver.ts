import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { CodeConnection, toConnection } from '../../common/connection.type';
import { listOf, offsetAfter } from '../../common/cursor';
import { PageArgs } from '../../common/page.args';
import type { Context } from '../../context';
import { CodeSystemId } from '../code-system/code-system-id.enum';
import { CategoryCodesArgs } from './category-codes.args';
import { Category, type CategoryNode } from './category.type';
import { Code, type CodeNode } from './code.type';

@Resolver(() => Category)
export class CategoryResolver {
  @FieldResolver(() => CodeSystemId, { description: 'Its system as the CodeSystemId enum, as Code.systemId.' })
  systemId(@Root() category: { system: CodeSystemId }): CodeSystemId {
    return category.system;
  }

  @FieldResolver(() => Category, { nullable: true, description: 'The category above (block E08-E13 -> chapter 4).' })
  parent(@Root() category: CategoryNode, @Ctx() { loaders }: Context): Promise<CategoryNode | null> {
    return loaders.categoryParent.load(category.id);
  }

  @FieldResolver(() => [Category], { description: "The categories below, in the system's order." })
  children(@Root() category: CategoryNode, @Ctx() { loaders }: Context): Promise<CategoryNode[]> {
    return loaders.categoryChildren.load(category.id);
  }

  @FieldResolver(() => [Code], {
    description: 'The top codes filed in this category (for a block: its 3-character categories), in code order.',
    deprecationReason: 'Use codesConnection: the same codes with cursors and totalCount.',
  })
  async codes(@Root() category: CategoryNode, @Args(() => CategoryCodesArgs) { first }: CategoryCodesArgs, @Ctx() { loaders }: Context): Promise<CodeNode[]> {
    return (await loaders.categoryCodes.load({ id: category.id, skip: 0, first })).codes;
  }

  @FieldResolver(() => CodeConnection, {
    description: 'The top codes filed in this category (for a block: its 3-character categories), in code order, one page at a time with totalCount.',
  })
  async codesConnection(
    @Root() category: CategoryNode,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() { loaders }: Context,
  ): Promise<CodeConnection> {
    const list = listOf('Category.codes', category.id);
    const skip = offsetAfter(after, list);
    const page = await loaders.categoryCodes.load({ id: category.id, skip, first });
    return toConnection(
      page.codes.map((node) => ({ node, score: null })),
      { offset: skip, list },
      page.total,
    );
  }
}
