import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAddenda, type AddendaChange } from '../../src/import/official/addenda.parser';
import { expectFormatError } from '../support/format-error';
import { describeOfficialData, officialFile } from '../support/official-data';

const CM_FILE = officialFile('icd10cm/icd10cm_codes_addenda_2026.txt');
const PCS_FILE = officialFile('icd10pcs/codes_addenda_2026.txt');

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'addenda-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes the lines with CRLF endings, as CMS does. */
function fixture(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  return file;
}

const CHANGES = [
  'Delete:      B880    Other acariasis',
  'Add:         B8801   Infestation by Demodex mites',
  'Revise from: L02212  Cutaneous abscess of back [any part, except buttock]',
  'Revise to:   L02212  Cutaneous abscess of back [any part, except buttock and flank]',
  'Add:         Z91B    Personal risk factor of exposure to diethylstilbestrol',
  'Add:         XW043RB Introduction of Letetresgene Autoleucel into Central Vein, Percutaneous Approach, New Technology Group 11',
];

const SUMMARY = [
  '',
  'Codes',
  '     100 codes in icd10cm_order_2025.txt',
  '     102 codes in icd10cm_order_2026.txt',
  '      3 additions',
  '      1 deletions',
  '      1 revisions',
];

/** Counts by kind, and the numbers of the file's own summary block ("    487 additions"...). */
function countKinds(changes: AddendaChange[]): Record<string, number> {
  const counts: Record<string, number> = { added: 0, deleted: 0, revised: 0 };
  for (const change of changes) counts[change.kind] = (counts[change.kind] ?? 0) + 1;
  return counts;
}
function summaryOf(file: string): Record<string, number> {
  const text = fs.readFileSync(file, 'latin1');
  const count = (word: string): number => Number(new RegExp(`^\\s*(\\d+) ${word}\\r?$`, 'm').exec(text)?.[1] ?? Number.NaN);
  return { added: count('additions'), deleted: count('deletions'), revised: count('revisions') };
}

describe('readAddenda', () => {
  it('reads additions, deletions and a revision pair as one change each, and stops at the summary block', async () => {
    const file = fixture('addenda.txt', [...CHANGES, ...SUMMARY]);
    expect(await readAddenda(file)).toEqual([
      { kind: 'deleted', code: 'B880', title: 'Other acariasis', line: 1 },
      { kind: 'added', code: 'B8801', title: 'Infestation by Demodex mites', line: 2 },
      {
        kind: 'revised',
        code: 'L02212',
        from: 'Cutaneous abscess of back [any part, except buttock]',
        to: 'Cutaneous abscess of back [any part, except buttock and flank]',
        line: 3,
      },
      { kind: 'added', code: 'Z91B', title: 'Personal risk factor of exposure to diethylstilbestrol', line: 5 },
      {
        kind: 'added',
        code: 'XW043RB',
        title: 'Introduction of Letetresgene Autoleucel into Central Vein, Percutaneous Approach, New Technology Group 11',
        line: 6,
      },
    ]);
  });

  it('accepts a file without a summary block', async () => {
    const file = fixture('no-summary.txt', CHANGES.slice(0, 2));
    expect(await readAddenda(file)).toHaveLength(2);
  });

  it('rejects a "Revise from" followed by another change instead of its "Revise to"', async () => {
    const file = fixture('unpaired.txt', [CHANGES[2] ?? '', CHANGES[1] ?? '']);
    await expectFormatError(readAddenda(file), file, 2, 'expected "Revise to: L02212" after "Revise from: L02212" on line 1, found "Add: B8801"');
  });

  it('rejects a "Revise from" on the last line', async () => {
    const file = fixture('last.txt', [CHANGES[0] ?? '', CHANGES[2] ?? '']);
    await expectFormatError(readAddenda(file), file, 2, 'found the end of the file');
  });

  it('rejects a "Revise to" of another code than its "Revise from"', async () => {
    const file = fixture('other-code.txt', [CHANGES[2] ?? '', 'Revise to:   L02222  Furuncle of back [any part, except buttock and flank]']);
    await expectFormatError(readAddenda(file), file, 2, 'found "Revise to: L02222"');
  });

  it('rejects a "Revise to" without a "Revise from"', async () => {
    const file = fixture('alone.txt', [CHANGES[0] ?? '', CHANGES[3] ?? '']);
    await expectFormatError(readAddenda(file), file, 2, 'expected "Revise from:" for L02212 before "Revise to:"');
  });

  it('rejects an unknown keyword, echoing it', async () => {
    const file = fixture('keyword.txt', [CHANGES[0] ?? '', 'Added:       B8801   Infestation by Demodex mites']);
    await expectFormatError(readAddenda(file), file, 2, 'expected "Add:", "Delete:", "Revise from:", "Revise to:" in columns 1-13, found "Added:"');
  });

  it('rejects a code that is not left-justified in columns 14-20', async () => {
    const file = fixture('shifted.txt', ['Add:          B8801  Infestation by Demodex mites']);
    await expectFormatError(readAddenda(file), file, 1, 'expected a code (3-7 letters or digits, left-justified) in columns 14-20, found " B8801 "');
  });

  it('rejects a summary block whose counts differ from the changes read', async () => {
    const summary = SUMMARY.map((text) => text.replace('3 additions', '4 additions'));
    const file = fixture('counts.txt', [...CHANGES, ...summary]);
    await expectFormatError(readAddenda(file), file, 11, 'expected the summary to count the 3 Add: changes above, found "4 additions"');
  });
});

describeOfficialData('the FY2026 codes addenda files', () => {
  it("ICD-10-CM: the changes read match the counts of the file's own summary block and its keyword lines", async () => {
    const changes = await readAddenda(CM_FILE);
    const summary = summaryOf(CM_FILE);
    expect(countKinds(changes)).toEqual(summary);
    expect(summary).toEqual({ added: 487, deleted: 28, revised: 38 });
    const lines = fs.readFileSync(CM_FILE, 'latin1').split('\r\n');
    expect(changes.filter((change) => change.kind === 'added')).toHaveLength(lines.filter((text) => text.startsWith('Add:')).length);
    expect(changes.filter((change) => change.kind === 'revised')).toHaveLength(lines.filter((text) => text.startsWith('Revise to:')).length);
    expect(changes.find((change) => change.code === 'L02212')).toEqual({
      kind: 'revised',
      code: 'L02212',
      from: 'Cutaneous abscess of back [any part, except buttock]',
      to: 'Cutaneous abscess of back [any part, except buttock and flank]',
      line: lines.findIndex((text) => text.startsWith('Revise from: L02212')) + 1,
    });
  });

  it("ICD-10-PCS: the changes read match the counts of the file's own summary block", async () => {
    const changes = await readAddenda(PCS_FILE);
    expect(countKinds(changes)).toEqual(summaryOf(PCS_FILE));
    expect(changes.every((change) => /^[0-9A-HJ-NP-Z]{7}$/.test(change.code))).toBe(true);
  });
});
