import { CsvError, parse } from 'csv-parse';
import { FileFormatError } from './file-format-error';
import { openRelease } from './read-lines';
import { baseName, fileSource, tableRows, zipMembers, type TableSource } from '../cms/table-rows';

/** One HCPCS Level II code (RECID 3) or modifier (RECID 7) of the alpha-numeric file. */
export interface HcpcsRecord {
  kind: 'code' | 'modifier'; // RECID 3 / 7
  /** Trimmed: "J1100", or a 2-character modifier "GA" (the sheet right-justifies modifiers with spaces). */
  code: string;
  /** The full long description, continuation rows joined with one space. */
  longDescription: string;
  shortDescription: string;
  /** COV, the Medicare coverage code (C, D, I, M, S). */
  coverageCode: string | null;
  /** ADD DT, ACT EFF DT, TERM DT as ISO yyyy-mm-dd. */
  addedDate: string | null;
  effectiveDate: string | null;
  terminationDate: string | null;
  actionCode: string | null;
  betosCode: string | null;
  /** XREF1-5, the non-empty ones in column order. */
  crossReferences: string[];
  /** Line of the record's first row (the header is line 1). */
  line: number;
}

/** Columns this parser reads; the header must name each of them (others are ignored). */
const REQUIRED_COLUMNS = [
  'HCPC',
  'SEQNUM',
  'RECID',
  'LONG DESCRIPTION',
  'SHORT DESCRIPTION',
  'XREF1',
  'XREF2',
  'XREF3',
  'XREF4',
  'XREF5',
  'COV',
  'BETOS',
  'ADD DT',
  'ACT EFF DT',
  'TERM DT',
  'ACTION CD',
] as const;

type Row = Record<string, string | undefined>;

/** The record being read: emitted once the next record starts (its continuation rows are over). */
interface PendingRecord {
  record: HcpcsRecord;
  seqnum: number;
  parts: string[];
}

/** RECID of a first row (3 code, 7 modifier) and of a continuation row (4, 8) in the CMS layout. */
const KIND_BY_RECID: Readonly<Record<string, { kind: HcpcsRecord['kind']; continuation: boolean }>> = {
  '3': { kind: 'code', continuation: false },
  '4': { kind: 'code', continuation: true },
  '7': { kind: 'modifier', continuation: false },
  '8': { kind: 'modifier', continuation: true },
};

const CODE_PATTERN = { code: /^[A-Z]\d{4}$/, modifier: /^[0-9A-Z]{2}$/ } as const;
const CODE_EXPECTED = { code: 'an HCPCS code (a letter and 4 digits)', modifier: 'a modifier (2 letters or digits)' } as const;

/**
 * Streams the HCPCS Level II alpha-numeric file and calls `onRecord` once per code/modifier, in file
 * order. The file is the workbook as CMS publishes it (`HCPCyyyy_MMM_ANWEB.xlsx`, its first
 * worksheet), CMS's zip that holds it (the member named `HCPCyyyy_MMM_ANWEB*.xlsx` is read), or a
 * CSV copy of the sheet (`.csv[.gz]`); each has a header row and one row per code or modifier.
 *
 * Contract: the header must contain {@link REQUIRED_COLUMNS}. RECID 3 starts a code and 7 a
 * modifier. A row with the same HCPC as the record before it and a higher SEQNUM continues that
 * record's long description (the CMS text layout splits long descriptions this way, RECID 4/8;
 * the October 2025 sheet has none, every SEQNUM is 0010); its other cells are ignored. HCPC must
 * match /^[A-Z]\d{4}$/ for codes and /^[0-9A-Z]{2}$/ (after trimming) for modifiers, and appear
 * once; dates must be yyyymmdd calendar dates. Cells are trimmed, and empty cells of the nullable
 * fields become null. Long and short descriptions must not be empty. Violations reject with a
 * {@link FileFormatError} naming the line.
 */
export async function readHcpcs(
  file: string,
  onRecord: (record: HcpcsRecord) => void,
): Promise<{ codes: number; modifiers: number; /** The file, or "file.zip!member.xlsx". */ read: string }> {
  const counts = { codes: 0, modifiers: 0 };
  const seen = new Map<string, number>();
  let pending: PendingRecord | null = null;

  const emit = ({ record, parts }: PendingRecord): void => {
    onRecord({ ...record, longDescription: parts.join(' ') });
    if (record.kind === 'code') counts.codes++;
    else counts.modifiers++;
  };

  const table = await hcpcsTable(file);
  file = table.name;
  try {
    for await (const { line, row } of table.rows) {
      const cell = (column: (typeof REQUIRED_COLUMNS)[number]): string => (row[column] ?? '').trim();

      const recid = cell('RECID');
      const type = KIND_BY_RECID[recid];
      if (!type) throw new FileFormatError(file, line, `expected RECID 3 (code) or 7 (modifier), found "${recid}"`);
      const code = cell('HCPC');
      if (!CODE_PATTERN[type.kind].test(code)) {
        throw new FileFormatError(file, line, `expected ${CODE_EXPECTED[type.kind]} in HCPC for RECID ${recid}, found "${row.HCPC ?? ''}"`);
      }
      const seqText = cell('SEQNUM');
      if (!/^\d{1,4}$/.test(seqText)) throw new FileFormatError(file, line, `expected SEQNUM as up to 4 digits, found "${seqText}"`);
      const seqnum = Number(seqText);
      const description = cell('LONG DESCRIPTION');

      if (pending && pending.record.code === code && pending.record.kind === type.kind && seqnum > pending.seqnum) {
        if (description !== '') pending.parts.push(description);
        pending.seqnum = seqnum;
        continue;
      }
      if (type.continuation) {
        throw new FileFormatError(
          file,
          line,
          `expected RECID 3 (code) or 7 (modifier) to start ${code}, found continuation RECID ${recid} without a preceding row of ${code}`,
        );
      }
      const key = `${type.kind}:${code}`;
      const firstLine = seen.get(key);
      if (firstLine !== undefined)
        throw new FileFormatError(
          file,
          line,
          `expected each HCPC once (or continuation rows with increasing SEQNUM), found "${code}" again after line ${firstLine}`,
        );
      seen.set(key, line);
      if (pending) emit(pending);

      const shortDescription = cell('SHORT DESCRIPTION');
      if (description === '') throw new FileFormatError(file, line, `expected a LONG DESCRIPTION for ${code}, found an empty cell`);
      if (shortDescription === '') throw new FileFormatError(file, line, `expected a SHORT DESCRIPTION for ${code}, found an empty cell`);
      const date = (column: 'ADD DT' | 'ACT EFF DT' | 'TERM DT'): string | null => isoDate(file, line, column, cell(column));
      pending = {
        seqnum,
        parts: [description],
        record: {
          kind: type.kind,
          code,
          longDescription: description,
          shortDescription,
          coverageCode: cell('COV') || null,
          addedDate: date('ADD DT'),
          effectiveDate: date('ACT EFF DT'),
          terminationDate: date('TERM DT'),
          actionCode: cell('ACTION CD') || null,
          betosCode: cell('BETOS') || null,
          crossReferences: (['XREF1', 'XREF2', 'XREF3', 'XREF4', 'XREF5'] as const).map(cell).filter((value) => value !== ''),
          line,
        },
      };
    }
  } catch (error) {
    throw asFormatError(file, error);
  }
  if (pending) emit(pending);
  return { ...counts, read: table.name };
}

