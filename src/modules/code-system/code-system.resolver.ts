import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { badUserInput } from '../../errors/errors';
import { Category, type CategoryNode } from '../code/category.type';
import { CodeSystemId } from './code-system-id.enum';
import { CodeSystem } from './code-system.type';
import { compareSystems, type SystemFacts } from './compare-systems.service';
import { Organization } from './organization.type';
import { SystemComparison } from './system-comparison.type';

@Resolver(() => CodeSystem)
export class CodeSystemResolver {
  @Query(() => [CodeSystem], {
    description:
      'The code systems that hold codes in the graph. With includeEmpty, also those described without codes (WHO ICD-10, which ICD-10-CM adapts: no WHO release is loaded).',
  })
  async codeSystems(
    @Arg('includeEmpty', () => Boolean, { defaultValue: false, description: 'Also list systems with no code loaded (codeCount 0).' }) includeEmpty: boolean,
    @Ctx() { repositories, loaders }: Context,
  ): Promise<CodeSystem[]> {
    const systems = await repositories.codeSystems.all();
    if (includeEmpty) return systems;
    const counts = await loaders.codeCounts.loadMany(systems.map((s) => s.id));
    return systems.filter((_, i) => {
      const count = counts[i];
      return count !== undefined && !(count instanceof Error) && count.codes > 0;
    });
  }

  @Query(() => CodeSystem, { nullable: true, description: 'One code system, or null when it is not loaded.' })
  codeSystem(@Arg('id', () => CodeSystemId) id: CodeSystemId, @Ctx() { loaders }: Context): Promise<CodeSystem | null> {
    return loaders.systemById.load(id);
  }

  @Query(() => SystemComparison, {
    description: 'Two code systems side by side (purpose, question answered, maintainer, format, use, cadence, scope), and how they relate.',
  })
  async compareSystems(
    @Arg('a', () => CodeSystemId) a: CodeSystemId,
    @Arg('b', () => CodeSystemId) b: CodeSystemId,
    @Ctx() { loaders, repositories: { codeSystems: repositories } }: Context,
  ): Promise<SystemComparison> {
    const facts = async (id: CodeSystemId, argument: string): Promise<SystemFacts> => {
      const [system, maintainers, adapts] = await Promise.all([loaders.systemById.load(id), loaders.maintainers.load(id), loaders.adapts.load(id)]);
      if (!system) {
        const loaded = (await repositories.all()).map((s) => s.id).join(', ') || 'none';
        throw badUserInput(`Code system ${id} (argument ${argument}) is not loaded in this graph; expected one of the loaded systems: ${loaded}`, {
          argument,
          value: id,
        });
      }
      return { system, maintainers, adapts: adapts?.id ?? null };
    };
    const [left, right] = await Promise.all([facts(a, 'a'), facts(b, 'b')]);
    return compareSystems(left, right);
  }

  @FieldResolver(() => [Organization], { description: 'The bodies that maintain it.' })
  maintainedBy(@Root() system: CodeSystem, @Ctx() { loaders }: Context): Promise<Organization[]> {
    return loaders.maintainers.load(system.id);
  }

  @FieldResolver(() => CodeSystem, { nullable: true, description: 'The system this one adapts (ICD-10-CM adapts WHO ICD-10).' })
  adapts(@Root() system: CodeSystem, @Ctx() { loaders }: Context): Promise<CodeSystem | null> {
    return loaders.adapts.load(system.id);
  }

  @FieldResolver(() => [CodeSystem], { description: 'Systems that adapt this one.' })
  adaptedBy(@Root() system: CodeSystem, @Ctx() { loaders }: Context): Promise<CodeSystem[]> {
    return loaders.adaptedBy.load(system.id);
  }

  @FieldResolver(() => Int, { description: 'How many codes of this system the graph holds (headers included).' })
  async codeCount(@Root() system: CodeSystem, @Ctx() { loaders }: Context): Promise<number> {
    return (await loaders.codeCounts.load(system.id)).codes;
  }

  @FieldResolver(() => Int, { description: 'How many of them are billable.' })
  async billableCount(@Root() system: CodeSystem, @Ctx() { loaders }: Context): Promise<number> {
    return (await loaders.codeCounts.load(system.id)).billable;
  }

  @FieldResolver(() => [Category], { description: 'Top of its category tree: ICD-10-CM chapters, CPT categories, PCS sections, HCPCS sections.' })
  topCategories(@Root() system: CodeSystem, @Ctx() { loaders }: Context): Promise<CategoryNode[]> {
    return loaders.topCategories.load(system.id);
  }
}
