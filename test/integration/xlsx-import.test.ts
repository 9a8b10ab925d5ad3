import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config';
import { FileFormatError } from '../../src/import/official/file-format-error';
import { runOfficialImport } from '../../src/import/official/official-import';
import type { ReleaseFiles } from '../../src/import/official/release-files';
import { applySchema } from '../../src/neo4j/migrate';
import { graphFingerprint } from '../support/graph-fingerprint';
import { createHarness, type Harness } from '../support/harness';
import { describeOfficialData, officialFile } from '../support/official-data';
import { wipeDatabase } from '../support/wipe';

/**
 * The HCPCS file and the lab NCD list read from the .xlsx CMS publishes (and CMS's HCPCS zip) give
 * the graph their CSV copies give. The two NCD forms hold the same rows: the CSVs were made from
 * this spreadsheet (checked row by row when this test was written), so comparing their graphs is fair.
 */
const HCPCS_XLSX = officialFile('hcpcs/HCPC2025_OCT_ANWEB.xlsx');
const HCPCS_CSV = officialFile('hcpcs/HCPC2025_OCT_ANWEB.csv.gz');
const NCD_XLSX = officialFile('ncd-lab/2022200-Initial-ICD10-NCD-Spreadsheet-20211129.xlsx');
const NCD_CSV = { ncdLabProcedures: officialFile('ncd-lab/ncd_lab_cpt_hcpcs_2022q2.csv'), ncdLabDiagnoses: officialFile('ncd-lab/ncd_lab_icd10cm_2022q2.csv.gz') };
const ICD10CM_ORDER = officialFile('icd10cm/icd10cm_order_2026.txt.gz');
/** The time of a run and the names of the files read: all that may differ between the two forms. */
const RUN_PROPERTIES = ['completedAt', 'files', 'sourceFiles'];

const target = inject('officialNeo4jTarget');
let h: Harness;
let driver: Driver;

const wipe = () => wipeDatabase(driver, target.database);
const fingerprint = () => graphFingerprint(driver, target.database, RUN_PROPERTIES);

async function importedFrom(files: ReleaseFiles) {
  await wipe();
  await runOfficialImport(h.executor, files);
  return fingerprint();
}

/** RECID of every data row of the workbook's first sheet, read with exceljs's plain (non-streaming) reader. */
async function recidsOfWorkbook(file: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).map(String);
  const column = header.indexOf('RECID');
  const recids: string[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) recids.push(String(row.getCell(column).value));
  });
  return recids;
}

function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'xlsx-import-'));
}

async function writeZip(file: string, members: Record<string, Buffer | string>): Promise<string> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(members)) zip.file(name, data);
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
  return file;
}

