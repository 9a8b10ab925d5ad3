import { describe, expect, it } from 'vitest';
import { readCptDescriptors, type CptDescriptorRecord } from '../../src/import/official/cpt-descriptors.parser';
import { collect, writeTempFile } from '../support/temp-file';

// Invented descriptor text: the repository never holds AMA CPT descriptors.
const write = (text: string) => writeTempFile('cpt-descriptors.tsv', text);
const read = (file: string) => collect<CptDescriptorRecord>(readCptDescriptors, file);

describe('readCptDescriptors', () => {
  it('reads code and descriptor per line, skipping a header line and blank lines', async () => {
    const file = write('code\tdescriptor\n99213\tInvented visit text\n\n0042t\tInvented tracking text\n');
    expect(await read(file)).toEqual([
      { code: '99213', descriptor: 'Invented visit text', line: 2 },
      { code: '0042T', descriptor: 'Invented tracking text', line: 4 },
    ]);
  });

  it('rejects a line without a tab, a malformed code and an empty descriptor', async () => {
    await expect(read(write('99213 no tab\n'))).rejects.toThrow(
      'cpt-descriptors.tsv line 1: expected a code, a tab and a descriptor, found no tab in "99213 no tab"',
    );
    await expect(read(write('99213\tok\n9921\tbad\n'))).rejects.toThrow('line 2: expected a 5-character CPT code (99213, 3074F, 0042T), found "9921"');
    await expect(read(write('99213\t  \n'))).rejects.toThrow('line 1: expected a descriptor after the tab for 99213');
  });

  it('rejects a code listed twice', async () => {
    await expect(read(write('99213\ta\n99213\tb\n'))).rejects.toThrow('line 2: code 99213 is listed twice');
  });
});
