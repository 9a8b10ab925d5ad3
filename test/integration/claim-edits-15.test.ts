import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness';

/**
 * Issue 15: the NCCI edits in the claim check and on Procedure, against the sample graph (the sample
 * load imports data/sample/cms). Expected edits come from a plain split of the fixture files written
 * here, not from the importer's readers.
 */
const SAMPLE = path.join(__dirname, '../../data/sample/cms');
const DATE = '2026-03-15';
let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const iso = (d: string) => d.replace(/(\d{4})(\d\d)(\d\d)/, '$1-$2-$3');

/** The edit rows of a PTP fixture: tab-split lines whose 4th cell is a date, as [c1, c2, from, to, indicator, rationale]. */
function ptpRows(file: string): string[][] {
  return readFileSync(path.join(SAMPLE, file), 'latin1')
    .split(/\r?\n/)
    .map((l) => l.split('\t'))
    .filter((f) => /^\d{8}$/.test(f[3] ?? ''))
    .map((f) => [f[0], f[1], iso(f[3]), f[4] === '*' ? '' : iso(f[4]), f[5], f[6]]);
}

/** The rows of an MUE fixture: comma-split lines starting with a five-character code, as [code, units, indicator digit, rationale]. */
function mueRows(file: string): string[][] {
  return readFileSync(path.join(SAMPLE, file), 'latin1')
    .split(/\r?\n/)
    .map((l) => l.split(','))
    .filter((f) => /^[0-9A-Z]{5}$/.test(f[0]))
    .map((f) => [f[0], f[1], f[2].slice(0, 1), f[3]]);
}

interface Finding {
  code: string;
  severity: string;
  message: string;
  evidence: Array<{
    kind: string;
    code: string | null;
    target: string | null;
    sourceFile: string | null;
    fileVersion: string | null;
    effectiveFrom: string | null;
    effectiveTo: string | null;
  }>;
}
interface Validation {
  setting: string;
  outcome: string;
  lines: Array<{ line: number; outcome: string; units: number; modifiers: string[]; findings: Finding[] }>;
}

const VALIDATE = `query($claim: ClaimInput!) { validateClaim(claim: $claim) { setting outcome lines { line outcome units modifiers
  findings { code severity message evidence { kind code target sourceFile fileVersion effectiveFrom effectiveTo } } } } }`;

async function validate(claim: Record<string, unknown>): Promise<Validation> {
  const result = await h.run<{ validateClaim: Validation }>(VALIDATE, { claim: { dateOfService: DATE, diagnoses: ['J02.9'], ...claim } });
  expect(result.errors).toBeUndefined();
  return result.data!.validateClaim;
}

async function refused(claim: Record<string, unknown>): Promise<{ message: string; code: unknown; argument: unknown; value: unknown }> {
  const result = await h.run(VALIDATE, { claim: { dateOfService: DATE, diagnoses: ['J02.9'], ...claim } });
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors!;
  return { message: error.message, code: error.extensions?.code, argument: error.extensions?.argument, value: error.extensions?.value };
}

const codesOf = (v: Validation, line: number, kind?: string) => v.lines[line - 1].findings.map((f) => f.code).filter((c) => kind === undefined || c === kind);

