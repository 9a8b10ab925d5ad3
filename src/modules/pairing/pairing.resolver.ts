import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { LimitArgs } from '../../common/limit.args';
import { listOf, offsetAfter } from '../../common/cursor';
import { PageArgs } from '../../common/page.args';
import type { Context } from '../../context';
import { CodeSystemId } from '../code-system/code-system-id.enum';
import { Diagnosis, Procedure, type CodeNode } from '../code/code.type';
import { ChapterCount, ProcedureOverlap, ProcedureOverlapConnection } from './analytics.type';
import { overlappingProcedures } from './pairing-analytics.service';
import { pageOfList } from '../../common/connection.type';
import { exportUrl } from './pairing-export';
import { resolvePairingFilter } from './pairing-filter.service';
import { PairingFilterArgs, PairingListArgs } from './pairing.args';
import { bareChapterSystem, type PairingDirection } from './pairing.repository';
import { PairingConnection, toPairingConnection } from './pairing.type';
import { Policy, type PolicyNode } from './policy.type';

const JUSTIFIED_BY =
  'The diagnoses paired with this procedure, with the policy or curator behind each: policy listings (a code, a range, or a header and the codes under it), ' +
  "a policy's rule for every code it does not list (NCD 190.15 covers them), and curated pairings; with `state`, the LCD billing articles of that state's contractors too. " +
  'By default the pairings that justify it (COVERED, CURATED) in force today, in tabular order.';

/** One page of justifiedBy or justifies, as a connection. */
async function pairingConnection(
  direction: PairingDirection,
  code: CodeNode,
  filterArgs: PairingListArgs,
  { first, after }: PageArgs,
  context: Context,
): Promise<PairingConnection> {
  const filter = await resolvePairingFilter(filterArgs, context, bareChapterSystem(direction));
  const list = listOf(direction, code.system, code.code, filter);
  const skip = offsetAfter(after, list);
  const page = await context.repositories.pairings.pairingsOf(direction, code, filter, skip, first);
  return toPairingConnection(page.pairings, { offset: skip, list }, page.total, filter.asOf);
}

/** Pairing fields of procedures. */
@Resolver(() => Procedure)
export class ProcedurePairingResolver {
  @FieldResolver(() => PairingConnection, { description: JUSTIFIED_BY })
  async justifiedBy(
    @Root() code: CodeNode,
    @Args(() => PairingListArgs) filterArgs: PairingListArgs,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() context: Context,
  ): Promise<PairingConnection> {
    return pairingConnection('justified-by', code, filterArgs, { first, after }, context);
  }

  @FieldResolver(() => String, {
    description:
      'Link to the CSV export of justifiedBy with these filters (every page, one row per pairing): absolute, under CODESET_PUBLIC_URL or else the scheme and host the request came to (a path only when the schema runs in process).',
  })
  async justifiedByCsv(@Root() code: CodeNode, @Args(() => PairingListArgs) filterArgs: PairingListArgs, @Ctx() context: Context): Promise<string> {
    return exportUrl('justified-by', code, await resolvePairingFilter(filterArgs, context, bareChapterSystem('justified-by')), context.publicBase);
  }

  @FieldResolver(() => [ChapterCount], {
    description: 'The paired diagnoses counted by ICD-10-CM chapter (same filters as justifiedBy; a diagnosis counts once).',
  })
  async justifyingChapters(
    @Root() code: CodeNode,
    @Args(() => PairingFilterArgs) filterArgs: PairingFilterArgs,
    @Ctx() context: Context,
  ): Promise<ChapterCount[]> {
    const filter = await resolvePairingFilter(filterArgs, context, CodeSystemId.ICD10CM);
    return context.repositories.pairings.justifyingChapters(code, filter);
  }

  @FieldResolver(() => [ProcedureOverlap], {
    deprecationReason: 'Use overlappingProceduresConnection: the same list with cursors and totalCount.',
    description:
      "Other procedures whose justifying diagnoses overlap this one's, most similar first. Overlap is the Jaccard index |A ∩ B| / |A ∪ B| of the two sets of loaded " +
      'ICD-10-CM codes that justify them (status filter, default COVERED and CURATED; default rules included).',
  })
  async overlappingProcedures(
    @Root() code: CodeNode,
    @Args(() => PairingFilterArgs) filterArgs: PairingFilterArgs,
    @Args(() => LimitArgs) { first }: LimitArgs,
    @Ctx() context: Context,
  ): Promise<ProcedureOverlap[]> {
    const filter = await resolvePairingFilter(filterArgs, context, CodeSystemId.ICD10CM);
    const sources = await context.repositories.pairings.justifyingSources(filter);
    return overlappingProcedures(sources, code).slice(0, first);
  }

  @FieldResolver(() => ProcedureOverlapConnection, {
    description: 'overlappingProcedures one page at a time, with a cursor and totalCount (most similar first, the same Jaccard index).',
  })
  async overlappingProceduresConnection(
    @Root() code: CodeNode,
    @Args(() => PairingFilterArgs) filterArgs: PairingFilterArgs,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() context: Context,
  ): Promise<ProcedureOverlapConnection> {
    const filter = await resolvePairingFilter(filterArgs, context, CodeSystemId.ICD10CM);
    const list = listOf('overlappingProcedures', code.system, code.code, filter);
    const skip = offsetAfter(after, list);
    const sources = await context.repositories.pairings.justifyingSources(filter);
    return pageOfList(overlappingProcedures(sources, code), { offset: skip, list }, first);
  }

  @FieldResolver(() => [Policy], { description: 'The policies that govern this procedure (any date).' })
  async policies(@Root() code: CodeNode, @Ctx() { loaders }: Context): Promise<PolicyNode[]> {
    const ids = await loaders.governingPolicies.load(code);
    return (await Promise.all(ids.map((id) => loaders.policy.load(id)))).filter((p): p is PolicyNode => p !== null);
  }
}

/** Pairing fields of diagnoses. */
@Resolver(() => Diagnosis)
export class DiagnosisPairingResolver {
  @FieldResolver(() => PairingConnection, {
    description:
      'The procedures this diagnosis is paired with, with the policy or curator behind each: policies that list it, policies whose rule for unlisted codes reaches it, ' +
      "and curated pairings; with `state`, the LCD billing articles of that state's contractors too. By default the pairings where it justifies the procedure (COVERED, CURATED) in force today, by procedure code.",
  })
  async justifies(
    @Root() code: CodeNode,
    @Args(() => PairingListArgs) filterArgs: PairingListArgs,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() context: Context,
  ): Promise<PairingConnection> {
    return pairingConnection('justifies', code, filterArgs, { first, after }, context);
  }

  @FieldResolver(() => String, {
    description: 'Link to the CSV export of justifies with these filters (every page, one row per pairing), absolute as justifiedByCsv.',
  })
  async justifiesCsv(@Root() code: CodeNode, @Args(() => PairingListArgs) filterArgs: PairingListArgs, @Ctx() context: Context): Promise<string> {
    return exportUrl('justifies', code, await resolvePairingFilter(filterArgs, context, bareChapterSystem('justifies')), context.publicBase);
  }
}
