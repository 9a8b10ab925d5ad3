import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { CodeSystem } from './code-system.type';
import { Organization } from './organization.type';

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => [Organization], { description: 'The bodies that maintain code systems.' })
  organizations(@Ctx() { repositories }: Context): Promise<Organization[]> {
    return repositories.organizations.all();
  }

  @FieldResolver(() => [CodeSystem], { description: 'The code systems it maintains.' })
  maintains(@Root() organization: Organization, @Ctx() { loaders }: Context): Promise<CodeSystem[]> {
    return loaders.maintains.load(organization.id);
  }
}