describe('validateClaim with the NCCI edits (issue 15)', () => {
  it('gives PTP_CONFLICT on the column 2 line of an edit with modifier indicator 0, naming the edit file, version and dates', async () => {
    const [edit] = ptpRows('ccipra-v321r0-f1.txt').filter((r) => r[0] === '99214' && r[1] === '99213');
    expect(edit[4]).toBe('0');
    const v = await validate({
      lines: [
        { procedure: '99214', diagnosisPointers: [1] },
        { procedure: '99213', diagnosisPointers: [1] },
      ],
    });
    expect(v.setting).toBe('PROFESSIONAL');
    expect(codesOf(v, 1, 'PTP_CONFLICT')).toEqual([]);
    const [conflict] = v.lines[1].findings.filter((f) => f.code === 'PTP_CONFLICT');
    expect(conflict.severity).toBe('ERROR');
    expect(conflict.message).toContain('modifier indicator 0');
    expect(conflict.message).toContain('ccipra-v321r0-f1.txt, version 32.1r0');
    expect(conflict.message).toContain(`Rationale: ${edit[5]}.`);
    expect(conflict.evidence).toEqual([
      {
        kind: 'PTP_EDIT',
        code: '99214',
        target: '99213',
        sourceFile: 'ccipra-v321r0-f1.txt',
        fileVersion: '32.1r0',
        effectiveFrom: edit[2],
        effectiveTo: null,
      },
    ]);
    expect(v.lines[1].outcome).toBe('FAIL');
    expect(v.outcome).toBe('FAIL');
  });

  it('gives PTP_CONFLICT for an edit of indicator 1 without an NCCI-associated modifier, naming the modifiers that would bypass it', async () => {
    const [edit] = ptpRows('ccipra-v321r0-f1.txt').filter((r) => r[0] === '96372' && r[1] === '99211');
    expect(edit[4]).toBe('1');
    const v = await validate({
      lines: [
        { procedure: '96372', diagnosisPointers: [1] },
        { procedure: '99211', diagnosisPointers: [1], modifiers: ['GA'] },
      ],
    });
    const [conflict] = v.lines[1].findings.filter((f) => f.code === 'PTP_CONFLICT');
    expect(conflict.message).toContain('modifier indicator 1: neither line carries an NCCI-associated modifier');
    for (const bypass of ['59', 'XE', 'XP', 'XS', 'XU', '25', '91', 'LT', 'RT']) expect(conflict.message).toContain(bypass);
    expect(v.lines[1].modifiers).toEqual(['GA']);
  });

  it('passes the same pair when either line carries an NCCI-associated modifier (XU, a Level II one, or 59, a CPT number)', async () => {
    for (const lines of [
      [
        { procedure: '96372', diagnosisPointers: [1] },
        { procedure: '99211', diagnosisPointers: [1], modifiers: ['xu'] },
      ],
      [
        { procedure: '96372', diagnosisPointers: [1], modifiers: ['59'] },
        { procedure: '99211', diagnosisPointers: [1] },
      ],
    ]) {
      const v = await validate({ lines });
      expect(v.lines.flatMap((l) => l.findings.map((f) => f.code)).filter((c) => c === 'PTP_CONFLICT')).toEqual([]);
    }
  });

  it('gives no PTP finding for an edit of indicator 9, one deleted before the date, or codes no edit pairs (unknown is not denied)', async () => {
    const v = await validate({
      diagnoses: ['E78.5'],
      lines: [
        { procedure: '80061', diagnosisPointers: [1] },
        { procedure: '36415', diagnosisPointers: [1] },
        { procedure: '99215', diagnosisPointers: [1], units: 20 },
        { procedure: '99213', diagnosisPointers: [1] },
      ],
    });
    expect(v.lines.flatMap((l) => l.findings.map((f) => f.code)).filter((c) => c === 'PTP_CONFLICT' || c === 'MUE_EXCEEDED')).toEqual([]);
    expect(v.lines[2].units).toBe(20);
  });

  it('gives MUE_EXCEEDED per line for a line edit (indicator 1) and over the date of service for indicator 3, with the indicator in words', async () => {
    const mues = new Map(mueRows('MCR_MUE_PractitionerServices_Eff_01-01-2026.csv').map((r) => [r[0], r]));
    expect(mues.get('80061')!.slice(1, 3)).toEqual(['1', '1']);
    expect(mues.get('96372')!.slice(1, 3)).toEqual(['4', '3']);
    const v = await validate({
      diagnoses: ['E78.5'],
      lines: [
        { procedure: '80061', diagnosisPointers: [1], units: 2 },
        { procedure: '96372', diagnosisPointers: [1], units: 3 },
        { procedure: '96372', diagnosisPointers: [1], units: 2 },
      ],
    });
    const [line] = v.lines[0].findings.filter((f) => f.code === 'MUE_EXCEEDED');
    expect(line.message).toBe(
      'Line 1 reports 2 units of 80061; its MUE (practitioner services) is 1. MUE adjudication indicator 1 (line edit): the units of each claim line are checked on their own.',
    );
    expect(line.evidence).toEqual([
      {
        kind: 'MUE',
        code: '80061',
        target: null,
        sourceFile: 'MCR_MUE_PractitionerServices_Eff_01-01-2026.csv',
        fileVersion: '2026-01-01',
        effectiveFrom: '2026-01-01',
        effectiveTo: null,
      },
    ]);
    for (const n of [2, 3]) {
      const [day] = v.lines[n - 1].findings.filter((f) => f.code === 'MUE_EXCEEDED');
      expect(day.message).toContain('The claim reports 5 units of 96372 on the date of service (lines 2, 3); its MUE (practitioner services) is 4.');
      expect(day.message).toContain('date of service edit, clinical');
    }
  });

  it("reads the MUE of the claim's setting: 5 units of 96372 pass on an outpatient hospital claim (MUE 6)", async () => {
    const outpatient = mueRows('MCR_MUE_OutpatientHospitalServices_Eff_01-01-2026.csv').find((r) => r[0] === '96372')!;
    expect(Number(outpatient[1])).toBeGreaterThanOrEqual(5);
    const v = await validate({ setting: 'OUTPATIENT_HOSPITAL', lines: [{ procedure: '96372', diagnosisPointers: [1], units: 5 }] });
    expect(codesOf(v, 1, 'MUE_EXCEEDED')).toEqual([]);
    const professional = await validate({ lines: [{ procedure: '96372', diagnosisPointers: [1], units: 5 }] });
    expect(codesOf(professional, 1, 'MUE_EXCEEDED')).toEqual(['MUE_EXCEEDED']);
  });

  it('reads the DME supplier MUE table on a DME supplier claim', async () => {
    const [, units, mai] = mueRows('MCR_MUE_DMESupplierServices_Eff_01-01-2026.csv').find((r) => r[0] === 'E0110')!;
    expect([units, mai]).toEqual(['1', '1']);
    const v = await validate({ setting: 'DME_SUPPLIER', lines: [{ procedure: 'E0110', diagnosisPointers: [1], units: 2 }] });
    expect(v.lines[0].findings.find((f) => f.code === 'MUE_EXCEEDED')?.message).toContain('its MUE (DME supplier services) is 1');
  });

  it('gives WRONG_CODE_SET_FOR_SETTING for ICD-10-PCS on a professional claim and for CPT on an inpatient facility claim, and no NCCI edit inpatient', async () => {
    const professional = await validate({ lines: [{ procedure: '0DTJ4ZZ', diagnosisPointers: [1] }] });
    expect(professional.lines[0].findings.find((f) => f.code === 'WRONG_CODE_SET_FOR_SETTING')).toMatchObject({
      severity: 'ERROR',
      message: 'Line 1 reports ICD-10-PCS 0DTJ4ZZ on a professional claim, which reports procedures in CPT or HCPCS.',
    });
    const inpatient = await validate({
      setting: 'INPATIENT_FACILITY',
      lines: [
        { procedure: '0DTJ4ZZ', diagnosisPointers: [1] },
        { procedure: '99214', diagnosisPointers: [1] },
        { procedure: '99213', diagnosisPointers: [1], units: 3 },
      ],
    });
    expect(codesOf(inpatient, 1, 'WRONG_CODE_SET_FOR_SETTING')).toEqual([]);
    expect(inpatient.lines[1].findings.find((f) => f.code === 'WRONG_CODE_SET_FOR_SETTING')?.message).toBe(
      'Line 2 reports CPT 99214 on an inpatient facility claim, which reports procedures in ICD-10-PCS.',
    );
    expect(inpatient.lines.flatMap((l) => l.findings.map((f) => f.code)).filter((c) => c === 'PTP_CONFLICT' || c === 'MUE_EXCEEDED')).toEqual([]);
  });

  it('refuses an unknown modifier with BAD_USER_INPUT naming it and the line path', async () => {
    expect(
      await refused({
        lines: [
          { procedure: '99213', diagnosisPointers: [1] },
          { procedure: '96372', diagnosisPointers: [1], modifiers: ['XS', 'zz'] },
        ],
      }),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Line 2 modifier "ZZ" is unknown: it is not a Level II modifier of the loaded HCPCS release',
      argument: 'lines[1].modifiers[1]',
      value: 'ZZ',
    });
    expect(await refused({ lines: [{ procedure: '99213', diagnosisPointers: [1], modifiers: ['98'] }] })).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'Line 1 modifier "98" is unknown: it is not a CPT modifier number',
      argument: 'lines[0].modifiers[0]',
    });
    expect(await refused({ lines: [{ procedure: '99213', diagnosisPointers: [1], modifiers: ['5-9'] }] })).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'lines[0].modifiers[0]',
    });
    expect(await refused({ lines: [{ procedure: '99213', diagnosisPointers: [1], modifiers: ['25', '59', 'XS', 'LT', 'RT'] }] })).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });

  it('refuses units below 1 or above 9999 naming the line, and defaults them to 1', async () => {
    expect(await refused({ lines: [{ procedure: '99213', diagnosisPointers: [1], units: 0 }] })).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Line 1 reports 0 units: units are a whole number from 1 to 9999',
      argument: 'lines[0].units',
      value: 0,
    });
    expect(
      await refused({
        lines: [
          { procedure: '99213', diagnosisPointers: [1] },
          { procedure: '96372', diagnosisPointers: [1], units: 10000 },
        ],
      }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'lines[1].units',
    });
    const v = await validate({ lines: [{ procedure: '99213', diagnosisPointers: [1] }] });
    expect(v.lines[0]).toMatchObject({ units: 1, modifiers: [], outcome: 'PASS' });
  });
});

