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
  @Query(() => [CodeSystem], { description: 'Every code system in the graph.' })
  codeSystems(@Ctx() { repositories }: Context): Promise<CodeSystem[]> {
    return repositories.codeSystems.all();
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