async function writeWorkbook(file: string, rows: string[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(file);
  return file;
}

beforeAll(async () => {
  h = await createHarness(target, { queryTimeoutMs: 300_000 });
  driver = h.driver;
  await applySchema(h.executor);
});
afterAll(() => h.close());

describeOfficialData("CMS's .xlsx files beside their CSV copies", () => {
  it("gives from HCPCS's .xlsx, and from a zip holding it, the graph its CSV copy gives", async () => {
    const fromCsv = await importedFrom({ hcpcs: HCPCS_CSV });
    const recids = await recidsOfWorkbook(HCPCS_XLSX);
    expect(fromCsv.labels.Modifier).toBe(recids.filter((r) => r === '7').length);
    expect(await importedFrom({ hcpcs: HCPCS_XLSX })).toEqual(fromCsv);
    const { records } = await driver.executeQuery(
      "MATCH (c:Code {system: 'HCPCS'}) RETURN count(c) AS count",
      {},
      { database: target.database },
    );
    expect(Number(records[0]!.get('count'))).toBe(recids.filter((r) => r === '3').length);

    const zip = await writeZip(path.join(tempDir(), 'october-2025-alpha-numeric-hcpcs-file.zip'), {
      'HCPC2025_OCT_ANWEB.xlsx': readFileSync(HCPCS_XLSX),
      'HCPC2025_OCT_ANWEB.txt': 'the fixed-width form, not read',
      'proc_notes_OCT2025.txt': 'notes',
    });
    expect(await importedFrom({ hcpcs: zip })).toEqual(fromCsv);
    const release = await driver.executeQuery("MATCH (r:Release {system: 'HCPCS'}) RETURN r.files AS files", {}, { database: target.database });
    expect(release.records[0]!.get('files')).toEqual(['october-2025-alpha-numeric-hcpcs-file.zip!HCPC2025_OCT_ANWEB.xlsx']);
  }, 300_000);

  it("gives from CMS's lab NCD spreadsheet the graph the two CSVs give", async () => {
    const base = { icd10cmOrder: ICD10CM_ORDER, hcpcs: HCPCS_CSV };
    const fromCsv = await importedFrom({ ...base, ...NCD_CSV });
    expect(fromCsv.labels.Policy).toBeGreaterThan(0);
    expect(fromCsv.types.LISTS).toBeGreaterThan(0);
    expect(await importedFrom({ ...base, ncdLabSpreadsheet: NCD_XLSX })).toEqual(fromCsv);
  }, 600_000);

  it('refuses a zip without the ANWEB workbook, a workbook without the header and an NCD sheet without its header, writing nothing', async () => {
    const before = await fingerprint();
    const dir = tempDir();
    const zip = await writeZip(path.join(dir, 'october-2025-alpha-numeric-hcpcs-file.zip'), { 'HCPC2025_OCT_ANWEB.txt': 'x', 'readme.pdf': 'y' });
    const noHeader = await writeWorkbook(path.join(dir, 'HCPC2025_OCT_ANWEB.xlsx'), [
      ['CODE', 'DESCRIPTION'],
      ['J1100', 'Injection'],
    ]);
    const ncd = await writeWorkbook(path.join(dir, '2022200-NCD-Spreadsheet.xlsx'), [['MEDICARE NATIONAL COVERAGE DETERMINATIONS'], ['Number', 'DESCRIPTION']]);
    const refusals: Array<[ReleaseFiles, string]> = [
      [{ hcpcs: zip }, 'october-2025-alpha-numeric-hcpcs-file.zip line 1: expected the zip to hold the alpha-numeric workbook HCPCyyyy_MMM_ANWEB*.xlsx, found "HCPC2025_OCT_ANWEB.txt", "readme.pdf"'],
      [{ hcpcs: noHeader }, 'HCPC2025_OCT_ANWEB.xlsx line 1: expected a column "HCPC" in the header, found "CODE", "DESCRIPTION"'],
      [{ hcpcs: HCPCS_CSV, ncdLabSpreadsheet: ncd }, '2022200-NCD-Spreadsheet.xlsx line 1: no NCD lab spreadsheet header row in the first 40 lines: expected a row with the columns "NCD", "NCD", "CPT/HCPCS"'],
    ];
    for (const [files, message] of refusals) {
      const error = await runOfficialImport(h.executor, files).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FileFormatError);
      expect((error as Error).message).toContain(message);
    }
    expect(await fingerprint()).toEqual(before);
  }, 300_000);

  it('imports HCPCS from a folder holding only the .xlsx, through the import command', async () => {
    await wipe();
    const dir = tempDir();
    symlinkSync(HCPCS_XLSX, path.join(dir, path.basename(HCPCS_XLSX)));
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', '--dir', dir], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NEO4J_URI: target.uri, NEO4J_DATABASE: target.database },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect({ code, output }).toMatchObject({ code: 0, output: expect.stringContaining('HCPC2025_OCT_ANWEB.xlsx') });
    const recids = await recidsOfWorkbook(HCPCS_XLSX);
    const { records } = await driver.executeQuery("MATCH (c:Code:Published {system: 'HCPCS'}) RETURN count(c) AS count", {}, { database: target.database });
    expect(Number(records[0]!.get('count'))).toBe(recids.filter((r) => r === '3').length);
  }, 300_000);
});
