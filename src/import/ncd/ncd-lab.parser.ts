import { CsvError, parse } from 'csv-parse';
import { FileFormatError } from '../official/file-format-error';
import { openRelease } from '../official/read-lines';
import { findHeader } from '../cms/header';
import { fileSource, tableRows } from '../cms/table-rows';

/** Resolution code 1, 2, 3 of the lab NCD code list. */
export type ListingStatus = 'COVERED' | 'DENIED' | 'NOT_MEDICALLY_NECESSARY';

/** A single code (`A021`), an inclusive range (`A400-A401`) or the wildcard `@@@@@@@` (every code not otherwise listed). */
export type EntryKind = 'CODE' | 'RANGE' | 'DEFAULT';

/** One CPT/HCPCS row of `ncd_lab_cpt_hcpcs_*.csv`: a procedure code the NCD governs. */
export interface NcdProcedureRow {
  /** NCD number: `190.12`, `190.20A`. */
  policyId: string;
  policyTitle: string;
  /** Upper-cased, trimmed: `87086`, `0001U`, `G0103`. */
  code: string;
  /** ISO yyyy-mm-dd, null when the cell is empty. */
  effectiveFrom: string | null;
  effectiveTo: string | null;
  /** Line of the row (the header is line 1). */
  line: number;
}

/** One ICD-10-CM row of `ncd_lab_icd10cm_*.csv`: how the NCD treats a code, a range or every other code. */
export interface NcdDiagnosisRow {
  policyId: string;
  policyTitle: string;
  /** The icd10cm cell exactly as the file writes it (`A400-A401`, `@@@@@@@`). */
  listedAs: string;
  kind: EntryKind;
  /** Upper-cased codes without the dot; equal for a CODE, both '' for the DEFAULT wildcard. */
  start: string;
  end: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  status: ListingStatus;
  line: number;
}

const PROCEDURE_COLUMNS = ['ncd_id', 'ncd_title', 'cpt_hcpcs_code', 'code_eff_date', 'code_term_date'] as const;
const DIAGNOSIS_COLUMNS = ['ncd_id', 'ncd_title', 'icd10cm', 'range_start', 'range_end', 'icd10_eff_date', 'icd10_term_date', 'resolution_code'] as const;
type DiagnosisColumn = (typeof DIAGNOSIS_COLUMNS)[number];

const POLICY_ID = /^\d{3}\.\d{1,2}[A-Z]?$/;
const PROCEDURE_CODE = /^[0-9]{4}[0-9A-Z]$|^[A-Z][0-9]{4}$/;
const ICD_CODE = /^[A-Z][0-9A-Z]{2,6}$/;
const WILDCARD = '@@@@@@@';
const ICD_EXPECTED = 'an ICD-10-CM code without the dot (a letter and 2 to 6 letters or digits)';

const STATUS_BY_RESOLUTION: Readonly<Record<string, ListingStatus>> = { '1': 'COVERED', '2': 'DENIED', '3': 'NOT_MEDICALLY_NECESSARY' };

/**
 * Streams the CPT/HCPCS side of the lab NCD code list (`ncd_id,ncd_title,cpt_hcpcs_code,
 * code_eff_date,code_term_date`, plain or .gz, RFC 4180) and calls `onRow` per row in file order;
 * resolves to the number of rows.
 *
 * Contract: the header names every one of those columns (others are ignored). Cells are trimmed.
 * ncd_id matches /^\d{3}\.\d{1,2}[A-Z]?$/ (`190.12`, `190.20A`); the title is not empty; the code,
 * upper-cased, is 5 characters: CPT (4 digits and a digit or letter) or HCPCS (a letter and 4
 * digits); dates are empty or yyyy-mm-dd calendar dates, the term date not before the eff date.
 * Violations reject with a {@link FileFormatError} naming the line.
 */
export async function readNcdProcedures(file: string, onRow: (row: NcdProcedureRow) => void): Promise<number> {
  if (isNcdWorkbook(file)) return readNcdWorkbook(file, { procedure: onRow });
  return readCsv(file, PROCEDURE_COLUMNS, (cell, line) => onRow(procedureRow(file, line, cell)));
}

