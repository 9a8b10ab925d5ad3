import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileFormatError } from '../../src/import/official/file-format-error';
import { gemFilesOf } from '../../src/import/gems/gem-files';
import { runGemImport } from '../../src/import/gems/gem-import';
import { findReleaseFiles } from '../../src/import/official/release-files';
import { createHarness, type Harness } from '../support/harness';
import { writeTempFile } from '../support/temp-file';

/**
 * Issue 16: the GEM excerpt of the sample (data/sample/gems, loaded by the sample import) through
 * translate, Code.mapsTo and Code.mappedFrom. Expected entries come from a plain split of the
 * excerpt files written here, not from the importer's parser.
 */
const SAMPLE = path.join(__dirname, '../../data/sample/gems');
let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

/** Every line of an excerpt file as [source, target, flags], codes as the file writes them (no dots). */
function entries(file: string): string[][] {
  return readFileSync(path.join(SAMPLE, file), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => l.trim().split(/\s+/));
}

const MAPPING = 'source { code } target { code systemId } approximate noMap combination scenario choiceList flags meaning sourceFile gemVersion';

interface Mapping {
  source: { code: string };
  target: { code: string; systemId: string } | null;
  approximate: boolean;
  noMap: boolean;
  combination: boolean;
  scenario: number;
  choiceList: number;
  flags: string;
  meaning: string;
  sourceFile: string;
  gemVersion: string;
}

interface TranslationResult {
  translate: {
    code: { code: string; systemId: string; hasTitle: boolean; display: string };
    noMap: boolean;
    combination: boolean;
    summary: string;
    candidates: Mapping[];
    targets: Array<{ code: string }>;
    scenarios: Array<{ scenario: number; meaning: string; choiceLists: Array<{ choiceList: number; options: Array<{ target: { code: string } }> }> }>;
  } | null;
}

const TRANSLATE = `query T($code: String!, $from: CodeSystemId!, $to: CodeSystemId!) {
  translate(code: $code, from: $from, to: $to) {
    code { code systemId hasTitle display } noMap combination summary targets { code }
    candidates { ${MAPPING} }
    scenarios { scenario meaning choiceLists { choiceList options { target { code } } } }
  }
}`;

const compact = (code: string) => code.replace('.', '');

