import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { internalError } from '../../errors/errors';
import { CodeSystemId } from '../code-system/code-system-id.enum';
import { CodeSystem } from '../code-system/code-system.type';
import { Category, type CategoryNode } from './category.type';
import { Code, type CodeNode } from './code.type';
import { findCode } from './find-code.service';

@Resolver(() => Code)
export class CodeResolver {
  @Query(() => Code, {
    nullable: true,
    description:
      'One code, typed as users type it: E119, e11.9 and " E11.9 " all find E11.9. Without system, the system is inferred from the format; ' +
      'a code that exists in several systems (J1100: HCPCS J1100 and ICD-10-CM J11.00) is a BAD_USER_INPUT error listing them. ' +
      'A well-formed code that does not exist gives null; a malformed one is BAD_USER_INPUT naming the expected format.',
  })
  code(
    @Arg('code', () => String) code: string,
    @Arg('system', () => CodeSystemId, { nullable: true }) system: CodeSystemId | null,
    @Ctx() { loaders }: Context,
  ): Promise<CodeNode | null> {
    return findCode(loaders, code, system);
  }

  @FieldResolver(() => CodeSystemId)
  systemId(@Root() code: CodeNode): CodeSystemId {
    return code.system;
  }

  @FieldResolver(() => CodeSystem, { description: 'The code system, with who maintains it.' })
  async system(@Root() code: CodeNode, @Ctx() { loaders }: Context): Promise<CodeSystem> {
    const system = await loaders.systemById.load(code.system);
    if (!system) throw internalError(new Error(`code ${code.code} names system ${code.system}, which has no CodeSystem node`));
    return system;
  }

  @FieldResolver(() => Code, { nullable: true, description: 'The code one level up (E11.9 -> E11); null at the top.' })
  parent(@Root() code: CodeNode, @Ctx() { loaders }: Context): Promise<CodeNode | null> {
    return loaders.parent.load(code);
  }

  @FieldResolver(() => [Code], { description: 'The codes one level down, in code order.' })
  children(@Root() code: CodeNode, @Ctx() { loaders }: Context): Promise<CodeNode[]> {
    return loaders.children.load(code);
  }

  @FieldResolver(() => [Code], { description: 'Every code above it, nearest first (S52.521A: S52.521, S52.52, S52.5, S52).' })
  ancestors(@Root() code: CodeNode, @Ctx() { loaders }: Context): Promise<CodeNode[]> {
    return loaders.ancestors.load(code);
  }

  @FieldResolver(() => [Category], { description: 'Its category path, top-down (E11.9: chapter 4, block E08-E13).' })
  categories(@Root() code: CodeNode, @Ctx() { loaders }: Context): Promise<CategoryNode[]> {
    return loaders.categories.load(code);
  }
}
