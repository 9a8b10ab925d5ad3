import { FileFormatError } from './file-format-error';
import { readLines } from './read-lines';

/** One line of the ICD-10-CM order file ("Code Descriptions in Tabular Order"). */
export interface OrderRecord {
  /** Tabular order, 1-based. */
  order: number;
  /** As the file writes it: no dot (E119, S52521A). */
  code: string;
  /** True for codes valid on HIPAA transactions, false for headers. */
  billable: boolean;
  shortTitle: string;
  longTitle: string;
  line: number;
}

const CODE = /^[A-Z](\d[0-9A-Z]|[A-Z]\d)[0-9A-Z]{0,4}$/;

/**
 * Parses one line by the CMS fixed-width layout: cols 1-5 order number, 7-13 code, 15 the billable
 * flag, 17-76 short title, 78-end long title (1-based). Throws FileFormatError naming what was expected.
 */
export function parseOrderLine(file: string, line: number, text: string): OrderRecord {
  const fail = (problem: string) => new FileFormatError(file, line, problem);
  if (text.length < 78)
    throw fail(`expected a fixed-width order-file line of at least 78 characters, found ${text.length}: ${JSON.stringify(text.slice(0, 40))}`);
  const order = text.slice(0, 5);
  if (!/^\d{5}$/.test(order)) throw fail(`expected a 5-digit order number in columns 1-5, found ${JSON.stringify(order)}`);
  const code = text.slice(6, 13).trimEnd();
  if (!CODE.test(code)) throw fail(`expected an ICD-10-CM code without the dot in columns 7-13 (E119), found ${JSON.stringify(code)}`);
  const flag = text[14];
  if (flag !== '0' && flag !== '1') throw fail(`expected the billable flag 0 or 1 in column 15, found ${JSON.stringify(flag)}`);
  if (text[5] !== ' ' || text[13] !== ' ' || text[15] !== ' ' || text[76] !== ' ') {
    throw fail('expected blanks in columns 6, 14, 16 and 77 of the fixed-width layout');
  }
  const shortTitle = text.slice(16, 76).trim();
  const longTitle = text.slice(77).trim();
  if (!shortTitle || !longTitle) throw fail(`expected a short title (columns 17-76) and a long title (column 78 on) for ${code}`);
  return { order: Number(order), code, billable: flag === '1', shortTitle, longTitle, line };
}

/**
 * Streams the order file, plain or gzipped, calling onRecord per line in tabular order. Checks
 * that order numbers run 1, 2, 3 ... and that no code is listed twice. Blank lines are allowed only
 * at the end.
 */
export async function readOrderFile(file: string, onRecord: (record: OrderRecord) => void): Promise<{ codes: number; billable: number }> {
  const seen = new Set<string>();
  let codes = 0;
  let billable = 0;
  let blankAt = 0;
  for await (const { line, text } of readLines(file)) {
    if (text.trim() === '') {
      blankAt ||= line;
      continue;
    }
    if (blankAt) throw new FileFormatError(file, blankAt, 'expected no blank line between order-file records');
    const record = parseOrderLine(file, line, text);
    if (record.order !== codes + 1)
      throw new FileFormatError(file, line, `expected order number ${String(codes + 1).padStart(5, '0')}, found ${String(record.order).padStart(5, '0')}`);
    if (seen.has(record.code)) throw new FileFormatError(file, line, `code ${record.code} is listed twice`);
    seen.add(record.code);
    codes++;
    if (record.billable) billable++;
    onRecord(record);
  }
  if (codes === 0) throw new FileFormatError(file, 1, 'expected order-file records, found an empty file');
  return { codes, billable };
}
