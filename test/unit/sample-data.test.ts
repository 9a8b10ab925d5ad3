import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalCode } from '../../src/common/code-format';
import { CodeSystemId } from '../../src/domain/code-system-id';
import { checkBundle } from '../../src/import/check-bundle';
import { CategoryIndex } from '../../src/import/hierarchy';
import { readSample, SAMPLE_DIR, SampleDataError } from '../../src/import/sample-source';

const sample = readSample();

function copySample(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sample-'));
  fs.cpSync(SAMPLE_DIR, dir, { recursive: true });
  return dir;
}

describe('the bundled sample', () => {
  it('passes every cross-file check', () => {
    expect(checkBundle(sample)).toEqual([]);
  });

  it('holds at least 150 codes across the four US systems', () => {
    const bySystem = Object.fromEntries(sample.codeFiles.map((f) => [f.release.system, f.codes.length]));
    expect(Object.keys(bySystem).sort()).toEqual(['CPT', 'HCPCS', 'ICD10CM', 'ICD10PCS']);
    expect(Object.values(bySystem).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(150);
  });

  it('has the seven systems (ICD-9-CM diagnoses and procedures for the GEM excerpt) and the four maintaining organizations', () => {
    expect(sample.systems.map((s) => s.id).sort()).toEqual(['CPT', 'HCPCS', 'ICD10', 'ICD10CM', 'ICD10PCS', 'ICD9CM', 'ICD9CM_PROC']);
    expect(sample.organizations.map((o) => o.id).sort()).toEqual(['AMA', 'CDC_NCHS', 'CMS', 'WHO']);
  });

  it('files every code in a category', () => {
    const index = new CategoryIndex(sample.categories);
    const unfiled = sample.codeFiles.flatMap((f) =>
      f.codes.filter((c) => !index.categoryOf(f.release.system, c.code)).map((c) => `${f.release.system} ${c.code}`),
    );
    expect(unfiled).toEqual([]);
  });

  it('has billable and header ICD-10-CM codes, and 7th-character codes', () => {
    const icd = sample.codeFiles.find((f) => f.release.system === CodeSystemId.ICD10CM)!.codes;
    expect(icd.some((c) => c.billable)).toBe(true);
    expect(icd.some((c) => !c.billable)).toBe(true);
    expect(icd.filter((c) => c.code.length === 7 && /[A-Z]$/.test(c.code)).map((c) => canonicalCode(CodeSystemId.ICD10CM, c.code))).toEqual(
      expect.arrayContaining(['S52.521A', 'S52.521D', 'S52.521S']),
    );
  });

  it('holds the curated pairing J02.9 -> 99213 with a curated source, not a payer policy', () => {
    expect(sample.pairings).toContainEqual(
      expect.objectContaining({
        diagnosis: { system: 'ICD10CM', code: 'J029' },
        procedure: { system: 'CPT', code: '99213' },
        source: 'codeset-graph curated sample',
      }),
    );
  });
});

describe('readSample', () => {
  it('names the file and the field when a value has the wrong type', () => {
    const dir = copySample();
    const codes = JSON.parse(fs.readFileSync(path.join(dir, 'codes-cpt.json'), 'utf8'));
    codes.codes[3].billable = 'yes';
    fs.writeFileSync(path.join(dir, 'codes-cpt.json'), JSON.stringify(codes));
    expect(() => readSample(dir)).toThrow(SampleDataError);
    expect(() => readSample(dir)).toThrow(/codes-cpt\.json is not valid sample data:[\s\S]*codes\[3\]\.billable/);
  });

  it('refuses an ICD-10-CM code without its order-file sequence, which policy ranges need', () => {
    const dir = copySample();
    const codes = JSON.parse(fs.readFileSync(path.join(dir, 'codes-icd10cm.json'), 'utf8'));
    delete codes.codes[5].sequence;
    fs.writeFileSync(path.join(dir, 'codes-icd10cm.json'), JSON.stringify(codes));
    expect(() => readSample(dir)).toThrow(
      /codes-icd10cm\.json is not valid sample data:[\s\S]*every ICD-10-CM code needs its sequence: its number in the CMS order file/,
    );
  });

  it('gives ICD-10-CM codes their order-file number as sequence', () => {
    const icd = sample.codeFiles.find((f) => f.release.system === CodeSystemId.ICD10CM)!.codes;
    expect(icd.find((c) => c.code === 'E119')!.properties).toEqual({ sequence: 4416, includes: null, inclusionTerms: null }); // line 04416 of icd10cm_order_2026.txt; search texts (issue 17) null when the code has none;
    expect(icd.find((c) => c.code === 'I10')!.properties?.includes).toEqual([
      'high blood pressure',
      'hypertension (arterial) (benign) (essential) (malignant) (primary) (systemic)',
    ]);
  });

  it('names the file when it is not JSON at all', () => {
    const dir = copySample();
    fs.writeFileSync(path.join(dir, 'notes.json'), '[{"system": ');
    expect(() => readSample(dir)).toThrow(/notes\.json: /);
  });
});

describe('checkBundle', () => {
  it('reports a note whose target is not in the bundle, and a pairing naming an unknown code', () => {
    const broken = structuredClone(sample);
    broken.notes.push({ system: CodeSystemId.ICD10CM, from: 'E11', kind: 'EXCLUDES1', text: 'x (Q99.-)', targets: ['Q99'] });
    broken.pairings.push({ ...broken.pairings[0], procedure: { system: CodeSystemId.CPT, code: '99999' } });
    expect(checkBundle(broken)).toEqual([
      'EXCLUDES1 note on E11: ICD10CM code Q99 is not in the bundle',
      'pairing J029 -> 99999: CPT code 99999 is not in the bundle',
    ]);
  });

  it('reports a code that does not fit its system and a code listed twice', () => {
    const broken = structuredClone(sample);
    const cpt = broken.codeFiles.find((f) => f.release.system === CodeSystemId.CPT)!;
    cpt.codes.push({ code: 'E119', display: 'x', shortDisplay: null, billable: true }, { ...cpt.codes[0] });
    const problems = checkBundle(broken);
    expect(problems).toContain(
      'CPT release 2026: Code "E119" is not a valid CPT code: expected 5 characters, 4 digits then a digit or one of A, F, M, T, U (99213, 3074F, 0042T)',
    );
    expect(problems).toContain(`CPT code ${cpt.codes[0].code} is listed twice`);
  });

  it('reports an unknown maintaining organization and a missing parent category', () => {
    const broken = structuredClone(sample);
    broken.systems[0].maintainedBy = ['NOBODY'];
    broken.categories.push({ ...broken.categories[0], code: 'ORPHAN', parent: 'MISSING' });
    const problems = checkBundle(broken);
    expect(problems).toContain(`code system ${broken.systems[0].id}: maintainedBy names unknown organization "NOBODY"`);
    expect(problems).toContain(`category ${broken.categories[0].system} ORPHAN: parent "MISSING" is not a category of ${broken.categories[0].system}`);
  });
});
