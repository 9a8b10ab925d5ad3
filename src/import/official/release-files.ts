import { existsSync, readdirSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { GEM_PATTERNS } from '../gems/gem-files';

/** The official release files one import reads; any may be absent. */
export interface ReleaseFiles {
  icd10cmOrder?: string;
  icd10cmTabular?: string;
  icd10cmAddenda?: string;
  /** The order-file addenda (icd10cm_order_addenda_2026.txt): the codes addenda's changes and the headers'. */
  icd10cmOrderAddenda?: string;
  icd10pcsCodes?: string;
  icd10pcsTables?: string;
  icd10pcsAddenda?: string;
  /** The ICD-10-PCS definitions XML (icd10pcs_definitions_2026.xml): body-part terms for search. */
  icd10pcsDefinitions?: string;
  /** The HCPCS alpha-numeric file: CMS's HCPC2025_OCT_ANWEB.xlsx, CMS's zip holding it, or a CSV copy (.csv[.gz]). */
  hcpcs?: string;
  cptDescriptors?: string;
  /** The Medicare lab NCD code list, CPT/HCPCS side (ncd_lab_cpt_hcpcs_2022q2.csv). */
  ncdLabProcedures?: string;
  /** The Medicare lab NCD code list, ICD-10-CM side (ncd_lab_icd10cm_2022q2.csv[.gz]). */
  ncdLabDiagnoses?: string;
  /** The lab NCD list as CMS publishes it, both sides in one sheet (2022200-Initial-ICD10-NCD-Spreadsheet-20211129.xlsx). */
  ncdLabSpreadsheet?: string;
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
  { kind: 'icd10cmOrderAddenda', pattern: /^icd10cm_order_addenda_(\d{4})\.txt(\.gz)?$/i },
  { kind: 'icd10pcsCodes', pattern: /^icd10pcs_codes_(\d{4})\.txt(\.gz)?$/i },
  { kind: 'icd10pcsTables', pattern: /^icd10pcs_tables_(\d{4})\.xml(\.gz)?$/i },
  { kind: 'icd10pcsDefinitions', pattern: /^icd10pcs_definitions_(\d{4})\.xml(\.gz)?$/i },
  { kind: 'hcpcs', pattern: /^HCPC(\d{4})_([A-Z]{3})_ANWEB(_v\d+)?\.(csv(\.gz)?|xlsx|zip)$/i },
  { kind: 'hcpcs', pattern: /^([a-z]+-)?(\d{4})-alpha-numeric-hcpcs-file(-v\d+)?\.zip$/i },
  { kind: 'ncdLabProcedures', pattern: /^ncd_lab_cpt_hcpcs_(\d{4})q[1-4]\.csv(\.gz)?$/i },
  { kind: 'ncdLabDiagnoses', pattern: /^ncd_lab_icd10cm_(\d{4})q[1-4]\.csv(\.gz)?$/i },
  { kind: 'ncdLabSpreadsheet', pattern: /^(\d{4})[1-4]00-.*NCD.*\.xlsx$/i },
  ...GEM_PATTERNS,
];
const PCS_ADDENDA = /^codes_addenda_(\d{4})\.txt(\.gz)?$/i;

export function recognize(fileName: string): ReleaseFileKind | null {
  return PATTERNS.find(({ pattern }) => pattern.test(fileName))?.kind ?? null;
}

function listFiles(dir: string, depth = 3): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    // A symbolic link counts as what it points to (a dangling one as nothing); depth bounds link cycles.
    const target = entry.isSymbolicLink() ? statIfExists(full) : entry;
    if (target?.isDirectory()) return depth > 0 ? listFiles(full, depth - 1) : [];
    return target?.isFile() ? [full] : [];
  });
}

function statIfExists(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

/** CSV copies before CMS's workbooks: of two files of the same release, the CSV copy is read. */
const FORM_RANK = (file: string): number => (/\.csv(\.gz)?$/i.test(file) ? 1 : 0);

/** How files of one kind sort, the one to read last: by release (year, quarter), then by form. */
function releaseKey(file: string): string {
  const name = path.basename(file);
  const quarter = versionFromName(name) ?? ncdVersionFromName(name) ?? hcpcsZipVersion(name) ?? name;
  return `${quarter}|${FORM_RANK(name)}|${name}`;
}

/** "2025-10" from CMS's october-2025-alpha-numeric-hcpcs-file.zip. */
function hcpcsZipVersion(name: string): string | null {
  const match = /^([a-z]+)-(\d{4})-alpha-numeric/i.exec(name);
  return match ? versionFromName(`HCPC${match[2]}_${match[1].slice(0, 3)}`) : null;
}

/**
 * Finds the official files in a folder and its subfolders (three levels). When a kind appears more
 * than once (two fiscal years side by side) the newest year wins and the others are reported; of
 * the same release as CMS's workbook and as a CSV copy, the CSV copy is read. The lab NCD list is
 * either CMS's spreadsheet or the two CSVs: the newer quarter wins, the CSVs on a tie.
 */
export function findReleaseFiles(dir: string): { files: ReleaseFiles; ignored: string[] } {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`--dir ${JSON.stringify(dir)} is not a folder`);
  const files: ReleaseFiles = {};
  const ignored: string[] = [];
  const all = listFiles(dir).sort();
  const take = (kind: ReleaseFileKind, file: string) => {
    const current = files[kind];
    if (current && releaseKey(current) > releaseKey(file)) ignored.push(file);
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
  ignored.push(...oneNcdForm(files));
  return { files, ignored };
}

/** Keeps one form of the lab NCD list (the spreadsheet, or the CSVs) and returns the files dropped. */
function oneNcdForm(files: ReleaseFiles): string[] {
  const sheet = files.ncdLabSpreadsheet;
  const csvs = [files.ncdLabDiagnoses, files.ncdLabProcedures].filter((f): f is string => !!f);
  if (!sheet || csvs.length === 0) return [];
  const csvVersion = ncdVersionFromName(files.ncdLabDiagnoses ?? csvs[0]) ?? '';
  if ((ncdVersionFromName(sheet) ?? '') > csvVersion) {
    delete files.ncdLabDiagnoses;
    delete files.ncdLabProcedures;
    return csvs;
  }
  delete files.ncdLabSpreadsheet;
  return [sheet];
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

/**
 * "2022Q2" from ncd_lab_icd10cm_2022q2.csv, and from CMS's spreadsheet
 * 2022200-Initial-ICD10-NCD-Spreadsheet-20211129.xlsx (release 2022, quarter 2: 22.2); null when
 * the name carries no quarter.
 */
export function ncdVersionFromName(file: string): string | null {
  const name = path.basename(file);
  const match = /_(\d{4})q([1-4])\.csv(\.gz)?$/i.exec(name) ?? /^(\d{4})([1-4])00-.*\.xlsx$/i.exec(name);
  return match ? `${match[1]}Q${match[2]}` : null;
}