/** A CPT/HCPCS row, checked (see {@link readNcdProcedures}). */
function procedureRow(file: string, line: number, cell: Cell<(typeof PROCEDURE_COLUMNS)[number]>): NcdProcedureRow {
  const policy = readPolicy(file, line, cell);
  const code = cell('cpt_hcpcs_code').toUpperCase();
  if (!PROCEDURE_CODE.test(code)) {
    throw new FileFormatError(
      file,
      line,
      `expected cpt_hcpcs_code as a CPT code (4 digits and a digit or letter) or an HCPCS code (a letter and 4 digits), found "${cell('cpt_hcpcs_code')}"`,
    );
  }
  const { from, to } = readDates(file, line, cell, 'code_eff_date', 'code_term_date');
  return { policyId: policy.id, policyTitle: policy.title, code, effectiveFrom: from, effectiveTo: to, line };
}

/**
 * Streams the ICD-10-CM side of the lab NCD code list (`ncd_id,ncd_title,icd10cm,range_start,
 * range_end,icd10_eff_date,icd10_term_date,resolution_code`, plain or .gz, RFC 4180) and calls
 * `onRow` per row in file order; resolves to the number of rows.
 *
 * Contract: the header names every one of those columns (others are ignored). Cells are trimmed,
 * codes upper-cased. ncd_id and ncd_title as for {@link readNcdProcedures}. icd10cm is a code
 * matching /^[A-Z][0-9A-Z]{2,6}$/ (kind CODE, range_start = range_end = the code), two such codes
 * joined by `-` (kind RANGE, range_start and range_end = the two ends, start not sorting after
 * end), or `@@@@@@@` (kind DEFAULT, range_start = range_end = `@@@@@@@`; start and end are
 * reported as ''). resolution_code is 1, 2 or 3; the wildcard's resolution is not checked against
 * anything. Dates as for {@link readNcdProcedures}. Violations reject with a
 * {@link FileFormatError} naming the line.
 */
export async function readNcdDiagnoses(file: string, onRow: (row: NcdDiagnosisRow) => void): Promise<number> {
  if (isNcdWorkbook(file)) return readNcdWorkbook(file, { diagnosis: onRow });
  return readCsv(file, DIAGNOSIS_COLUMNS, (cell, line, raw) => onRow(diagnosisRow(file, line, cell, raw)));
}

/** An ICD-10-CM row, checked (see {@link readNcdDiagnoses}). */
function diagnosisRow(file: string, line: number, cell: Cell<DiagnosisColumn>, raw: Cell<DiagnosisColumn>): NcdDiagnosisRow {
  const policy = readPolicy(file, line, cell);
  const listedAs = raw('icd10cm');
  const listed = cell('icd10cm').toUpperCase();
  const rangeStart = cell('range_start').toUpperCase();
  const rangeEnd = cell('range_end').toUpperCase();
  const ends = (start: string, end: string, described: string): void => {
    if (rangeStart !== start || rangeEnd !== end) {
      throw new FileFormatError(
        file,
        line,
        `expected range_start "${start}" and range_end "${end}" for ${described} "${listedAs}", found "${cell('range_start')}" and "${cell('range_end')}"`,
      );
    }
  };

  let kind: EntryKind;
  let start: string;
  let end: string;
  if (listed === WILDCARD) {
    ends(WILDCARD, WILDCARD, 'the wildcard');
    [kind, start, end] = ['DEFAULT', '', ''];
  } else {
    const parts = listed.split('-');
    if (parts.length > 2 || !parts.every((part) => ICD_CODE.test(part))) {
      throw new FileFormatError(file, line, `expected icd10cm as ${ICD_EXPECTED}, a range LOW-HIGH of two such codes, or ${WILDCARD}, found "${listedAs}"`);
    }
    [start, end] = [parts[0], parts[parts.length - 1]];
    kind = parts.length === 2 ? 'RANGE' : 'CODE';
    ends(start, end, kind === 'RANGE' ? 'the range' : 'the code');
    // No text-order check: ranges run in tabular order (C84Z0-C8499 is valid); a range that reaches
    // no code of the loaded release is counted by the policy plan.
  }

  const { from, to } = readDates(file, line, cell, 'icd10_eff_date', 'icd10_term_date');
  const resolution = cell('resolution_code');
  const status = STATUS_BY_RESOLUTION[resolution];
  if (!status)
    throw new FileFormatError(file, line, `expected resolution_code 1 (covered), 2 (denied) or 3 (does not support medical necessity), found "${resolution}"`);
  return { policyId: policy.id, policyTitle: policy.title, listedAs, kind, start, end, effectiveFrom: from, effectiveTo: to, status, line };
}

