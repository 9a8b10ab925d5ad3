import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { procedureRange } from '../../src/import/cms/mcd-articles';
import { columnPositions, foldRanges, mcdDate, paragraphText, readMcdTable, requiredGroups } from '../../src/import/cms/mcd-tables';
import { fileSource, tableRows, type TableRow } from '../../src/import/cms/table-rows';

/** Issue 15: the pure readers of the MCD current-article tables (test/fixtures/cms/current_article_csv). */
const CSV_DIR = path.join(__dirname, '../../test/fixtures/cms/current_article_csv');

async function all<T>(gen: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of gen) out.push(x);
  return out;
}

async function* rowsOf(lines: string[][]): AsyncGenerator<TableRow> {
  let line = 0;
  for (const cells of lines) yield { line: ++line, cells };
}

describe('the MCD table reader', () => {
  it('reads the covered-codes fixture by column name, one record per data line, as a plain comma split does', async () => {
    const file = path.join(CSV_DIR, 'article_x_icd10_covered.csv');
    const records = await all(readMcdTable('article_x_icd10_covered.csv', 'article_x_icd10_covered', tableRows(fileSource(file))));
    const simple = readFileSync(file, 'latin1')
      .split(/\r?\n/)
      .slice(1)
      .filter((l) => l !== '')
      .map((l) => l.split(','));
    expect(records.map((r) => [r.article_id, r.icd10_code_id, r.icd10_covered_group, r.range])).toEqual(simple.map((f) => [f[0], f[2], f[4], f[5]]));
    expect(records[0].line).toBe(2);
  });

  it('finds the header after lines before it and ignores columns it does not need, wherever they stand', async () => {
    const records = await all(
      readMcdTable(
        'state_lookup.csv',
        'state_lookup',
        rowsOf([['Copyright line'], ['extra', 'state_id', 'note', 'state_abbrev', 'description'], ['x', '7', 'y', 'CT', 'Connecticut']]),
      ),
    );
    expect(records).toEqual([{ line: 3, state_id: '7', state_abbrev: 'CT', description: 'Connecticut' }]);
  });

  it('refuses a header whose needed columns are re-ordered or missing, naming the columns expected', () => {
    expect(() => columnPositions('state_lookup.csv', 1, ['state_id', 'description', 'state_abbrev'], ['state_id', 'state_abbrev', 'description'])).toThrow(
      'state_lookup.csv line 1: the header row has columns "state_id", "description", "state_abbrev"; expected the columns "state_id", "state_abbrev", "description", in that order (other columns may stand between them)',
    );
    expect(() => columnPositions('state_lookup.csv', 1, ['state_id', 'abbrev', 'description'], ['state_id', 'state_abbrev', 'description'])).toThrow(
      /missing "state_abbrev"/,
    );
    expect(columnPositions('state_lookup.csv', 1, ['Copyright 2026 CMS'], ['state_id'])).toBeNull();
  });

  it('names the file and line of a row too short for the header', async () => {
    await expect(
      all(
        readMcdTable(
          'state_lookup.csv',
          'state_lookup',
          rowsOf([
            ['state_id', 'state_abbrev', 'description'],
            ['7', 'CT'],
          ]),
        ),
      ),
    ).rejects.toThrow('state_lookup.csv line 2: 2 column(s); the header names 3');
  });
});

describe('the range column of the MCD code tables', () => {
  const row = (code: string, range: string, line: number) => ({ code, range, line });

  it('keeps N rows as codes and folds a B … M … E run into one range from its first to its last code', () => {
    expect(foldRanges('t.csv', [row('E11.21', 'N', 2), row('R73.01', 'B', 3), row('R73.02', 'M', 4), row('R73.09', 'E', 5), row('Z00.00', '', 6)])).toEqual([
      { kind: 'CODE', start: 'E11.21', end: 'E11.21', listedAs: 'E11.21', asterisk: false, line: 2 },
      { kind: 'RANGE', start: 'R73.01', end: 'R73.09', listedAs: 'R73.01-R73.09', asterisk: false, line: 3 },
      { kind: 'CODE', start: 'Z00.00', end: 'Z00.00', listedAs: 'Z00.00', asterisk: false, line: 6 },
    ]);
  });

  it('refuses an end with no beginning, a beginning with no end and an unknown mark, naming the line', () => {
    expect(() => foldRanges('t.csv', [row('R73.09', 'E', 4)])).toThrow('t.csv line 4: range "E" for R73.09 with no range begun (B) before it');
    expect(() => foldRanges('t.csv', [row('R73.01', 'B', 3)])).toThrow('t.csv line 3: range "B" for R73.01: the range has no end (E) in its group');
    expect(() => foldRanges('t.csv', [row('R73.01', 'B', 3), row('R73.02', 'N', 4)])).toThrow(/line 4: .*inside the range begun at line 3/);
    expect(() => foldRanges('t.csv', [row('R73.01', 'Q', 3)])).toThrow(/expected N \(a code\), B \(a range begins\), M \(inside it\) or E \(it ends\)/);
  });

  it('counts a procedure range through its digits, keeping letters and width', () => {
    expect(procedureRange('0001U', '0003U')).toEqual(['0001U', '0002U', '0003U']);
    expect(procedureRange('J7613', 'J7615')).toEqual(['J7613', 'J7614', 'J7615']);
    expect(procedureRange('J7613', 'K7615')).toBeNull();
    expect(procedureRange('99215', '99202')).toBeNull();
  });
});

describe('the second-group rule of covered groups', () => {
  const groups = new Set([1, 2, 3]);

  it('reads "together with a diagnosis from Group 2" as requiring group 2, both ways', () => {
    expect(requiredGroups(1, 'Group 1 Paragraph: report a primary diagnosis from Group 1 together with a secondary diagnosis from Group 2.', groups)).toEqual([
      2,
    ]);
    expect(requiredGroups(2, 'Group 2 Paragraph: secondary diagnoses, reported with a primary diagnosis from Group 1.', groups)).toEqual([1]);
    expect(requiredGroups(3, 'Dual diagnosis requirement: a code from Groups 1 and 2 must also be billed.', groups)).toEqual([1, 2]);
  });

  it('requires nothing when the paragraph names only its own group, names another without such words, or names a group the article lacks', () => {
    expect(requiredGroups(1, 'Group 1 Paragraph: a diagnosis from this group supports the codes of Group 1.', groups)).toEqual([]);
    expect(requiredGroups(1, 'Group 1 Paragraph: see Group 2 for the screening codes.', groups)).toEqual([]);
    expect(requiredGroups(1, 'Report together with a code from Group 4.', groups)).toEqual([]);
  });

  it('reads paragraph HTML as plain text', () => {
    expect(paragraphText('<p>Group&nbsp;1 &amp; 2:<br/>codes</p><ul><li>one</li></ul>')).toBe('Group 1 & 2: codes one');
  });
});

describe('MCD dates', () => {
  it('reads ISO dates with or without a time, US dates, and empty as none; anything else names the column', () => {
    expect(mcdDate('a.csv', 2, 'article_eff_date', '2026-01-01')).toBe('2026-01-01');
    expect(mcdDate('a.csv', 2, 'last_updated', '2025-12-18 00:00:00')).toBe('2025-12-18');
    expect(mcdDate('a.csv', 2, 'last_updated', '12/18/2025')).toBe('2025-12-18');
    expect(mcdDate('a.csv', 2, 'article_end_date', '')).toBeNull();
    expect(() => mcdDate('a.csv', 2, 'article_eff_date', '2026-02-30')).toThrow('a.csv line 2: article_eff_date "2026-02-30" is not a date');
  });
});
