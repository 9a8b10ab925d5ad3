/**
 * The NCCI edit vocabulary (issue 15): the settings of CMS's tables, the PTP modifier indicator and
 * the MUE adjudication indicator, in words, and the rules a claim check reads them by. Plain values,
 * no framework imports.
 */
import { ClaimSetting } from './claim';

/** The setting of an NCCI table, as its file name says (the importer writes it on every edit). */
export enum NcciSetting {
  PRACTITIONER = 'PRACTITIONER',
  OUTPATIENT_HOSPITAL = 'OUTPATIENT_HOSPITAL',
  DME_SUPPLIER = 'DME_SUPPLIER',
}

/** The PTP modifier indicator: 0 never together, 1 together with an NCCI-associated modifier, 9 not applicable. */
export enum PtpModifierIndicator {
  NOT_ALLOWED = 'NOT_ALLOWED',
  ALLOWED = 'ALLOWED',
  NOT_APPLICABLE = 'NOT_APPLICABLE',
}

/** The MUE adjudication indicator: 1 per line, 2 per date of service (policy), 3 per date of service (clinical). */
export enum MueAdjudication {
  LINE = 'LINE',
  DATE_OF_SERVICE_POLICY = 'DATE_OF_SERVICE_POLICY',
  DATE_OF_SERVICE_CLINICAL = 'DATE_OF_SERVICE_CLINICAL',
}

/**
 * The modifiers that may bypass a PTP edit whose indicator is 1, when clinically appropriate. Source:
 * CMS, NCCI Policy Manual for Medicare Services, Chapter I, General Correct Coding Policies, section
 * "Modifiers and Modifier Indicators" (https://www.cms.gov/medicare/coding-billing/national-correct-coding-initiative-ncci-edits/medicare-ncci-policy-manual):
 * anatomic modifiers E1-E4, FA, F1-F9, LC, LD, LM, LT, RC, RI, RT, TA, T1-T9; global surgery
 * modifiers 24, 25, 57, 58, 78, 79; other modifiers 27, 59, 91, XE, XS, XP, XU.
 */
export const NCCI_PTP_MODIFIERS: readonly string[] = [
  '59',
  'XE',
  'XP',
  'XS',
  'XU',
  '25',
  '91',
  '24',
  '27',
  '57',
  '58',
  '78',
  '79',
  'E1',
  'E2',
  'E3',
  'E4',
  'FA',
  'F1',
  'F2',
  'F3',
  'F4',
  'F5',
  'F6',
  'F7',
  'F8',
  'F9',
  'TA',
  'T1',
  'T2',
  'T3',
  'T4',
  'T5',
  'T6',
  'T7',
  'T8',
  'T9',
  'LT',
  'RT',
  'LC',
  'LD',
  'RC',
  'LM',
  'RI',
];

const NCCI_MODIFIER_SET: ReadonlySet<string> = new Set(NCCI_PTP_MODIFIERS);

/**
 * CPT Level I modifier numbers (two digits; the numbers are facts, their descriptors AMA text and
 * not here). The HCPCS file CMS publishes holds Level II modifiers only, so a two-digit modifier is
 * checked against this list instead of the loaded ones.
 */
export const CPT_MODIFIERS: ReadonlySet<string> = new Set([
  '22',
  '23',
  '24',
  '25',
  '26',
  '27',
  '32',
  '33',
  '47',
  '50',
  '51',
  '52',
  '53',
  '54',
  '55',
  '56',
  '57',
  '58',
  '59',
  '62',
  '63',
  '66',
  '73',
  '74',
  '76',
  '77',
  '78',
  '79',
  '80',
  '81',
  '82',
  '90',
  '91',
  '92',
  '93',
  '95',
  '96',
  '97',
  '99',
]);

/** The NCCI-associated modifiers among the given ones (upper case), in the order given. */
export function bypassingModifiers(modifiers: readonly string[]): string[] {
  return modifiers.filter((m) => NCCI_MODIFIER_SET.has(m));
}

export function modifierIndicatorOf(value: number): PtpModifierIndicator {
  if (value === 0) return PtpModifierIndicator.NOT_ALLOWED;
  if (value === 1) return PtpModifierIndicator.ALLOWED;
  return PtpModifierIndicator.NOT_APPLICABLE;
}

