import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { echo, normalizeCode } from '../../common/code-format';
import { CodeConnection, toConnection } from '../../common/connection.type';
import { listOf, offsetAfter } from '../../common/cursor';
import { PageArgs } from '../../common/page.args';
import type { Context } from '../../context';
import { isLicensed } from '../../security/caller';
import { badUserInput, internalError } from '../../errors/errors';
import { categoryId } from '../../common/graph-ids';
import { CodeSystemId } from '../code-system/code-system-id.enum';
import { CodeSystem } from '../code-system/code-system.type';
import { Category, type CategoryNode } from './category.type';
import { Code, visibleDisplay, type CodeNode } from './code.type';
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

  @FieldResolver(() => String)
  display(@Root() code: CodeNode, @Ctx() { caller }: Context): string {
    return visibleDisplay(code, isLicensed(caller));
  }

  @FieldResolver(() => Boolean)
  hasTitle(@Root() code: CodeNode): boolean {
    return code.display !== null && code.display !== undefined;
  }

  @FieldResolver(() => Boolean)
  retired(@Root() code: CodeNode): boolean {
    return code.retired === true;
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

  @FieldResolver(() => CodeConnection, {
    description: 'Every code below this one, all levels, in code order (E11: E11.0 ... E11.9, with E11.65 and the rest), one page at a time.',
  })
  async descendants(
    @Root() code: CodeNode,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Arg('billableOnly', () => Boolean, { defaultValue: false, description: 'Only codes that can be reported on a claim.' }) billableOnly: boolean,
    @Ctx() { loaders }: Context,
  ): Promise<CodeConnection> {
    const list = listOf('descendants', code.system, code.code, billableOnly);
    const skip = offsetAfter(after, list);
    const page = await loaders.descendants.load({ system: code.system, code: code.code, skip, limit: first, billableOnly });
    return toConnection(
      page.codes.map((node) => ({ node, score: null })),
      { offset: skip, list },
      page.total,
    );
  }

  @FieldResolver(() => Boolean, {
    description:
      'Subsumption: true when this code is the given code, lies below it, or is filed under the given category of its system ' +
      '(E11.9 isA "E11", "E08-E13" and "4"). BAD_USER_INPUT when the ancestor names no code or category of the system.',
  })
  async isA(@Root() code: CodeNode, @Arg('ancestor', () => String) ancestor: string, @Ctx() { loaders }: Context): Promise<boolean> {
    const text = ancestor.trim();
    const ancestorCode = normalizeCode(code.system, text);
    const key = `${code.system}|${code.code}|${text}`;
    const answer = await loaders.isA.load({
      key,
      system: code.system,
      code: code.code,
      ancestorCode,
      ancestorCategory: text ? categoryId(code.system, text.toUpperCase()) : null,
    });
    if (!answer.found) {
      throw badUserInput(
        `Ancestor ${echo(ancestor)} names no ${code.system} code or category: expected a code (E11), a block (E08-E13) or a chapter (4) of ${code.system}`,
        {
          argument: 'ancestor',
          value: ancestor,
        },
      );
    }
    return answer.isA;
  }
}
