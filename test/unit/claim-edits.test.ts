import { describe, expect, it } from 'vitest';
import { ClaimSetting, FindingCode, Severity } from '../../src/domain/claim';
import {
  adjudicationOf,
  bypassingModifiers,
  MueAdjudication,
  mueEffectiveDate,
  mueInForce,
  mueSettingOf,
  modifierIndicatorOf,
  NcciSetting,
  ptpInForce,
  PtpModifierIndicator,
  ptpSettingOf,
} from '../../src/domain/ncci';
import type { MueFacts, PtpEditBetween, PtpEditFacts } from '../../src/modules/claim/claim-edit.repository';
import type { EditLine } from '../../src/modules/claim/claim-line';
import { mueFindings } from '../../src/modules/claim/mue-findings';
import { ptpFindings } from '../../src/modules/claim/ptp-findings';
import { settingFindings } from '../../src/modules/claim/setting-findings';

const DATE = '2026-03-15';

function ptp(column1: string, column2: string, facts: Partial<PtpEditFacts> = {}): PtpEditBetween {
  return {
    column1: `CPT|${column1}`,
    column2: `CPT|${column2}`,
    edit: {
      modifierIndicator: 0,
      effectiveFrom: '2010-01-01',
      effectiveTo: null,
      before1996: false,
      rationale: 'Mutually exclusive procedures',
      setting: NcciSetting.PRACTITIONER,
      fileVersion: '32.1r0',
      sourceFile: 'ccipra-v321r0-f1.txt',
      ...facts,
    },
  };
}

const line = (n: number, code: string, extra: Partial<EditLine> = {}): EditLine => ({ line: n, key: `CPT|${code}`, code, units: 1, modifiers: [], ...extra });

function mue(units: number, adjudication: number, facts: Partial<MueFacts> = {}): MueFacts {
  return {
    units,
    adjudication,
    adjudicationText: 'Date of Service Edit: Clinical',
    rationale: 'Clinical: Data',
    setting: NcciSetting.PRACTITIONER,
    fileVersion: '2026-01-01',
    sourceFile: 'MCR_MUE_PractitionerServices_Eff_01-01-2026.csv',
    ...facts,
  };
}

describe('the NCCI vocabulary', () => {
  it('reads the modifier and adjudication indicators as enums', () => {
    expect([0, 1, 9].map(modifierIndicatorOf)).toEqual([PtpModifierIndicator.NOT_ALLOWED, PtpModifierIndicator.ALLOWED, PtpModifierIndicator.NOT_APPLICABLE]);
    expect([1, 2, 3].map(adjudicationOf)).toEqual([MueAdjudication.LINE, MueAdjudication.DATE_OF_SERVICE_POLICY, MueAdjudication.DATE_OF_SERVICE_CLINICAL]);
  });

  it('maps each claim setting to the PTP and MUE tables that apply to it', () => {
    expect(Object.values(ClaimSetting).map((s) => [s, ptpSettingOf(s), mueSettingOf(s)])).toEqual([
      ['PROFESSIONAL', 'PRACTITIONER', 'PRACTITIONER'],
      ['OUTPATIENT_HOSPITAL', 'OUTPATIENT_HOSPITAL', 'OUTPATIENT_HOSPITAL'],
      ['INPATIENT_FACILITY', null, null],
      ['DME_SUPPLIER', null, 'DME_SUPPLIER'],
    ]);
  });

  it('keeps the NCCI-associated modifiers among those given, and no others', () => {
    expect(bypassingModifiers(['GA', '59', 'XS', '26', 'LT', 'F5', 'T9', 'E4', '25', '91'])).toEqual(['59', 'XS', 'LT', 'F5', 'T9', 'E4', '25', '91']);
    expect(bypassingModifiers(['GA', '26', 'QW'])).toEqual([]);
  });

  it('holds a PTP edit in force from its effective date up to the day before its deletion date', () => {
    const edit = { effectiveFrom: '2013-01-01', effectiveTo: '2018-12-31' };
    expect(['2012-12-31', '2013-01-01', '2018-12-30', '2018-12-31', '2026-03-15'].map((d) => ptpInForce(edit, d))).toEqual([false, true, true, false, false]);
    expect(ptpInForce({ effectiveFrom: '2010-01-01', effectiveTo: null }, DATE)).toBe(true);
  });

  it('dates an MUE table by its version and chooses the latest in force on the date', () => {
    expect(['2026-01-01', '2026Q1', '2026Q4', 'v32'].map(mueEffectiveDate)).toEqual(['2026-01-01', '2026-01-01', '2026-10-01', null]);
    const tables = [{ fileVersion: '2025-10-01' }, { fileVersion: '2026Q2' }, { fileVersion: '2026-01-01' }];
    expect(mueInForce(tables, DATE)).toEqual({ fileVersion: '2026-01-01' });
    expect(mueInForce(tables, '2026-04-01')).toEqual({ fileVersion: '2026Q2' });
    expect(mueInForce(tables, '2025-01-01')).toBeNull();
    expect(mueInForce(tables, null)).toEqual({ fileVersion: '2026Q2' });
  });
});

