import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPcsCodes, type PcsCodeLine } from '../../src/import/official/icd10pcs-codes.parser';
import { expandTable, readPcsTables, type PcsTable } from '../../src/import/official/icd10pcs-tables.parser';
import { expectFormatError } from '../support/format-error';
import { describeOfficialData, officialFile } from '../support/official-data';

const DATA = officialFile('icd10pcs');
const TABLES_FILE = path.join(DATA, 'icd10pcs_tables_2026.xml.gz');
const CODES_FILE = path.join(DATA, 'icd10pcs_codes_2026.txt.gz');

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcs-tables-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes a fixture (gzipped when the name ends in .gz) and returns its path. */
function fixture(name: string, lines: string[], eol = '\n'): string {
  const file = path.join(dir, name);
  const text = lines.join(eol);
  fs.writeFileSync(file, name.endsWith('.gz') ? gzipSync(text) : text);
  return file;
}

/** 1-based number of the first fixture line containing `fragment`. */
function lineOf(lines: string[], fragment: string): number {
  const index = lines.findIndex((text) => text.includes(fragment));
  if (index < 0) throw new Error(`fixture has no line with ${fragment}`);
  return index + 1;
}

async function collectTables(file: string): Promise<{ tables: PcsTable[]; summary: Awaited<ReturnType<typeof readPcsTables>> }> {
  const tables: PcsTable[] = [];
  const summary = await readPcsTables(file, (table) => tables.push(table));
  return { tables, summary };
}

const TABLES_XML = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<ICD10PCS.tabular>',
  '  <version>2026</version>',
  '  <title>2026 ICD-10-PCS Tables</title>',
  '  <pcsTable>',
  '    <axis pos="1" values="1">',
  '      <title>Section</title>',
  '      <label code="0">Medical and Surgical</label>',
  '    </axis>',
  '    <axis pos="2" values="1">',
  '      <title>Body System</title>',
  '      <label code="D">Gastrointestinal System</label>',
  '    </axis>',
  '    <axis pos="3" values="1">',
  '      <title>Operation</title>',
  '      <label code="T">Resection</label>',
  '      <definition>Cutting out or off, without replacement, all of a body part</definition>',
  '    </axis>',
  '    <pcsRow codes="4">',
  '      <axis pos="4" values="2">',
  '        <title>Body Part</title>',
  '        <label code="J">Appendix</label>',
  '        <label code="K">Large Intestine</label>',
  '      </axis>',
  '      <axis pos="5" values="2">',
  '        <title>Approach</title>',
  '        <label code="0">Open</label>',
  '        <label code="4">Percutaneous Endoscopic</label>',
  '      </axis>',
  '      <axis pos="6" values="1">',
  '        <title>Device</title>',
  '        <label code="Z">No Device</label>',
  '      </axis>',
  '      <axis pos="7" values="1">',
  '        <title>Qualifier</title>',
  '        <label code="Z">No Qualifier</label>',
  '      </axis>',
  '    </pcsRow>',
  '  </pcsTable>',
  '  <pcsTable>',
  '    <axis pos="1" values="1">',
  '      <title>Section</title>',
  '      <label code="B">Imaging</label>',
  '    </axis>',
  '    <axis pos="2" values="1">',
  '      <title>Body System</title>',
  '      <label code="9">Ear, Nose, Mouth &amp; Throat</label>',
  '    </axis>',
  '    <axis pos="3" values="1">',
  '      <title>Type</title>',
  '      <label code="0">Plain Radiography</label>',
  '    </axis>',
  '    <pcsRow codes="3">',
  '      <axis pos="4" values="1">',
  '        <title>Body Part</title>',
  '        <label code="2">Paranasal',
  '          Sinuses</label>',
  '      </axis>',
  '      <axis pos="5" values="3">',
  '        <title>Contrast</title>',
  '        <label code="0">High Osmolar</label>',
  '        <label code="1">Low Osmolar</label>',
  '        <label code="Y">Other Contrast</label>',
  '      </axis>',
  '      <axis pos="6" values="1">',
  '        <title>Qualifier</title>',
  '        <label code="Z">None</label>',
  '      </axis>',
  '      <axis pos="7" values="1">',
  '        <title>Qualifier</title>',
  '        <label code="Z">None</label>',
  '      </axis>',
  '    </pcsRow>',
  '  </pcsTable>',
  '</ICD10PCS.tabular>',
];

