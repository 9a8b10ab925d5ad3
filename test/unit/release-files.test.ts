import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findReleaseFiles, recognize, versionFromName } from '../../src/import/official/release-files';

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

  it('refuses a folder that does not exist, naming it', () => {
    expect(() => findReleaseFiles('/nonexistent/data')).toThrow('--dir "/nonexistent/data" is not a folder');
  });
});
