import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { keyArgument } from '../node/key-argument';
import { Organization } from '../code-system/organization.type';
import { Procedure, type CodeNode } from '../code/code.type';
import { Policy, type PolicyNode } from './policy.type';

@Resolver(() => Policy)
export class PolicyResolver {
  @Query(() => [Policy], { description: 'Every loaded coverage policy (the Medicare lab NCDs), by id.' })
  async policies(@Ctx() { repositories, loaders }: Context): Promise<PolicyNode[]> {
    const ids = await repositories.pairings.policyIds();
    return (await loaders.policy.loadMany(ids)).filter((p): p is PolicyNode => p !== null && !(p instanceof Error));
  }

  @Query(() => Policy, {
    nullable: true,
    description: 'One policy by its key (the NCD number "190.23B", Policy.key) or its global id (Policy.id); null when it is not loaded.',
  })
  policy(@Arg('id', () => String) id: string, @Ctx() { loaders }: Context): Promise<PolicyNode | null> {
    return loaders.policy.load(keyArgument(id.trim(), 'Policy', 'id').toUpperCase());
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'Who publishes it (CMS for the NCDs).' })
  publisher(@Root() policy: PolicyNode, @Ctx() { loaders }: Context): Promise<Organization | null> {
    return policy.publisher ? loaders.organization.load(policy.publisher) : Promise.resolve(null);
  }

  @FieldResolver(() => [Procedure], { description: 'The procedure codes it governs (CPT without a licensed descriptor file shows a placeholder title).' })
  async governs(@Root() policy: PolicyNode, @Ctx() { loaders }: Context): Promise<CodeNode[]> {
    return (await loaders.policyGoverns.load(policy.id)).map((g) => g.code);
  }
}
