import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { recognizeCms } from '../../src/import/cms/cms-files';
import { parseMue } from '../../src/import/cms/mue.parser';
import { parsePtp, type PtpEdit } from '../../src/import/cms/ptp.parser';
import { baseName, fileSource, tableRows, zipMembers, type TableSource } from '../../src/import/cms/table-rows';

/**
 * Issue 15: the NCCI PTP and MUE readers against the fixtures in data/sample/cms (published
 * layouts) and their .xlsx and zip forms in test/fixtures/cms. Each is checked against a simple
 * reading written here: split the text on tabs or commas and keep the rows that look like data.
 */
const SAMPLE = path.join(__dirname, '../../data/sample/cms');
const FIXTURES = path.join(__dirname, '../../test/fixtures/cms');
const PRACTITIONER_PTP = path.join(SAMPLE, 'ccipra-v321r0-f1.txt');
const PRACTITIONER_MUE = path.join(SAMPLE, 'MCR_MUE_PractitionerServices_Eff_01-01-2026.csv');

async function all<T>(gen: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of gen) out.push(x);
  return out;
}

/** The simple reading: tab-split lines whose fourth field is an eight-digit date. */
function simplePtp(file: string): string[][] {
  return readFileSync(file, 'latin1')
    .split(/\r?\n/)
    .map((l) => l.split('\t'))
    .filter((f) => /^\d{8}$/.test(f[3] ?? ''));
}

const asRow = (e: PtpEdit) => [
  e.column1,
  e.column2,
  e.before1996 ? '*' : '',
  e.effectiveFrom.replace(/-/g, ''),
  e.effectiveTo ? e.effectiveTo.replace(/-/g, '') : '*',
  String(e.modifierIndicator),
  e.rationale,
];

function textSource(name: string, text: string): TableSource {
  return { name, open: async () => Readable.from([Buffer.from(text, 'latin1')]) };
}

describe('NCCI PTP files (issue 15)', () => {
  it('reads every edit of the practitioner .txt after its copyright and label lines, as a plain tab split sees them', async () => {
    const edits = await all(parsePtp('ccipra-v321r0-f1.txt', tableRows(fileSource(PRACTITIONER_PTP))));
    const simple = simplePtp(PRACTITIONER_PTP);
    expect(simple).toHaveLength(12);
    expect(edits.map(asRow)).toEqual(simple);
    expect(edits.find((e) => e.column1 === '80061')).toMatchObject({ effectiveFrom: '2013-01-01', effectiveTo: '2018-12-31', modifierIndicator: 9 });
    expect(edits.find((e) => e.column1 === '25600')).toMatchObject({ before1996: true, modifierIndicator: 0 });
  });

  it('reads the same edits from the .xlsx form and from the zip CMS ships', async () => {
    const simple = simplePtp(PRACTITIONER_PTP);
    const xlsx = await all(parsePtp('ccipra-v321r0-f1.xlsx', tableRows(fileSource(path.join(FIXTURES, 'xlsx/ccipra-v321r0-f1.xlsx')))));
    expect(xlsx.map(asRow)).toEqual(simple);
    const [member] = await zipMembers(fileSource(path.join(FIXTURES, 'zip/ccipra-v321r0-f1.zip')));
    expect(baseName(member)).toBe('ccipra-v321r0-f1.txt');
    expect((await all(parsePtp(member.name, tableRows(member)))).map(asRow)).toEqual(simple);
    const oph = await all(parsePtp('ccioph-v321r0-f1.xlsx', tableRows(fileSource(path.join(FIXTURES, 'xlsx/ccioph-v321r0-f1.xlsx')))));
    expect(oph.map(asRow)).toEqual(simplePtp(path.join(SAMPLE, 'ccioph-v321r0-f1.txt')));
  });

  it('stops at a re-ordered header with the file, the line and the columns expected', async () => {
    const text = readFileSync(PRACTITIONER_PTP, 'latin1').replace('Column 1\tColumn 2', 'Column 1\tEffective Date\tColumn 2');
    await expect(all(parsePtp('ccipra-v321r0-f1.txt', tableRows(textSource('ccipra-v321r0-f1.txt', text))))).rejects.toThrow(
      'ccipra-v321r0-f1.txt line 4: the PTP header row has columns "Column 1", "Effective Date", "Column 2", "*=in existence prior to 1996", "Effective Date", "Deletion Date", "Modifier", "PTP Edit Rationale"; expected the columns "Column 1", "Column 2", "*=in existence prior to 1996", "Effective Date", "Deletion Date", "Modifier", "PTP Edit Rationale", in that order',
    );
  });

  it('stops at a malformed edit, naming the line and what it expected', async () => {
    const lines = readFileSync(PRACTITIONER_PTP, 'latin1').split('\r\n');
    lines[8] = lines[8].replace(/\t1\t/, '\t2\t');
    await expect(all(parsePtp('x.txt', tableRows(textSource('x.txt', lines.join('\r\n')))))).rejects.toThrow(
      'x.txt line 9: Modifier "2" is not an indicator: expected 0 (not allowed), 1 (allowed) or 9 (not applicable)',
    );
    const noHeader = 'copyright\r\n10060\t96372\t\t20150101\t*\t1\tStandards\r\n';
    await expect(all(parsePtp('y.txt', tableRows(textSource('y.txt', noHeader))))).rejects.toThrow(
      'y.txt line 1: no PTP header row in the first 40 lines: expected a row with the columns "Column 1", "Column 2"',
    );
  });
});

