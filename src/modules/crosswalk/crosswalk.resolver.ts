import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { parseCode } from '../../common/code-format';
import type { Context } from '../../context';
import { gemDirection, gemDirectionsText } from '../../domain/crosswalk';
import { badUserInput } from '../../errors/errors';
import { CodeSystemId } from '../code-system/code-system-id.enum';
import { Code, type CodeNode } from '../code/code.type';
import { CodeMapping, Translation } from './crosswalk.type';
import { buildTranslation, toCodeMapping } from './translate.service';

/** BAD_USER_INPUT unless a GEM maps `from` to `to`; `argument` names the argument that chose the pair. */
function requireGem(from: CodeSystemId, to: CodeSystemId, argument: string): void {
  if (gemDirection(from, to)) return;
  throw badUserInput(`No GEM maps ${from} to ${to}: the GEMs map ${gemDirectionsText()}`, {
    argument,
    value: argument === 'from' ? from : to,
    from,
    to,
    expected: gemDirectionsText(),
  });
}

/** The GEM crosswalks (issue 16): Code.mapsTo, Code.mappedFrom and translate. */
@Resolver(() => Code)
export class CrosswalkResolver {
  @FieldResolver(() => [CodeMapping], {
    description:
      'The GEM entries from this code (ICD-9-CM to ICD-10-CM/PCS and back), every flag kept. to: only the GEM to that system ' +
      '(BAD_USER_INPUT when no GEM maps this code\u2019s system to it). Empty for a code no GEM lists.',
  })
  async mapsTo(
    @Root() code: CodeNode,
    @Arg('to', () => CodeSystemId, { nullable: true }) to: CodeSystemId | null | undefined,
    @Ctx() { loaders }: Context,
  ): Promise<CodeMapping[]> {
    if (to) requireGem(code.system, to, 'to');
    const found = await loaders.mapsTo.load(code);
    return (found?.mappings ?? []).filter((m) => !to || m.to === to).map((m) => toCodeMapping(code, m, true));
  }

  @FieldResolver(() => [CodeMapping], {
    description:
      'The GEM entries that lead to this code (which ICD-9-CM codes the ICD9CM-to-ICD10CM GEM maps to E11.9). from: only the GEM from that system ' +
      '(BAD_USER_INPUT when no GEM maps it to this code\u2019s system).',
  })
  async mappedFrom(
    @Root() code: CodeNode,
    @Arg('from', () => CodeSystemId, { nullable: true }) from: CodeSystemId | null | undefined,
    @Ctx() { loaders }: Context,
  ): Promise<CodeMapping[]> {
    if (from) requireGem(from, code.system, 'from');
    const found = await loaders.mappedFrom.load(code);
    return (found?.mappings ?? []).filter((m) => !from || m.from === from).map((m) => toCodeMapping(code, m, false));
  }

  @Query(() => Translation, {
    nullable: true,
    description:
      'A code translated with the GEM from one system to another (translate(code: "250.00", from: ICD9CM, to: ICD10CM) gives E11.9): the candidate codes with ' +
      'their flags in words, and for combination entries the scenarios (one code from each choice list). The GEMs map ICD9CM and ICD10CM both ways, and ' +
      'ICD9CM_PROC (ICD-9-CM Volume 3) and ICD10PCS both ways. Null when the GEM of that direction does not list the code. BAD_USER_INPUT for a pair no GEM ' +
      'maps or a code that is not written as a code of `from`.',
  })
  async translate(
    @Arg('code', () => String) code: string,
    @Arg('from', () => CodeSystemId) from: CodeSystemId,
    @Arg('to', () => CodeSystemId) to: CodeSystemId,
    @Ctx() { loaders }: Context,
  ): Promise<Translation | null> {
    requireGem(from, to, 'to');
    const parsed = parseCode(code, from);
    if (!parsed.ok) throw badUserInput(parsed.message, { argument: 'code', value: code, system: from });
    const found = await loaders.mapsTo.load(parsed.candidates[0]);
    if (!found) return null;
    const candidates = found.mappings.filter((m) => m.to === to).map((m) => toCodeMapping(found.code, m, true));
    return candidates.length === 0 ? null : buildTranslation(found.code, candidates);
  }
}
