import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findReleaseFiles, ncdVersionFromName, recognize, versionFromName } from '../../src/import/official/release-files';

describe('official file names', () => {
  it('recognizes each official name, plain or gzipped', () => {
    expect(recognize('icd10cm_order_2026.txt')).toBe('icd10cmOrder');
    expect(recognize('icd10cm_order_2026.txt.gz')).toBe('icd10cmOrder');
    expect(recognize('icd10cm_tabular_2023.xml.gz')).toBe('icd10cmTabular');
    expect(recognize('icd10cm_codes_addenda_2026.txt')).toBe('icd10cmAddenda');
    expect(recognize('icd10pcs_codes_2026.txt.gz')).toBe('icd10pcsCodes');
    expect(recognize('icd10pcs_tables_2026.xml.gz')).toBe('icd10pcsTables');
    expect(recognize('HCPC2025_OCT_ANWEB.csv.gz')).toBe('hcpcs');
    expect(recognize('icd10cm_order_addenda_2026.txt')).toBe('icd10cmOrderAddenda');
    expect(recognize('icd10cm_order_addenda.txt')).toBeNull();
    expect(recognize('notes.txt')).toBeNull();
  });

  it('reads the fiscal year or quarter from the name', () => {
    expect(versionFromName('/x/icd10cm_order_2026.txt.gz')).toBe('2026');
    expect(versionFromName('HCPC2025_OCT_ANWEB.csv.gz')).toBe('2025-10');
    expect(versionFromName('HCPC2026_JAN_ANWEB_v2.csv')).toBe('2026-01');
    expect(versionFromName('codes.txt')).toBeNull();
  });

  it('finds files in subfolders, takes the PCS addenda only beside a PCS file, and prefers the newest year', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'release-files-'));
    for (const sub of ['cm', 'pcs', 'other']) mkdirSync(path.join(dir, sub));
    for (const file of [
      'cm/icd10cm_order_2025.txt',
      'cm/icd10cm_order_2026.txt.gz',
      'pcs/icd10pcs_codes_2026.txt',
      'pcs/codes_addenda_2026.txt',
      'other/codes_addenda_2026.txt',
    ]) {
      writeFileSync(path.join(dir, file), '');
    }
    const { files, ignored } = findReleaseFiles(dir);
    expect(files).toEqual({
      icd10cmOrder: path.join(dir, 'cm/icd10cm_order_2026.txt.gz'),
      icd10pcsCodes: path.join(dir, 'pcs/icd10pcs_codes_2026.txt'),
      icd10pcsAddenda: path.join(dir, 'pcs/codes_addenda_2026.txt'),
    });
    expect(ignored.sort()).toEqual([path.join(dir, 'cm/icd10cm_order_2025.txt'), path.join(dir, 'other/codes_addenda_2026.txt')]);
  });

  it('follows symbolic links to files and folders, and passes over a dangling one', () => {
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'release-elsewhere-'));
    mkdirSync(path.join(elsewhere, 'pcs'));
    writeFileSync(path.join(elsewhere, 'HCPC2025_OCT_ANWEB.xlsx'), '');
    writeFileSync(path.join(elsewhere, 'pcs', 'icd10pcs_codes_2026.txt'), '');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'release-links-'));
    symlinkSync(path.join(elsewhere, 'HCPC2025_OCT_ANWEB.xlsx'), path.join(dir, 'HCPC2025_OCT_ANWEB.xlsx'));
    symlinkSync(path.join(elsewhere, 'pcs'), path.join(dir, 'pcs'));
    symlinkSync(path.join(elsewhere, 'icd10cm_order_2026.txt'), path.join(dir, 'icd10cm_order_2026.txt'));
    expect(findReleaseFiles(dir).files).toEqual({
      hcpcs: path.join(dir, 'HCPC2025_OCT_ANWEB.xlsx'),
      icd10pcsCodes: path.join(dir, 'pcs', 'icd10pcs_codes_2026.txt'),
    });
  });

  it('refuses a folder that does not exist, naming it', () => {
    expect(() => findReleaseFiles('/nonexistent/data')).toThrow('--dir "/nonexistent/data" is not a folder');
  });
});

describe("CMS's workbooks beside the CSV copies", () => {
  it("recognizes CMS's HCPCS workbook, its zip and the lab NCD spreadsheet, and the quarter of each", () => {
    expect(recognize('HCPC2025_OCT_ANWEB.xlsx')).toBe('hcpcs');
    expect(recognize('HCPC2025_OCT_ANWEB_v2.zip')).toBe('hcpcs');
    expect(recognize('october-2025-alpha-numeric-hcpcs-file.zip')).toBe('hcpcs');
    expect(recognize('2022200-Initial-ICD10-NCD-Spreadsheet-20211129.xlsx')).toBe('ncdLabSpreadsheet');
    expect(recognize('HCPC2025_OCT_ANWEB.pdf')).toBeNull();
    expect(versionFromName('HCPC2025_OCT_ANWEB.xlsx')).toBe('2025-10');
    expect(ncdVersionFromName('2022200-Initial-ICD10-NCD-Spreadsheet-20211129.xlsx')).toBe('2022Q2');
    expect(ncdVersionFromName('ncd_lab_icd10cm_2022q2.csv.gz')).toBe('2022Q2');
  });

  it('reads a workbook found alone, the CSV copy of the same release beside it, and a newer quarter in either form', () => {
    const folder = (names: string[]) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'release-forms-'));
      for (const name of names) writeFileSync(path.join(dir, name), '');
      return { dir, ...findReleaseFiles(dir) };
    };
    const alone = folder(['HCPC2025_OCT_ANWEB.xlsx', '2022200-Initial-ICD10-NCD-Spreadsheet-20211129.xlsx']);
    expect(alone.files).toEqual({
      hcpcs: path.join(alone.dir, 'HCPC2025_OCT_ANWEB.xlsx'),
      ncdLabSpreadsheet: path.join(alone.dir, '2022200-Initial-ICD10-NCD-Spreadsheet-20211129.xlsx'),
    });
    const tie = folder([
      'HCPC2025_OCT_ANWEB.xlsx',
      'HCPC2025_OCT_ANWEB.csv.gz',
      '2022200-NCD-Spreadsheet.xlsx',
      'ncd_lab_cpt_hcpcs_2022q2.csv',
      'ncd_lab_icd10cm_2022q2.csv',
    ]);
    expect(tie.files).toEqual({
      hcpcs: path.join(tie.dir, 'HCPC2025_OCT_ANWEB.csv.gz'),
      ncdLabProcedures: path.join(tie.dir, 'ncd_lab_cpt_hcpcs_2022q2.csv'),
      ncdLabDiagnoses: path.join(tie.dir, 'ncd_lab_icd10cm_2022q2.csv'),
    });
    expect(tie.ignored.sort()).toEqual([path.join(tie.dir, '2022200-NCD-Spreadsheet.xlsx'), path.join(tie.dir, 'HCPC2025_OCT_ANWEB.xlsx')]);
    const newer = folder([
      'HCPC2025_JUL_ANWEB.csv',
      'HCPC2025_OCT_ANWEB.xlsx',
      '2022300-NCD-Spreadsheet.xlsx',
      'ncd_lab_cpt_hcpcs_2022q2.csv',
      'ncd_lab_icd10cm_2022q2.csv',
    ]);
    expect(newer.files).toEqual({
      hcpcs: path.join(newer.dir, 'HCPC2025_OCT_ANWEB.xlsx'),
      ncdLabSpreadsheet: path.join(newer.dir, '2022300-NCD-Spreadsheet.xlsx'),
    });
  });
});
