import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FileFormatError } from '../../src/import/official/file-format-error';
import { bodyPartTerms, readPcsDefinitions } from '../../src/import/official/icd10pcs-definitions.parser';
import { OFFICIAL_DATA_PRESENT, officialFile } from '../support/official-data';
import { writeTempFile } from '../support/temp-file';

const OFFICIAL = officialFile('icd10pcs/icd10pcs_definitions_2026.xml');
/** The two tests that read the official file skip (with vitest.config's line saying why) when ../shared/data is absent. */
const withOfficialFile = it.skipIf(!OFFICIAL_DATA_PRESENT);

describe('the ICD-10-PCS definitions reader (issue 17)', () => {
  withOfficialFile('reads every terms entry of the official file, as a plain reading of the text counts them', async () => {
    const xml = readFileSync(OFFICIAL, 'utf8');
    const definitions = await readPcsDefinitions(OFFICIAL);
    expect(definitions.version).toBe(/<version>(\d{4})<\/version>/.exec(xml)![1]);
    expect(definitions.terms.length).toBe(xml.match(/<terms>/g)!.length);
    expect(definitions.terms.reduce((n, t) => n + t.includes.length, 0)).toBe(xml.match(/<includes>/g)!.length);
  });

  withOfficialFile('gives the body part Appendix of section 0 the words the file lists under it', async () => {
    const xml = readFileSync(OFFICIAL, 'utf8');
    // The plain reading: the <terms> block whose title is Appendix, in the Body Part axis of section 0.
    const section0 = xml.slice(xml.indexOf('<section code="0">'), xml.indexOf('<section code="1">'));
    const bodyPartAxis = section0.slice(section0.indexOf('<axis pos="4">'), section0.indexOf('<axis pos="5">'));
    const block = /<terms>\s*<title>Appendix<\/title>([\s\S]*?)<\/terms>/.exec(bodyPartAxis)![1];
    const expected = [...block.matchAll(/<includes>([^<]*)<\/includes>/g)].map((m) => m[1]);
    expect(bodyPartTerms(await readPcsDefinitions(OFFICIAL)).get('0:Appendix')).toEqual(expected);
    expect(expected).toContain('Vermiform appendix');
  });

  it('refuses an element it does not know, naming file and line', async () => {
    const file = writeTempFile(
      'icd10pcs_definitions_2026.xml',
      '<?xml version="1.0"?>\n<ICD10PCS.definitions>\n<version>2026</version>\n<bogus/>\n</ICD10PCS.definitions>\n',
    );
    const error = await readPcsDefinitions(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileFormatError);
    expect((error as Error).message).toMatch(
      /icd10pcs_definitions_2026\.xml line 4: expected <version> or <title> or <section> or <deviceAggregation> inside <ICD10PCS\.definitions>, found <bogus>/,
    );
  });
});
