import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DateScalar } from '../../common/date.scalar';
import type { Context } from '../../context';
import {
  adjudicationOf,
  adjudicationRule,
  modifierIndicatorOf,
  modifierRule,
  mueEffectiveDate,
  mueInForce,
  mueSettingOf,
  NCCI_PTP_MODIFIERS,
  ptpInForce,
  PtpModifierIndicator,
  ptpSettingOf,
  NcciSetting,
} from '../../domain/ncci';
import { Procedure, type CodeNode } from '../code/code.type';
import type { MueFacts, PtpEditOfCode } from './claim-edit.repository';
import { Mue, PtpEdit } from './claim-edit.type';
import { ClaimSetting } from './claim-setting.enum';

function toPtpEdit(code: CodeNode, e: PtpEditOfCode): PtpEdit {
  const indicator = modifierIndicatorOf(e.modifierIndicator);
  return {
    column: e.column,
    other: e.other,
    column1: e.column === 1 ? code.code : e.other.code,
    column2: e.column === 1 ? e.other.code : code.code,
    modifierIndicator: indicator,
    modifierRule: modifierRule(indicator),
    bypassModifiers: indicator === PtpModifierIndicator.ALLOWED ? [...NCCI_PTP_MODIFIERS] : [],
    effectiveDate: e.effectiveFrom,
    deletionDate: e.effectiveTo,
    inExistenceBefore1996: e.before1996,
    rationale: e.rationale,
    setting: e.setting,
    sourceFile: e.sourceFile,
    fileVersion: e.fileVersion,
  };
}

function toMue(m: MueFacts): Mue {
  const adjudication = adjudicationOf(m.adjudication);
  return {
    units: m.units,
    adjudication,
    adjudicationIndicator: m.adjudication,
    adjudicationText: m.adjudicationText,
    adjudicationRule: adjudicationRule(adjudication),
    rationale: m.rationale,
    setting: m.setting,
    sourceFile: m.sourceFile,
    fileVersion: m.fileVersion,
    effectiveDate: mueEffectiveDate(m.fileVersion),
  };
}

/** The NCCI edits of a procedure: its PTP edits and MUEs (issue 15). A code no edit names gets none: unknown is not denied. */
@Resolver(() => Procedure)
export class ProcedureEditsResolver {
  @FieldResolver(() => [PtpEdit], {
    description:
      'The NCCI procedure-to-procedure edits of this procedure, both directions (column says which column it is), by other code, setting and date. ' +
      'with: only the edits with that code; setting: only the table of that claim setting (PROFESSIONAL practitioner, OUTPATIENT_HOSPITAL hospital outpatient; none for INPATIENT_FACILITY or DME_SUPPLIER); ' +
      'asOf: only the edits in force on that date (omitted: every edit the files hold, deleted ones included).',
  })
  async ptpEdits(
    @Root() code: CodeNode,
    @Arg('with', () => String, { nullable: true, description: 'The other code (99213).' }) other: string | null,
    @Arg('setting', () => ClaimSetting, { nullable: true }) setting: ClaimSetting | null,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Ctx() { loaders }: Context,
  ): Promise<PtpEdit[]> {
    // An omitted argument arrives as undefined: read every one as null when not given.
    [other, setting, asOf] = [other ?? null, setting ?? null, asOf ?? null];
    const table = setting === null ? null : ptpSettingOf(setting);
    if (setting !== null && table === null) return [];
    const wanted = other === null ? null : other.trim().toUpperCase();
    const edits = await loaders.ptpEdits.load(code);
    return edits
      .filter((e) => (wanted === null || e.other.code === wanted) && (table === null || e.setting === table) && (asOf === null || ptpInForce(e, asOf)))
      .map((e) => toPtpEdit(code, e));
  }

  @FieldResolver(() => [Mue], {
    description:
      'The medically unlikely edits of this procedure: for each setting (or the one of the given claim setting: PROFESSIONAL practitioner, OUTPATIENT_HOSPITAL outpatient hospital, DME_SUPPLIER DME supplier; none for INPATIENT_FACILITY), ' +
      'the MUE of the table in force on asOf (the latest effective on or before it; omitted: the latest table loaded).',
  })
  async mue(
    @Root() code: CodeNode,
    @Arg('setting', () => ClaimSetting, { nullable: true }) setting: ClaimSetting | null,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Ctx() { loaders }: Context,
  ): Promise<Mue[]> {
    [setting, asOf] = [setting ?? null, asOf ?? null];
    const table = setting === null ? null : mueSettingOf(setting);
    if (setting !== null && table === null) return [];
    const mues = await loaders.mueEdits.load(code);
    const settings = table === null ? Object.values(NcciSetting) : [table];
    return settings.flatMap((s) => {
      const chosen = mueInForce(
        mues.filter((m) => m.setting === s),
        asOf,
      );
      return chosen ? [toMue(chosen)] : [];
    });
  }
}
