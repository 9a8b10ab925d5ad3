import { FileFormatError } from './file-format-error';
import { readLines } from './read-lines';

/**
 * One change of a codes addenda file. `line` is the line of the change (for a revision, the line
 * of its "Revise from:"). `from`/`to` are the long titles before and after the revision.
 */
export type AddendaChange =
  { kind: 'added' | 'deleted'; code: string; title: string; line: number } | { kind: 'revised'; code: string; from: string; to: string; line: number };

const KEYWORDS = ['Add:', 'Delete:', 'Revise from:', 'Revise to:'] as const;
type Keyword = (typeof KEYWORDS)[number];

/** An ICD-10-CM (3-7 characters) or ICD-10-PCS (7 characters) code, without the dot. */
const CODE = /^[0-9A-Z]{3,7}$/;

/** A count line of the summary block, e.g. "    487 additions" or "  74719 codes in icd10cm_order_2026.txt". */
const SUMMARY_LINE = /^\s*(\d+) (additions|deletions|revisions|codes in \S+)$/;

interface ChangeLine {
  keyword: Keyword;
  code: string;
  title: string;
  line: number;
}

/**
 * Reads an ICD-10-CM or ICD-10-PCS codes addenda file (`icd10cm_codes_addenda_YYYY.txt`,
 * `codes_addenda_YYYY.txt`): one change per line, cols 1-13 keyword (`Add:`, `Delete:`,
 * `Revise from:`, `Revise to:`), cols 14-20 code (left-justified), col 21 blank, col 22-end long
 * title. A "Revise from:" must be followed directly by the "Revise to:" of the same code; the
 * pair makes one 'revised' change.
 *
 * The changes end at the first blank line. What follows is the summary block ("Codes", then
 * counts: codes in the previous and the new codes file, additions, deletions, revisions); it is
 * not a change, but it is checked: its counts must equal the changes read, and
 * previous + additions - deletions must equal new. A file without a summary block is accepted.
 * Returns the changes in file order; anything off-layout rejects with a {@link FileFormatError}.
 */
export async function readAddenda(file: string): Promise<AddendaChange[]> {
  const changes: AddendaChange[] = [];
  let pendingFrom: ChangeLine | null = null;
  let inSummary = false;
  const summary: Array<{ count: number; what: string; line: number }> = [];

  for await (const { line, text } of readLines(file)) {
    if (inSummary) {
      if (text.trim() === '' || text.trim() === 'Codes') continue;
      const match = SUMMARY_LINE.exec(text);
      if (!match) throw new FileFormatError(file, line, `expected a summary count such as "    487 additions" after the changes, found "${text}"`);
      summary.push({ count: Number(match[1]), what: match[2] ?? '', line });
      continue;
    }
    if (text.trim() === '') {
      if (pendingFrom) throw unpairedRevision(file, line, pendingFrom, 'a blank line');
      inSummary = true;
      continue;
    }
    const change = parseChangeLine(file, line, text);
    if (pendingFrom) {
      if (change.keyword !== 'Revise to:' || change.code !== pendingFrom.code) {
        throw unpairedRevision(file, line, pendingFrom, `"${change.keyword} ${change.code}"`);
      }
      changes.push({ kind: 'revised', code: change.code, from: pendingFrom.title, to: change.title, line: pendingFrom.line });
      pendingFrom = null;
      continue;
    }
    switch (change.keyword) {
      case 'Add:':
        changes.push({ kind: 'added', code: change.code, title: change.title, line });
        break;
      case 'Delete:':
        changes.push({ kind: 'deleted', code: change.code, title: change.title, line });
        break;
      case 'Revise from:':
        pendingFrom = change;
        break;
      case 'Revise to:':
        throw new FileFormatError(file, line, `expected "Revise from:" for ${change.code} before "Revise to:", found "Revise to:" alone`);
    }
  }
  if (pendingFrom) throw unpairedRevision(file, pendingFrom.line, pendingFrom, 'the end of the file');
  checkSummary(file, changes, summary);
  return changes;
}

function parseChangeLine(file: string, line: number, text: string): ChangeLine {
  const keyword = KEYWORDS.find((candidate) => text.slice(0, 13).trimEnd() === candidate);
  if (!keyword)
    throw new FileFormatError(file, line, `expected ${KEYWORDS.map((k) => `"${k}"`).join(', ')} in columns 1-13, found "${text.slice(0, 13).trimEnd()}"`);
  const field = text.slice(13, 20);
  const code = field.trimEnd();
  if (!CODE.test(code)) throw new FileFormatError(file, line, `expected a code (3-7 letters or digits, left-justified) in columns 14-20, found "${field}"`);
  if (text[20] !== ' ') throw new FileFormatError(file, line, `expected a blank in column 21 after code ${code}, found "${text[20] ?? 'end of line'}"`);
  const title = text.slice(21).trimEnd();
  if (title === '') throw new FileFormatError(file, line, `expected the long title of ${code} from column 22, found nothing`);
  return { keyword, code, title, line };
}

function unpairedRevision(file: string, line: number, from: ChangeLine, found: string): FileFormatError {
  return new FileFormatError(file, line, `expected "Revise to: ${from.code}" after "Revise from: ${from.code}" on line ${from.line}, found ${found}`);
}

/** Compares the summary block's counts with the changes read; silent when there is no block. */
function checkSummary(file: string, changes: AddendaChange[], summary: Array<{ count: number; what: string; line: number }>): void {
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
  const totals = summary.filter((entry) => entry.what.startsWith('codes in '));
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
