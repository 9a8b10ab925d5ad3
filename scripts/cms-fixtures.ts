/**
 * Builds the binary forms of the CMS fixtures from their text forms (issue 15), so the .xlsx and
 * .zip files in the repository are reproducible: `npm run fixtures:cms`.
 *
 * - data/sample/cms/current_article.zip: the Medicare Coverage Database "current article" download,
 *   a zip holding current_article_csv.zip (the CSV tables, from test/fixtures/cms/current_article_csv/)
 *   and readme_first.txt, as CMS publishes it.
 * - test/fixtures/cms/xlsx/*.xlsx: the NCCI PTP and MUE fixtures as one-sheet workbooks, every row
 *   of the text form one sheet row (copyright lines first), cells as text.
 * - test/fixtures/cms/zip/ccipra-v321r0-f1.zip: the practitioner PTP text file as a zip member.
 *
 * Dates inside the zips are fixed, so a rerun writes the same zip bytes (exceljs stamps its own
 * package members, so the .xlsx bytes differ between runs; their cells do not).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';

const ROOT = join(__dirname, '..');
const SAMPLE = join(ROOT, 'data/sample/cms');
const FIXTURES = join(ROOT, 'test/fixtures/cms');
const FIXED = new Date('2026-01-01T00:00:00Z');

async function zip(members: Array<{ name: string; data: Buffer | string }>): Promise<Buffer> {
  const z = new JSZip();
  for (const m of members) z.file(m.name, m.data, { date: FIXED });
  return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'DOS' });
}

async function xlsx(rows: string[][], sheet: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'codeset-graph fixtures';
  wb.created = FIXED;
  wb.modified = FIXED;
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function rowsOf(file: string): string[][] {
  const text = readFileSync(file, 'latin1');
  if (file.endsWith('.txt'))
    return text
      .split(/\r?\n/)
      .filter((l, i, all) => l !== '' || i < all.length - 1)
      .map((l) => l.split('\t'));
  return parse(text, { relax_column_count: true }) as string[][];
}

async function main(): Promise<void> {
  const csvDir = join(FIXTURES, 'current_article_csv');
  const tables = readdirSync(csvDir)
    .filter((f) => f.endsWith('.csv'))
    .sort();
  const inner = await zip(tables.map((name) => ({ name, data: readFileSync(join(csvDir, name)) })));
  const readme =
    'Sample excerpt in the layout of the Medicare Coverage Database current article download (codeset-graph fixture; see data/sample/cms/README.md).\r\n';
  writeFileSync(
    join(SAMPLE, 'current_article.zip'),
    await zip([
      { name: 'current_article_csv.zip', data: inner },
      { name: 'readme_first.txt', data: readme },
    ]),
  );

  mkdirSync(join(FIXTURES, 'xlsx'), { recursive: true });
  mkdirSync(join(FIXTURES, 'zip'), { recursive: true });
  const sources = readdirSync(SAMPLE)
    .filter((f) => /^(ccipra|ccioph)-.*\.txt$/i.test(f) || /^MCR_MUE_.*\.csv$/i.test(f))
    .sort();
  for (const f of sources) {
    const stem = basename(f).replace(/\.(txt|csv)$/i, '');
    writeFileSync(join(FIXTURES, 'xlsx', `${stem}.xlsx`), await xlsx(rowsOf(join(SAMPLE, f)), stem.startsWith('MCR_MUE') ? 'MUE' : 'PTP'));
  }
  writeFileSync(
    join(FIXTURES, 'zip', 'ccipra-v321r0-f1.zip'),
    await zip([{ name: 'ccipra-v321r0-f1.txt', data: readFileSync(join(SAMPLE, 'ccipra-v321r0-f1.txt')) }]),
  );
  console.log(`wrote current_article.zip (${tables.length} tables), ${sources.length} .xlsx, 1 PTP zip`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