describe('ptpFindings', () => {
  it('puts an indicator 0 conflict on the column 2 line, whatever the modifiers, with the edit as evidence', () => {
    const found = ptpFindings(
      [line(1, '99214', { modifiers: ['59'] }), line(2, '99213', { modifiers: ['25'] })],
      [ptp('99214', '99213')],
      NcciSetting.PRACTITIONER,
      DATE,
    );
    expect([...found.keys()]).toEqual([2]);
    const [f] = found.get(2)!;
    expect(f).toMatchObject({ code: FindingCode.PTP_CONFLICT, severity: Severity.ERROR });
    expect(f.message).toContain('modifier indicator 0');
    expect(f.evidence[0]).toMatchObject({
      kind: 'PTP_EDIT',
      code: '99214',
      target: '99213',
      fileVersion: '32.1r0',
      sourceFile: 'ccipra-v321r0-f1.txt',
      effectiveFrom: '2010-01-01',
      effectiveTo: null,
    });
  });

  it('lets an NCCI-associated modifier on either line bypass an indicator 1 edit, and names the bypass modifiers when none is there', () => {
    const edit = [ptp('96372', '99211', { modifierIndicator: 1 })];
    expect(ptpFindings([line(1, '96372', { modifiers: ['XE'] }), line(2, '99211')], edit, NcciSetting.PRACTITIONER, DATE).size).toBe(0);
    expect(ptpFindings([line(1, '96372'), line(2, '99211', { modifiers: ['RT'] })], edit, NcciSetting.PRACTITIONER, DATE).size).toBe(0);
    const [f] = ptpFindings([line(1, '96372', { modifiers: ['GA'] }), line(2, '99211')], edit, NcciSetting.PRACTITIONER, DATE).get(2)!;
    expect(f.message).toContain('one of 59, XE, XP, XS, XU, 25, 91');
  });

  it('gives nothing for indicator 9, an edit of another setting or not in force, one code on the claim, or no setting', () => {
    const lines = [line(1, '99214'), line(2, '99213')];
    expect(ptpFindings(lines, [ptp('99214', '99213', { modifierIndicator: 9 })], NcciSetting.PRACTITIONER, DATE).size).toBe(0);
    expect(ptpFindings(lines, [ptp('99214', '99213', { setting: NcciSetting.OUTPATIENT_HOSPITAL })], NcciSetting.PRACTITIONER, DATE).size).toBe(0);
    expect(ptpFindings(lines, [ptp('99214', '99213', { effectiveTo: '2020-01-01' })], NcciSetting.PRACTITIONER, DATE).size).toBe(0);
    expect(ptpFindings(lines, [ptp('99214', '99213', { effectiveFrom: '2027-01-01' })], NcciSetting.PRACTITIONER, DATE).size).toBe(0);
    expect(ptpFindings([line(1, '99213')], [ptp('99214', '99213')], NcciSetting.PRACTITIONER, DATE).size).toBe(0);
    expect(ptpFindings(lines, [ptp('99214', '99213')], null, DATE).size).toBe(0);
  });

  it('reads the newest file version when two tables hold the pair', () => {
    const found = ptpFindings(
      [line(1, '96372'), line(2, '99211')],
      [ptp('96372', '99211', { modifierIndicator: 0, fileVersion: '31.3r0' }), ptp('96372', '99211', { modifierIndicator: 1, fileVersion: '32.1r0' })],
      NcciSetting.PRACTITIONER,
      DATE,
    );
    expect(found.get(2)![0].message).toContain('modifier indicator 1');
    expect(found.get(2)![0].evidence[0].fileVersion).toBe('32.1r0');
  });
});

