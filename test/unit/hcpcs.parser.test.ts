import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHcpcs, type HcpcsRecord } from '../../src/import/official/hcpcs.parser';
import { expectFormatError } from '../support/format-error';
import { describeOfficialData, officialFile } from '../support/official-data';

const REAL_FILE = officialFile('hcpcs/HCPC2025_OCT_ANWEB.csv.gz');

/** The 48 columns of the CMS alpha-numeric sheet, in order. */
const HEADER = [
  'HCPC',
  'SEQNUM',
  'RECID',
  'LONG DESCRIPTION',
  'SHORT DESCRIPTION',
  'PRICE1',
  'PRICE2',
  'PRICE3',
  'PRICE4',
  'MULT_PI',
  'CIM1',
  'CIM2',
  'CIM3',
  'MCM1',
  'MCM2',
  'MCM3',
  'STATUTE',
  'LABCERT1',
  'LABCERT2',
  'LABCERT3',
  'LABCERT4',
  'LABCERT5',
  'LABCERT6',
  'LABCERT7',
  'LABCERT8',
  'XREF1',
  'XREF2',
  'XREF3',
  'XREF4',
  'XREF5',
  'COV',
  'ASC_GRP',
  'ASC_DT',
  'OPPS',
  'OPPS_PI',
  'OPPS_DT',
  'PROCNOTE',
  'BETOS',
  'TOS1',
  'TOS2',
  'TOS3',
  'TOS4',
  'TOS5',
  'ANEST_BU',
  'ADD DT',
  'ACT EFF DT',
  'TERM DT',
  'ACTION CD',
];

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hcpcs-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** One CSV line: the given cells in header order, empty elsewhere, RFC 4180 quoting where needed. */
function row(cells: Record<string, string>, header: string[] = HEADER): string {
  return header
    .map((column) => {
      const value = cells[column] ?? '';
      return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
    })
    .join(',');
}

function fixture(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  const text = `${lines.join('\n')}\n`;
  fs.writeFileSync(file, name.endsWith('.gz') ? gzipSync(text) : text);
  return file;
}

async function collect(file: string): Promise<{ records: HcpcsRecord[]; counts: { codes: number; modifiers: number } }> {
  const records: HcpcsRecord[] = [];
  const { codes, modifiers } = await readHcpcs(file, (record) => records.push(record));
  return { records, counts: { codes, modifiers } };
}

const MODIFIER_GA = {
  HCPC: '   GA',
  SEQNUM: '0010',
  RECID: '7',
  'LONG DESCRIPTION': 'Waiver of liability statement issued as required by payer policy, individual case',
  'SHORT DESCRIPTION': 'Liability waiver ind case',
  COV: 'C',
  'ADD DT': '19950101',
  'ACT EFF DT': '20110101',
  'ACTION CD': 'N',
};
const CODE_J1100 = {
  HCPC: 'J1100',
  SEQNUM: '0010',
  RECID: '3',
  'LONG DESCRIPTION': 'Injection, dexamethasone sodium phosphate, 1 mg',
  'SHORT DESCRIPTION': 'Dexamethasone sodium phos',
  PRICE1: '51',
  COV: 'D',
  BETOS: 'O1E',
  ANEST_BU: '  0',
  'ADD DT': '19820101',
  'ACT EFF DT': '20010101',
  'ACTION CD': 'N',
};
const CODE_C9742 = {
  HCPC: 'C9742',
  SEQNUM: '0010',
  RECID: '3',
  'LONG DESCRIPTION': 'Laryngoscopy, flexible fiberoptic, with injection into vocal cord(s), therapeutic',
  'SHORT DESCRIPTION': 'Laryngoscopy with injection',
  XREF1: '31573',
  XREF2: '31574',
  COV: 'D',
  BETOS: 'P8H',
  'ADD DT': '20150101',
  'ACT EFF DT': '20170101',
  'TERM DT': '20161231',
  'ACTION CD': 'N',
};
const CODE_A9999_START = {
  HCPC: 'A9999',
  SEQNUM: '0010',
  RECID: '3',
  'LONG DESCRIPTION': 'Miscellaneous dme supply or accessory, "not otherwise',
  'SHORT DESCRIPTION': 'Dme supply or accessory, nos',
  COV: 'C',
  'ADD DT': '20040101',
};
const CODE_A9999_MORE = { HCPC: 'A9999', SEQNUM: '0020', RECID: '4', 'LONG DESCRIPTION': 'specified"' };

