import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileFormatError } from '../../src/import/official/file-format-error';
import { readTabular, type TabularEntry, type TabularNoteKind, type TabularSummary } from '../../src/import/official/icd10cm-tabular.parser';
import { describeOfficialData, officialFile } from '../support/official-data';

const REAL_FILE = officialFile('icd10cm/icd10cm_tabular_2023.xml.gz');

/** A miniature of the official file: every structure and note kind, CRLF line ends like the real one. */
const FIXTURE_LINES = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<ICD10CM.tabular>',
  '  <version>2023</version>',
  '  <introduction>',
  '    <introSection type="title">',
  '      <title>ICD-10-CM TABULAR LIST of DISEASES and INJURIES</title>',
  '      <instruction><note>Not attached to any code</note></instruction>',
  '    </introSection>',
  '  </introduction>',
  '  <chapter>',
  '    <name>4</name>',
  '    <desc>Endocrine, nutritional and metabolic diseases (E00-E89)</desc>',
  '    <notes>',
  '      <note>All neoplasms are classified in Chapter 2.</note>',
  '    </notes>',
  '    <excludes1>',
  '      <note>transitory endocrine and metabolic disorders specific to newborn (P70-P74)</note>',
  '    </excludes1>',
  '    <sectionIndex>',
  '      <sectionRef first="E00" last="E07" id="E00-E07">',
  '         Disorders of thyroid gland',
  '      </sectionRef>',
  '      <sectionRef first="E36" last="E36" id="E36">',
  '         Intraoperative complications of endocrine system',
  '      </sectionRef>',
  '    </sectionIndex>',
  '    <section id="E00-E36">',
  '      <desc>A block without a sectionRef (E00-E36)</desc>',
  '    </section>',
  '    <section id="E00-E07">',
  '      <desc>Disorders of   thyroid',
  '        gland (E00-E07)</desc>',
  '      <includes>',
  '        <note>thyroid disorders</note>',
  '      </includes>',
  '      <diag>',
  '        <name>E00</name>',
  '        <desc>Congenital iodine-deficiency syndrome</desc>',
  '        <useAdditionalCode>',
  '          <note>code (F70-F79) to identify associated intellectual disabilities.</note>',
  '        </useAdditionalCode>',
  '        <excludes1>',
  '          <note>subclinical iodine-deficiency hypothyroidism (E02)</note>',
  '        </excludes1>',
  '        <diag>',
  '          <name>E00.0</name>',
  '          <desc>Congenital iodine-deficiency syndrome, neurological type</desc>',
  '          <inclusionTerm>',
  '            <note>Endemic cretinism, neurological type</note>',
  '            <note>Endemic  cretinism &lt;neuro&gt;</note>',
  '          </inclusionTerm>',
  '          <codeFirst>',
  '            <note>underlying condition (E01.-)</note>',
  '          </codeFirst>',
  '          <excludes2>',
  '            <note>hypothyroidism (E03.-)</note>',
  '          </excludes2>',
  '          <codeAlso>',
  '            <note>associated goiter (E04.-)</note>',
  '          </codeAlso>',
  '          <notes>',
  '            <note>A note of the notes element</note>',
  '          </notes>',
  '          <diag placeholder="true">',
  '            <name>E00.0X</name>',
  '            <desc>Placeholder level</desc>',
  '            <sevenChrNote>',
  '              <note>The appropriate 7th character is to be added</note>',
  '              <note>to each code from E00.0X.</note>',
  '            </sevenChrNote>',
  '            <sevenChrDef>',
  '              <extension char="A">initial encounter</extension>',
  '              <note>initial encounter NOS</note>',
  '              <extension char="S">sequela</extension>',
  '            </sevenChrDef>',
  '            <visualImpairment>',
  '              <visCategory><heading>Category</heading><value>1</value></visCategory>',
  '            </visualImpairment>',
  '          </diag>',
  '        </diag>',
  '      </diag>',
  '    </section>',
  '    <section id="E36">',
  '      <desc>Intraoperative complications of endocrine system (E36)</desc>',
  '      <diag>',
  '        <name>E36</name>',
  '        <desc>Intraoperative complications of endocrine system</desc>',
  '        <excludes2>',
  '          <note>postprocedural endocrine and metabolic complications (E89.-)</note>',
  '        </excludes2>',
  '      </diag>',
  '    </section>',
  '  </chapter>',
  '</ICD10CM.tabular>',
];

