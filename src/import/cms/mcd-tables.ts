import { FileFormatError } from '../official/file-format-error';
import type { TableRow } from './table-rows';

/**
 * The tables of the Medicare Coverage Database "current article" download that the LCD article
 * import reads, each with the columns it needs, in the order CMS's data dictionary gives them. The
 * real tables carry more columns (the article's HTML text, descriptions, ...): those are ignored
 * wherever they stand.
 */
export const MCD_TABLES = {
  article: [
    'article_id',
    'article_version',
    'article_type',
    'title',
    'article_pub_date',
    'article_eff_date',
    'article_end_date',
    'status',
    'last_updated',
    'display_id',
  ],
  article_x_hcpc_code: ['article_id', 'article_version', 'hcpc_code_id', 'hcpc_code_version', 'hcpc_code_group', 'range'],
  article_x_hcpc_code_group: ['article_id', 'article_version', 'hcpc_code_group', 'paragraph'],
  article_x_icd10_covered: ['article_id', 'article_version', 'icd10_code_id', 'icd10_code_version', 'icd10_covered_group', 'range', 'asterisk'],
  article_x_icd10_covered_group: ['article_id', 'article_version', 'icd10_covered_group', 'paragraph', 'icd10_covered_ast'],
  article_x_icd10_noncovered: ['article_id', 'article_version', 'icd10_code_id', 'icd10_code_version', 'icd10_noncovered_group', 'range'],
  article_x_icd10_noncovered_group: ['article_id', 'article_version', 'icd10_noncovered_group', 'paragraph'],
  article_x_contractor: ['article_id', 'article_version', 'contractor_id', 'contractor_type_id', 'contractor_version'],
  contractor: ['contractor_id', 'contractor_type_id', 'contractor_version', 'contractor_bus_name', 'contractor_number'],
  contractor_jurisdiction: ['contractor_id', 'contractor_type_id', 'contractor_version', 'state_id', 'active_date', 'term_date'],
  state_lookup: ['state_id', 'state_abbrev', 'description'],
  contractor_type_lookup: ['contractor_type_id', 'description'],
  article_related_documents: ['article_id', 'article_version', 'r_lcd_id', 'r_lcd_version'],
} as const satisfies Record<string, readonly string[]>;

export type McdTableName = keyof typeof MCD_TABLES;

/** Tables the download may lack: the contractor types (then named by id) and the links to LCDs. */
export const OPTIONAL_MCD_TABLES: ReadonlySet<McdTableName> = new Set<McdTableName>(['contractor_type_lookup', 'article_related_documents']);

/** One record of a table: its columns by name, and its line in the file. */
export type McdRecord<T extends McdTableName> = { [K in (typeof MCD_TABLES)[T][number]]: string } & { line: number };

/** How far into a file the header row may stand. */
const HEADER_SEARCH_ROWS = 40;

const norm = (s: string) =>
  s
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .trim();

/**
 * Where each needed column stands in a header row, or null when the row is not this table's
 * header (a row is taken for the header when it holds the first needed column's name). A header
 * that lacks a needed column, or holds the needed columns in another order than CMS's, is an error
 * naming the columns expected.
 */
export function columnPositions(file: string, line: number, cells: readonly string[], columns: readonly string[]): number[] | null {
  const names = cells.map(norm);
  if (!names.includes(columns[0])) return null;
  const positions = columns.map((c) => names.indexOf(c));
  const inOrder = positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]));
  if (!inOrder) {
    const missing = columns.filter((_, i) => positions[i] < 0);
    throw new FileFormatError(
      file,
      line,
      `the header row has columns ${cells.map((c) => `"${c}"`).join(', ')}; expected the columns ${columns.map((c) => `"${c}"`).join(', ')}, in that order (other columns may stand between them)${missing.length > 0 ? `; missing ${missing.map((c) => `"${c}"`).join(', ')}` : ''}`,
    );
  }
  return positions;
}

/**
 * The records of one MCD table: the header row is found by its column names (after any lines
 * before it), then every non-empty row becomes a record of the needed columns. A row too short to
 * hold them stops the read with the file and the line.
 */
export async function* readMcdTable<T extends McdTableName>(file: string, table: T, rows: AsyncIterable<TableRow>): AsyncGenerator<McdRecord<T>> {
  const columns: readonly string[] = MCD_TABLES[table];
  const it = rows[Symbol.asyncIterator]();
  let positions: number[] | null = null;
  for (let seen = 0; seen < HEADER_SEARCH_ROWS && positions === null; seen += 1) {
    const next = await it.next();
    if (next.done) break;
    positions = columnPositions(file, next.value.line, next.value.cells, columns);
  }
  if (positions === null)
    throw new FileFormatError(
      file,
      1,
      `no header row in the first ${HEADER_SEARCH_ROWS} lines: expected a row with the columns ${columns.map((c) => `"${c}"`).join(', ')}`,
    );
  const width = Math.max(...positions) + 1;
  for (let next = await it.next(); !next.done; next = await it.next()) {
    const { line, cells } = next.value;
    if (cells.every((c) => c === '')) continue;
    if (cells.length < width)
      throw new FileFormatError(
        file,
        line,
        `${cells.length} column(s); the header names ${width}, expected the columns ${columns.map((c) => `"${c}"`).join(', ')}`,
      );
    const record: Record<string, string | number> = { line };
    columns.forEach((c, i) => (record[c] = cells[positions[i]]));
    yield record as McdRecord<T>;
  }
}

