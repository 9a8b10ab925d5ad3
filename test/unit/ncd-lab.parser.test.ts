import fs, { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readNcdDiagnoses, readNcdProcedures, readNcdWorkbook, type NcdDiagnosisRow, type NcdProcedureRow } from '../../src/import/ncd/ncd-lab.parser';
import { expectFormatError } from '../support/format-error';
import { collect, writeTempFile } from '../support/temp-file';
import { describeOfficialData, officialFile } from '../support/official-data';

const REAL_DIAGNOSES = officialFile('ncd-lab/ncd_lab_icd10cm_2022q2.csv.gz');
const REAL_PROCEDURES = officialFile('ncd-lab/ncd_lab_cpt_hcpcs_2022q2.csv');

const DIAGNOSIS_HEADER = 'ncd_id,ncd_title,icd10cm,range_start,range_end,icd10_eff_date,icd10_term_date,resolution_code';
const PROCEDURE_HEADER = 'ncd_id,ncd_title,cpt_hcpcs_code,code_eff_date,code_term_date';

const diagnoses = (lines: string[], name = 'ncd_lab_icd10cm.csv') => writeTempFile(name, `${[DIAGNOSIS_HEADER, ...lines].join('\n')}\n`);
const procedures = (lines: string[]) => writeTempFile('ncd_lab_cpt_hcpcs.csv', `${[PROCEDURE_HEADER, ...lines].join('\n')}\n`);
const readDiagnoses = (file: string) => collect<NcdDiagnosisRow>(readNcdDiagnoses, file);
const readProcedures = (file: string) => collect<NcdProcedureRow>(readNcdProcedures, file);

const URINE = '190.12,"Urine Culture, Bacterial"';
const A021 = `${URINE},A021,A021,A021,2015-10-01,,1`;

