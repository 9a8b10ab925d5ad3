import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { echo } from '../../common/code-format';
import type { Context } from '../../context';
import { badUserInput } from '../../errors/errors';
import { CodeSystemId } from '../code-system/code-system-id.enum';
import { Modifier } from './modifier.type';

@Resolver(() => Modifier)
export class ModifierResolver {
  @FieldResolver(() => CodeSystemId, { description: 'Its system as the CodeSystemId enum, as Code.systemId.' })
  systemId(@Root() modifier: { system: CodeSystemId }): CodeSystemId {
    return modifier.system;
  }

  @Query(() => [Modifier], { description: 'Every modifier of a system (HCPCS Level II by default), in code order.' })
  modifiers(
    @Arg('system', () => CodeSystemId, { defaultValue: CodeSystemId.HCPCS }) system: CodeSystemId,
    @Ctx() { repositories }: Context,
  ): Promise<Modifier[]> {
    return repositories.modifiers.ofSystem(system);
  }

  @Query(() => Modifier, { nullable: true, description: 'One modifier ("GA", "lt"), or null when it is not loaded.' })
  async modifier(
    @Arg('code', () => String) code: string,
    @Arg('system', () => CodeSystemId, { defaultValue: CodeSystemId.HCPCS }) system: CodeSystemId,
    @Ctx() { repositories }: Context,
  ): Promise<Modifier | null> {
    const normalized = code.trim().toUpperCase();
    if (!/^[0-9A-Z]{2}$/.test(normalized))
      throw badUserInput(`Modifier ${echo(code)} is not valid: expected 2 letters or digits (GA, LT, 59)`, { argument: 'code', value: code });
    const [found] = await repositories.modifiers.ofSystem(system, normalized);
    return found ?? null;
  }
}
