import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAddenda, type AddendaChange } from '../../src/import/official/addenda.parser';
import { expectFormatError } from '../support/format-error';
import { describeOfficialData, officialFile } from '../support/official-data';

const CM_FILE = officialFile('icd10cm/icd10cm_codes_addenda_2026.txt');
const PCS_FILE = officialFile('icd10pcs/codes_addenda_2026.txt');
const CM_ORDER_FILE = officialFile('icd10cm/icd10cm_order_addenda_2026.txt');

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

/** An order-file addenda line: keyword (13), header flag, code (7), short title (60), long title. */
function orderLine(keyword: string, flag: string, code: string, short: string, long = short): string {
  return `${keyword.padEnd(13)}${flag} ${code.padEnd(7)} ${short.padEnd(60)} ${long}`;
}

const ORDER_CHANGES = [
  orderLine('Delete:', '1', 'B880', 'Other acariasis'),
  orderLine('Add:', '0', 'B880', 'Other acariasis'),
  orderLine('Add:', '0', 'C50A', 'Malignant inflammatory neoplasm of breast'),
  orderLine('Add:', '1', 'C50A0', 'Malig inflam neoplasm of unsp breast', 'Malignant inflammatory neoplasm of unspecified breast'),
  orderLine('Revise from:', '0', 'T36AX', 'Immune checkpoint inhibitors', 'Poisoning by, adverse effect of and underdosing of immune checkpoint inhibitors'),
  orderLine(
    'Revise to:',
    '0',
    'T36AX',
    'Immune checkpoint inhibitors',
    'Poisoning by, adverse effect of and underdosing of immune checkpoint inhibitors and related drugs',
  ),
];

const ORDER_SUMMARY = [
  '',
  'Headers',
  '     10 headers in icd10cm_order_2025.txt',
  '     12 headers in icd10cm_order_2026.txt',
  '      2 additions',
  '      0 deletions',
  '      1 revisions',
  'of which',
  '      0 revisions to both long and short titles',
  '      1 revisions to long title only',
  '      0 revisions to short title only',
  '',
  'Codes',
  '    100 codes in icd10cm_order_2025.txt',
  '    100 codes in icd10cm_order_2026.txt',
  '      1 additions',
  '      1 deletions',
  '      0 revisions',
];

describe('readAddenda of an order-file addenda', () => {
  it('reads headers and codes with their flag, the long title from column 85, and checks each part of the summary', async () => {
    const file = fixture('order-addenda.txt', [...ORDER_CHANGES, ...ORDER_SUMMARY]);
    const changes = await readAddenda(file, 'order');
    expect(changes.map((c) => [c.kind, c.code, c.header])).toEqual([
      ['deleted', 'B880', false],
      ['added', 'B880', true],
      ['added', 'C50A', true],
      ['added', 'C50A0', false],
      ['revised', 'T36AX', true],
    ]);
    expect(changes[3]).toMatchObject({ title: 'Malignant inflammatory neoplasm of unspecified breast' });
    expect(changes[4]).toMatchObject({ to: 'Poisoning by, adverse effect of and underdosing of immune checkpoint inhibitors and related drugs' });
  });

  it('rejects a header part whose counts differ from the header changes read', async () => {
    const summary = ORDER_SUMMARY.map((text) => text.replace('2 additions', '3 additions'));
    const file = fixture('order-counts.txt', [...ORDER_CHANGES, ...summary]);
    await expectFormatError(readAddenda(file, 'order'), file, 11, 'expected the summary to count the 2 Add: changes above, found "3 additions"');
  });

  it('rejects revisions "of which" that do not add up to the revisions', async () => {
    const summary = ORDER_SUMMARY.map((text) => text.replace('1 revisions to long title only', '2 revisions to long title only'));
    const file = fixture('order-of-which.txt', [...ORDER_CHANGES, ...summary]);
    await expectFormatError(readAddenda(file, 'order'), file, 15, 'expected the revisions "of which" to add up to the 1 revisions above, found 0 + 2 + 0');
  });

  it('rejects a header flag other than 0 or 1, echoing it', async () => {
    const file = fixture('order-flag.txt', [orderLine('Add:', '2', 'C50A', 'Malignant inflammatory neoplasm of breast')]);
    await expectFormatError(readAddenda(file, 'order'), file, 1, 'expected the header flag 0 (header) or 1 (billable) in column 14, found "2"');
  });

  it('rejects a codes-addenda line read as an order-file addenda', async () => {
    const file = fixture('order-as-codes.txt', [CHANGES[1] ?? '']);
    await expectFormatError(readAddenda(file, 'order'), file, 1, 'expected the header flag 0 (header) or 1 (billable) in column 14, found "B"');
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

  it("ICD-10-CM order-file addenda: headers and codes match its summary's two parts, and its codes are the codes addenda's changes", async () => {
    const changes = await readAddenda(CM_ORDER_FILE, 'order');
    const lines = fs.readFileSync(CM_ORDER_FILE, 'latin1').split('\r\n');
    // A simple reading: keyword in columns 1-13, header flag in column 14, code in columns 16-22.
    const read = lines
      .filter((text) => /^(Add|Delete|Revise to):/.test(text))
      .map((text) => [text.startsWith('Add') ? 'added' : text.startsWith('Delete') ? 'deleted' : 'revised', text.slice(15, 22).trim(), text[13] === '0']);
    expect(changes.map((c) => [c.kind, c.code, c.header])).toEqual(read);
    const part = (header: boolean) => countKinds(changes.filter((c) => c.header === header));
    expect(part(true)).toEqual({ added: 143, deleted: 0, revised: 7 });
    expect(part(false)).toEqual(countKinds(await readAddenda(CM_FILE)));
    expect(changes.filter((c) => !c.header).map((c) => `${c.kind} ${c.code}`)).toEqual((await readAddenda(CM_FILE)).map((c) => `${c.kind} ${c.code}`));
    expect(changes.find((c) => c.code === 'C50A')).toMatchObject({ kind: 'added', header: true, title: 'Malignant inflammatory neoplasm of breast' });
  });

  it("ICD-10-PCS: the changes read match the counts of the file's own summary block", async () => {
    const changes = await readAddenda(PCS_FILE);
    expect(countKinds(changes)).toEqual(summaryOf(PCS_FILE));
    expect(changes.every((change) => /^[0-9A-HJ-NP-Z]{7}$/.test(change.code))).toBe(true);
  });
});