const RESECTION_TABLE: PcsTable = {
  section: { code: '0', label: 'Medical and Surgical' },
  bodySystem: { code: 'D', label: 'Gastrointestinal System' },
  operation: { code: 'T', label: 'Resection', definition: 'Cutting out or off, without replacement, all of a body part' },
  prefix: '0DT',
  rows: [
    {
      bodyPart: [
        { code: 'J', label: 'Appendix' },
        { code: 'K', label: 'Large Intestine' },
      ],
      approach: [
        { code: '0', label: 'Open' },
        { code: '4', label: 'Percutaneous Endoscopic' },
      ],
      device: [{ code: 'Z', label: 'No Device' }],
      qualifier: [{ code: 'Z', label: 'No Qualifier' }],
    },
  ],
  line: 5,
};

const IMAGING_TABLE: PcsTable = {
  section: { code: 'B', label: 'Imaging' },
  bodySystem: { code: '9', label: 'Ear, Nose, Mouth & Throat' },
  operation: { code: '0', label: 'Plain Radiography', definition: null },
  prefix: 'B90',
  rows: [
    {
      bodyPart: [{ code: '2', label: 'Paranasal Sinuses' }],
      approach: [
        { code: '0', label: 'High Osmolar' },
        { code: '1', label: 'Low Osmolar' },
        { code: 'Y', label: 'Other Contrast' },
      ],
      device: [{ code: 'Z', label: 'None' }],
      qualifier: [{ code: 'Z', label: 'None' }],
    },
  ],
  line: 40,
};

/** The fixture with `from` (an exact line) replaced by `to` (any number of lines). */
function edited(from: string, ...to: string[]): string[] {
  const index = TABLES_XML.indexOf(from);
  if (index < 0) throw new Error(`fixture has no line ${from}`);
  return [...TABLES_XML.slice(0, index), ...to, ...TABLES_XML.slice(index + 1)];
}

describe('readPcsTables', () => {
  it('reads every table with its three fixed axes, its rows placed by axis pos, and the summary', async () => {
    const { tables, summary } = await collectTables(fixture('tables.xml', TABLES_XML));
    expect(tables).toEqual([RESECTION_TABLE, IMAGING_TABLE]);
    expect(summary).toEqual({ version: '2026', tables: 2, rows: 2, codes: 7 });
  });

  it('reads a gzipped file the same way as a plain one', async () => {
    const { tables } = await collectTables(fixture('tables.xml.gz', TABLES_XML, '\r\n'));
    expect(tables).toEqual([RESECTION_TABLE, IMAGING_TABLE]);
  });

  it('rejects an axis whose values attribute does not match its number of labels, at the axis line', async () => {
    const lines = edited('      <axis pos="5" values="3">', '      <axis pos="5" values="4">');
    const file = fixture('values.xml', lines);
    await expectFormatError(
      readPcsTables(file, () => {}),
      file,
      lineOf(lines, 'values="4"'),
      'expected 4 <label> elements in <axis pos="5"> (its values attribute), found 3',
    );
  });

  it('rejects a row whose codes attribute is not the product of its axis sizes', async () => {
    const lines = edited('    <pcsRow codes="4">', '    <pcsRow codes="5">');
    const file = fixture('codes.xml', lines);
    await expectFormatError(
      readPcsTables(file, () => {}),
      file,
      19,
      'expected codes="4" on <pcsRow> (2 x 2 x 1 x 1 labels), found codes="5"',
    );
  });

  it('rejects XML whose elements are left unclosed', async () => {
    const lines = TABLES_XML.slice(0, 60);
    const file = fixture('unclosed.xml', lines);
    await expectFormatError(
      readPcsTables(file, () => {}),
      file,
      60,
      'expected well-formed XML: unclosed tag: axis',
    );
  });

  it('rejects malformed XML at the line of the fault', async () => {
    const lines = edited('        <label code="J">Appendix</label>', '        <label code="J">Appendix</labl>');
    const file = fixture('malformed.xml', lines);
    await expectFormatError(
      readPcsTables(file, () => {}),
      file,
      22,
      'expected well-formed XML',
    );
  });

  it('rejects an element the layout does not know, naming what was expected', async () => {
    const lines = edited('        <title>Device</title>', '        <note>Device</note>');
    const file = fixture('unknown.xml', lines);
    await expectFormatError(
      readPcsTables(file, () => {}),
      file,
      31,
      'expected <title> or <label> or <definition> inside <axis>, found <note>',
    );
  });

  it('rejects a label code that is not a PCS character', async () => {
    const lines = edited('        <label code="K">Large Intestine</label>', '        <label code="I">Large Intestine</label>');
    const file = fixture('label.xml', lines);
    await expectFormatError(
      readPcsTables(file, () => {}),
      file,
      23,
      'expected a label code of one character 0-9 or A-Z other than I and O, found "I"',
    );
  });

  it('rejects a row that lacks one of the axes 4 to 7', async () => {
    const start = TABLES_XML.indexOf('      <axis pos="6" values="1">');
    const lines = [...TABLES_XML.slice(0, start), ...TABLES_XML.slice(start + 4)];
    const file = fixture('missing-axis.xml', lines);
    await expectFormatError(
      readPcsTables(file, () => {}),
      file,
      19,
      'missing pos 6',
    );
  });
});