describe('readNcdDiagnoses', () => {
  it('reads codes, ranges and the wildcard with their kind, ends, ISO dates and status', async () => {
    const file = diagnoses([A021, `${URINE},A400-A401,A400,A401,2015-10-01,2016-09-30,2`, `${URINE},@@@@@@@,@@@@@@@,@@@@@@@,2015-10-01,,3`]);
    expect(await readDiagnoses(file)).toEqual([
      {
        policyId: '190.12',
        policyTitle: 'Urine Culture, Bacterial',
        listedAs: 'A021',
        kind: 'CODE',
        start: 'A021',
        end: 'A021',
        effectiveFrom: '2015-10-01',
        effectiveTo: null,
        status: 'COVERED',
        line: 2,
      },
      {
        policyId: '190.12',
        policyTitle: 'Urine Culture, Bacterial',
        listedAs: 'A400-A401',
        kind: 'RANGE',
        start: 'A400',
        end: 'A401',
        effectiveFrom: '2015-10-01',
        effectiveTo: '2016-09-30',
        status: 'DENIED',
        line: 3,
      },
      {
        policyId: '190.12',
        policyTitle: 'Urine Culture, Bacterial',
        listedAs: '@@@@@@@',
        kind: 'DEFAULT',
        start: '',
        end: '',
        effectiveFrom: '2015-10-01',
        effectiveTo: null,
        status: 'NOT_MEDICALLY_NECESSARY',
        line: 4,
      },
    ]);
  });

  it('resolves to the number of rows and reads a gzipped file the same way', async () => {
    const lines = [A021, `${URINE},A1814,A1814,A1814,2015-10-01,,1`];
    const plain = diagnoses(lines);
    const gzipped = writeTempFile('ncd_lab_icd10cm.csv.gz', '');
    fs.writeFileSync(gzipped, gzipSync(fs.readFileSync(plain)));
    expect(await readNcdDiagnoses(plain, () => {})).toBe(2);
    expect(await readDiagnoses(gzipped)).toEqual(await readDiagnoses(plain));
  });

  it('trims cells and upper-cases codes but keeps listedAs as the file writes it', async () => {
    const [row] = await readDiagnoses(diagnoses([' 190.12 ," Urine Culture, Bacterial ", a400-a401 , a400 ,A401, 2015-10-01 ,, 1 ']));
    expect(row).toMatchObject({
      policyId: '190.12',
      policyTitle: 'Urine Culture, Bacterial',
      listedAs: ' a400-a401 ',
      kind: 'RANGE',
      start: 'A400',
      end: 'A401',
      status: 'COVERED',
    });
  });

  it('numbers rows by the line they start on when a quoted title spans lines', async () => {
    const rows = await readDiagnoses(diagnoses([`190.12,"Urine Culture,\nBacterial",A021,A021,A021,,,1`, `${URINE},A34,A34,A34,,,1`]));
    expect(rows.map((row) => [row.start, row.line])).toEqual([
      ['A021', 2],
      ['A34', 4],
    ]);
  });

  it('accepts a wildcard whose status is not 3 (190.15 lists what is NOT covered)', async () => {
    const [row] = await readDiagnoses(diagnoses(['190.15,Blood Counts,@@@@@@@,@@@@@@@,@@@@@@@,2015-10-01,,1']));
    expect(row).toMatchObject({ kind: 'DEFAULT', status: 'COVERED' });
  });

  it('rejects a header that lacks columns, naming each missing column', async () => {
    const file = writeTempFile('header.csv', 'ncd_id,ncd_title,icd10cm,range_start,icd10_eff_date,resolution_code\n190.12,x,A021,A021,,1\n');
    await expectFormatError(
      readNcdDiagnoses(file, () => {}),
      file,
      1,
      'expected columns "range_end", "icd10_term_date" in the header, found "ncd_id", "ncd_title"',
    );
  });

  it('rejects a policy id that is not an NCD number like 190.12 or 190.20A', async () => {
    const file = diagnoses([A021, '19.12,Urine,A021,A021,A021,,,1']);
    await expectFormatError(
      readNcdDiagnoses(file, () => {}),
      file,
      3,
      'expected ncd_id as an NCD number like 190.12 or 190.20A, found "19.12"',
    );
    const letter = diagnoses(['190.20a,Glucose,A021,A021,A021,,,1']);
    await expectFormatError(
      readNcdDiagnoses(letter, () => {}),
      letter,
      2,
      'found "190.20a"',
    );
  });

  it('rejects an empty title', async () => {
    const file = diagnoses(['190.12,  ,A021,A021,A021,,,1']);
    await expectFormatError(
      readNcdDiagnoses(file, () => {}),
      file,
      2,
      'expected an ncd_title for 190.12, found an empty cell',
    );
  });

  it('rejects an ICD-10-CM code with a dot, too short or too long, echoing it', async () => {
    for (const code of ['A02.1', 'A0', 'A0212345', '1021']) {
      const file = diagnoses([`${URINE},${code},${code},${code},,,1`]);
      await expectFormatError(
        readNcdDiagnoses(file, () => {}),
        file,
        2,
        `expected icd10cm as an ICD-10-CM code without the dot (a letter and 2 to 6 letters or digits), a range LOW-HIGH of two such codes, or @@@@@@@, found "${code}"`,
      );
    }
  });

  it('rejects a range with a missing or malformed end, or three parts', async () => {
    for (const listed of ['A400-', 'A400-A40.1', 'A400-A401-A402']) {
      const file = diagnoses([`${URINE},${listed},A400,A401,,,1`]);
      await expectFormatError(
        readNcdDiagnoses(file, () => {}),
        file,
        2,
        `found "${listed}"`,
      );
    }
  });

  it('rejects range_start and range_end that do not match the icd10cm cell', async () => {
    const range = diagnoses([`${URINE},A400-A401,A400,A402,,,1`]);
    await expectFormatError(
      readNcdDiagnoses(range, () => {}),
      range,
      2,
      'expected range_start "A400" and range_end "A401" for the range "A400-A401", found "A400" and "A402"',
    );
    const code = diagnoses([`${URINE},A021,A021,,,,1`]);
    await expectFormatError(
      readNcdDiagnoses(code, () => {}),
      code,
      2,
      'expected range_start "A021" and range_end "A021" for the code "A021", found "A021" and ""',
    );
    const wildcard = diagnoses([`${URINE},@@@@@@@,,,,,3`]);
    await expectFormatError(
      readNcdDiagnoses(wildcard, () => {}),
      wildcard,
      2,
      'expected range_start "@@@@@@@" and range_end "@@@@@@@" for the wildcard "@@@@@@@", found "" and ""',
    );
  });

  it('reads a range whose ends are out of text order, since tabular order decides (C84Z0-C8499)', async () => {
    const file = diagnoses([`${URINE},C84Z0-C8499,C84Z0,C8499,2015-10-01,,1`]);
    const rows = await collect(readNcdDiagnoses, file);
    expect(rows).toEqual([expect.objectContaining({ kind: 'RANGE', start: 'C84Z0', end: 'C8499', listedAs: 'C84Z0-C8499' })]);
  });

  it('rejects dates that are not yyyy-mm-dd calendar dates', async () => {
    const invalid = diagnoses([A021, `${URINE},A34,A34,A34,2015-02-30,,1`]);
    await expectFormatError(
      readNcdDiagnoses(invalid, () => {}),
      invalid,
      3,
      'expected icd10_eff_date as a yyyy-mm-dd date, found "2015-02-30"',
    );
    const us = diagnoses([`${URINE},A34,A34,A34,2015-10-01,9/30/2016,1`]);
    await expectFormatError(
      readNcdDiagnoses(us, () => {}),
      us,
      2,
      'expected icd10_term_date as a yyyy-mm-dd date, found "9/30/2016"',
    );
  });

  it('rejects a term date before the eff date', async () => {
    const file = diagnoses([`${URINE},A34,A34,A34,2015-10-01,2015-09-30,1`]);
    await expectFormatError(
      readNcdDiagnoses(file, () => {}),
      file,
      2,
      'expected icd10_term_date on or after icd10_eff_date 2015-10-01, found "2015-09-30"',
    );
  });

  it('rejects a resolution code other than 1, 2 or 3', async () => {
    for (const resolution of ['4', '', 'C']) {
      const file = diagnoses([`${URINE},A34,A34,A34,,,${resolution}`]);
      await expectFormatError(
        readNcdDiagnoses(file, () => {}),
        file,
        2,
        `expected resolution_code 1 (covered), 2 (denied) or 3 (does not support medical necessity), found "${resolution}"`,
      );
    }
  });

  it('rejects a row with a cell too many, at its line', async () => {
    const file = diagnoses([A021, `${A021},extra`]);
    await expectFormatError(
      readNcdDiagnoses(file, () => {}),
      file,
      3,
      'expected RFC 4180 CSV with one cell per header column',
    );
  });
});

