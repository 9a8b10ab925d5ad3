import { describe, expect, it } from 'vitest';
import { canonicalCode, compactCode, normalizeCode, parseCode } from '../../src/common/code-format';
import { CodeSystemId } from '../../src/domain/code-system-id';

function candidates(raw: string, system?: CodeSystemId) {
  const parsed = parseCode(raw, system);
  if (!parsed.ok) throw new Error(`expected ${raw} to parse, got: ${parsed.message}`);
  return parsed.candidates;
}

function failure(raw: string, system?: CodeSystemId): string {
  const parsed = parseCode(raw, system);
  if (parsed.ok) throw new Error(`expected ${raw} to be rejected, got ${JSON.stringify(parsed.candidates)}`);
  return parsed.message;
}

describe('parseCode', () => {
  it.each(['E119', 'e11.9', ' E11.9 ', 'E11.9', '\tE119\n'])('reads %j as ICD-10-CM E11.9', (raw) => {
    expect(candidates(raw, CodeSystemId.ICD10CM)).toEqual([{ system: CodeSystemId.ICD10CM, code: 'E11.9' }]);
  });

  it('puts the dot after the third character of long ICD-10-CM codes', () => {
    expect(candidates('s52521a', CodeSystemId.ICD10CM)).toEqual([{ system: CodeSystemId.ICD10CM, code: 'S52.521A' }]);
  });

  it('leaves a 3-character ICD-10-CM category without a dot', () => {
    expect(candidates('e11', CodeSystemId.ICD10CM)).toEqual([{ system: CodeSystemId.ICD10CM, code: 'E11' }]);
  });

  it('infers CPT for five digits and for Category II and III codes', () => {
    expect(candidates('99213')).toEqual([{ system: CodeSystemId.CPT, code: '99213' }]);
    expect(candidates('3074f')).toEqual([{ system: CodeSystemId.CPT, code: '3074F' }]);
    expect(candidates('0042T')).toEqual([{ system: CodeSystemId.CPT, code: '0042T' }]);
  });

  it('offers both HCPCS J1100 and ICD-10-CM J11.00 for J1100, and only ICD-10-CM once a dot is typed', () => {
    expect(candidates('J1100').map((c) => `${c.system} ${c.code}`)).toEqual(['HCPCS J1100', 'ICD10CM J11.00']);
    expect(candidates('J11.00')).toEqual([{ system: CodeSystemId.ICD10CM, code: 'J11.00' }]);
  });

  it('infers ICD-10-CM, not WHO ICD-10, for E11.9, and reads WHO ICD-10 when asked by name', () => {
    expect(candidates('E11.9')).toEqual([{ system: CodeSystemId.ICD10CM, code: 'E11.9' }]);
    expect(candidates('e119', CodeSystemId.ICD10)).toEqual([{ system: CodeSystemId.ICD10, code: 'E11.9' }]);
  });

  it('rejects a CPT-like code whose fifth character no CPT code uses', () => {
    expect(failure('1234X', CodeSystemId.CPT)).toContain('4 digits then a digit or one of A, F, M, T, U');
  });

  it('infers ICD-10-PCS for seven characters that start with a digit', () => {
    expect(candidates('0dtj4zz')).toEqual([{ system: CodeSystemId.ICD10PCS, code: '0DTJ4ZZ' }]);
  });

  it('rejects a value that fits no format, naming the value and every expected format', () => {
    const message = failure('XYZ');
    expect(message).toContain('"XYZ"');
    expect(message).toContain('ICD10CM: a letter, a digit');
    expect(message).toContain('CPT: 5 characters');
  });

  it("rejects a code of the wrong shape for the system given, naming that system's format", () => {
    expect(failure('99213', CodeSystemId.ICD10CM)).toBe(
      'Code "99213" is not a valid ICD10CM code: expected a letter, a digit, a letter or digit (or a letter then a digit: QA0), then optionally a dot and up to 4 more (E11, E11.9, S52.521A)',
    );
  });

  it('rejects a dot anywhere but after the third character', () => {
    expect(failure('E1.19')).toContain('"E1.19"');
    expect(failure('E11.9.1')).toContain('fits no known code format');
  });

  it('rejects a dot in systems that never use one', () => {
    expect(failure('992.13', CodeSystemId.CPT)).toContain('not a valid CPT code');
  });

  it('rejects the letters I and O in ICD-10-PCS codes', () => {
    expect(failure('0DTI4ZZ', CodeSystemId.ICD10PCS)).toContain('no I or O');
  });

  it('rejects empty and whitespace-only input', () => {
    expect(failure('')).toContain('""');
    expect(failure('   ')).toContain('fits no known code format');
  });

  it('cuts a very long value in the message instead of echoing all of it', () => {
    const message = failure('A'.repeat(10_000));
    expect(message).toContain('10000 characters long');
    expect(message.length).toBeLessThan(200);
  });

  it('cuts long values that are under the hard limit when echoing them', () => {
    const message = failure('X'.repeat(60));
    expect(message).toContain(`"${'X'.repeat(40)}…"`);
  });
});

describe('normalizeCode', () => {
  it('gives the canonical form whether the input has the dot, lower case or spaces', () => {
    expect(normalizeCode(CodeSystemId.ICD10CM, 'E11.9')).toBe('E11.9');
    expect(normalizeCode(CodeSystemId.ICD10CM, ' e119 ')).toBe('E11.9');
    expect(normalizeCode(CodeSystemId.CPT, 'E119')).toBeNull();
  });
});

describe('canonicalCode and compactCode', () => {
  it('round-trip between the file form and the canonical form', () => {
    expect(canonicalCode(CodeSystemId.ICD10CM, 'S52521A')).toBe('S52.521A');
    expect(compactCode('S52.521A')).toBe('S52521A');
    expect(canonicalCode(CodeSystemId.CPT, '99213')).toBe('99213');
  });
});

describe('ICD-9-CM codes (the GEMs)', () => {
  it('puts the dot after the third character, the fourth for E codes, the second for Volume 3 procedures', () => {
    expect(normalizeCode(CodeSystemId.ICD9CM, '25000')).toBe('250.00');
    expect(normalizeCode(CodeSystemId.ICD9CM, '462')).toBe('462');
    expect(normalizeCode(CodeSystemId.ICD9CM, 'v4581')).toBe('V45.81');
    expect(normalizeCode(CodeSystemId.ICD9CM, 'E8809')).toBe('E880.9');
    expect(normalizeCode(CodeSystemId.ICD9CM, 'E880.9')).toBe('E880.9');
    expect(normalizeCode(CodeSystemId.ICD9CM_PROC, '8154')).toBe('81.54');
    expect(normalizeCode(CodeSystemId.ICD9CM_PROC, '81.54')).toBe('81.54');
  });

  it('refuses a dot where the system puts none, and names the expected format', () => {
    expect(normalizeCode(CodeSystemId.ICD9CM, '25.000')).toBeNull();
    expect(normalizeCode(CodeSystemId.ICD9CM_PROC, '815.4')).toBeNull();
    const parsed = parseCode('25O.00', CodeSystemId.ICD9CM);
    expect(parsed.ok ? null : parsed.message).toMatch(/not a valid ICD9CM code: expected 3 digits/);
  });

  it('is not inferred when no system is given: US users mean ICD-10', () => {
    const parsed = parseCode('25000');
    expect(parsed.ok ? parsed.candidates.map((c) => c.system) : []).not.toContain(CodeSystemId.ICD9CM);
  });
});
