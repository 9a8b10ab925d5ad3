import { FileFormatError } from './file-format-error';
import { readLines } from './read-lines';

/**
 * One change of a codes addenda file. `line` is the line of the change (for a revision, the line
 * of its "Revise from:"). `from`/`to` are the long titles before and after the revision.
 */
export type AddendaChange = (
  { kind: 'added' | 'deleted'; code: string; title: string; line: number } | { kind: 'revised'; code: string; from: string; to: string; line: number }
) & {
  /** In an order-file addenda: true for a header (not billable), false for a billable code; absent in a codes addenda. */
  header?: boolean;
};

/**
 * The two layouts CDC publishes: the codes addenda (`icd10cm_codes_addenda_YYYY.txt`, billable codes
 * only) and the order-file addenda (`icd10cm_order_addenda_YYYY.txt`, headers too, with a header
 * flag and both titles).
 */
export type AddendaLayout = 'codes' | 'order';

const KEYWORDS = ['Add:', 'Delete:', 'Revise from:', 'Revise to:'] as const;
type Keyword = (typeof KEYWORDS)[number];

/** An ICD-10-CM (3-7 characters) or ICD-10-PCS (7 characters) code, without the dot. */
const CODE = /^[0-9A-Z]{3,7}$/;

/**
 * A count line of the summary block, e.g. "    487 additions", "  74719 codes in icd10cm_order_2026.txt"
 * or, in the order-file addenda, "  23467 headers in icd10cm_order_2026.txt" and "      6 revisions to both long and short titles".
 */
const SUMMARY_LINE = /^\s*(\d+) (additions|deletions|revisions|(?:codes|headers) in \S+|revisions to .+)$/;

/** The words that open a part of the summary block: its counts are of headers or of codes. */
const SUMMARY_PARTS = { Codes: 'codes', Headers: 'headers' } as const;
type SummaryPart = (typeof SUMMARY_PARTS)[keyof typeof SUMMARY_PARTS];

interface ChangeLine {
  keyword: Keyword;
  code: string;
  title: string;
  line: number;
  header?: boolean;
}

interface SummaryEntry {
  count: number;
  what: string;
  line: number;
  part: SummaryPart;
}

/**
 * Reads an ICD-10-CM or ICD-10-PCS codes addenda file (`icd10cm_codes_addenda_YYYY.txt`,
 * `codes_addenda_YYYY.txt`): one change per line, cols 1-13 keyword (`Add:`, `Delete:`,
 * `Revise from:`, `Revise to:`), cols 14-20 code (left-justified), col 21 blank, col 22-end long
 * title. With layout `order`, an ICD-10-CM order-file addenda (`icd10cm_order_addenda_YYYY.txt`,
 * the layout of the order file after the keyword): col 14 the header flag (0 a header, 1 billable),
 * col 15 blank, cols 16-22 code, col 23 blank, cols 24-83 short title, col 84 blank, col 85-end long
 * title. A "Revise from:" must be followed directly by the "Revise to:" of the same code; the pair
 * makes one 'revised' change.
 *
 * The changes end at the first blank line. What follows is the summary block ("Codes", and in the
 * order-file addenda "Headers" too, each followed by counts: codes or headers in the previous and
 * the new order file, additions, deletions, revisions, and "of which" the revisions by title); it
 * is not a change, but it is checked: per part, its counts must equal the changes read, and
 * previous + additions - deletions must equal new. A file without a summary block is accepted.
 * Returns the changes in file order; anything off-layout rejects with a {@link FileFormatError}.
 */
export async function readAddenda(file: string, layout: AddendaLayout = 'codes'): Promise<AddendaChange[]> {
  const changes: AddendaChange[] = [];
  let pendingFrom: ChangeLine | null = null;
  let inSummary = false;
  let part: SummaryPart = 'codes';
  const summary: SummaryEntry[] = [];

  for await (const { line, text } of readLines(file)) {
    if (inSummary) {
      const trimmed = text.trim();
      if (trimmed === '' || trimmed === 'of which') continue;
      if (trimmed in SUMMARY_PARTS) {
        part = SUMMARY_PARTS[trimmed as keyof typeof SUMMARY_PARTS];
        continue;
      }
      const match = SUMMARY_LINE.exec(text);
      if (!match) throw new FileFormatError(file, line, `expected a summary count such as "    487 additions" after the changes, found "${text}"`);
      summary.push({ count: Number(match[1]), what: match[2] ?? '', line, part });
      continue;
    }
    if (text.trim() === '') {
      if (pendingFrom) throw unpairedRevision(file, line, pendingFrom, 'a blank line');
      inSummary = true;
      continue;
    }
    const change = layout === 'order' ? parseOrderChangeLine(file, line, text) : parseChangeLine(file, line, text);
    const flag = change.header === undefined ? {} : { header: change.header };
    if (pendingFrom) {
      if (change.keyword !== 'Revise to:' || change.code !== pendingFrom.code) {
        throw unpairedRevision(file, line, pendingFrom, `"${change.keyword} ${change.code}"`);
      }
      changes.push({ kind: 'revised', code: change.code, from: pendingFrom.title, to: change.title, line: pendingFrom.line, ...flag });
      pendingFrom = null;
      continue;
    }
    switch (change.keyword) {
      case 'Add:':
        changes.push({ kind: 'added', code: change.code, title: change.title, line, ...flag });
        break;
      case 'Delete:':
        changes.push({ kind: 'deleted', code: change.code, title: change.title, line, ...flag });
        break;
      case 'Revise from:':
        pendingFrom = change;
        break;
      case 'Revise to:':
        throw new FileFormatError(file, line, `expected "Revise from:" for ${change.code} before "Revise to:", found "Revise to:" alone`);
    }
  }
  if (pendingFrom) throw unpairedRevision(file, pendingFrom.line, pendingFrom, 'the end of the file');
  for (const counted of Object.values(SUMMARY_PARTS)) {
    const entries = summary.filter((entry) => entry.part === counted);
    // A codes addenda has no header flag: its one part counts every change.
    const own = changes.filter((change) => change.header === undefined || change.header === (counted === 'headers'));
    checkSummary(file, own, entries);
  }
  return changes;
}

