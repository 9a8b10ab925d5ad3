import { describe, expect, it } from 'vitest';
import { readSample } from '../../src/import/sample-source';
import { CodeSystemId } from '../../src/domain/code-system-id';
import { compareSystems, type SystemFacts } from '../../src/modules/code-system/compare-systems.service';
import { SystemRelation } from '../../src/modules/code-system/system-relation.enum';

const sample = readSample();
function facts(id: CodeSystemId): SystemFacts {
  const record = sample.systems.find((s) => s.id === id)!;
  const { maintainedBy, adapts, ...system } = record;
  return { system: system, maintainers: sample.organizations.filter((o) => maintainedBy.includes(o.id)), adapts };
}

describe('compareSystems', () => {
  it('says CPT and ICD-10-CM are complementary, not the same, and puts each aspect side by side', () => {
    const result = compareSystems(facts(CodeSystemId.CPT), facts(CodeSystemId.ICD10CM));
    expect(result.sameSystem).toBe(false);
    expect(result.relation).toBe(SystemRelation.COMPLEMENTARY);
    expect(result.summary).toMatch(/^No\. They answer different questions/);
    expect(result.aspects.map((a) => a.aspect)).toEqual([
      'Purpose',
      'Question answered',
      'Maintained by',
      'Format',
      'Example code',
      'Primary use',
      'Setting',
      'Update cadence',
      'Scope',
    ]);
    expect(result.aspects.find((a) => a.aspect === 'Maintained by')).toMatchObject({ a: 'AMA', b: 'CDC/NCHS', same: false });
  });

  it('calls ICD-10-CM an adaptation of WHO ICD-10, in either order', () => {
    expect(compareSystems(facts(CodeSystemId.ICD10CM), facts(CodeSystemId.ICD10)).relation).toBe(SystemRelation.ADAPTATION);
    expect(compareSystems(facts(CodeSystemId.ICD10), facts(CodeSystemId.ICD10CM)).summary).toContain('ICD-10-CM is the US adaptation of ICD-10');
  });

  it('calls two procedure systems the same role for different settings', () => {
    const result = compareSystems(facts(CodeSystemId.CPT), facts(CodeSystemId.ICD10PCS));
    expect(result.relation).toBe(SystemRelation.SAME_ROLE);
    expect(result.aspects.find((a) => a.aspect === 'Scope')?.same).toBe(true);
  });

  it('marks a system compared with itself as the same, every aspect equal', () => {
    const result = compareSystems(facts(CodeSystemId.HCPCS), facts(CodeSystemId.HCPCS));
    expect(result.sameSystem).toBe(true);
    expect(result.aspects.every((a) => a.same)).toBe(true);
  });
});