describe('readNcdProcedures', () => {
  it('reads CPT and HCPCS codes, upper-cased, with ISO dates or null', async () => {
    const file = procedures([
      `${URINE},87086,,`,
      '190.15,Blood Counts,85004,2003-07-01,',
      '190.34,Fecal Occult Blood Test, g0328 ,2006-04-01,2020-12-31',
      '190.20A,Blood Glucose Testing,0001u,,',
    ]);
    expect(await readProcedures(file)).toEqual([
      { policyId: '190.12', policyTitle: 'Urine Culture, Bacterial', code: '87086', effectiveFrom: null, effectiveTo: null, line: 2 },
      { policyId: '190.15', policyTitle: 'Blood Counts', code: '85004', effectiveFrom: '2003-07-01', effectiveTo: null, line: 3 },
      { policyId: '190.34', policyTitle: 'Fecal Occult Blood Test', code: 'G0328', effectiveFrom: '2006-04-01', effectiveTo: '2020-12-31', line: 4 },
      { policyId: '190.20A', policyTitle: 'Blood Glucose Testing', code: '0001U', effectiveFrom: null, effectiveTo: null, line: 5 },
    ]);
    expect(await readNcdProcedures(file, () => {})).toBe(4);
  });

  it('rejects a header that lacks a column, naming it', async () => {
    const file = writeTempFile('header.csv', 'ncd_id,ncd_title,cpt_hcpcs_code,code_eff_date\n190.12,x,87086,\n');
    await expectFormatError(
      readNcdProcedures(file, () => {}),
      file,
      1,
      'expected a column "code_term_date" in the header, found "ncd_id", "ncd_title", "cpt_hcpcs_code", "code_eff_date"',
    );
  });

  it('rejects a procedure code that is neither CPT nor HCPCS, echoing it', async () => {
    for (const code of ['8708', '870866', 'GG328', '8708U1']) {
      const file = procedures([`${URINE},87086,,`, `${URINE},${code},,`]);
      await expectFormatError(
        readNcdProcedures(file, () => {}),
        file,
        3,
        `expected cpt_hcpcs_code as a CPT code (4 digits and a digit or letter) or an HCPCS code (a letter and 4 digits), found "${code}"`,
      );
    }
  });

  it('rejects a bad policy id, an empty title, a bad date and a term date before the eff date', async () => {
    const id = procedures(['190.12B.1,Urine,87086,,']);
    await expectFormatError(
      readNcdProcedures(id, () => {}),
      id,
      2,
      'expected ncd_id as an NCD number like 190.12 or 190.20A, found "190.12B.1"',
    );
    const title = procedures(['190.12,,87086,,']);
    await expectFormatError(
      readNcdProcedures(title, () => {}),
      title,
      2,
      'expected an ncd_title for 190.12, found an empty cell',
    );
    const date = procedures([`${URINE},87086,20030701,`]);
    await expectFormatError(
      readNcdProcedures(date, () => {}),
      date,
      2,
      'expected code_eff_date as a yyyy-mm-dd date, found "20030701"',
    );
    const order = procedures([`${URINE},87086,2003-07-01,2003-06-30`]);
    await expectFormatError(
      readNcdProcedures(order, () => {}),
      order,
      2,
      'expected code_term_date on or after code_eff_date 2003-07-01, found "2003-06-30"',
    );
  });
});