function keywordOf(file: string, line: number, text: string): Keyword {
  const keyword = KEYWORDS.find((candidate) => text.slice(0, 13).trimEnd() === candidate);
  if (!keyword)
    throw new FileFormatError(file, line, `expected ${KEYWORDS.map((k) => `"${k}"`).join(', ')} in columns 1-13, found "${text.slice(0, 13).trimEnd()}"`);
  return keyword;
}

/** The code field of a change line: a code, left-justified, then a blank; columns are 1-based. */
function codeAt(file: string, line: number, text: string, first: number, last: number): string {
  const field = text.slice(first - 1, last);
  const code = field.trimEnd();
  if (!CODE.test(code))
    throw new FileFormatError(file, line, `expected a code (3-7 letters or digits, left-justified) in columns ${first}-${last}, found "${field}"`);
  if (text[last] !== ' ')
    throw new FileFormatError(file, line, `expected a blank in column ${last + 1} after code ${code}, found "${text[last] ?? 'end of line'}"`);
  return code;
}

function parseChangeLine(file: string, line: number, text: string): ChangeLine {
  const keyword = keywordOf(file, line, text);
  const code = codeAt(file, line, text, 14, 20);
  const title = text.slice(21).trimEnd();
  if (title === '') throw new FileFormatError(file, line, `expected the long title of ${code} from column 22, found nothing`);
  return { keyword, code, title, line };
}

function parseOrderChangeLine(file: string, line: number, text: string): ChangeLine {
  const keyword = keywordOf(file, line, text);
  const flag = text[13];
  if (flag !== '0' && flag !== '1')
    throw new FileFormatError(file, line, `expected the header flag 0 (header) or 1 (billable) in column 14, found "${flag ?? 'end of line'}"`);
  if (text[14] !== ' ') throw new FileFormatError(file, line, `expected a blank in column 15 after the header flag, found "${text[14] ?? 'end of line'}"`);
  const code = codeAt(file, line, text, 16, 22);
  const title = text.slice(84).trimEnd();
  if (text.slice(23, 83).trim() === '') throw new FileFormatError(file, line, `expected the short title of ${code} in columns 24-83, found nothing`);
  if (title === '') throw new FileFormatError(file, line, `expected the long title of ${code} from column 85, found nothing`);
  return { keyword, code, title, line, header: flag === '0' };
}

function unpairedRevision(file: string, line: number, from: ChangeLine, found: string): FileFormatError {
  return new FileFormatError(file, line, `expected "Revise to: ${from.code}" after "Revise from: ${from.code}" on line ${from.line}, found ${found}`);
}

/** Compares the summary block's counts with the changes read; silent when there is no block. */
function checkSummary(file: string, changes: AddendaChange[], summary: readonly SummaryEntry[]): void {
  const counted: Record<string, { kind: AddendaChange['kind']; keyword: string }> = {
    additions: { kind: 'added', keyword: 'Add:' },
    deletions: { kind: 'deleted', keyword: 'Delete:' },
    revisions: { kind: 'revised', keyword: 'Revise from:/Revise to:' },
  };
  const found = (kind: AddendaChange['kind']): number => changes.filter((change) => change.kind === kind).length;
  for (const entry of summary) {
    const target = counted[entry.what];
    if (target && found(target.kind) !== entry.count) {
      throw new FileFormatError(
        file,
        entry.line,
        `expected the summary to count the ${found(target.kind)} ${target.keyword} changes above, found "${entry.count} ${entry.what}"`,
      );
    }
  }
  const byTitle = summary.filter((entry) => entry.what.startsWith('revisions to '));
  if (byTitle.length > 0 && byTitle.reduce((sum, entry) => sum + entry.count, 0) !== found('revised')) {
    throw new FileFormatError(
      file,
      byTitle[0].line,
      `expected the revisions "of which" to add up to the ${found('revised')} revisions above, found ${byTitle.map((e) => e.count).join(' + ')}`,
    );
  }
  const totals = summary.filter((entry) => / in \S+$/.test(entry.what));
  if (totals.length === 2) {
    const [before, after] = totals as [(typeof totals)[number], (typeof totals)[number]];
    const expected = before.count + found('added') - found('deleted');
    if (after.count !== expected) {
      throw new FileFormatError(
        file,
        after.line,
        `expected ${expected} ${after.what} (${before.count} ${before.what} + ${found('added')} added - ${found('deleted')} deleted), found ${after.count}`,
      );
    }
  }
}