/** 1-based line of the first fixture line containing `fragment`, starting after line `after`. */
function lineOf(fragment: string, after = 0): number {
  const index = FIXTURE_LINES.findIndex((text, i) => i >= after && text.includes(fragment));
  if (index < 0) throw new Error(`fixture has no line with ${fragment}`);
  return index + 1;
}

const EMPTY = {
  rangeStart: null,
  rangeEnd: null,
  parent: null,
  notes: [],
  includes: [],
  inclusionTerms: [],
  otherNotes: [],
  sevenCharacterNote: null,
  sevenCharacterDefinitions: [],
};

const EXPECTED_ENTRIES: TabularEntry[] = [
  {
    ...EMPTY,
    level: 'section',
    key: 'E00-E36',
    title: 'A block without a sectionRef',
    rangeStart: 'E00',
    rangeEnd: 'E36',
    chapter: '4',
    section: 'E00-E36',
    line: lineOf('<section id="E00-E36">'),
  },
  {
    ...EMPTY,
    level: 'diag',
    key: 'E00.0X',
    title: 'Placeholder level',
    chapter: '4',
    section: 'E00-E07',
    parent: 'E00.0',
    sevenCharacterNote: 'The appropriate 7th character is to be added to each code from E00.0X.',
    sevenCharacterDefinitions: [
      { character: 'A', text: 'initial encounter' },
      { character: 'S', text: 'sequela' },
    ],
    line: lineOf('<diag placeholder="true">'),
  },
  {
    ...EMPTY,
    level: 'diag',
    key: 'E00.0',
    title: 'Congenital iodine-deficiency syndrome, neurological type',
    chapter: '4',
    section: 'E00-E07',
    parent: 'E00',
    notes: [
      { kind: 'CODE_FIRST', text: 'underlying condition (E01.-)' },
      { kind: 'EXCLUDES2', text: 'hypothyroidism (E03.-)' },
      { kind: 'CODE_ALSO', text: 'associated goiter (E04.-)' },
    ],
    inclusionTerms: ['Endemic cretinism, neurological type', 'Endemic cretinism <neuro>'],
    otherNotes: ['A note of the notes element'],
    line: lineOf('<name>E00.0</name>') - 1,
  },
  {
    ...EMPTY,
    level: 'diag',
    key: 'E00',
    title: 'Congenital iodine-deficiency syndrome',
    chapter: '4',
    section: 'E00-E07',
    notes: [
      { kind: 'USE_ADDITIONAL', text: 'code (F70-F79) to identify associated intellectual disabilities.' },
      { kind: 'EXCLUDES1', text: 'subclinical iodine-deficiency hypothyroidism (E02)' },
    ],
    line: lineOf('<name>E00</name>') - 1,
  },
  {
    ...EMPTY,
    level: 'section',
    key: 'E00-E07',
    title: 'Disorders of thyroid gland',
    rangeStart: 'E00',
    rangeEnd: 'E07',
    chapter: '4',
    section: 'E00-E07',
    includes: ['thyroid disorders'],
    line: lineOf('<section id="E00-E07">'),
  },
  {
    ...EMPTY,
    level: 'diag',
    key: 'E36',
    title: 'Intraoperative complications of endocrine system',
    chapter: '4',
    section: 'E36',
    notes: [{ kind: 'EXCLUDES2', text: 'postprocedural endocrine and metabolic complications (E89.-)' }],
    line: lineOf('<name>E36</name>') - 1,
  },
  {
    ...EMPTY,
    level: 'section',
    key: 'E36',
    title: 'Intraoperative complications of endocrine system',
    rangeStart: 'E36',
    rangeEnd: 'E36',
    chapter: '4',
    section: 'E36',
    line: lineOf('<section id="E36">'),
  },
  {
    ...EMPTY,
    level: 'chapter',
    key: '4',
    title: 'Endocrine, nutritional and metabolic diseases',
    rangeStart: 'E00',
    rangeEnd: 'E89',
    chapter: '4',
    section: null,
    notes: [{ kind: 'EXCLUDES1', text: 'transitory endocrine and metabolic disorders specific to newborn (P70-P74)' }],
    otherNotes: ['All neoplasms are classified in Chapter 2.'],
    line: lineOf('<chapter>'),
  },
];

