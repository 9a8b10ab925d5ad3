import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DateScalar } from '../../common/date.scalar';
import type { Context } from '../../context';
import { Procedure, type CodeNode } from './code.type';

async function textProperty(code: CodeNode, name: string, { loaders }: Context): Promise<string | null> {
  const value = (await loaders.details.load(code))[name];
  return typeof value === 'string' ? value : null;
}

/** HCPCS Level II facts from the CMS alpha-numeric file; null for codes of other systems. */
@Resolver(() => Procedure)
export class ProcedureResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'HCPCS Medicare coverage code (C carrier judgment, D special coverage instructions, I not payable, M non-covered by Medicare, S non-covered by statute).',
  })
  coverageCode(@Root() code: CodeNode, @Ctx() context: Context): Promise<string | null> {
    return textProperty(code, 'coverageCode', context);
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: 'HCPCS: the date the code was added (ISO date).' })
  addedDate(@Root() code: CodeNode, @Ctx() context: Context): Promise<string | null> {
    return textProperty(code, 'addedDate', context);
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: 'HCPCS: the date the current record took effect (ISO date).' })
  effectiveDate(@Root() code: CodeNode, @Ctx() context: Context): Promise<string | null> {
    return textProperty(code, 'effectiveDate', context);
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: 'HCPCS: the date the code ends (ISO date); null when it is not terminated.' })
  terminationDate(@Root() code: CodeNode, @Ctx() context: Context): Promise<string | null> {
    return textProperty(code, 'terminationDate', context);
  }

  @FieldResolver(() => String, { nullable: true, description: 'HCPCS BETOS code (Berenson-Eggers type of service).' })
  betosCode(@Root() code: CodeNode, @Ctx() context: Context): Promise<string | null> {
    return textProperty(code, 'betosCode', context);
  }

  @FieldResolver(() => [String], { description: 'HCPCS cross-reference codes.' })
  async crossReferences(@Root() code: CodeNode, @Ctx() { loaders }: Context): Promise<string[]> {
    const value = (await loaders.details.load(code)).crossReferences;
    return Array.isArray(value) ? (value as string[]) : [];
  }
}