describe('expandTable', () => {
  it('lists prefix plus one label of each row axis, rows in order and the qualifier varying fastest', () => {
    expect(expandTable(RESECTION_TABLE)).toEqual(['0DTJ0ZZ', '0DTJ4ZZ', '0DTK0ZZ', '0DTK4ZZ']);
    expect(expandTable(IMAGING_TABLE)).toEqual(['B9020ZZ', 'B9021ZZ', 'B902YZZ']);
  });
});

describe('readPcsCodes', () => {
  it('reads code and long title of every line and accepts a blank last line', async () => {
    const file = fixture(
      'codes.txt',
      ['0DTJ0ZZ Resection of Appendix, Open Approach  ', 'XY0YX37 Extracorporeal Introduction of Nafamostat Anticoagulant, New Technology Group 7', ''],
      '\r\n',
    );
    const codes: PcsCodeLine[] = [];
    expect(await readPcsCodes(file, (code) => codes.push(code))).toEqual({ codes: 2 });
    expect(codes).toEqual([
      { code: '0DTJ0ZZ', title: 'Resection of Appendix, Open Approach', line: 1 },
      { code: 'XY0YX37', title: 'Extracorporeal Introduction of Nafamostat Anticoagulant, New Technology Group 7', line: 2 },
    ]);
  });

  it('rejects a code with a letter PCS does not use', async () => {
    const file = fixture('bad-code.txt', ['0DTJ0ZZ Resection of Appendix, Open Approach', '0DTO0ZZ Resection of Something, Open Approach']);
    await expectFormatError(
      readPcsCodes(file, () => {}),
      file,
      2,
      'expected a 7-character ICD-10-PCS code (0-9, A-Z without I and O) in columns 1-7, found "0DTO0ZZ"',
    );
  });

  it('rejects a line without the blank in column 8', async () => {
    const file = fixture('no-blank.txt', ['0DTJ0ZZ-Resection of Appendix, Open Approach']);
    await expectFormatError(
      readPcsCodes(file, () => {}),
      file,
      1,
      'expected a blank in column 8 after code 0DTJ0ZZ, found "-"',
    );
  });

  it('rejects a blank line that is not the last line', async () => {
    const file = fixture('inner-blank.txt', [
      '0DTJ0ZZ Resection of Appendix, Open Approach',
      '',
      '0DTJ4ZZ Resection of Appendix, Percutaneous Endoscopic Approach',
    ]);
    await expectFormatError(
      readPcsCodes(file, () => {}),
      file,
      2,
      'only the last line may be blank',
    );
  });
});

describeOfficialData('the ICD-10-PCS FY2026 release files', () => {
  const rawCodes = (): string[] =>
    gunzipSync(fs.readFileSync(CODES_FILE))
      .toString('latin1')
      .split('\r\n')
      .filter((text) => text !== '');

  it('expand to exactly the codes of the codes file, as many as it has lines', async () => {
    const lines = rawCodes();
    const expanded: string[] = [];
    let resection: PcsTable | undefined;
    const summary = await readPcsTables(TABLES_FILE, (table) => {
      expanded.push(...expandTable(table));
      if (table.prefix === '0DT') resection = table;
    });
    const rawXml = gunzipSync(fs.readFileSync(TABLES_FILE)).toString('utf8');

    expect(summary.version).toBe('2026');
    expect(summary.tables).toBe(rawXml.match(/<pcsTable>/g)?.length);
    expect(summary.rows).toBe(rawXml.match(/<pcsRow /g)?.length);
    expect(summary.codes).toBe(lines.length);
    expect(expanded).toHaveLength(lines.length);
    expect(new Set(expanded)).toEqual(new Set(lines.map((text) => text.slice(0, 7))));
    expect(resection && expandTable(resection)).toContain('0DTJ4ZZ');
    expect(resection?.operation).toMatchObject({ code: 'T', label: 'Resection' });
  });

  it('codes file reads one code per line with its title', async () => {
    const lines = rawCodes();
    const codes: PcsCodeLine[] = [];
    expect(await readPcsCodes(CODES_FILE, (code) => codes.push(code))).toEqual({ codes: lines.length });
    expect(codes.find((code) => code.code === '0DTJ4ZZ')).toEqual({
      code: '0DTJ4ZZ',
      title: 'Resection of Appendix, Percutaneous Endoscopic Approach',
      line: lines.findIndex((text) => text.startsWith('0DTJ4ZZ')) + 1,
    });
  });
});