const EXPECTED_SUMMARY: TabularSummary = {
  version: '2023',
  chapters: 1,
  sections: 3,
  diags: 4,
  notesByKind: { EXCLUDES1: 2, EXCLUDES2: 2, CODE_FIRST: 1, USE_ADDITIONAL: 1, CODE_ALSO: 1 },
};

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'icd10cm-tabular-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, lines: readonly string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, lines.join('\r\n') + '\r\n');
  return file;
}

async function readAll(file: string): Promise<{ entries: TabularEntry[]; summary: TabularSummary }> {
  const entries: TabularEntry[] = [];
  const summary = await readTabular(file, (entry) => entries.push(entry));
  return { entries, summary };
}

/** The FileFormatError the read rejects with (fails the test when it resolves or rejects otherwise). */
async function formatError(file: string): Promise<FileFormatError> {
  const error: unknown = await readTabular(file, () => {}).then(
    () => null,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(FileFormatError);
  return error as FileFormatError;
}

/** The fixture with `replace` substituted for the first line containing `fragment`. */
function fixtureWith(fragment: string, ...replace: string[]): string[] {
  const index = lineOf(fragment) - 1;
  return [...FIXTURE_LINES.slice(0, index), ...replace, ...FIXTURE_LINES.slice(index + 1)];
}

describe('readTabular on a fixture', () => {
  it('delivers every chapter, section and diag with exact fields, in closing-tag order', async () => {
    const { entries } = await readAll(write('tabular.xml', FIXTURE_LINES));
    expect(entries).toEqual(EXPECTED_ENTRIES);
  });

  it('resolves with the version, the entry counts and the notes per kind', async () => {
    const { summary } = await readAll(write('tabular.xml', FIXTURE_LINES));
    expect(summary).toEqual(EXPECTED_SUMMARY);
  });

  it('reads a gzipped file the same as the plain one', async () => {
    const file = path.join(dir, 'tabular.xml.gz');
    fs.writeFileSync(file, gzipSync(FIXTURE_LINES.join('\r\n')));
    expect(await readAll(file)).toEqual({ entries: EXPECTED_ENTRIES, summary: EXPECTED_SUMMARY });
  });

  it('rejects with the error onEntry throws and stops reading', async () => {
    const keys: string[] = [];
    const read = readTabular(write('tabular.xml', FIXTURE_LINES), (entry) => {
      keys.push(entry.key);
      if (entry.key === 'E00.0') throw new Error('stop here');
    });
    await expect(read).rejects.toThrow('stop here');
    expect(keys).toEqual(['E00-E36', 'E00.0X', 'E00.0']);
  });
});

describe('readTabular on malformed files', () => {
  it('rejects an unclosed tag with a FileFormatError naming the file and the line where it shows', async () => {
    const lines = FIXTURE_LINES.filter((text) => !text.includes('</ICD10CM.tabular>'));
    const error = await formatError(write('unclosed.xml', lines));
    expect(error.message).toMatch(/^unclosed\.xml line \d+: XML is not well formed: unclosed tag: ICD10CM\.tabular$/);
    expect(error.line).toBe(lines.length + 1);
  });

  it('rejects a mismatched closing tag at its line', async () => {
    const error = await formatError(write('mismatched.xml', fixtureWith('<name>E36</name>', '        <name>E36</desc>')));
    expect(error.message).toMatch(/^mismatched\.xml line \d+: XML is not well formed: /);
    expect(error.line).toBe(lineOf('<name>E36</name>'));
  });

  it("rejects a diag without name with a FileFormatError at the diag's opening line", async () => {
    const error = await formatError(write('nameless.xml', fixtureWith('<name>E36</name>')));
    expect(error.message).toBe(`nameless.xml line ${lineOf('<name>E36</name>') - 1}: <diag> without <name>`);
  });

  it('rejects an unknown root element', async () => {
    const error = await formatError(write('root.xml', ['<?xml version="1.0"?>', '<ICD10PCS.tabular>', '</ICD10PCS.tabular>']));
    expect(error.message).toBe('root.xml line 2: root element is <ICD10PCS.tabular>, expected <ICD10CM.tabular>');
  });

  it('rejects an element the layout does not have, naming it and its parent', async () => {
    const error = await formatError(write('unknown.xml', fixtureWith('<name>E36</name>', '        <name>E36</name><seeAlso>E37</seeAlso>')));
    expect(error.message).toBe(`unknown.xml line ${lineOf('<name>E36</name>')}: unexpected element <seeAlso> inside <diag>`);
  });

  it('rejects a section whose id differs from its sectionRef', async () => {
    const error = await formatError(write('ref.xml', fixtureWith('<sectionRef first="E36"', '      <sectionRef first="E36" last="E39" id="E36">')));
    expect(error.message).toMatch(/^ref\.xml line \d+: <section id="E36"> does not match its sectionRef first="E36" last="E39"/);
  });

  it('rejects a chapter desc without its "(X-Y)" range', async () => {
    const error = await formatError(write('range.xml', fixtureWith('<desc>Endocrine', '    <desc>Endocrine, nutritional and metabolic diseases</desc>')));
    expect(error.message).toBe(
      `range.xml line ${lineOf('<chapter>')}: chapter 4 desc "Endocrine, nutritional and metabolic diseases" does not end in a range like "(E00-E89)"`,
    );
  });
});

describeOfficialData('readTabular on the FY2023 release', () => {
  /** Counts taken from the raw text, independently of the parser. */
  function rawCounts(): TabularSummary {
    const xml = gunzipSync(fs.readFileSync(REAL_FILE)).toString('utf8');
    const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;
    const notesIn = (element: string) =>
      [...xml.matchAll(new RegExp(`<${element}>([\\s\\S]*?)</${element}>`, 'g'))].reduce((sum, match) => sum + count(match[1], /<note>/g), 0);
    const notesByKind: Record<TabularNoteKind, number> = {
      EXCLUDES1: notesIn('excludes1'),
      EXCLUDES2: notesIn('excludes2'),
      CODE_FIRST: notesIn('codeFirst'),
      USE_ADDITIONAL: notesIn('useAdditionalCode'),
      CODE_ALSO: notesIn('codeAlso'),
    };
    return {
      version: /<version>([^<]*)<\/version>/.exec(xml)?.[1] ?? '',
      chapters: count(xml, /<chapter>/g),
      sections: count(xml, /<section[\s>]/g),
      diags: count(xml, /<diag[\s>]/g),
      notesByKind,
    };
  }

  it("counts the chapters, sections, diags and notes the raw text has, places E11.9 and finds S52's 7th characters", async () => {
    const wanted = new Map<string, TabularEntry>();
    const delivered = new Set<string>();
    const parents = new Set<string>();
    const byLevel = { chapter: 0, section: 0, diag: 0 };
    const summary = await readTabular(REAL_FILE, (entry) => {
      byLevel[entry.level]++;
      if (entry.level === 'diag') delivered.add(entry.key);
      if (entry.parent !== null) parents.add(entry.parent);
      if (['E11', 'E11.9', 'S52', '4', 'E08-E13'].includes(entry.key)) wanted.set(`${entry.level} ${entry.key}`, entry);
    });

    expect(summary).toEqual(rawCounts());
    expect(summary.chapters).toBeGreaterThan(0);
    expect(byLevel).toEqual({ chapter: summary.chapters, section: summary.sections, diag: summary.diags });
    expect([...parents].filter((parent) => !delivered.has(parent))).toEqual([]);

    expect(wanted.get('diag E11.9')).toMatchObject({
      parent: 'E11',
      section: 'E08-E13',
      chapter: '4',
      title: 'Type 2 diabetes mellitus without complications',
    });
    expect(wanted.get('diag E11')?.notes.some((note) => note.kind === 'EXCLUDES1')).toBe(true);
    expect(wanted.get('diag E11')).toMatchObject({ parent: null, section: 'E08-E13' });
    expect(wanted.get('section E08-E13')).toMatchObject({ title: 'Diabetes mellitus', rangeStart: 'E08', rangeEnd: 'E13', chapter: '4' });
    expect(wanted.get('chapter 4')).toMatchObject({ title: 'Endocrine, nutritional and metabolic diseases', rangeStart: 'E00', rangeEnd: 'E89' });
    expect(wanted.get('diag S52')?.sevenCharacterDefinitions).toContainEqual({ character: 'A', text: 'initial encounter for closed fracture' });
    expect(wanted.get('diag S52')?.sevenCharacterNote).toBe('The appropriate 7th character is to be added to all codes from category S52');
  });
});