const EXPECTED: HcpcsRecord[] = [
  {
    kind: 'modifier',
    code: 'GA',
    longDescription: 'Waiver of liability statement issued as required by payer policy, individual case',
    shortDescription: 'Liability waiver ind case',
    coverageCode: 'C',
    addedDate: '1995-01-01',
    effectiveDate: '2011-01-01',
    terminationDate: null,
    actionCode: 'N',
    betosCode: null,
    crossReferences: [],
    line: 2,
  },
  {
    kind: 'code',
    code: 'J1100',
    longDescription: 'Injection, dexamethasone sodium phosphate, 1 mg',
    shortDescription: 'Dexamethasone sodium phos',
    coverageCode: 'D',
    addedDate: '1982-01-01',
    effectiveDate: '2001-01-01',
    terminationDate: null,
    actionCode: 'N',
    betosCode: 'O1E',
    crossReferences: [],
    line: 3,
  },
  {
    kind: 'code',
    code: 'C9742',
    longDescription: 'Laryngoscopy, flexible fiberoptic, with injection into vocal cord(s), therapeutic',
    shortDescription: 'Laryngoscopy with injection',
    coverageCode: 'D',
    addedDate: '2015-01-01',
    effectiveDate: '2017-01-01',
    terminationDate: '2016-12-31',
    actionCode: 'N',
    betosCode: 'P8H',
    crossReferences: ['31573', '31574'],
    line: 4,
  },
  {
    kind: 'code',
    code: 'A9999',
    longDescription: 'Miscellaneous dme supply or accessory, "not otherwise specified"',
    shortDescription: 'Dme supply or accessory, nos',
    coverageCode: 'C',
    addedDate: '2004-01-01',
    effectiveDate: null,
    terminationDate: null,
    actionCode: null,
    betosCode: null,
    crossReferences: [],
    line: 5,
  },
];

