import { describe, expect, it } from 'vitest';
import { CodeSystemId } from '../../src/domain/code-system-id';
import { CategoryIndex, parentsByPrefix } from '../../src/import/hierarchy';
import type { CategoryRecord } from '../../src/import/records';

describe('parentsByPrefix', () => {
  it('links each code to the nearest shorter code that prefixes it', () => {
    const parents = parentsByPrefix(['S52', 'S525', 'S5252', 'S52521', 'S52521A', 'E11', 'E119']);
    expect(Object.fromEntries(parents)).toEqual({ S525: 'S52', S5252: 'S525', S52521: 'S5252', S52521A: 'S52521', E119: 'E11' });
  });

  it('skips a missing level and links to the next one up', () => {
    expect(parentsByPrefix(['T36', 'T360X1A']).get('T360X1A')).toBe('T36');
  });

  it('gives 3-character categories no parent', () => {
    expect(parentsByPrefix(['E11', 'E10']).size).toBe(0);
  });
});

const category = (
  system: CodeSystemId,
  kind: string,
  code: string,
  parent: string | null,
  rangeStart: string | null = null,
  rangeEnd: string | null = null,
): CategoryRecord => ({
  system,
  kind,
  code,
  title: code,
  parent,
  rangeStart,
  rangeEnd,
});

describe('CategoryIndex', () => {
  const index = new CategoryIndex([
    category(CodeSystemId.CPT, 'CPT_CATEGORY', 'CAT1', null, '00100', '99607'),
    category(CodeSystemId.CPT, 'CPT_CATEGORY', 'CAT2', null, '0001F', '9007F'),
    category(CodeSystemId.CPT, 'CPT_CATEGORY', 'CAT3', null, '0042T', '0999T'),
    category(CodeSystemId.CPT, 'SECTION', 'EM', 'CAT1', '99202', '99499'),
    category(CodeSystemId.ICD10CM, 'CHAPTER', '4', null, 'E00', 'E89'),
    category(CodeSystemId.ICD10CM, 'BLOCK', 'E08-E13', '4', 'E08', 'E13'),
    category(CodeSystemId.ICD10PCS, 'SECTION', '0', null),
    category(CodeSystemId.ICD10PCS, 'BODY_SYSTEM', '0D', '0'),
    category(CodeSystemId.ICD10PCS, 'ROOT_OPERATION', '0DT', '0D'),
  ]);

  it('files a code in the deepest category whose range covers it', () => {
    expect(index.categoryOf(CodeSystemId.CPT, '99213')?.code).toBe('EM');
    expect(index.categoryOf(CodeSystemId.ICD10CM, 'E119')?.code).toBe('E08-E13');
  });

  it('keeps CPT Category II and III codes out of the Category I range although they sort inside it', () => {
    expect(index.categoryOf(CodeSystemId.CPT, '3074F')?.code).toBe('CAT2');
    expect(index.categoryOf(CodeSystemId.CPT, '0042T')?.code).toBe('CAT3');
  });

  it('files by prefix where a category has no range (ICD-10-PCS tables)', () => {
    expect(index.categoryOf(CodeSystemId.ICD10PCS, '0DTJ4ZZ')?.code).toBe('0DT');
  });

  it('answers null when no category covers the code', () => {
    expect(index.categoryOf(CodeSystemId.ICD10CM, 'Z000')).toBeNull();
  });
});