describe('MUE tables (issue 15)', () => {
  /** The simple reading: naive comma split of the rows whose second field is a number. */
  const simpleMue = (file: string) =>
    readFileSync(file, 'latin1')
      .split(/\r?\n/)
      .map((l) => l.split(','))
      .filter((f) => /^\d+$/.test(f[1] ?? ''))
      .map((f) => f.slice(0, 4));

  it("reads each setting's table, .csv and .xlsx, as a plain comma split sees it", async () => {
    for (const [name, setting] of [
      ['MCR_MUE_PractitionerServices_Eff_01-01-2026', 'PRACTITIONER'],
      ['MCR_MUE_OutpatientHospitalServices_Eff_01-01-2026', 'OUTPATIENT_HOSPITAL'],
      ['MCR_MUE_DMESupplierServices_Eff_01-01-2026', 'DME_SUPPLIER'],
    ] as const) {
      const simple = simpleMue(path.join(SAMPLE, `${name}.csv`));
      expect(simple.length).toBeGreaterThanOrEqual(8);
      for (const file of [path.join(SAMPLE, `${name}.csv`), path.join(FIXTURES, `xlsx/${name}.xlsx`)]) {
        const edits = await all(parseMue(path.basename(file), setting, tableRows(fileSource(file))));
        expect(edits.map((e) => [e.code, String(e.units), `${e.adjudication} ${e.adjudicationText}`, e.rationale])).toEqual(simple);
      }
    }
  });

  it('refuses a table of another setting, naming the columns it expected', async () => {
    await expect(all(parseMue('MCR_MUE_PractitionerServices_Eff_01-01-2026.csv', 'DME_SUPPLIER', tableRows(fileSource(PRACTITIONER_MUE))))).rejects.toThrow(
      'MCR_MUE_PractitionerServices_Eff_01-01-2026.csv line 2: the MUE header row has columns "HCPCS/CPT Code", "Practitioner Services MUE Values", "MUE Adjudication Indicator", "MUE Rationale"; expected the columns "HCPCS/CPT Code", "DME Supplier Services MUE Values", "MUE Adjudication Indicator", "MUE Rationale", in that order',
    );
  });

  it('stops at a unit count that is no number', async () => {
    const text = readFileSync(PRACTITIONER_MUE, 'latin1').replace('10060,1,', '10060,one,');
    await expect(all(parseMue('m.csv', 'PRACTITIONER', tableRows(textSource('m.csv', text))))).rejects.toThrow(
      'm.csv line 3: MUE value "one" is not a whole number of units',
    );
  });
});

describe('recognizeCms', () => {
  it('knows the CMS files by their published names', () => {
    expect(recognizeCms('ccipra-v321r0-f1.txt')).toEqual({ kind: 'ptp', setting: 'PRACTITIONER', version: '32.1r0', part: 1 });
    expect(recognizeCms('CCIOPH-V322R1-F2.XLSX')).toEqual({ kind: 'ptp', setting: 'OUTPATIENT_HOSPITAL', version: '32.2r1', part: 2 });
    expect(recognizeCms('MCR_MUE_DMESupplierServices_Eff_04-01-2026.csv')).toEqual({ kind: 'mue', setting: 'DME_SUPPLIER', version: '2026-04-01' });
    expect(recognizeCms('medicare-ncci-2026-q3-practitioner-services-mue-table.zip')).toEqual({ kind: 'mue', setting: 'PRACTITIONER', version: '2026Q3' });
    expect(recognizeCms('current_article.zip')).toEqual({ kind: 'mcdArticles' });
    expect(recognizeCms('article.csv')).toBeNull();
  });
});
