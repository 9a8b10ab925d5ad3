import { Arg, Args, Ctx, Int, Query, Resolver } from 'type-graphql';
import { CodeConnection, toConnection } from '../../common/connection.type';
import { offsetAfter } from '../../common/cursor';
import { PageArgs } from '../../common/page.args';
import type { Context } from '../../context';
import { badUserInput } from '../../errors/errors';
import { CodeSystemId } from '../code-system/code-system-id.enum';
import { ProcedureJustification } from './analytics.type';
import { rankProcedures } from './pairing-analytics.service';
import { resolvePairingFilter } from './pairing-filter.service';
import { PairingFilterArgs } from './pairing.args';

@Resolver()
export class PairingAnalyticsResolver {
  @Query(() => [ProcedureJustification], {
    description: 'Procedures ranked by how many loaded ICD-10-CM codes justify them (status filter, default COVERED and CURATED; default rules included), most first.',
  })
  async procedureRanking(
    @Args(() => PairingFilterArgs) filterArgs: PairingFilterArgs,
    @Arg('first', () => Int, { defaultValue: 50, description: '1 to 500.' }) first: number,
    @Ctx() context: Context,
  ): Promise<ProcedureJustification[]> {
    if (!Number.isInteger(first) || first < 1 || first > 500) throw badUserInput(`first ${first} is out of range: expected 1 to 500`, { argument: 'first', value: first });
    const filter = await resolvePairingFilter(filterArgs, context, CodeSystemId.ICD10CM);
    return rankProcedures(await context.repositories.pairings.justifyingSources(filter)).slice(0, first);
  }

  @Query(() => CodeConnection, {
    description:
      'Loaded ICD-10-CM codes that justify nothing in the loaded policies and curated pairings: no listing with a status asked for (default COVERED and CURATED), ' +
      'no default rule reaching them, in tabular order. chapter and billableOnly narrow the codes.',
  })
  async unjustifiedDiagnoses(
    @Args(() => PairingFilterArgs) filterArgs: PairingFilterArgs,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() context: Context,
  ): Promise<CodeConnection> {
    const filter = await resolvePairingFilter(filterArgs, context, CodeSystemId.ICD10CM);
    const skip = offsetAfter(after);
    const page = await context.repositories.pairings.unjustified(filter, skip, first);
    return toConnection(page.codes.map((node) => ({ node, score: null })), skip, page.total);
  }
}