describeOfficialData('the April 2022 lab NCD code list', () => {
  it('reads every ICD-10-CM row: kinds, statuses and policies as counted from the raw text', async () => {
    const lines = gunzipSync(fs.readFileSync(REAL_DIAGNOSES))
      .toString('utf8')
      .split('\n')
      .slice(1)
      .filter((text) => text !== '');
    // Only the title is ever quoted, so the last six cells split cleanly from the right.
    const cells = lines.map((text) => text.split(',').slice(-6));
    const count = (test: (cell: string[]) => boolean) => cells.filter(test).length;

    const rows = await readDiagnoses(REAL_DIAGNOSES);
    expect(rows).toHaveLength(lines.length);
    expect(rows).toHaveLength(46_279);
    const status = (value: string) => rows.filter((row) => row.status === value).length;
    expect([status('COVERED'), status('DENIED'), status('NOT_MEDICALLY_NECESSARY')]).toEqual([
      count((c) => c[5] === '1'),
      count((c) => c[5] === '2'),
      count((c) => c[5] === '3'),
    ]);
    expect([status('COVERED'), status('DENIED'), status('NOT_MEDICALLY_NECESSARY')]).toEqual([22_706, 3_175, 20_398]);

    const kind = (value: string) => rows.filter((row) => row.kind === value).length;
    expect(kind('DEFAULT')).toBe(count((c) => c[0] === '@@@@@@@'));
    expect(kind('DEFAULT')).toBe(25);
    expect(kind('RANGE')).toBe(count((c) => c[0].includes('-')));
    expect(kind('CODE')).toBe(rows.length - kind('DEFAULT') - kind('RANGE'));
    expect(rows.filter((row) => row.effectiveTo !== null)).toHaveLength(count((c) => c[4] !== ''));

    expect(new Set(rows.map((row) => row.policyId)).size).toBe(25);
    const wildcards = rows.filter((row) => row.kind === 'DEFAULT');
    expect(wildcards.filter((row) => row.status === 'COVERED').map((row) => row.policyId)).toEqual(['190.15']);
    expect(rows[3]).toMatchObject({ policyId: '190.12', policyTitle: 'Urine Culture, Bacterial', listedAs: 'A400-A401', start: 'A400', end: 'A401', line: 5 });
  });

  it('reads every CPT/HCPCS row: 60 codes of 25 policies, as counted from the raw text', async () => {
    const lines = fs
      .readFileSync(REAL_PROCEDURES, 'utf8')
      .split('\n')
      .slice(1)
      .filter((text) => text !== '');
    const rows = await readProcedures(REAL_PROCEDURES);
    expect(rows).toHaveLength(lines.length);
    expect(rows).toHaveLength(60);
    expect(rows.map((row) => row.code)).toEqual(lines.map((text) => text.split(',').at(-3)));
    expect(new Set(rows.map((row) => row.policyId)).size).toBe(25);
    expect(rows.filter((row) => row.policyId === '190.23B').map((row) => row.code)).toEqual(['80061', '82465', '83718', '84478']);
  });
});