describe('translate with the sample GEM excerpt (issue 16)', () => {
  it('translates ICD-9-CM 250.00 to ICD-10-CM E11.9 with its flags, as the excerpt line says', async () => {
    const [line] = entries('2018_gem_cm_I9I10.txt').filter((e) => e[0] === '25000');
    const { data, errors } = await h.run<TranslationResult>(TRANSLATE, { code: '250.00', from: 'ICD9CM', to: 'ICD10CM' });
    expect(errors).toBeUndefined();
    const t = data!.translate!;
    expect(t.targets.map((c) => compact(c.code))).toEqual([line[1]]);
    expect(t.targets[0].code).toBe('E11.9');
    const [m] = t.candidates;
    expect(m.flags).toBe(line[2]);
    expect([m.approximate, m.noMap, m.combination, m.scenario, m.choiceList]).toEqual([
      line[2][0] === '1',
      line[2][1] === '1',
      line[2][2] === '1',
      Number(line[2][3]),
      Number(line[2][4]),
    ]);
    expect(m.meaning).toMatch(/approximate/);
    expect(m.sourceFile).toBe('2018_gem_cm_I9I10.txt');
    expect(m.gemVersion).toBe('2018');
    expect(t.summary).toContain('E11.9');
    expect(t.code).toMatchObject({ code: '250.00', systemId: 'ICD9CM', hasTitle: false });
    expect(t.code.display).toMatch(/no title/);
  });

  it('groups a combination entry into its scenarios, one code from each choice list, as the excerpt lists them', async () => {
    for (const [file, code, from, to] of [
      ['2018_gem_cm_I9I10.txt', '25012', 'ICD9CM', 'ICD10CM'],
      ['2018_gem_cm_I10I9.txt', 'E1136', 'ICD10CM', 'ICD9CM'],
      ['2018_gem_pcs_I10I9.txt', '027034Z', 'ICD10PCS', 'ICD9CM_PROC'],
    ]) {
      const lines = entries(file).filter((e) => e[0] === code);
      const expected = new Map<string, string[]>();
      for (const [, target, flags] of lines) expected.set(`${flags[3]}/${flags[4]}`, [...(expected.get(`${flags[3]}/${flags[4]}`) ?? []), target].sort());
      const { data, errors } = await h.run<TranslationResult>(TRANSLATE, { code, from, to });
      expect(errors).toBeUndefined();
      const t = data!.translate!;
      expect(t.combination).toBe(true);
      const got = new Map<string, string[]>();
      for (const s of t.scenarios) for (const l of s.choiceLists) got.set(`${s.scenario}/${l.choiceList}`, l.options.map((o) => compact(o.target.code)).sort());
      expect(got).toEqual(expected);
      expect(t.candidates).toHaveLength(lines.length);
      expect(t.summary).toMatch(/combination/);
    }
  });

  it('says "no map" for an entry whose target is NoDx or NoPCS', async () => {
    for (const [file, from, to] of [
      ['2018_gem_cm_I9I10.txt', 'ICD9CM', 'ICD10CM'],
      ['2018_gem_pcs_I9I10.txt', 'ICD9CM_PROC', 'ICD10PCS'],
    ]) {
      const noMaps = entries(file).filter((e) => /^No/.test(e[1]));
      expect(noMaps.length).toBeGreaterThan(0);
      for (const [source, , flags] of noMaps) {
        const { data } = await h.run<TranslationResult>(TRANSLATE, { code: source, from, to });
        const t = data!.translate!;
        expect(t.noMap).toBe(true);
        expect(t.targets).toEqual([]);
        expect(t.candidates.map((c) => [c.noMap, c.target, c.flags])).toEqual([[true, null, flags]]);
        expect(t.summary).toMatch(/no map/);
      }
    }
  });

  it('gives every entry of each excerpt file as a MAPS_TO edge of its crosswalk, no more', async () => {
    const files = gemFilesOf(findReleaseFiles(SAMPLE).files);
    expect(files).toHaveLength(readdirSync(SAMPLE).filter((f) => f.endsWith('.txt')).length);
    const { records } = await h.driver.executeQuery(
      "MATCH (x:Crosswalk) WHERE x.status = 'complete' RETURN x.sourceFile AS file, COUNT { ()-[m:MAPS_TO]->() WHERE m.crosswalk = x.id } AS edges, x.mappingCount AS counted",
    );
    const counts = Object.fromEntries(records.map((r) => [r.get('file') as string, Number(r.get('edges'))]));
    for (const f of files) expect(counts[path.basename(f.file)]).toBe(entries(path.basename(f.file)).length);
    for (const r of records) expect(Number(r.get('counted'))).toBe(Number(r.get('edges')));
  });

  it('answers Code.mapsTo and Code.mappedFrom on E11.9 from the two ICD-10-CM GEMs', async () => {
    const { data, errors } = await h.run<{ code: { mapsTo: Mapping[]; mappedFrom: Mapping[] } }>(
      `{ code(code: "E11.9", system: ICD10CM) { mapsTo(to: ICD9CM) { ${MAPPING} } mappedFrom(from: ICD9CM) { ${MAPPING} } } }`,
    );
    expect(errors).toBeUndefined();
    const forward = entries('2018_gem_cm_I10I9.txt').filter((e) => e[0] === 'E119');
    const backward = entries('2018_gem_cm_I9I10.txt').filter((e) => e[1] === 'E119');
    expect(data!.code.mapsTo.map((m) => [m.source.code, compact(m.target!.code), m.flags])).toEqual(forward.map((e) => ['E11.9', e[1], e[2]]));
    expect(data!.code.mappedFrom.map((m) => [compact(m.source.code), m.target!.code, m.flags])).toEqual(backward.map((e) => [e[0], 'E11.9', e[2]]));
  });

  it('finds an ICD-9-CM Volume 3 code as a Procedure with no invented title', async () => {
    const { data } = await h.run<{
      code: { __typename: string; code: string; hasTitle: boolean; display: string; shortDisplay: string | null; system: { shortName: string } };
    }>('{ code(code: "4701", system: ICD9CM_PROC) { __typename code hasTitle display shortDisplay system { shortName } } }');
    expect(data!.code).toMatchObject({ __typename: 'Procedure', code: '47.01', hasTitle: false, shortDisplay: null, system: { shortName: 'ICD-9-CM Vol. 3' } });
    expect(data!.code.display).toMatch(/no title/);
  });
});