/** The modifier rule of a PTP edit in words. */
export function modifierRule(indicator: PtpModifierIndicator): string {
  switch (indicator) {
    case PtpModifierIndicator.NOT_ALLOWED:
      return 'Modifier indicator 0 (not allowed): the two codes are never paid together for the same patient on the same date; no modifier bypasses the edit.';
    case PtpModifierIndicator.ALLOWED:
      return `Modifier indicator 1 (allowed): the column 2 code is denied unless a clinically appropriate NCCI-associated modifier is reported (${NCCI_PTP_MODIFIERS.join(', ')}).`;
    case PtpModifierIndicator.NOT_APPLICABLE:
      return 'Modifier indicator 9 (not applicable): the edit does not apply (it was deleted retroactively); the codes may be reported together.';
  }
}

export function adjudicationOf(value: number): MueAdjudication {
  if (value === 1) return MueAdjudication.LINE;
  if (value === 2) return MueAdjudication.DATE_OF_SERVICE_POLICY;
  return MueAdjudication.DATE_OF_SERVICE_CLINICAL;
}

/** The MUE adjudication rule in words. */
export function adjudicationRule(adjudication: MueAdjudication): string {
  switch (adjudication) {
    case MueAdjudication.LINE:
      return 'MUE adjudication indicator 1 (line edit): the units of each claim line are checked on their own.';
    case MueAdjudication.DATE_OF_SERVICE_POLICY:
      return 'MUE adjudication indicator 2 (date of service edit, policy): the units of the code on every line of the date of service are added up; the limit is set by policy and is not raised on appeal.';
    case MueAdjudication.DATE_OF_SERVICE_CLINICAL:
      return 'MUE adjudication indicator 3 (date of service edit, clinical): the units of the code on every line of the date of service are added up; more may be paid on appeal with documentation of medical necessity.';
  }
}

/** The PTP table that applies to a claim's setting, or null (inpatient facility and DME supplier claims: none is read). */
export function ptpSettingOf(setting: ClaimSetting): NcciSetting | null {
  if (setting === ClaimSetting.PROFESSIONAL) return NcciSetting.PRACTITIONER;
  if (setting === ClaimSetting.OUTPATIENT_HOSPITAL) return NcciSetting.OUTPATIENT_HOSPITAL;
  return null;
}

/** The MUE table that applies to a claim's setting, or null (inpatient facility claims: NCCI does not apply). */
export function mueSettingOf(setting: ClaimSetting): NcciSetting | null {
  if (setting === ClaimSetting.PROFESSIONAL) return NcciSetting.PRACTITIONER;
  if (setting === ClaimSetting.OUTPATIENT_HOSPITAL) return NcciSetting.OUTPATIENT_HOSPITAL;
  if (setting === ClaimSetting.DME_SUPPLIER) return NcciSetting.DME_SUPPLIER;
  return null;
}

/**
 * Whether a PTP edit is in force on a date (ISO dates compare as strings): from its effective date,
 * up to the day before its deletion date (claims dated on or after the deletion date are no longer
 * subject to the edit; an edit deleted on its own effective date never applied).
 */
export function ptpInForce(edit: { effectiveFrom: string; effectiveTo: string | null }, date: string): boolean {
  return edit.effectiveFrom <= date && (edit.effectiveTo === null || date < edit.effectiveTo);
}

/**
 * The effective date of an MUE table from its version as the importer records it: "2026-01-01" (the
 * `_Eff_MM-DD-YYYY` of its file name) or "2026Q1" (CMS's quarterly zip: the quarter's first day).
 * Null for a version of neither form.
 */
export function mueEffectiveDate(version: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(version)) return version;
  const quarter = /^(\d{4})Q([1-4])$/.exec(version);
  if (!quarter) return null;
  return `${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
}

/**
 * Of the MUE tables of one code and setting, the one in force on a date: the latest effective on or
 * before it (any date: the latest). Tables whose version names no date are never chosen.
 */
export function mueInForce<T extends { fileVersion: string }>(tables: readonly T[], date: string | null): T | null {
  let best: { table: T; from: string } | null = null;
  for (const table of tables) {
    const from = mueEffectiveDate(table.fileVersion);
    if (from === null || (date !== null && from > date)) continue;
    if (best === null || from > best.from) best = { table, from };
  }
  return best?.table ?? null;
}
