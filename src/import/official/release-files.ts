import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { GEM_PATTERNS } from '../gems/gem-files';

/** The official release files one import reads; any may be absent. */
export interface ReleaseFiles {
  icd10cmOrder?: string;
  icd10cmTabular?: string;
  icd10cmAddenda?: string;
  icd10pcsCodes?: string;
  icd10pcsTables?: string;
  icd10pcsAddenda?: string;
  /** The ICD-10-PCS definitions XML (icd10pcs_definitions_2026.xml): body-part terms for search. */
  icd10pcsDefinitions?: string;
  hcpcs?: string;
  cptDescriptors?: string;
  /** The Medicare lab NCD code list, CPT/HCPCS side (ncd_lab_cpt_hcpcs_2022q2.csv). */
  ncdLabProcedures?: string;
  /** The Medicare lab NCD code list, ICD-10-CM side (ncd_lab_icd10cm_2022q2.csv[.gz]). */
  ncdLabDiagnoses?: string;
  /** The GEMs (2018_I10gem.txt or 2018_gem_cm_I10I9.txt, 2018_I9gem.txt, gem_pcsi9.txt, gem_i9pcs.txt). */
  gemCmI10I9?: string;
  gemCmI9I10?: string;
  gemPcsI10I9?: string;
  gemPcsI9I10?: string;
}

export type ReleaseFileKind = keyof ReleaseFiles;

/**
 * Official file names as CMS and CDC publish them (optionally gzipped). The ICD-10-PCS addenda file
 * is called just codes_addenda_YYYY.txt, so it is recognized only beside an ICD-10-PCS file.
 */
const PATTERNS: Array<{ kind: ReleaseFileKind; pattern: RegExp }> = [
  { kind: 'icd10cmOrder', pattern: /^icd10cm_order_(\d{4})\.txt(\.gz)?$/i },
  { kind: 'icd10cmTabular', pattern: /^icd10cm_tabular_(\d{4})\.xml(\.gz)?$/i },
  { kind: 'icd10cmAddenda', pattern: /^icd10cm_codes_addenda_(\d{4})\.txt(\.gz)?$/i },
  { kind: 'icd10pcsCodes', pattern: /^icd10pcs_codes_(\d{4})\.txt(\.gz)?$/i },
  { kind: 'icd10pcsTables', pattern: /^icd10pcs_tables_(\d{4})\.xml(\.gz)?$/i },
  { kind: 'icd10pcsDefinitions', pattern: /^icd10pcs_definitions_(\d{4})\.xml(\.gz)?$/i },
  { kind: 'hcpcs', pattern: /^HCPC(\d{4})_([A-Z]{3})_ANWEB(_v\d+)?\.csv(\.gz)?$/i },
  { kind: 'ncdLabProcedures', pattern: /^ncd_lab_cpt_hcpcs_(\d{4})q[1-4]\.csv(\.gz)?$/i },
  { kind: 'ncdLabDiagnoses', pattern: /^ncd_lab_icd10cm_(\d{4})q[1-4]\.csv(\.gz)?$/i },
  ...GEM_PATTERNS,
];
const PCS_ADDENDA = /^codes_addenda_(\d{4})\.txt(\.gz)?$/i;

export function recognize(fileName: string): ReleaseFileKind | null {
  return PATTERNS.find(({ pattern }) => pattern.test(fileName))?.kind ?? null;
}

function listFiles(dir: string, depth = 3): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return depth > 0 ? listFiles(full, depth - 1) : [];
    return entry.isFile() ? [full] : [];
  });
}

/**
 * Finds the official files in a folder and its subfolders (three levels). When a kind appears more
 * than once (two fiscal years side by side) the newest year wins and the others are reported.
 */
export function findReleaseFiles(dir: string): { files: ReleaseFiles; ignored: string[] } {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`--dir ${JSON.stringify(dir)} is not a folder`);
  const files: ReleaseFiles = {};
  const ignored: string[] = [];
  const all = listFiles(dir).sort();
  const take = (kind: ReleaseFileKind, file: string) => {
    const current = files[kind];
    if (current && path.basename(current) > path.basename(file)) ignored.push(file);
    else {
      if (current) ignored.push(current);
      files[kind] = file;
    }
  };
  for (const file of all) {
    const kind = recognize(path.basename(file));
    if (kind) take(kind, file);
  }
  for (const file of all) {
    if (!PCS_ADDENDA.test(path.basename(file))) continue;
    const besidePcs = [files.icd10pcsCodes, files.icd10pcsTables].some((f) => f && path.dirname(f) === path.dirname(file));
    if (besidePcs) take('icd10pcsAddenda', file);
    else ignored.push(file);
  }
  return { files, ignored };
}

/** The fiscal year or quarter a file name carries: "2026" for icd10cm_order_2026.txt, "2025-10" for HCPC2025_OCT_ANWEB.csv. */
export function versionFromName(file: string): string | null {
  const name = path.basename(file);
  const hcpcs = /^HCPC(\d{4})_([A-Z]{3})/i.exec(name);
  if (hcpcs) {
    const month = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'].indexOf(hcpcs[2].toUpperCase()) + 1;
    return month > 0 ? `${hcpcs[1]}-${String(month).padStart(2, '0')}` : null;
  }
  return /_(\d{4})\.(txt|xml)/i.exec(name)?.[1] ?? null;
}
