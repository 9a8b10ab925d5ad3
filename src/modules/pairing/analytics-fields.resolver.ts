import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { ChapterCount, ProcedureJustification, ProcedureOverlap } from './analytics.type';
import { Policy, type PolicyNode } from './policy.type';

const COUNT = 'Distinct loaded ICD-10-CM codes with a status asked for (default rules included; retired references not).';

@Resolver(() => ProcedureJustification)
export class ProcedureJustificationFieldsResolver {
  @FieldResolver(() => Int, { description: COUNT })
  diagnosesCount(@Root() row: ProcedureJustification): number {
    return row.diagnoses;
  }

  @FieldResolver(() => [Policy], { description: 'The policies governing it; empty when only curated pairings do.' })
  async governingPolicies(@Root() row: ProcedureJustification, @Ctx() { loaders }: Context): Promise<PolicyNode[]> {
    const found = await loaders.policy.loadMany(row.policies);
    return found.filter((p): p is PolicyNode => p !== null && !(p instanceof Error));
  }
}

@Resolver(() => ChapterCount)
export class ChapterCountFieldsResolver {
  @FieldResolver(() => Int, {
    description: "How many of the procedure's paired diagnoses lie in this chapter (distinct loaded ICD-10-CM codes with a status asked for).",
  })
  diagnosesCount(@Root() row: ChapterCount): number {
    return row.diagnoses;
  }
}

@Resolver(() => ProcedureOverlap)
export class ProcedureOverlapFieldsResolver {
  @FieldResolver(() => Int, { description: 'Diagnoses that justify the other procedure.' })
  diagnosesCount(@Root() row: ProcedureOverlap): number {
    return row.diagnoses;
  }
}
