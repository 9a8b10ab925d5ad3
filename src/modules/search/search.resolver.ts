import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { CodeConnection, toConnection } from '../../common/connection.type';
import { offsetAfter } from '../../common/cursor';
import { PageArgs } from '../../common/page.args';
import type { Context } from '../../context';
import { isLicensed } from '../../security/caller';
import { CodeSystemId } from '../code-system/code-system-id.enum';
import { planSearch } from './search-query';

@Resolver()
export class SearchResolver {
  @Query(() => CodeConnection, {
    description:
      'Find codes by title words or by code. Words match the start of title words, ranked ("diab typ 2" finds E11 codes first); ' +
      'a single code-shaped token lists codes starting with it ("E11.", "e119", "0DT"). Only codes of complete releases are found.',
  })
  async search(
    @Arg('text', () => String) text: string,
    @Arg('systems', () => [CodeSystemId], { nullable: true, description: 'Only these systems; all when omitted.' }) systems: CodeSystemId[] | null,
    @Arg('billableOnly', () => Boolean, { defaultValue: false, description: 'Only codes that can be reported on a claim.' }) billableOnly: boolean,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() { repositories, caller }: Context,
  ): Promise<CodeConnection> {
    const plan = planSearch(text);
    const skip = offsetAfter(after);
    const page = await repositories.search.search(plan, { systems: systems?.length ? systems : null, billableOnly, skip, limit: first, licensed: isLicensed(caller) });
    return toConnection(page.hits, skip, page.total);
  }
}