type Cell<C extends string> = (column: C) => string;

/** The lab NCD code list as CMS publishes it: one .xlsx sheet holding both sides. */
export function isNcdWorkbook(file: string): boolean {
  return file.toLowerCase().endsWith('.xlsx');
}

/** The two header rows of CMS's sheet (titles split over two rows), and the CSV column each sheet column is read as. */
const SHEET_TITLES = ['NCD', 'NCD', 'CPT/HCPCS', 'CPT/HCPCS', 'CPT/HCPCS', 'ICD-10', 'ICD-10 EFF', 'ICD-10 TERM', 'RESOLUTION'] as const;
const SHEET_SUBTITLES = ['Number', 'DESCRIPTION', 'CODES', 'EFF DATE', 'TERM DATE', 'CODE', 'DATE', 'DATE', 'CODE'] as const;
type SheetColumn = (typeof PROCEDURE_COLUMNS)[number] | DiagnosisColumn;
const SHEET_COLUMNS: readonly SheetColumn[] = [
  'ncd_id',
  'ncd_title',
  'cpt_hcpcs_code',
  'code_eff_date',
  'code_term_date',
  'icd10cm',
  'icd10_eff_date',
  'icd10_term_date',
  'resolution_code',
];

/**
 * Streams CMS's lab NCD spreadsheet (`2022200-…-NCD-Spreadsheet-….xlsx`, first worksheet): after
 * legend lines, a header over two rows (NCD Number, NCD DESCRIPTION, CPT/HCPCS CODES, CPT/HCPCS
 * EFF DATE, CPT/HCPCS TERM DATE, ICD-10 CODE, ICD-10 EFF DATE, ICD-10 TERM DATE, RESOLUTION CODE),
 * then one row per ICD-10-CM entry, the policy's CPT/HCPCS codes down its first rows beside them.
 * Each row is read as the CSV rows it stands for and checked as those are: the title, written on
 * a policy's first row only, carries down; range_start and range_end are the ends of the ICD-10
 * cell; date cells become yyyy-mm-dd; a number cell 190.3 (Excel drops the trailing zero) is
 * 190.30. A row with neither code, or a header other than this, is a {@link FileFormatError}.
 * Calls the handlers given, in row order; resolves to the number of rows.
 */
export async function readNcdWorkbook(
  file: string,
  on: { procedure?: (row: NcdProcedureRow) => void; diagnosis?: (row: NcdDiagnosisRow) => void },
): Promise<number> {
  const rows = tableRows({ ...fileSource(file), name: file });
  let count = 0;
  try {
    await findHeader(file, rows, SHEET_TITLES, 'NCD lab spreadsheet');
    await findHeader(file, rows, SHEET_SUBTITLES, 'NCD lab spreadsheet second');
    const titles = new Map<string, string>();
    for await (const { line, cells } of rows) {
      const sheet = (column: SheetColumn): string => cells[SHEET_COLUMNS.indexOf(column)] ?? '';
      const id = sheet('ncd_id').replace(/^(\d{3}\.\d)$/, '$10');
      if (sheet('ncd_title') !== '' && !titles.has(id)) titles.set(id, sheet('ncd_title'));
      const listed = sheet('icd10cm');
      const parts = listed.toUpperCase().split('-');
      const cell = (column: SheetColumn): string => {
        if (column === 'ncd_id') return id;
        if (column === 'ncd_title') return titles.get(id) ?? '';
        if (column === 'range_start') return parts[0];
        if (column === 'range_end') return parts[parts.length - 1];
        return column.endsWith('_date') ? sheet(column).replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3') : sheet(column);
      };
      if (sheet('cpt_hcpcs_code') === '' && listed === '') {
        throw new FileFormatError(file, line, `expected a CPT/HCPCS code or an ICD-10 code in the row of ${id || 'no NCD'}, found neither`);
      }
      if (sheet('cpt_hcpcs_code') !== '') on.procedure?.(procedureRow(file, line, cell));
      if (listed !== '') on.diagnosis?.(diagnosisRow(file, line, cell, cell));
      count++;
    }
  } finally {
    await rows.return(undefined);
  }
  return count;
}

