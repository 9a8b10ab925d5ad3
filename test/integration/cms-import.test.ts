import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCmsTables, runCmsImport } from '../../src/import/cms/cms-import';
import { createHarness, type Harness } from '../support/harness';

/**
 * Issue 15: the NCCI PTP and MUE fixtures (data/sample/cms) imported through the folder reader into
 * the sample graph. The sample start already loads them (src/import/seed.ts), so these tests import
 * copies named as an older CMS version (PTP 20.1r0, MUE effective 2020-01-01): new edit sets the
 * importer must write in full, which claim checks of 2026 never choose over the sample's own. Expected
 * edges come from a plain split of the fixture text, not from the importer's readers. What the tests
 * write is removed afterwards.
 */
const SAMPLE = path.join(__dirname, '../../data/sample/cms');
const OLDER: Record<string, string> = {
  'ccipra-v321r0-f1.txt': 'ccipra-v201r0-f1.txt',
  'ccioph-v321r0-f1.txt': 'ccioph-v201r0-f1.txt',
  'MCR_MUE_PractitionerServices_Eff_01-01-2026.csv': 'MCR_MUE_PractitionerServices_Eff_01-01-2020.csv',
  'MCR_MUE_OutpatientHospitalServices_Eff_01-01-2026.csv': 'MCR_MUE_OutpatientHospitalServices_Eff_01-01-2020.csv',
  'MCR_MUE_DMESupplierServices_Eff_01-01-2026.csv': 'MCR_MUE_DMESupplierServices_Eff_01-01-2020.csv',
};
const OLDER_SETS = [
  'MUE|DME_SUPPLIER|2020-01-01',
  'MUE|OUTPATIENT_HOSPITAL|2020-01-01',
  'MUE|PRACTITIONER|2020-01-01',
  'PTP|OUTPATIENT_HOSPITAL|20.1r0',
  'PTP|PRACTITIONER|20.1r0',
];
let h: Harness;
let sampleCodes: Set<string>;
let olderDir: string;

beforeAll(async () => {
  h = await createHarness();
  const { records } = await h.driver.executeQuery("MATCH (c:Code) WHERE c.system IN ['CPT', 'HCPCS'] RETURN c.code AS code");
  sampleCodes = new Set(records.map((r) => String(r.get('code'))));
  olderDir = mkdtempSync(path.join(tmpdir(), 'cms-older-'));
  for (const [name, older] of Object.entries(OLDER)) copyFileSync(path.join(SAMPLE, name), path.join(olderDir, older));
});
afterAll(async () => {
  await h.driver.executeQuery('MATCH ()-[e:PTP_EDIT]->() WHERE e.setId IN $sets DELETE e', { sets: OLDER_SETS });
  await h.driver.executeQuery('MATCH (s:EditSet) WHERE s.id IN $sets DETACH DELETE s', { sets: OLDER_SETS });
  await h.close();
});

async function counts() {
  const [row] = await h.executor.read('import/graph-counts');
  return { nodes: Number(row.nodes), relationships: Number(row.relationships) };
}

/** PTP rows of a fixture whose two codes the sample holds, as "c1>c2 indicator from to". */
function expectedPtp(file: string): string[] {
  return readFileSync(path.join(SAMPLE, file), 'latin1')
    .split(/\r?\n/)
    .map((l) => l.split('\t'))
    .filter((f) => /^\d{8}$/.test(f[3] ?? '') && sampleCodes.has(f[0]) && sampleCodes.has(f[1]))
    .map(
      (f) =>
        `${f[0]}>${f[1]} ${f[5]} ${f[3].replace(/(\d{4})(\d\d)(\d\d)/, '$1-$2-$3')} ${f[4] === '*' ? '-' : f[4].replace(/(\d{4})(\d\d)(\d\d)/, '$1-$2-$3')}`,
    )
    .sort();
}