/** "2025-12-18" from the MCD's dates ("2025-12-18", "2025-12-18 00:00:00", "12/18/2025"); null when empty. */
export function mcdDate(file: string, line: number, column: string, raw: string): string | null {
  const text = raw.trim();
  if (text === '') return null;
  let iso: string | null = null;
  const isoMatch = /^(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?$/.exec(text);
  const usMatch = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: .*)?$/.exec(text);
  if (isoMatch) iso = `${isoMatch[1]}-${isoMatch[2]}-${isoMatch[3]}`;
  else if (usMatch) iso = `${usMatch[3]}-${usMatch[1].padStart(2, '0')}-${usMatch[2].padStart(2, '0')}`;
  if (iso === null || Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) || new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) !== iso)
    throw new FileFormatError(file, line, `${column} "${raw}" is not a date: expected YYYY-MM-DD (a time after it is allowed)`);
  return iso;
}

/** A whole number column; the file and line when it is not one. */
export function mcdInteger(file: string, line: number, column: string, raw: string): number {
  if (!/^\d+$/.test(raw.trim())) throw new FileFormatError(file, line, `${column} "${raw}" is not a whole number`);
  return Number(raw.trim());
}

/** The text of an MCD paragraph: tags dropped, entities of the common kind decoded, spacing folded. */
export function paragraphText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/p>|<\/li>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&rsquo;|&lsquo;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

const GROUP_REFERENCE = /\bgroups?\s+(\d+)(?:\s*(?:,|and|&|or)\s*(\d+))*/gi;
const TOGETHER =
  /\b(together with|along with|in addition to|in combination with|combined with|reported with|billed with|must also|as well as|both|dual diagnosis|secondary diagnosis|primary diagnosis|and a (?:secondary|primary)|plus)\b/i;

/**
 * The other covered groups a covered group's paragraph (or asterisk note) requires a diagnosis
 * from. The MCD tables carry no field for this: the article says it in words, e.g. "report a
 * primary diagnosis from Group 1 together with a secondary diagnosis from Group 2". The rule: the
 * text names another covered group of the same article ("Group 2", "Groups 2 and 3") and says that
 * a diagnosis from it must come with this one (together with, along with, in addition to, in
 * combination with, reported/billed with, must also, both, dual diagnosis, primary/secondary
 * diagnosis, plus). A paragraph that only names its own group, or names another without such
 * words ("see also Group 2"), requires nothing.
 */
export function requiredGroups(own: number, text: string, groups: ReadonlySet<number>): number[] {
  if (!TOGETHER.test(text)) return [];
  const named = new Set<number>();
  for (const m of text.matchAll(GROUP_REFERENCE)) {
    for (const n of m[0].match(/\d+/g) ?? []) {
      const group = Number(n);
      if (group !== own && groups.has(group)) named.add(group);
    }
  }
  return [...named].sort((a, b) => a - b);
}

/** A listed code or range of an article's group, from the rows of a code table in file order. */
export interface GroupEntry {
  kind: 'CODE' | 'RANGE';
  start: string;
  end: string;
  /** As the article lists it: "E11.21", or "E11.21-E11.29" for a range. */
  listedAs: string;
  /** The covered table's asterisk (Y: the group's asterisk note applies to this code). */
  asterisk: boolean;
  line: number;
}

/**
 * Folds the `range` column of one group's rows into codes and ranges. The column marks where a
 * row stands in a range the article lists (CMS's data dictionary; public readers of the download
 * keep it as B/M/E/N): N (or empty) a code on its own; B the first code of a range, E its last,
 * M a code inside it. A range reaches every code from its first to its last in tabular order, the
 * M rows included; a B with no E, or an E or M with no B before it, stops the read with the file
 * and the line.
 */
export function foldRanges(
  file: string,
  rows: ReadonlyArray<{ code: string; range: string; asterisk?: boolean; line: number }>,
  column = 'range',
): GroupEntry[] {
  const entries: GroupEntry[] = [];
  let open: { start: string; asterisk: boolean; line: number } | null = null;
  for (const row of rows) {
    const mark = row.range.trim().toUpperCase();
    if (mark === '' || mark === 'N') {
      if (open)
        throw new FileFormatError(file, row.line, `${column} "${row.range}" for ${row.code} inside the range begun at line ${open.line}: expected M or E`);
      entries.push({ kind: 'CODE', start: row.code, end: row.code, listedAs: row.code, asterisk: row.asterisk ?? false, line: row.line });
    } else if (mark === 'B') {
      if (open) throw new FileFormatError(file, row.line, `${column} "B" for ${row.code}: the range begun at line ${open.line} has no end (E)`);
      open = { start: row.code, asterisk: row.asterisk ?? false, line: row.line };
    } else if (mark === 'M' || mark === 'E') {
      if (!open) throw new FileFormatError(file, row.line, `${column} "${mark}" for ${row.code} with no range begun (B) before it`);
      open.asterisk ||= row.asterisk ?? false;
      if (mark === 'E') {
        entries.push({ kind: 'RANGE', start: open.start, end: row.code, listedAs: `${open.start}-${row.code}`, asterisk: open.asterisk, line: open.line });
        open = null;
      }
    } else {
      throw new FileFormatError(
        file,
        row.line,
        `${column} "${row.range}" for ${row.code}: expected N (a code), B (a range begins), M (inside it) or E (it ends)`,
      );
    }
  }
  if (open) throw new FileFormatError(file, open.line, `${column} "B" for ${open.start}: the range has no end (E) in its group`);
  return entries;
}