describe('mueFindings', () => {
  it('checks each line on its own for a line edit (indicator 1)', () => {
    const mues = new Map([['CPT|80061', [mue(1, 1)]]]);
    const found = mueFindings([line(1, '80061'), line(2, '80061', { units: 2 })], mues, NcciSetting.PRACTITIONER, DATE);
    expect([...found.keys()]).toEqual([2]);
    expect(found.get(2)![0]).toMatchObject({ code: FindingCode.MUE_EXCEEDED, severity: Severity.ERROR });
    expect(found.get(2)![0].evidence[0]).toMatchObject({ kind: 'MUE', fileVersion: '2026-01-01', effectiveFrom: '2026-01-01' });
  });

  it('adds up the units of the code over the lines of the date for indicators 2 and 3', () => {
    for (const adjudication of [2, 3]) {
      const mues = new Map([['CPT|96372', [mue(4, adjudication)]]]);
      expect(mueFindings([line(1, '96372', { units: 2 }), line(3, '96372', { units: 2 })], mues, NcciSetting.PRACTITIONER, DATE).size).toBe(0);
      const over = mueFindings([line(1, '96372', { units: 3 }), line(3, '96372', { units: 2 })], mues, NcciSetting.PRACTITIONER, DATE);
      expect([...over.keys()]).toEqual([1, 3]);
      expect(over.get(3)![0].message).toContain('5 units of 96372 on the date of service (lines 1, 3)');
    }
  });

  it("reads only the claim's setting and the table in force, and says nothing of a code without an MUE", () => {
    const mues = new Map([['CPT|96372', [mue(6, 3, { setting: NcciSetting.OUTPATIENT_HOSPITAL }), mue(1, 1, { fileVersion: '2027-01-01' })]]]);
    expect(mueFindings([line(1, '96372', { units: 5 })], mues, NcciSetting.PRACTITIONER, DATE).size).toBe(0);
    expect(mueFindings([line(1, '96372', { units: 7 })], mues, NcciSetting.OUTPATIENT_HOSPITAL, DATE).size).toBe(1);
    expect(mueFindings([line(1, '99215', { units: 50 })], mues, NcciSetting.PRACTITIONER, DATE).size).toBe(0);
    expect(mueFindings([line(1, '96372', { units: 50 })], mues, null, DATE).size).toBe(0);
  });
});

describe('settingFindings', () => {
  it('wants ICD-10-PCS inpatient and CPT/HCPCS elsewhere', () => {
    const pcs = { system: 'ICD10PCS', code: '0DTJ4ZZ' };
    const cpt = { system: 'CPT', code: '99213' };
    const hcpcs = { system: 'HCPCS', code: 'E0110' };
    const codes = (setting: ClaimSetting) => [pcs, cpt, hcpcs].map((p) => settingFindings(1, p, setting).map((f) => f.code));
    expect(codes(ClaimSetting.PROFESSIONAL)).toEqual([[FindingCode.WRONG_CODE_SET_FOR_SETTING], [], []]);
    expect(codes(ClaimSetting.OUTPATIENT_HOSPITAL)).toEqual([[FindingCode.WRONG_CODE_SET_FOR_SETTING], [], []]);
    expect(codes(ClaimSetting.DME_SUPPLIER)).toEqual([[FindingCode.WRONG_CODE_SET_FOR_SETTING], [], []]);
    expect(codes(ClaimSetting.INPATIENT_FACILITY)).toEqual([[], [FindingCode.WRONG_CODE_SET_FOR_SETTING], [FindingCode.WRONG_CODE_SET_FOR_SETTING]]);
  });
});
