import fs from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readNcdPolicies } from '../../src/import/ncd/ncd-policies';
import { expectFormatError } from '../support/format-error';
import { writeTempFile } from '../support/temp-file';
import { describeOfficialData, officialFile } from '../support/official-data';

const REAL = {
  diagnoses: officialFile('ncd-lab/ncd_lab_icd10cm_2022q2.csv.gz'),
  procedures: officialFile('ncd-lab/ncd_lab_cpt_hcpcs_2022q2.csv'),
};

const DIAGNOSIS_HEADER = 'ncd_id,ncd_title,icd10cm,range_start,range_end,icd10_eff_date,icd10_term_date,resolution_code';
const PROCEDURE_HEADER = 'ncd_id,ncd_title,cpt_hcpcs_code,code_eff_date,code_term_date';

function files(diagnoses: string[], procedures: string[]): { diagnoses: string; procedures: string } {
  return {
    diagnoses: writeTempFile('ncd_lab_icd10cm.csv', `${[DIAGNOSIS_HEADER, ...diagnoses].join('\n')}\n`),
    procedures: writeTempFile('ncd_lab_cpt_hcpcs.csv', `${[PROCEDURE_HEADER, ...procedures].join('\n')}\n`),
  };
}

const URINE = '190.12,"Urine Culture, Bacterial"';
const COUNTS = '190.15,Blood Counts';

describe('readNcdPolicies', () => {
  it('groups rows by policy in order of first appearance, the wildcard as the default and not an entry', async () => {
    const { policies, duplicateRows } = await readNcdPolicies(
      files(
        [
          `${COUNTS},D500,D500,D500,2015-10-01,,3`,
          `${URINE},A021,A021,A021,2015-10-01,,1`,
          `${COUNTS},@@@@@@@,@@@@@@@,@@@@@@@,2015-10-01,,1`,
          `${URINE},A400-A401,A400,A401,2015-10-01,2016-09-30,2`,
        ],
        [`${URINE},87086,,`, `${COUNTS},85004,2003-07-01,`, `${URINE},87088,,`],
      ),
    );
    expect(duplicateRows).toBe(0);
    expect(policies.map((policy) => policy.id)).toEqual(['190.15', '190.12']);
    const [counts, urine] = policies;
    expect(counts).toMatchObject({
      id: '190.15',
      title: 'Blood Counts',
      defaultStatus: 'COVERED',
      defaultEffectiveFrom: '2015-10-01',
      defaultEffectiveTo: null,
    });
    expect(counts.entries.map((entry) => [entry.listedAs, entry.status, entry.line])).toEqual([['D500', 'NOT_MEDICALLY_NECESSARY', 2]]);
    expect(counts.procedures.map((row) => [row.code, row.effectiveFrom, row.line])).toEqual([['85004', '2003-07-01', 3]]);
    expect(urine).toMatchObject({ id: '190.12', title: 'Urine Culture, Bacterial', defaultStatus: null, defaultEffectiveFrom: null, defaultEffectiveTo: null });
    expect(urine.entries.map((entry) => [entry.kind, entry.listedAs, entry.effectiveTo])).toEqual([
      ['CODE', 'A021', null],
      ['RANGE', 'A400-A401', '2016-09-30'],
    ]);
    expect(urine.procedures.map((row) => row.code)).toEqual(['87086', '87088']);
  });

  it('drops exact duplicate rows and counts them, but keeps rows differing in dates or status', async () => {
    const { policies, duplicateRows } = await readNcdPolicies(
      files(
        [
          `${URINE},A021,A021,A021,2015-10-01,,1`,
          `${URINE},A021,A021,A021,2015-10-01,,1`,
          `${URINE},A021,A021,A021,2016-10-01,,1`,
          `${URINE},A021,A021,A021,2015-10-01,,2`,
          `${URINE},@@@@@@@,@@@@@@@,@@@@@@@,2015-10-01,,3`,
          `${URINE},@@@@@@@,@@@@@@@,@@@@@@@,2015-10-01,,3`,
        ],
        [`${URINE},87086,,`, `${URINE},87086,,`, `${URINE},87086,2003-07-01,`],
      ),
    );
    expect(duplicateRows).toBe(3);
    expect(policies[0].entries.map((entry) => [entry.effectiveFrom, entry.status, entry.line])).toEqual([
      ['2015-10-01', 'COVERED', 2],
      ['2016-10-01', 'COVERED', 4],
      ['2015-10-01', 'DENIED', 5],
    ]);
    expect(policies[0].defaultStatus).toBe('NOT_MEDICALLY_NECESSARY');
    expect(policies[0].procedures.map((row) => [row.code, row.effectiveFrom])).toEqual([
      ['87086', null],
      ['87086', '2003-07-01'],
    ]);
  });

  it('widens the default dates over wildcard rows of the same status', async () => {
    const { policies } = await readNcdPolicies(
      files([`${URINE},@@@@@@@,@@@@@@@,@@@@@@@,2016-10-01,2017-09-30,3`, `${URINE},@@@@@@@,@@@@@@@,@@@@@@@,2015-10-01,2016-09-30,3`], [`${URINE},87086,,`]),
    );
    expect(policies[0]).toMatchObject({
      defaultStatus: 'NOT_MEDICALLY_NECESSARY',
      defaultEffectiveFrom: '2015-10-01',
      defaultEffectiveTo: '2017-09-30',
      entries: [],
    });
  });

  it('accepts titles that differ only in whitespace and keeps the diagnoses file title', async () => {
    const { policies } = await readNcdPolicies(
      files(['190.13,Human Immunodeficiency Virus (HIV)  Testing,B20,B20,B20,,,1'], ['190.13, Human Immunodeficiency Virus (HIV) Testing,87536,,']),
    );
    expect(policies[0].title).toBe('Human Immunodeficiency Virus (HIV)  Testing');
  });

  it('rejects a policy whose title differs between the two files, at the procedure row', async () => {
    const input = files([`${URINE},A021,A021,A021,,,1`], [`${URINE},87086,,`, '190.12,Urine Culture,87088,,']);
    await expectFormatError(
      readNcdPolicies(input),
      input.procedures,
      3,
      'expected 190.12 titled "Urine Culture, Bacterial" as on line 2 of ncd_lab_icd10cm.csv, found "Urine Culture"',
    );
  });

  it('rejects a policy whose title changes within the diagnoses file', async () => {
    const input = files([`${URINE},A021,A021,A021,,,1`, '190.12,Urine Culture,A34,A34,A34,,,1'], [`${URINE},87086,,`]);
    await expectFormatError(
      readNcdPolicies(input),
      input.diagnoses,
      3,
      'expected 190.12 titled "Urine Culture, Bacterial" as on line 2, found "Urine Culture"',
    );
  });

  it('rejects a policy with diagnosis rows but no procedure row, at its first diagnosis line', async () => {
    const input = files([`${URINE},A021,A021,A021,,,1`, `${COUNTS},D500,D500,D500,,,3`, `${COUNTS},D501,D501,D501,,,3`], [`${URINE},87086,,`]);
    await expectFormatError(readNcdPolicies(input), input.diagnoses, 3, 'expected CPT/HCPCS rows for 190.15 in ncd_lab_cpt_hcpcs.csv, found none');
  });

  it('rejects a policy with procedure rows but no diagnosis row, at its first procedure line', async () => {
    const input = files([`${URINE},A021,A021,A021,,,1`], [`${URINE},87086,,`, `${COUNTS},85004,,`]);
    await expectFormatError(readNcdPolicies(input), input.procedures, 3, 'expected ICD-10-CM rows for 190.15 in ncd_lab_icd10cm.csv, found none');
  });

  it('rejects a second wildcard with another status, naming the first', async () => {
    const input = files([`${URINE},@@@@@@@,@@@@@@@,@@@@@@@,,,3`, `${URINE},A021,A021,A021,,,1`, `${URINE},@@@@@@@,@@@@@@@,@@@@@@@,,,1`], [`${URINE},87086,,`]);
    await expectFormatError(
      readNcdPolicies(input),
      input.diagnoses,
      4,
      'expected one status for the wildcard of 190.12 (NOT_MEDICALLY_NECESSARY on line 2), found COVERED',
    );
  });

  it('passes on the format errors of either file', async () => {
    const input = files([`${URINE},A021,A021,A021,,,1`], [`${URINE},8708,,`]);
    await expectFormatError(readNcdPolicies(input), input.procedures, 2, 'found "8708"');
  });
});