describe('readHcpcs', () => {
  it('reads codes and modifiers with trimmed codes, ISO dates, null for empty cells and non-empty cross references', async () => {
    const file = fixture('hcpcs.csv', [HEADER.join(','), row(MODIFIER_GA), row(CODE_J1100), row(CODE_C9742), row(CODE_A9999_START), row(CODE_A9999_MORE)]);
    const { records, counts } = await collect(file);
    expect(records).toEqual(EXPECTED);
    expect(counts).toEqual({ codes: 3, modifiers: 1 });
  });

  it('joins a continuation row (same HCPC, higher SEQNUM) to the long description of its record', async () => {
    const file = fixture('continued.csv.gz', [HEADER.join(','), row(CODE_A9999_START), row(CODE_A9999_MORE), row(CODE_J1100)]);
    const { records, counts } = await collect(file);
    expect(records.map((record) => [record.code, record.longDescription, record.line])).toEqual([
      ['A9999', 'Miscellaneous dme supply or accessory, "not otherwise specified"', 2],
      ['J1100', 'Injection, dexamethasone sodium phosphate, 1 mg', 4],
    ]);
    expect(counts).toEqual({ codes: 2, modifiers: 0 });
  });

  it('accepts extra columns and any column order in the header', async () => {
    const header = ['EXTRA', ...[...HEADER].reverse()];
    const file = fixture('reordered.csv', [header.join(','), row({ ...CODE_J1100, EXTRA: 'x' }, header)]);
    const { records } = await collect(file);
    expect(records).toEqual([{ ...EXPECTED[1], line: 2 }]);
  });

  it('rejects a header that lacks an expected column, naming the column', async () => {
    const header = HEADER.filter((column) => column !== 'ACT EFF DT');
    const file = fixture('header.csv', [header.join(','), row(CODE_J1100, header)]);
    await expectFormatError(
      readHcpcs(file, () => {}),
      file,
      1,
      'expected a column "ACT EFF DT" in the header, found "HCPC", "SEQNUM"',
    );
  });

  it('rejects a RECID other than 3 and 7, echoing it', async () => {
    const file = fixture('recid.csv', [HEADER.join(','), row(CODE_J1100), row({ ...CODE_C9742, RECID: '9' })]);
    await expectFormatError(
      readHcpcs(file, () => {}),
      file,
      3,
      'expected RECID 3 (code) or 7 (modifier), found "9"',
    );
  });

  it('rejects a code that is not a letter and four digits', async () => {
    const file = fixture('code.csv', [HEADER.join(','), row({ ...CODE_J1100, HCPC: 'J11' })]);
    await expectFormatError(
      readHcpcs(file, () => {}),
      file,
      2,
      'expected an HCPCS code (a letter and 4 digits) in HCPC for RECID 3, found "J11"',
    );
  });

  it('rejects a modifier that is not two letters or digits', async () => {
    const file = fixture('modifier.csv', [HEADER.join(','), row({ ...MODIFIER_GA, HCPC: '  G-A' })]);
    await expectFormatError(
      readHcpcs(file, () => {}),
      file,
      2,
      'expected a modifier (2 letters or digits) in HCPC for RECID 7, found "  G-A"',
    );
  });

  it('rejects a date that is not a yyyymmdd calendar date', async () => {
    const badDay = fixture('date.csv', [HEADER.join(','), row(CODE_J1100), row({ ...CODE_C9742, 'TERM DT': '20160231' })]);
    await expectFormatError(
      readHcpcs(badDay, () => {}),
      badDay,
      3,
      'expected TERM DT as a yyyymmdd date, found "20160231"',
    );
    const isoDate = fixture('iso-date.csv', [HEADER.join(','), row({ ...CODE_J1100, 'ADD DT': '1982-01-01' })]);
    await expectFormatError(
      readHcpcs(isoDate, () => {}),
      isoDate,
      2,
      'expected ADD DT as a yyyymmdd date, found "1982-01-01"',
    );
  });

  it('rejects a code listed twice', async () => {
    const file = fixture('duplicate.csv', [HEADER.join(','), row(CODE_J1100), row(CODE_C9742), row(CODE_J1100)]);
    await expectFormatError(
      readHcpcs(file, () => {}),
      file,
      4,
      'found "J1100" again after line 2',
    );
  });

  it('rejects a row with more cells than the header has columns', async () => {
    const file = fixture('cells.csv', [HEADER.join(','), row(CODE_J1100), `${row(CODE_C9742)},extra`]);
    await expectFormatError(
      readHcpcs(file, () => {}),
      file,
      3,
      'expected RFC 4180 CSV with one cell per header column',
    );
  });
});