/** CMS's lab NCD sheet: a title and legend rows, the header over two rows, then rows with number and date cells as Excel keeps them. */
async function ncdWorkbook(rows: unknown[][], header = true): Promise<string> {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'ncd-xlsx-')), '2022200-Initial-ICD10-NCD-Spreadsheet-20211129.xlsx');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('sheet1');
  sheet.addRow([null, null, null, 'MEDICARE NATIONAL COVERAGE DETERMINATIONS']);
  sheet.addRow([null, null, 'Legend', null, null, null, 'Resolution Code Definitions ']);
  sheet.addRow(['Red in this spreadsheet indicates an April 2022 change.', null, null, null, null, '     1 - ICD-10-CM codes covered by Medicare.']);
  if (header) {
    sheet.addRow(['NCD ', 'NCD', 'CPT/HCPCS ', 'CPT/HCPCS', 'CPT/HCPCS', 'ICD-10', 'ICD-10 EFF', 'ICD-10 TERM', 'RESOLUTION']);
    sheet.addRow(['Number', 'DESCRIPTION', 'CODES', 'EFF DATE', 'TERM DATE', 'CODE', ' DATE', 'DATE', 'CODE 1/']);
  }
  for (const cells of rows) sheet.addRow(cells);
  await book.xlsx.writeFile(file);
  return file;
}

describe("readNcdWorkbook on CMS's spreadsheet", () => {
  const october2015 = new Date(Date.UTC(2015, 9, 1));

  it('reads each row as the rows of the two CSVs it stands for: title carried down, ranges split, dates ISO, 190.3 read as 190.30', async () => {
    const file = await ncdWorkbook([
      [190.12, 'Urine Culture, Bacterial', 87086, null, null, 'A021', october2015, null, 1],
      [190.12, null, 87088, null, null, 'A400-A401', october2015, new Date(Date.UTC(2021, 8, 30)), 3],
      [190.3, 'Carcinoembryonic Antigen', 82378, null, null, '@@@@@@@', october2015, null, 2],
    ]);
    const diagnosis: NcdDiagnosisRow[] = [];
    const procedure: NcdProcedureRow[] = [];
    await readNcdWorkbook(file, { diagnosis: (row) => diagnosis.push(row), procedure: (row) => procedure.push(row) });
    expect(diagnosis.map((r) => [r.policyId, r.policyTitle, r.listedAs, r.kind, r.start, r.end, r.effectiveFrom, r.effectiveTo, r.status])).toEqual([
      ['190.12', 'Urine Culture, Bacterial', 'A021', 'CODE', 'A021', 'A021', '2015-10-01', null, 'COVERED'],
      ['190.12', 'Urine Culture, Bacterial', 'A400-A401', 'RANGE', 'A400', 'A401', '2015-10-01', '2021-09-30', 'NOT_MEDICALLY_NECESSARY'],
      ['190.30', 'Carcinoembryonic Antigen', '@@@@@@@', 'DEFAULT', '', '', '2015-10-01', null, 'DENIED'],
    ]);
    expect(procedure.map((r) => [r.policyId, r.policyTitle, r.code])).toEqual([
      ['190.12', 'Urine Culture, Bacterial', '87086'],
      ['190.12', 'Urine Culture, Bacterial', '87088'],
      ['190.30', 'Carcinoembryonic Antigen', '82378'],
    ]);
  });

  it('rejects a sheet without its header rows, saying which columns it expected', async () => {
    const file = await ncdWorkbook([[190.12, 'Urine Culture, Bacterial', 87086, null, null, 'A021', october2015, null, 1]], false);
    await expectFormatError(
      readNcdWorkbook(file, {}),
      file,
      1,
      'no NCD lab spreadsheet header row in the first 40 lines: expected a row with the columns "NCD", "NCD", "CPT/HCPCS"',
    );
  });
});
