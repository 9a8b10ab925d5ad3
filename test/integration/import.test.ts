import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport, ImportError } from '../../src/import/import-runner';
import { readSample } from '../../src/import/sample-source';
import { createHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function counts() {
  const [row] = await h.executor.read('import/graph-counts');
  return { nodes: Number(row.nodes), relationships: Number(row.relationships) };
}

describe('importing the sample', () => {
  it('changes nothing when the same sample is imported again', async () => {
    const summary = await runImport(h.executor, readSample());
    expect(summary.nodesAfter).toBe(summary.nodesBefore);
    expect(summary.relationshipsAfter).toBe(summary.relationshipsBefore);
    expect(summary.nodesAfter).toBeGreaterThan(150);
  });

  it('refuses a bundle with a broken reference before writing anything', async () => {
    const before = await counts();
    const broken = readSample();
    broken.organizations.push({ id: 'NEW_ORG', name: 'n', abbreviation: 'n', kind: 'k', country: 'US', url: null, description: 'd' });
    broken.pairings.push({ ...broken.pairings[0], diagnosis: { system: broken.pairings[0].diagnosis.system, code: 'Z999' } });
    await expect(runImport(h.executor, broken)).rejects.toThrow(ImportError);
    await expect(runImport(h.executor, broken)).rejects.toThrow(
      /nothing was written: 1 problem\(s\):\n {2}pairing Z999 -> 99213: ICD10CM code Z99.9 is not in the bundle/,
    );
    expect(await counts()).toEqual(before);
    const [org] = await h.executor.read('organization/maintains', { ids: ['NEW_ORG'] });
    expect(org).toBeUndefined();
  });

  it('writes codes given in any accepted form (E11.9, e119) under their canonical form', async () => {
    const variant = readSample();
    const icd = variant.codeFiles.find((f) => f.release.system === 'ICD10CM')!;
    icd.codes = icd.codes.map((c, i) => ({
      ...c,
      code: i % 2 === 0 ? c.code.toLowerCase() : c.code.length > 3 ? `${c.code.slice(0, 3)}.${c.code.slice(3)}` : c.code,
    }));
    const summary = await runImport(h.executor, variant);
    expect(summary.nodesAfter).toBe(summary.nodesBefore);
    expect(summary.relationshipsAfter).toBe(summary.relationshipsBefore);
  });

  it('marks each sample release complete with its code count', async () => {
    const { records } = await h.driver.executeQuery('MATCH (r:Release) RETURN r.id AS id, r.status AS status, r.codeCount AS codes ORDER BY id');
    const sample = readSample();
    expect(records.map((r) => ({ id: r.get('id'), status: r.get('status'), codes: Number(r.get('codes')) }))).toEqual(
      sample.codeFiles
        .map((f) => ({ id: `${f.release.system}:${f.release.version}`, status: 'complete', codes: f.codes.length }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  it('stores the curated pairing J02.9 -> 99213 with its provenance', async () => {
    const { records } = await h.driver.executeQuery(
      `MATCH (p:Pairing)-[:DIAGNOSIS]->(:Code {system: $dx.system, code: $dx.code}), (p)-[:PROCEDURE]->(:Code {system: $px.system, code: $px.code})
       RETURN p.source AS source, p.author AS author, p.createdAt IS NOT NULL AS dated`,
      { dx: { system: 'ICD10CM', code: 'J02.9' }, px: { system: 'CPT', code: '99213' } },
    );
    expect(records.map((r) => r.toObject())).toEqual([{ source: 'codeset-graph curated sample', author: 'codeset-graph maintainers', dated: true }]);
  });
});
