import { FileFormatError } from '../official/file-format-error';
import type { TableRow } from './table-rows';

/** How far into a file the header row may stand (after CMS's copyright and title lines). */
const HEADER_SEARCH_ROWS = 40;

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Finds the header row by its column titles: the first row whose first cell matches the first
 * title. Its cells must then match every title, in order (a title matches a cell that starts with
 * it, case and spacing aside). A re-ordered or missing column stops the read with the file, the
 * line and the columns expected; a file with no header row names the titles it looked for.
 */
export async function findHeader(file: string, rows: AsyncIterator<TableRow>, titles: readonly string[], what: string): Promise<TableRow> {
  const expected = titles.map((t) => `"${t}"`).join(', ');
  for (let seen = 0; seen < HEADER_SEARCH_ROWS; seen += 1) {
    const next = await rows.next();
    if (next.done) break;
    const { cells, line } = next.value;
    if (cells.length === 0 || !norm(cells[0] ?? '').startsWith(norm(titles[0]))) continue;
    const ok = titles.every((t, i) => norm(cells[i] ?? '').startsWith(norm(t)));
    if (!ok)
      throw new FileFormatError(
        file,
        line,
        `the ${what} header row has columns ${cells.map((c) => `"${c}"`).join(', ')}; expected the columns ${expected}, in that order`,
      );
    return next.value;
  }
  throw new FileFormatError(file, 1, `no ${what} header row in the first ${HEADER_SEARCH_ROWS} lines: expected a row with the columns ${expected}`);
}