describeOfficialData('the April 2022 lab NCD code list as policies', () => {
  it('holds 25 policies with all 60 procedure rows and every non-wildcard row as an entry', async () => {
    const lines = gunzipSync(fs.readFileSync(REAL.diagnoses))
      .toString('utf8')
      .split('\n')
      .slice(1)
      .filter((text) => text !== '');
    const procedureLines = fs
      .readFileSync(REAL.procedures, 'utf8')
      .split('\n')
      .slice(1)
      .filter((text) => text !== '');
    // ncd_id is never quoted; the last six cells (icd10cm ... resolution_code) never are either.
    const ids = [...new Set(lines.map((text) => text.split(',')[0]))];
    const rowKeys = lines.map((text) => `${text.split(',')[0]}|${text.split(',').slice(-6).join(',')}`);
    const duplicates = rowKeys.length - new Set(rowKeys).size;
    const wildcards = lines.filter((text) => text.split(',').at(-6) === '@@@@@@@');

    const { policies, duplicateRows } = await readNcdPolicies(REAL);
    expect(duplicateRows).toBe(duplicates);
    expect(duplicateRows).toBe(0);
    expect(policies.map((policy) => policy.id)).toEqual(ids);
    expect(policies).toHaveLength(25);
    expect(policies.reduce((sum, policy) => sum + policy.procedures.length, 0)).toBe(procedureLines.length);
    expect(policies.reduce((sum, policy) => sum + policy.entries.length, 0)).toBe(lines.length - wildcards.length - duplicates);
    expect(wildcards).toHaveLength(25);

    expect(policies.filter((policy) => policy.defaultStatus === 'COVERED').map((policy) => policy.id)).toEqual(['190.15']);
    expect(policies.filter((policy) => policy.defaultStatus === 'NOT_MEDICALLY_NECESSARY')).toHaveLength(24);
    expect(policies.every((policy) => policy.defaultEffectiveFrom === '2015-10-01' && policy.defaultEffectiveTo === null)).toBe(true);
    expect(policies.find((policy) => policy.id === '190.23B')).toMatchObject({ title: 'Lipids Testing' });
    expect(policies.find((policy) => policy.id === '190.23B')!.procedures.map((row) => row.code)).toEqual(['80061', '82465', '83718', '84478']);
    expect(policies.find((policy) => policy.id === '190.34')!.procedures.map((row) => row.code)).toEqual(['82272']);
  });
});