interface TableRecord {
  /** The row's first line (the header is line 1). */
  line: number;
  row: Row;
}

/** The HCPCS table of a file: its name for messages and its rows by header column; the zip's ANWEB workbook for a zip. */
async function hcpcsTable(file: string): Promise<{ name: string; rows: AsyncGenerator<TableRecord> }> {
  const lower = file.toLowerCase();
  if (lower.endsWith('.zip')) {
    const members = await zipMembers({ ...fileSource(file), name: file });
    const member = members.find((m) => ANWEB_WORKBOOK.test(baseName(m)));
    if (!member) {
      const found = members.map((m) => `"${baseName(m)}"`).join(', ') || 'no files';
      throw new FileFormatError(file, 1, `expected the zip to hold the alpha-numeric workbook HCPCyyyy_MMM_ANWEB*.xlsx, found ${found}`);
    }
    return { name: member.name, rows: sheetRecords(member) };
  }
  if (lower.endsWith('.xlsx')) return { name: file, rows: sheetRecords({ ...fileSource(file), name: file }) };
  return { name: file, rows: csvRecords(file) };
}

/** The ANWEB workbook among the members of CMS's HCPCS zip (beside the text layout, notes and PDFs). */
const ANWEB_WORKBOOK = /^HCPC\d{4}_[A-Z]{3}_ANWEB.*\.xlsx$/i;

/** The header must name every required column; the message lists what it found. */
function checkHeader(file: string, header: string[]): void {
  const missing = REQUIRED_COLUMNS.find((column) => !header.includes(column));
  if (missing) throw new FileFormatError(file, 1, `expected a column "${missing}" in the header, found ${header.map((name) => `"${name}"`).join(', ')}`);
}

/** Rows of the CSV form; a record's line is the one after the previous record ends (empty lines are not skipped). */
async function* csvRecords(file: string): AsyncGenerator<TableRecord> {
  const parser = parse({ bom: true, info: true, columns: (header: string[]) => (checkHeader(file, header), header) });
  const source = openRelease(file);
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let previousEnd = 1;
  try {
    for await (const { info, record } of parser as AsyncIterable<{ info: { lines: number }; record: Row }>) {
      yield { line: previousEnd + 1, row: record };
      previousEnd = info.lines;
    }
  } finally {
    source.destroy();
  }
}

/** Rows of the first worksheet of the workbook, the header in its first row; empty rows are left out. */
async function* sheetRecords(source: TableSource): AsyncGenerator<TableRecord> {
  let header: string[] | null = null;
  for await (const { line, cells } of tableRows(source)) {
    if (header === null) {
      if (line !== 1) throw new FileFormatError(source.name, 1, `expected the header row in row 1, found it empty`);
      checkHeader(source.name, cells);
      header = cells;
      continue;
    }
    yield { line, row: Object.fromEntries(header.map((column, i) => [column, cells[i] ?? ''])) };
  }
  if (header === null)
    throw new FileFormatError(
      source.name,
      1,
      `expected a header row with the columns ${REQUIRED_COLUMNS.map((c) => `"${c}"`).join(', ')}, found an empty sheet`,
    );
}

/** A yyyymmdd cell as ISO yyyy-mm-dd; null when empty; a FileFormatError when not a calendar date. */
function isoDate(file: string, line: number, column: string, value: string): string | null {
  if (value === '') return null;
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  const iso = match ? `${match[1]}-${match[2]}-${match[3]}` : '';
  const parsed = new Date(`${iso}T00:00:00Z`);
  if (!match || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso) {
    throw new FileFormatError(file, line, `expected ${column} as a yyyymmdd date, found "${value}"`);
  }
  return iso;
}

/** csv-parse errors (unclosed quote, wrong field count) become FileFormatErrors at their line. */
function asFormatError(file: string, error: unknown): unknown {
  if (!(error instanceof CsvError) || typeof error.lines !== 'number') return error;
  return new FileFormatError(file, error.lines, `expected RFC 4180 CSV with one cell per header column: ${error.message}`);
}