describeOfficialData('the HCPCS October 2025 release file', () => {
  it('reads one record per data row, codes and modifiers counted by RECID, J1100 a code with its long description', async () => {
    const rows = gunzipSync(fs.readFileSync(REAL_FILE))
      .toString('utf8')
      .split('\n')
      .slice(1)
      .filter((text) => text !== '');
    // HCPC, SEQNUM and RECID never need quoting, so the third comma-separated cell is RECID.
    const byRecid = (recid: string): number => rows.filter((text) => text.split(',')[2] === recid).length;

    const { records, counts } = await collect(REAL_FILE);
    expect(counts).toEqual({ codes: byRecid('3'), modifiers: byRecid('7') });
    expect(records).toHaveLength(rows.length);
    expect(records.find((record) => record.code === 'J1100')).toMatchObject({
      kind: 'code',
      longDescription: 'Injection, dexamethasone sodium phosphate, 1 mg',
      shortDescription: 'Dexamethasone sodium phos',
      addedDate: '1982-01-01',
    });
    expect(records.filter((record) => record.kind === 'modifier').every((record) => /^[0-9A-Z]{2}$/.test(record.code))).toBe(true);
    expect(records.find((record) => record.code === 'GA')).toMatchObject({ kind: 'modifier', line: rows.findIndex((text) => text.startsWith('   GA,')) + 2 });
  });
});

/** A workbook of one sheet holding these rows (every cell text, as CMS's workbook holds them). */
async function workbook(name: string, rows: string[][]): Promise<string> {
  const file = path.join(dir, name);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('HCPC2025_OCT_ANWEB');
  for (const cells of rows) sheet.addRow(cells);
  await book.xlsx.writeFile(file);
  return file;
}

async function zipOf(name: string, members: Record<string, Buffer | string>): Promise<string> {
  const zip = new JSZip();
  for (const [member, data] of Object.entries(members)) zip.file(member, data);
  const file = path.join(dir, name);
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
  return file;
}

const cellsOf = (cells: Record<string, string>) => HEADER.map((column) => cells[column] ?? '');

describe("readHcpcs on CMS's workbook and CMS's zip", () => {
  it('reads from the .xlsx the records the CSV form of the same rows gives, lines numbered as rows', async () => {
    const rows = [MODIFIER_GA, CODE_J1100, CODE_C9742, CODE_A9999_START, CODE_A9999_MORE];
    const file = await workbook('HCPC2025_OCT_ANWEB.xlsx', [HEADER, ...rows.map(cellsOf)]);
    const { records, counts } = await collect(file);
    expect(records).toEqual(EXPECTED);
    expect(counts).toEqual({ codes: 3, modifiers: 1 });
  });

  it('reads the ANWEB workbook out of the zip CMS publishes, naming the member it read', async () => {
    const book = await workbook('inner.xlsx', [HEADER, cellsOf(MODIFIER_GA), cellsOf(CODE_J1100)]);
    const zip = await zipOf('october-2025-alpha-numeric-hcpcs-file.zip', {
      'HCPC2025_OCT_ANWEB.xlsx': fs.readFileSync(book),
      'HCPC2025_OCT_ANWEB.txt': 'the fixed-width form, not read',
      'proc_notes_OCT2025.txt': 'notes',
    });
    const records: HcpcsRecord[] = [];
    const { read } = await readHcpcs(zip, (record) => records.push(record));
    expect(read).toBe(`${zip}!HCPC2025_OCT_ANWEB.xlsx`);
    expect(records.map((r) => [r.code, r.kind])).toEqual([
      ['GA', 'modifier'],
      ['J1100', 'code'],
    ]);
  });

  it('rejects a zip that holds no ANWEB workbook, listing what it holds', async () => {
    const zip = await zipOf('no-workbook.zip', { 'HCPC2025_OCT_ANWEB.txt': 'x', 'readme.pdf': 'y' });
    await expectFormatError(
      collect(zip),
      zip,
      1,
      'expected the zip to hold the alpha-numeric workbook HCPCyyyy_MMM_ANWEB*.xlsx, found "HCPC2025_OCT_ANWEB.txt", "readme.pdf"',
    );
  });

  it('rejects a workbook whose first row is not the header, naming the missing column and what it found', async () => {
    const file = await workbook('no-header.xlsx', [
      ['CODE', 'DESCRIPTION'],
      ['J1100', 'Injection'],
    ]);
    await expectFormatError(collect(file), file, 1, 'expected a column "HCPC" in the header, found "CODE", "DESCRIPTION"');
  });
});
