import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { CodeConnection, pageOfList, toConnection } from '../../common/connection.type';
import { listOf, offsetAfter } from '../../common/cursor';
import { PageArgs } from '../../common/page.args';
import type { Context } from '../../context';
import { LimitArgs } from '../../common/limit.args';
import { CodeSystemId } from '../code-system/code-system-id.enum';
import { ProcedureJustification, ProcedureJustificationConnection } from './analytics.type';
import { rankProcedures } from './pairing-analytics.service';
import { resolvePairingFilter } from './pairing-filter.service';
import { PairingFilterArgs } from './pairing.args';

/**
 * Estimated cost of a whole-graph aggregation (every pairing is read), on top of its page (see
 * src/security/query-limits.ts). On the official data unjustifiedDiagnoses takes 1.3-2 s of Neo4j
 * time per call (issue 13), about 200 times a cached lookup page: at 5,000 a request holds at most
 * four of them within the default limit of 20,000 (fifty aliases were 35 s of Neo4j before).
 */
const ANALYTICS_COST = 5_000;

@Resolver()
export class PairingAnalyticsResolver {
  @Query(() => [ProcedureJustification], {
    complexity: ANALYTICS_COST,
    deprecationReason: 'Use procedureRankingConnection: the same ranking with cursors and totalCount.',
    description:
      'Procedures ranked by how many loaded ICD-10-CM codes justify them (status filter, default COVERED and CURATED; default rules included), most first.',
  })
  async procedureRanking(
    @Args(() => PairingFilterArgs) filterArgs: PairingFilterArgs,
    @Args(() => LimitArgs) { first }: LimitArgs,
    @Ctx() context: Context,
  ): Promise<ProcedureJustification[]> {
    const filter = await resolvePairingFilter(filterArgs, context, CodeSystemId.ICD10CM);
    return rankProcedures(await context.repositories.pairings.justifyingSources(filter)).slice(0, first);
  }

  @Query(() => ProcedureJustificationConnection, {
    complexity: ANALYTICS_COST,
    description:
      'procedureRanking one page at a time, with a cursor and totalCount: procedures ranked by how many loaded ICD-10-CM codes justify them, most first.',
  })
  async procedureRankingConnection(
    @Args(() => PairingFilterArgs) filterArgs: PairingFilterArgs,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() context: Context,
  ): Promise<ProcedureJustificationConnection> {
    const filter = await resolvePairingFilter(filterArgs, context, CodeSystemId.ICD10CM);
    const list = listOf('procedureRanking', filter);
    const skip = offsetAfter(after, list);
    return pageOfList(rankProcedures(await context.repositories.pairings.justifyingSources(filter)), { offset: skip, list }, first);
  }

  @Query(() => CodeConnection, {
    complexity: ANALYTICS_COST,
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
    const list = listOf('unjustifiedDiagnoses', filter);
    const skip = offsetAfter(after, list);
    const page = await context.repositories.pairings.unjustified(filter, skip, first);
    return toConnection(
      page.codes.map((node) => ({ node, score: null })),
      { offset: skip, list },
      page.total,
    );
  }
}
