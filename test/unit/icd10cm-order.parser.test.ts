import { describe, expect, it } from 'vitest';
import { FileFormatError } from '../../src/import/official/file-format-error';
import { readOrderFile, type OrderRecord } from '../../src/import/official/icd10cm-order.parser';
import { collect, writeTempFile } from '../support/temp-file';

function line(order: number, code: string, billable: 0 | 1, short: string, long: string): string {
  return `${String(order).padStart(5, '0')} ${code.padEnd(7)} ${billable} ${short.padEnd(60)} ${long}`;
}

const write = (lines: string[]) => writeTempFile('icd10cm_order_2026.txt', `${lines.join('\r\n')}\r\n`);
const read = (file: string) => collect<OrderRecord>(readOrderFile, file);

describe('readOrderFile', () => {
  it('reads code, billable flag, short and long titles by the fixed-width layout', async () => {
    const file = write([
      line(1, 'E11', 0, 'Type 2 diabetes mellitus', 'Type 2 diabetes mellitus'),
      line(2, 'E119', 1, 'Type 2 diabetes mellitus without complications', 'Type 2 diabetes mellitus without complications'),
    ]);
    expect(await read(file)).toEqual([
      { order: 1, code: 'E11', billable: false, shortTitle: 'Type 2 diabetes mellitus', longTitle: 'Type 2 diabetes mellitus', line: 1 },
      {
        order: 2,
        code: 'E119',
        billable: true,
        shortTitle: 'Type 2 diabetes mellitus without complications',
        longTitle: 'Type 2 diabetes mellitus without complications',
        line: 2,
      },
    ]);
  });

  it('accepts the FY2026 category QA0, whose second character is a letter', async () => {
    const [record] = await read(write([line(1, 'QA0', 0, 'Neurodev disord', 'Neurodevelopmental disorders')]));
    expect(record.code).toBe('QA0');
  });

  it('rejects a billable flag other than 0 or 1, naming the file, line and column', async () => {
    const file = write([line(1, 'E11', 0, 'a', 'a'), line(2, 'E119', 1, 'b', 'b').replace(/^(.{14})1/, '$1x')]);
    await expect(read(file)).rejects.toThrow(new FileFormatError(file, 2, 'expected the billable flag 0 or 1 in column 15, found "x"'));
  });

  it('rejects a code with a dot, echoing it', async () => {
    const file = write([line(1, 'E11.9', 1, 'a', 'a')]);
    await expect(read(file)).rejects.toThrow('icd10cm_order_2026.txt line 1: expected an ICD-10-CM code without the dot in columns 7-13 (E119), found "E11.9"');
  });

  it('rejects order numbers out of sequence and codes listed twice', async () => {
    await expect(read(write([line(1, 'E11', 0, 'a', 'a'), line(3, 'E119', 1, 'b', 'b')]))).rejects.toThrow('line 2: expected order number 00002, found 00003');
    await expect(read(write([line(1, 'E11', 0, 'a', 'a'), line(2, 'E11', 0, 'b', 'b')]))).rejects.toThrow('line 2: code E11 is listed twice');
  });

  it('rejects a short line and an empty file', async () => {
    await expect(read(write(['00001 E11     0 short']))).rejects.toThrow(/line 1: expected a fixed-width order-file line of at least 78 characters, found 21/);
    await expect(read(write([]))).rejects.toThrow('expected order-file records, found an empty file');
  });

  it('rejects a missing file with an error that names it', async () => {
    await expect(read('/nonexistent/icd10cm_order_2026.txt.gz')).rejects.toThrow(/ENOENT.*icd10cm_order_2026\.txt\.gz/);
  });
});
