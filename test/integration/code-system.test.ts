import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSample } from '../../src/import/sample-source';
import { createHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());
const sample = readSample();

describe('codeSystems and organizations', () => {
  it('lists the six systems that hold codes with what they answer, ICD-9-CM diagnoses and procedures among them, and WHO ICD-10 only with includeEmpty (issue 18)', async () => {
    const { data } = await h.run<{
      codeSystems: Array<{ systemId: string; questionAnswered: string; scope: string }>;
      all: Array<{ systemId: string; scope: string; codeCount: number }>;
    }>(`{ codeSystems { systemId questionAnswered scope } all: codeSystems(includeEmpty: true) { systemId scope codeCount } }`);
    expect(data?.codeSystems.map((s) => s.systemId)).toEqual(['CPT', 'HCPCS', 'ICD10CM', 'ICD10PCS', 'ICD9CM', 'ICD9CM_PROC']);
    expect(data?.all.map((s) => s.systemId)).toEqual(['CPT', 'HCPCS', 'ICD10', 'ICD10CM', 'ICD10PCS', 'ICD9CM', 'ICD9CM_PROC']);
    expect(data?.all.find((s) => s.systemId === 'ICD10')).toEqual({ systemId: 'ICD10', scope: 'INTERNATIONAL', codeCount: 0 });
    expect(data?.codeSystems.find((s) => s.systemId === 'CPT')?.questionAnswered).toBe('What service or procedure was done?');
    expect(data?.codeSystems.find((s) => s.systemId === 'ICD10CM')?.questionAnswered).toBe('Why was the service needed?');
  });

  it('answers what maintains ICD-10-CM and what it adapts', async () => {
    const { data } = await h.run(`{ codeSystem(id: ICD10CM) { maintainedBy { key abbreviation } adapts { systemId maintainedBy { key } } } }`);
    expect(data).toEqual({
      codeSystem: { maintainedBy: [{ key: 'CDC_NCHS', abbreviation: 'CDC/NCHS' }], adapts: { systemId: 'ICD10', maintainedBy: [{ key: 'WHO' }] } },
    });
  });

  it('counts the codes of each system as the sample files list them', async () => {
    const { data } = await h.run<{ codeSystems: Array<{ systemId: string; codeCount: number; billableCount: number }> }>(
      `{ codeSystems { systemId codeCount billableCount } }`,
    );
    for (const file of sample.codeFiles) {
      const system = data?.codeSystems.find((s) => s.systemId === file.release.system);
      expect(system).toEqual({ systemId: file.release.system, codeCount: file.codes.length, billableCount: file.codes.filter((c) => c.billable).length });
    }
  });

  it('says which systems each organization maintains', async () => {
    const { data } = await h.run<{ organizations: Array<{ key: string; maintains: Array<{ systemId: string }> }> }>(
      `{ organizations { key maintains { systemId } } }`,
    );
    const maintains = Object.fromEntries(data!.organizations.map((o) => [o.key, o.maintains.map((s) => s.systemId)]));
    expect(maintains).toEqual({ AMA: ['CPT'], CDC_NCHS: ['ICD10CM', 'ICD9CM'], CMS: ['HCPCS', 'ICD10PCS', 'ICD9CM_PROC'], WHO: ['ICD10'] });
  });

  it('answers "are CPT and ICD codes the same?" with a side-by-side comparison', async () => {
    const { data } = await h.run<{
      compareSystems: { sameSystem: boolean; relation: string; summary: string; aspects: Array<{ aspect: string; a: string; b: string }> };
    }>(`{ compareSystems(a: CPT, b: ICD10CM) { sameSystem relation summary aspects { aspect a b } } }`);
    expect(data?.compareSystems).toMatchObject({ sameSystem: false, relation: 'COMPLEMENTARY' });
    expect(data?.compareSystems.aspects).toContainEqual({
      aspect: 'Question answered',
      a: 'What service or procedure was done?',
      b: 'Why was the service needed?',
    });
  });

  it('rejects a system id outside the enum with a validation error', async () => {
    const { errors } = await h.run(`{ codeSystem(id: SNOMED) { id } }`);
    expect(errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors?.[0]?.message).toContain('SNOMED');
  });
});
