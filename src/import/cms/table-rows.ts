import { createReadStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { FileFormatError } from '../official/file-format-error';

/** One row of a CMS table with its 1-based line (text) or row (sheet) number, cells as text. */
export interface TableRow {
  line: number;
  cells: string[];
}

/** A table to read: a file on disk, or a member of a zip (nested zips allowed). */
export interface TableSource {
  /** What messages call it: the file name, or "outer.zip!member". */
  name: string;
  open(): Promise<Readable>;
}

export function fileSource(file: string): TableSource {
  return { name: path.basename(file), open: async () => createReadStream(file) };
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if (v instanceof Date) return v.toISOString().slice(0, 10).replace(/-/g, '');
    if ('richText' in v)
      return v.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if ('text' in v) return v.text.trim();
    if ('result' in v) return cellText(v.result);
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a Date or hyperlink cell: its own toString is the text
    return String(v).trim();
  }
  return String(v).trim();
}

/**
 * The rows of the first worksheet of a workbook, streamed (exceljs's WorkbookReader: the sheet is
 * never held whole), cells as text (dates as yyyymmdd), trailing empty cells dropped, empty rows
 * left out. A workbook without a worksheet is a {@link FileFormatError}.
 */
async function* sheetRows(source: TableSource): AsyncGenerator<TableRow> {
  const input = await source.open();
  // Styles are read so that date cells come as dates, not serial numbers.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore' });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as ExcelJS.CellValue[];
        const cells: string[] = [];
        for (let c = 1; c < values.length; c += 1) cells.push(cellText(values[c]));
        while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
        yield { line: row.number, cells };
      }
      return;
    }
  } catch (error) {
    if (error instanceof FileFormatError) throw error;
    throw new FileFormatError(source.name, 1, `expected an .xlsx workbook: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    input.destroy();
  }
  throw new FileFormatError(source.name, 1, 'expected a workbook with a worksheet, found none');
}

/**
 * The rows of a table, by how its name ends: `.txt` tab-delimited, `.csv` comma-separated (quotes
 * as RFC 4180), `.xlsx` the first worksheet. Text is Latin-1, as CMS writes it.
 */
export async function* tableRows(source: TableSource): AsyncGenerator<TableRow> {
  const lower = source.name.toLowerCase();
  if (lower.endsWith('.txt')) {
    const lines = createInterface({ input: (await source.open()).setEncoding('latin1'), crlfDelay: Infinity });
    let line = 0;
    for await (const text of lines) {
      line += 1;
      yield { line, cells: text.split('\t').map((c) => c.trim()) };
    }
    return;
  }
  if (lower.endsWith('.csv')) {
    const parser = (await source.open()).setEncoding('latin1').pipe(parse({ relax_column_count: true, bom: true, info: true }));
    for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { line: record.info.lines, cells: record.record.map((c) => c.trim()) };
    }
    return;
  }
  if (lower.endsWith('.xlsx')) {
    yield* sheetRows(source);
    return;
  }
  throw new Error(`${source.name}: not a table (expected .txt, .csv or .xlsx)`);
}

function readAll(stream: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    stream.on('data', (b: Buffer) => parts.push(b));
    stream.on('end', () => resolve(Buffer.concat(parts)));
    stream.on('error', reject);
  });
}

/** The members of a zip (read into memory: CMS's zips are tens of megabytes at most), nested zips opened. */
export async function zipMembers(source: TableSource): Promise<TableSource[]> {
  const buffer = await readAll(await source.open());
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.fromBuffer(buffer, { lazyEntries: true }, (e, z) => (e ? reject(e) : resolve(z))));
  const found: Array<{ name: string; data: Buffer }> = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      zip.openReadStream(entry, (e, stream) => {
        if (e) return reject(e);
        readAll(stream).then((data) => {
          found.push({ name: entry.fileName, data });
          zip.readEntry();
        }, reject);
      });
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  const members: TableSource[] = [];
  for (const m of found) {
    const member: TableSource = { name: `${source.name}!${path.basename(m.name)}`, open: async () => Readable.from([m.data]) };
    if (m.name.toLowerCase().endsWith('.zip')) members.push(...(await zipMembers(member)));
    else members.push(member);
  }
  return members;
}

/** The bare member or file name of a source ("a.zip!b.zip!c.csv" -> "c.csv"). */
export function baseName(source: TableSource): string {
  return source.name.split('!').pop()!;
}