describe('Procedure.ptpEdits and Procedure.mue (issue 15)', () => {
  interface Edit {
    column: number;
    other: { code: string };
    column1: string;
    column2: string;
    modifierIndicator: string;
    modifierRule: string;
    bypassModifiers: string[];
    effectiveDate: string;
    deletionDate: string | null;
    rationale: string;
    setting: string;
    sourceFile: string;
    fileVersion: string;
  }
  const PTP = `query($code: String!, $with: String, $setting: ClaimSetting, $asOf: Date) { code(code: $code) { ... on Procedure {
    ptpEdits(with: $with, setting: $setting, asOf: $asOf) { column other { code } column1 column2 modifierIndicator modifierRule bypassModifiers effectiveDate deletionDate rationale setting sourceFile fileVersion } } } }`;
  const ptpEdits = async (variables: Record<string, unknown>) => {
    const result = await h.run<{ code: { ptpEdits: Edit[] } }>(PTP, variables);
    expect(result.errors).toBeUndefined();
    return result.data!.code.ptpEdits;
  };
  const INDICATOR: Record<string, string> = { '0': 'NOT_ALLOWED', '1': 'ALLOWED', '9': 'NOT_APPLICABLE' };

  it('lists the edits of a code in both directions, each as its file states it', async () => {
    const expected = [
      ...ptpRows('ccipra-v321r0-f1.txt').map((r) => ({ r, setting: 'PRACTITIONER', file: 'ccipra-v321r0-f1.txt' })),
      ...ptpRows('ccioph-v321r0-f1.txt').map((r) => ({ r, setting: 'OUTPATIENT_HOSPITAL', file: 'ccioph-v321r0-f1.txt' })),
    ]
      .filter(({ r }) => r[0] === '99214' || r[1] === '99214')
      .map(
        ({ r, setting, file }) => `${r[0]}>${r[1]} col${r[0] === '99214' ? 1 : 2} ${INDICATOR[r[4]]} ${r[2]} ${r[3] || '-'} ${r[5]} ${setting} ${file} 32.1r0`,
      )
      .sort();
    expect(expected.length).toBeGreaterThanOrEqual(3);
    const edits = (await ptpEdits({ code: '99214' })).filter((e) => e.fileVersion === '32.1r0');
    expect(
      edits
        .map(
          (e) =>
            `${e.column1}>${e.column2} col${e.column} ${e.modifierIndicator} ${e.effectiveDate} ${e.deletionDate ?? '-'} ${e.rationale} ${e.setting} ${e.sourceFile} ${e.fileVersion}`,
        )
        .sort(),
    ).toEqual(expected);
    const asColumn2 = edits.find((e) => e.column === 2)!;
    expect(asColumn2.other.code).toBe(asColumn2.column1);
    expect(asColumn2.modifierRule).toContain('Modifier indicator 0 (not allowed)');
    expect(asColumn2.bypassModifiers).toEqual([]);
  });

  it('filters by the other code, the setting and the date, and names the bypass modifiers of indicator 1', async () => {
    const practitioner = await ptpEdits({ code: '99211', with: '96372', setting: 'PROFESSIONAL', asOf: DATE });
    expect(practitioner.map((e) => `${e.column1}>${e.column2} ${e.setting} ${e.modifierIndicator}`)).toEqual(['96372>99211 PRACTITIONER ALLOWED']);
    expect(practitioner[0].bypassModifiers).toEqual(
      expect.arrayContaining(['59', 'XE', 'XP', 'XS', 'XU', '25', '91', 'E1', 'FA', 'F9', 'TA', 'T9', 'LT', 'RT']),
    );
    expect(practitioner[0].modifierRule).toContain('Modifier indicator 1 (allowed)');
    const deleted = ptpRows('ccipra-v321r0-f1.txt').find((r) => r[0] === '80061' && r[1] === '36415')!;
    expect(deleted[3]).toBe('2018-12-31');
    expect(await ptpEdits({ code: '36415', with: '80061', setting: 'PROFESSIONAL', asOf: DATE })).toEqual([]);
    const before = await ptpEdits({ code: '36415', with: '80061', setting: 'PROFESSIONAL', asOf: '2015-06-01' });
    expect(before.filter((e) => e.fileVersion === '32.1r0').map((e) => `${e.modifierIndicator} ${e.deletionDate}`)).toEqual(['NOT_APPLICABLE 2018-12-31']);
    expect(await ptpEdits({ code: '99214', setting: 'INPATIENT_FACILITY' })).toEqual([]);
    expect(await ptpEdits({ code: '83036' })).toEqual([]);
  });

  it('gives the MUE of each setting from the table in force, with the adjudication indicator as an enum and in words', async () => {
    const MUE = `query($code: String!, $setting: ClaimSetting, $asOf: Date) { code(code: $code) { ... on Procedure {
      mue(setting: $setting, asOf: $asOf) { units adjudication adjudicationIndicator adjudicationText adjudicationRule rationale setting sourceFile fileVersion effectiveDate } } } }`;
    const mue = async (variables: Record<string, unknown>) => {
      const result = await h.run<{ code: { mue: Array<Record<string, string | number>> } }>(MUE, variables);
      expect(result.errors).toBeUndefined();
      return result.data!.code.mue;
    };
    const practitioner = mueRows('MCR_MUE_PractitionerServices_Eff_01-01-2026.csv').find((r) => r[0] === '96372')!;
    const outpatient = mueRows('MCR_MUE_OutpatientHospitalServices_Eff_01-01-2026.csv').find((r) => r[0] === '96372')!;
    const all = await mue({ code: '96372', asOf: DATE });
    expect(all.map((m) => `${m.setting} ${m.units} ${m.adjudicationIndicator} ${m.rationale} ${m.sourceFile} ${m.effectiveDate}`)).toEqual([
      `PRACTITIONER ${practitioner[1]} ${practitioner[2]} ${practitioner[3]} MCR_MUE_PractitionerServices_Eff_01-01-2026.csv 2026-01-01`,
      `OUTPATIENT_HOSPITAL ${outpatient[1]} ${outpatient[2]} ${outpatient[3]} MCR_MUE_OutpatientHospitalServices_Eff_01-01-2026.csv 2026-01-01`,
    ]);
    expect(all[0]).toMatchObject({
      adjudication: 'DATE_OF_SERVICE_CLINICAL',
      adjudicationText: 'Date of Service Edit: Clinical',
      fileVersion: '2026-01-01',
      adjudicationRule: expect.stringContaining('added up'),
    });
    expect((await mue({ code: '96372', setting: 'OUTPATIENT_HOSPITAL', asOf: DATE })).map((m) => m.units)).toEqual([Number(outpatient[1])]);
    expect(await mue({ code: '96372', setting: 'PROFESSIONAL', asOf: '2025-06-01' })).toEqual([]);
    expect(await mue({ code: '96372', setting: 'INPATIENT_FACILITY' })).toEqual([]);
    expect(await mue({ code: '99215' })).toEqual([]);
  });
});
