import { FileFormatError } from '../official/file-format-error';
import { findHeader } from './header';
import type { TableRow } from './table-rows';

export type NcciSetting = 'PRACTITIONER' | 'OUTPATIENT_HOSPITAL' | 'DME_SUPPLIER';

/** One NCCI procedure-to-procedure edit as the file states it. */
export interface PtpEdit {
  column1: string;
  column2: string;
  /** The "*" of "in existence prior to 1996". */
  before1996: boolean;
  /** ISO date. */
  effectiveFrom: string;
  /** ISO date, or null for "*" (no deletion date: in force). */
  effectiveTo: string | null;
  /** 0 not allowed, 1 allowed, 9 not applicable. */
  modifierIndicator: 0 | 1 | 9;
  rationale: string;
  /** The line of the file, for messages. */
  line: number;
}

export const PTP_COLUMNS = [
  'Column 1',
  'Column 2',
  '*=in existence prior to 1996',
  'Effective Date',
  'Deletion Date',
  'Modifier',
  'PTP Edit Rationale',
] as const;

const CODE = /^[0-9A-Z]{4}[0-9A-Z]$/;
const DATE = /^(\d{4})(\d{2})(\d{2})$/;

function isoDate(file: string, line: number, raw: string, column: string): string {
  const m = DATE.exec(raw);
  const iso = m ? `${m[1]}-${m[2]}-${m[3]}` : '';
  if (!m || Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) || new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) !== iso) {
    throw new FileFormatError(file, line, `${column} "${raw}" is not a date: expected YYYYMMDD`);
  }
  return iso;
}

/**
 * The edits of a CMS PTP file (ccipra-… practitioner, ccioph-… hospital outpatient), in the .txt or
 * .xlsx form: the header row is found by its titles after the copyright lines, the label rows under
 * it (first cells empty) are skipped, and every other row must be an edit: two five-character
 * codes, "*" or nothing, an effective date, a deletion date or "*", a modifier indicator 0, 1 or 9,
 * and a rationale. Anything else stops the read with the file and line.
 */
export async function* parsePtp(file: string, rows: AsyncIterable<TableRow>): AsyncGenerator<PtpEdit> {
  const it = rows[Symbol.asyncIterator]();
  await findHeader(file, it, PTP_COLUMNS, 'PTP');
  for (let next = await it.next(); !next.done; next = await it.next()) {
    const { line, cells } = next.value;
    if (cells.every((c) => c === '')) continue;
    if (cells[0] === '' && cells[1] === '') continue; // the label rows under the header ("0=not allowed", …)
    if (cells.length < 7)
      throw new FileFormatError(file, line, `${cells.length} column(s); expected the 7 columns ${PTP_COLUMNS.map((c) => `"${c}"`).join(', ')}`);
    const [c1, c2, before, from, to, modifier, rationale] = cells as [string, string, string, string, string, string, string];
    for (const [value, column] of [
      [c1, 'Column 1'],
      [c2, 'Column 2'],
    ] as const) {
      if (!CODE.test(value)) throw new FileFormatError(file, line, `${column} "${value}" is not a CPT/HCPCS code: expected five letters or digits`);
    }
    if (before !== '' && before !== '*') throw new FileFormatError(file, line, `"in existence prior to 1996" is "${before}": expected "*" or nothing`);
    if (modifier !== '0' && modifier !== '1' && modifier !== '9')
      throw new FileFormatError(file, line, `Modifier "${modifier}" is not an indicator: expected 0 (not allowed), 1 (allowed) or 9 (not applicable)`);
    yield {
      column1: c1,
      column2: c2,
      before1996: before === '*',
      effectiveFrom: isoDate(file, line, from, 'Effective Date'),
      effectiveTo: to === '*' || to === '' ? null : isoDate(file, line, to, 'Deletion Date'),
      modifierIndicator: Number(modifier) as 0 | 1 | 9,
      rationale,
      line,
    };
  }
}