describe('importing the NCCI fixtures (issue 15)', () => {
  it('refuses a folder with a re-ordered MUE header, writing nothing and naming the file, line and columns expected', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cms-bad-'));
    copyFileSync(path.join(SAMPLE, 'ccipra-v321r0-f1.txt'), path.join(dir, 'ccipra-v321r0-f1.txt'));
    const mue = readFileSync(path.join(SAMPLE, 'MCR_MUE_PractitionerServices_Eff_01-01-2026.csv'), 'latin1').replace(
      'MUE Adjudication Indicator,MUE Rationale',
      'MUE Rationale,MUE Adjudication Indicator',
    );
    writeFileSync(path.join(dir, 'MCR_MUE_PractitionerServices_Eff_01-01-2026.csv'), mue, 'latin1');
    const before = await counts();
    const { tables } = await findCmsTables(dir);
    await expect(runCmsImport(h.executor, tables)).rejects.toThrow(
      /MCR_MUE_PractitionerServices_Eff_01-01-2026\.csv line 2: the MUE header row has columns .* expected the columns "HCPCS\/CPT Code", "Practitioner Services MUE Values", "MUE Adjudication Indicator", "MUE Rationale", in that order/,
    );
    expect(await counts()).toEqual(before);
  });

  it('finds the tables by their CMS names in the sample folder', async () => {
    const { tables, ignored, articles } = await findCmsTables(SAMPLE);
    expect(tables.map((t) => t.source.name).sort()).toEqual([
      'MCR_MUE_DMESupplierServices_Eff_01-01-2026.csv',
      'MCR_MUE_OutpatientHospitalServices_Eff_01-01-2026.csv',
      'MCR_MUE_PractitionerServices_Eff_01-01-2026.csv',
      'ccioph-v321r0-f1.txt',
      'ccipra-v321r0-f1.txt',
    ]);
    expect(ignored).toEqual([]);
    expect(articles?.name).toBe('current_article.zip');
  });

  it('writes each PTP edit and MUE of a new file version with its provenance, and changes nothing the second time', async () => {
    const { tables } = await findCmsTables(olderDir);
    expect(tables.map((t) => t.source.name).sort()).toEqual(Object.values(OLDER).sort());
    const first = await runCmsImport(h.executor, tables);
    expect(first.changes).toBeGreaterThan(0);

    const { records } = await h.driver.executeQuery(
      "MATCH (a:Code)-[e:PTP_EDIT {setting: 'PRACTITIONER', fileVersion: '20.1r0'}]->(b:Code) RETURN a.code + '>' + b.code + ' ' + e.modifierIndicator + ' ' + toString(e.effectiveFrom) + ' ' + coalesce(toString(e.effectiveTo), '-') AS edit, e.fileVersion AS version, e.sourceFile AS file",
    );
    expect(records.map((r) => r.get('edit')).sort()).toEqual(expectedPtp('ccipra-v321r0-f1.txt'));
    expect(new Set(records.map((r) => `${r.get('version')} ${r.get('file')}`))).toEqual(new Set(['20.1r0 ccipra-v201r0-f1.txt']));
    const oph = await h.driver.executeQuery("MATCH ()-[e:PTP_EDIT {setting: 'OUTPATIENT_HOSPITAL', fileVersion: '20.1r0'}]->() RETURN count(e) AS n");
    expect(Number(oph.records[0].get('n'))).toBe(expectedPtp('ccioph-v321r0-f1.txt').length);

    const mue = await h.driver.executeQuery(
      "MATCH (c:Code {code: '96372'})-[m:MUE]->(s:EditSet) WHERE s.id IN $sets RETURN m.setting AS setting, m.units AS units, m.adjudication AS mai, s.status AS status ORDER BY setting",
      { sets: OLDER_SETS },
    );
    expect(mue.records.map((r) => [r.get('setting'), Number(r.get('units')), Number(r.get('mai')), r.get('status')])).toEqual([
      ['OUTPATIENT_HOSPITAL', 6, 3, 'complete'],
      ['PRACTITIONER', 4, 3, 'complete'],
    ]);
    const sets = await h.driver.executeQuery('MATCH (s:EditSet) WHERE s.id IN $sets RETURN s.id AS id, s.status AS status ORDER BY id', { sets: OLDER_SETS });
    expect(sets.records.map((r) => `${r.get('id')} ${r.get('status')}`)).toEqual(OLDER_SETS.map((id) => `${id} complete`));

    const second = await runCmsImport(h.executor, tables);
    expect(second.changes).toBe(0);
    expect(second.nodesAfter).toBe(second.nodesBefore);
    expect(second.relationshipsAfter).toBe(second.relationshipsBefore);
  });
});