/**
 * Streams a CSV with a header row and calls `onRow` with trimmed (`cell`) and untouched (`raw`)
 * access to the required columns and the row's first line; resolves to the number of rows.
 */
async function readCsv<C extends string>(file: string, required: readonly C[], onRow: (cell: Cell<C>, line: number, raw: Cell<C>) => void): Promise<number> {
  const parser = parse({
    bom: true,
    info: true,
    columns: (header: string[]) => {
      const missing = required.filter((column) => !header.includes(column));
      if (missing.length > 0) {
        const names = missing.map((name) => `"${name}"`).join(', ');
        throw new FileFormatError(
          file,
          1,
          `expected ${missing.length === 1 ? 'a column' : 'columns'} ${names} in the header, found ${header.map((name) => `"${name}"`).join(', ')}`,
        );
      }
      return header;
    },
  });
  const source = openRelease(file);
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);

  let rows = 0;
  let previousEnd = 1;
  try {
    for await (const { info, record } of parser as AsyncIterable<{ info: { lines: number }; record: Record<string, string | undefined> }>) {
      // Empty lines are not skipped (they fail the cell count), so a row starts right after the previous one.
      const line = previousEnd + 1;
      previousEnd = info.lines;
      const raw = (column: C): string => record[column] ?? '';
      onRow((column) => raw(column).trim(), line, raw);
      rows++;
    }
  } catch (error) {
    source.destroy();
    throw asFormatError(file, error);
  }
  return rows;
}

/** ncd_id and ncd_title of a row, checked. */
function readPolicy(file: string, line: number, cell: Cell<'ncd_id' | 'ncd_title'>): { id: string; title: string } {
  const id = cell('ncd_id');
  if (!POLICY_ID.test(id)) throw new FileFormatError(file, line, `expected ncd_id as an NCD number like 190.12 or 190.20A, found "${id}"`);
  const title = cell('ncd_title');
  if (title === '') throw new FileFormatError(file, line, `expected an ncd_title for ${id}, found an empty cell`);
  return { id, title };
}

/** The eff and term date cells as ISO dates or null, the term date not before the eff date. */
function readDates<C extends string>(file: string, line: number, cell: Cell<C>, effColumn: C, termColumn: C): { from: string | null; to: string | null } {
  const from = isoDate(file, line, effColumn, cell(effColumn));
  const to = isoDate(file, line, termColumn, cell(termColumn));
  if (from !== null && to !== null && to < from) {
    throw new FileFormatError(file, line, `expected ${termColumn} on or after ${effColumn} ${from}, found "${to}"`);
  }
  return { from, to };
}

/** A yyyy-mm-dd cell; null when empty; a FileFormatError when not a calendar date. */
function isoDate(file: string, line: number, column: string, value: string): string | null {
  if (value === '') return null;
  const parsed = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    throw new FileFormatError(file, line, `expected ${column} as a yyyy-mm-dd date, found "${value}"`);
  }
  return value;
}

/** csv-parse errors (unclosed quote, wrong cell count) become FileFormatErrors at their line. */
function asFormatError(file: string, error: unknown): unknown {
  if (!(error instanceof CsvError) || typeof error.lines !== 'number') return error;
  return new FileFormatError(file, error.lines, `expected RFC 4180 CSV with one cell per header column: ${error.message}`);
}