describe('translate refuses bad input with a clear error', () => {
  it('names a pair of systems no GEM maps, with the pairs that exist', async () => {
    const { data, errors } = await h.run<TranslationResult>(TRANSLATE, { code: '250.00', from: 'ICD9CM', to: 'CPT' });
    expect(data?.translate ?? null).toBeNull();
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'to', value: 'CPT' });
    expect(errors?.[0].message).toMatch(/No GEM maps ICD9CM to CPT: the GEMs map .*ICD9CM to ICD10CM/);
  });

  it('names a malformed code and the format expected of its system', async () => {
    const { errors } = await h.run<TranslationResult>(TRANSLATE, { code: '25O.00', from: 'ICD9CM', to: 'ICD10CM' });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'code', value: '25O.00' });
    expect(errors?.[0].message).toMatch(/"25O.00" is not a valid ICD9CM code: expected 3 digits/);
  });

  it('names an unknown system', async () => {
    const { errors } = await h.run<TranslationResult>('{ translate(code: "250.00", from: ICD11, to: ICD10CM) { summary } }');
    expect(errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors?.[0].message).toMatch(/ICD11.*CodeSystemId/);
  });

  it('gives null for a well-formed code the GEM does not list', async () => {
    const { data, errors } = await h.run<TranslationResult>(TRANSLATE, { code: '999.99', from: 'ICD9CM', to: 'ICD10CM' });
    expect(errors).toBeUndefined();
    expect(data!.translate).toBeNull();
  });

  it('refuses mapsTo to a system no GEM maps the code to', async () => {
    const { errors } = await h.run('{ code(code: "E11.9", system: ICD10CM) { mapsTo(to: ICD10PCS) { flags } } }');
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'to', value: 'ICD10PCS' });
  });
});

describe('the GEM import of the sample excerpt', () => {
  it('changes nothing when the same files are imported again', async () => {
    const again = await runGemImport(h.executor, gemFilesOf(findReleaseFiles(SAMPLE).files), { origin: 'sample' });
    expect(again.changes).toBe(0);
    expect(again.nodesAfter).toBe(again.nodesBefore);
    expect(again.relationshipsAfter).toBe(again.relationshipsBefore);
  });

  it('stops at a malformed line, naming file, line and what was expected, and writes nothing', async () => {
    const lines = readFileSync(path.join(SAMPLE, '2018_gem_cm_I9I10.txt'), 'utf8').split('\n');
    lines.splice(2, 0, '25000 E119    1000');
    const broken = writeTempFile('2018_gem_cm_I9I10.txt', lines.join('\n'));
    const before = await h.driver.executeQuery('MATCH (n) RETURN count(n) AS n');
    const run = runGemImport(h.executor, gemFilesOf({ gemCmI9I10: broken }), { origin: 'sample' });
    await expect(run).rejects.toThrow(FileFormatError);
    await expect(run).rejects.toThrow(/2018_gem_cm_I9I10\.txt line 3: flags "1000" are not 5 digits/);
    const after = await h.driver.executeQuery('MATCH (n) RETURN count(n) AS n');
    expect(after.records[0].get('n')).toEqual(before.records[0].get('n'));
  });
});
