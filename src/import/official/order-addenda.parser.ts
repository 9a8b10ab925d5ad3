import { FileFormatError } from './file-format-error';
import { readLines } from './read-lines';

/**
 * The CDC/CMS order-file addenda (`icd10cm_order_addenda_YYYY.txt`), read for what the codes
 * addenda cannot say: changes to headers (categories and subcategories, billable flag 0), which the
 * codes file does not list (FY2026: 143 headers added, e.g. C50.A, L98.A, T36.AX3; 7 revised).
 *
 * Layout (icd10OrderFiles.pdf; 1-based columns): cols 1-13 keyword (`Add:`, `Delete:`,
 * `Revise from:`, `Revise to:`), col 14 billable flag (0 header, 1 billable), col 15 blank, cols
 * 16-22 code (no dot, padded), col 23 blank, cols 24-83 short title, col 84 blank, col 85-end long
 * title. A summary block without keywords ends the file ("Headers", "143 additions"...); it is not read.
 */
export type OrderAddendaChange =
  | { kind: 'added'; code: string; title: string }
  | { kind: 'deleted'; code: string; title: string }
  | { kind: 'revised'; code: string; from: string; to: string };

const KEYWORDS = ['Add:', 'Delete:', 'Revise from:', 'Revise to:'] as const;
const CODE = /^[A-Z][0-9][0-9A-Z][0-9A-Z]{0,4}$/;

/** The header changes (flag 0) in file order; a keyword line off the layout is a FileFormatError. */
export async function readOrderAddendaHeaders(file: string): Promise<OrderAddendaChange[]> {
  const changes: OrderAddendaChange[] = [];
  let pendingFrom: { code: string; title: string; line: number } | null = null;
  for await (const { line, text } of readLines(file)) {
    const keyword = KEYWORDS.find((k) => text.slice(0, 13).trimEnd() === k);
    if (keyword === undefined) {
      if (pendingFrom)
        throw new FileFormatError(file, line, `expected "Revise to:" for ${pendingFrom.code} after its "Revise from:" (line ${pendingFrom.line})`);
      continue;
    }
    const flag = text[13];
    const code = text.slice(15, 22).trim();
    if ((flag !== '0' && flag !== '1') || text[14] !== ' ' || !CODE.test(code)) {
      throw new FileFormatError(file, line, `expected a billable flag 0 or 1 in column 14 and a code in columns 16-22, found "${text.slice(13, 22)}"`);
    }
    const title = text.slice(84).trim();
    if (keyword === 'Revise to:') {
      if (!pendingFrom || pendingFrom.code !== code)
        throw new FileFormatError(file, line, `"Revise to: ${code}" without a "Revise from:" for the same code just before it`);
      if (flag === '0') changes.push({ kind: 'revised', code, from: pendingFrom.title, to: title });
      pendingFrom = null;
      continue;
    }
    if (pendingFrom) throw new FileFormatError(file, line, `expected "Revise to:" for ${pendingFrom.code} after its "Revise from:" (line ${pendingFrom.line})`);
    if (keyword === 'Revise from:') pendingFrom = { code, title, line };
    else if (flag === '0') changes.push({ kind: keyword === 'Add:' ? 'added' : 'deleted', code, title });
  }
  return changes;
}
