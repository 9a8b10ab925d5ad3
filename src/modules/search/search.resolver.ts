import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { listOf, offsetAfter } from '../../common/cursor';
import { PageArgs } from '../../common/page.args';
import type { Context } from '../../context';
import { isLicensed } from '../../security/caller';
import { CodeSystemId } from '../code-system/code-system-id.enum';
import { planSearch } from './search-query';
import { SearchConnection, toSearchConnection } from './search.type';

@Resolver()
export class SearchResolver {
  @Query(() => SearchConnection, {
    description:
      'Find codes by words or by code, ranked for autocomplete. Words match the start of words of titles, ICD-10-CM inclusion terms and ' +
      'ICD-10-PCS body-part terms; words of 5 letters or more tolerate a typo ("diabetis"); abbreviations and lay words are expanded ' +
      '("copd", "heart attack": see expandedFrom). An exact title or term comes first, then the shortest, least specific codes whose whole ' +
      'title matches, then tabular order; each edge says its score, why, and which text matched. A single code-shaped token lists codes ' +
      'starting with it, the exact code first ("E11.", "e119", "0DT"). Only codes of complete releases are found.',
  })
  async search(
    @Arg('text', () => String) text: string,
    @Arg('systems', () => [CodeSystemId], { nullable: true, description: 'Only these systems; all when omitted.' }) systems: CodeSystemId[] | null,
    @Arg('billableOnly', () => Boolean, { defaultValue: false, description: 'Only codes that can be reported on a claim.' }) billableOnly: boolean,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() { repositories, caller }: Context,
  ): Promise<SearchConnection> {
    const plan = planSearch(text);
    const list = listOf('search', text.trim(), systems?.length ? [...systems].sort() : null, billableOnly, isLicensed(caller));
    const skip = offsetAfter(after, list);
    const page = await repositories.search.search(plan, {
      systems: systems?.length ? systems : null,
      billableOnly,
      skip,
      limit: first,
      licensed: isLicensed(caller),
    });
    return toSearchConnection(page.hits, { offset: skip, list }, page.total);
  }
}
