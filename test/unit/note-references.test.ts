import { describe, expect, it } from 'vitest';
import { createTargetIndex, extractReferences, resolveNote, type TargetIndex } from '../../src/import/official/note-references';

/** A small slice of the order file plus a few sections and chapters, enough for every rule. */
const index: TargetIndex = createTargetIndex(
  [
    'E00',
    'E000',
    'E001',
    'E009',
    'E01',
    'E010',
    'E02',
    'E03',
    'E030',
    'E08',
    'E09',
    'E10',
    'E11',
    'E119',
    'E13',
    'E89',
    'E890',
    'F10',
    'F101',
    'F1010',
    'F102',
    'F1020',
    'M1A',
    'M1A0',
    'O9A',
    'O9A1',
    'P70',
    'P71',
    'P72',
    'P74',
    'T36',
    'T38',
    'T383',
    'T400',
    'T401',
    'T402',
    'T403',
    'V00',
    'Y99',
    'Z16',
    'Z3A',
  ],
  [
    { id: 'E08-E13', rangeStart: 'E08', rangeEnd: 'E13' },
    { id: 'E36', rangeStart: 'E36', rangeEnd: 'E36' },
    { id: 'O94-O9A', rangeStart: 'O94', rangeEnd: 'O9A' },
    { id: 'T36-T50', rangeStart: 'T36', rangeEnd: 'T50' },
  ],
  [
    { name: '2', rangeStart: 'C00', rangeEnd: 'D49' },
    { name: '15', rangeStart: 'O00', rangeEnd: 'O9A' },
    { name: '20', rangeStart: 'V00', rangeEnd: 'Y99' },
  ],
);

describe('extractReferences', () => {
  it('reads "(E02)" as the code E02', () => {
    expect(extractReferences('subclinical iodine-deficiency hypothyroidism (E02)')).toEqual([{ kind: 'code', code: 'E02', line: 'E02' }]);
  });

  it('reads "(E00.-)" and "(M1A.-)" as codes without the dot-dash', () => {
    expect(extractReferences('congenital iodine-deficiency syndrome (E00.-)')).toEqual([{ kind: 'code', code: 'E00', line: 'E00.-' }]);
    expect(extractReferences('chronic gout (M1A.-)')).toEqual([{ kind: 'code', code: 'M1A', line: 'M1A.-' }]);
  });

  it('reads "(T38.3X-)" as the compact code T383X', () => {
    expect(extractReferences('poisoning by insulin (T38.3X-)')).toEqual([{ kind: 'code', code: 'T383X', line: 'T38.3X-' }]);
  });

  it('reads "(E00-E02)", "(O00-O9A)", "(C00-D49)" and "(V00-Y99)" as ranges', () => {
    expect(extractReferences('x (E00-E02)')).toEqual([{ kind: 'range', start: 'E00', end: 'E02', line: 'E00-E02' }]);
    expect(extractReferences('x (O00-O9A)')).toEqual([{ kind: 'range', start: 'O00', end: 'O9A', line: 'O00-O9A' }]);
    expect(extractReferences('neoplasms (C00-D49)')).toEqual([{ kind: 'range', start: 'C00', end: 'D49', line: 'C00-D49' }]);
    expect(extractReferences('external causes (V00-Y99)')).toEqual([{ kind: 'range', start: 'V00', end: 'Y99', line: 'V00-Y99' }]);
  });

  it('reads a range whose ends carry a dash or dot-dash, "(T40.0-T40.2-)" and "(F11.-F17.-)"', () => {
    expect(extractReferences('x (T40.0-T40.2-)')).toEqual([{ kind: 'range', start: 'T400', end: 'T402', line: 'T40.0-T40.2-' }]);
    expect(extractReferences('x (F11.-F17.-)')).toEqual([{ kind: 'range', start: 'F11', end: 'F17', line: 'F11.-F17.-' }]);
    expect(extractReferences('x (K85-K86.-)')).toEqual([{ kind: 'range', start: 'K85', end: 'K86', line: 'K85-K86.-' }]);
  });

  it('reads the irregular range spellings of the file: " -", "--", "- - ", "- -", ".- -", ".--", " to ", ".-" then a code', () => {
    const ranges = (text: string) =>
      extractReferences(text).map((reference) => (reference.kind === 'range' ? `${reference.start}..${reference.end}` : reference.code));
    expect(ranges('(I01.0 -I01.9)')).toEqual(['I010..I019']);
    expect(ranges('(I70.2--I70.7-)')).toEqual(['I702..I707']);
    expect(ranges('(P28.3- - P28.4-)')).toEqual(['P283..P284']);
    expect(ranges('(Q70.0- -Q70.3-)')).toEqual(['Q700..Q703']);
    expect(ranges('(F10.- -F19.-)')).toEqual(['F10..F19']);
    expect(ranges('(F10.--F19.-)')).toEqual(['F10..F19']);
    expect(ranges('(S00.- to S09.-)')).toEqual(['S00..S09']);
    expect(ranges('(S12.0--S12.6.-)')).toEqual(['S120..S126']);
    expect(ranges('(F98.2.-F98.3)')).toEqual(['F982..F983']);
  });

  it('reads lists "(F10.1-, F10.2-)" and "(E08.42, E09.42, E10.42)" as one code each', () => {
    expect(extractReferences('x (F10.1-, F10.2-)')).toEqual([
      { kind: 'code', code: 'F101', line: 'F10.1-' },
      { kind: 'code', code: 'F102', line: 'F10.2-' },
    ]);
    expect(extractReferences('x (E08.42, E09.42, E10.42)').map((reference) => reference.line)).toEqual(['E08.42', 'E09.42', 'E10.42']);
  });

  it('reads mixed lists with ranges, semicolons, "and", a missing space and a stray trailing comma', () => {
    const lines = (text: string) => extractReferences(text).map((reference) => `${reference.kind}:${reference.line}`);
    expect(lines('x (X00-X19, X75-X77, X96-X98, Y92)')).toEqual(['range:X00-X19', 'range:X75-X77', 'range:X96-X98', 'code:Y92']);
    expect(lines('x (J00-J06; J20-J22)')).toEqual(['range:J00-J06', 'range:J20-J22']);
    expect(lines('x (A00-R94 and T80-T88.6, T88.8)')).toEqual(['range:A00-R94', 'range:T80-T88.6', 'code:T88.8']);
    expect(lines('x (C43.2-,C44.2-)')).toEqual(['code:C43.2-', 'code:C44.2-']);
    expect(lines('x (K50.014, K50.114,)')).toEqual(['code:K50.014', 'code:K50.114']);
  });

  it('reads "I69.81- I69.91-" (a dash, then only a space) as two codes, not a range', () => {
    expect(extractReferences('x (I69.01-I69.11-, I69.81- I69.91-)').map((reference) => `${reference.kind}:${reference.line}`)).toEqual([
      'range:I69.01-I69.11-',
      'code:I69.81-',
      'code:I69.91-',
    ]);
  });

  it('reads "(T36-T65) with fifth or sixth character 5" as the range, dropping the character rule', () => {
    expect(extractReferences('adverse effect (T36-T65) with fifth or sixth character 5')).toEqual([
      { kind: 'range', start: 'T36', end: 'T65', line: 'T36-T65' },
    ]);
    expect(extractReferences('x (T36-T50 with fifth or sixth character 5)')).toEqual([{ kind: 'range', start: 'T36', end: 'T50', line: 'T36-T50' }]);
    expect(extractReferences('x (E08-E13 with .51-.52)')).toEqual([{ kind: 'range', start: 'E08', end: 'E13', line: 'E08-E13' }]);
  });

  it('reads the truncated "(I69. with final characters -23)" and "(S92.-with 7th character B)" as codes', () => {
    expect(extractReferences('x (I69. with final characters -23)')).toEqual([{ kind: 'code', code: 'I69', line: 'I69.' }]);
    expect(extractReferences('x (S92.-with 7th character B)')).toEqual([{ kind: 'code', code: 'S92', line: 'S92.-' }]);
    expect(extractReferences('x (M47.2.-)')).toEqual([{ kind: 'code', code: 'M472', line: 'M47.2.-' }]);
  });

  it('reads placeholder and letter characters "(J09.X3)", "(Z3A)" and a code after an unclosed parenthesis', () => {
    expect(extractReferences('x (J09.X3, Z3A)').map((reference) => (reference.kind === 'code' ? reference.code : ''))).toEqual(['J09X3', 'Z3A']);
    expect(extractReferences('status (Z89.52-')).toEqual([{ kind: 'code', code: 'Z8952', line: 'Z89.52-' }]);
  });

  it('ignores free text in parentheses such as "(nontoxic)" and "(with myxedema)"', () => {
    expect(extractReferences('goiter (nontoxic) (with myxedema)')).toEqual([]);
  });

  it('ignores code-shaped parts of words and dotted fragments, "(G6PD)" and ".51-.52"', () => {
    expect(extractReferences('glucose-6-phosphate dehydrogenase (G6PD) deficiency')).toEqual([]);
    expect(extractReferences('with .51-.52')).toEqual([]);
  });

  it('ignores code references outside parentheses, "classified to A74.-", "see categories E08-E10, E11" and "in A15 (J65)" (issue 16)', () => {
    expect(extractReferences('conditions classified to A74.-')).toEqual([]);
    expect(extractReferences('jaw pain R68.84')).toEqual([]);
    expect(extractReferences('diabetic acidosis - see categories E08-E10, E11, E13 with ketoacidosis')).toEqual([]);
    expect(extractReferences('pneumoconiosis with tuberculosis, any type in A15 (J65)').map((reference) => reference.line)).toEqual(['J65']);
    expect(extractReferences('vitamin B12 deficiency (E53.8)').map((reference) => reference.line)).toEqual(['E53.8']);
    expect(extractReferences('fracture of T11-T12 vertebra')).toEqual([]);
  });

  it('gives no references for a text without codes', () => {
    expect(extractReferences('code to identify:')).toEqual([]);
    expect(extractReferences('')).toEqual([]);
  });
});

describe('resolveNote', () => {
  it('resolves "(E02)" to the known code E02', () => {
    expect(resolveNote('hypothyroidism (E02)', index)).toEqual({ targets: [{ kind: 'code', code: 'E02' }], unresolved: [] });
  });

  it('resolves "(E00.-)" to the category code E00', () => {
    expect(resolveNote('x (E00.-)', index).targets).toEqual([{ kind: 'code', code: 'E00' }]);
  });

  it('resolves "(T38.3X-)" to T38.3 when T38.3X is not a code', () => {
    expect(resolveNote('poisoning by insulin (T38.3X-)', index)).toEqual({ targets: [{ kind: 'code', code: 'T383' }], unresolved: [] });
  });

  it('resolves an unknown specific code to its nearest known ancestor, "(E11.65)" to E11', () => {
    expect(resolveNote('x (E11.65)', index).targets).toEqual([{ kind: 'code', code: 'E11' }]);
  });

  it('resolves "(E08-E13)" to the section with exactly that range', () => {
    expect(resolveNote('diabetes mellitus (E08-E13)', index)).toEqual({ targets: [{ kind: 'category', id: 'E08-E13' }], unresolved: [] });
  });

  it('resolves "(C00-D49)" and "(V00-Y99)" to the chapters with exactly those ranges', () => {
    expect(resolveNote('neoplasms (C00-D49)', index).targets).toEqual([{ kind: 'category', id: '2' }]);
    expect(resolveNote('external causes (V00-Y99)', index).targets).toEqual([{ kind: 'category', id: '20' }]);
  });

  it('prefers a section to a chapter with the same range', () => {
    const both = createTargetIndex([], [{ id: 'U00-U49', rangeStart: 'U00', rangeEnd: 'U49' }], [{ name: '22', rangeStart: 'U00', rangeEnd: 'U49' }]);
    expect(resolveNote('x (U00-U49)', both).targets).toEqual([{ kind: 'category', id: 'U00-U49' }]);
  });

  it('resolves "(E00-E02)" to the known codes of that length in the range: E00, E01, E02', () => {
    expect(resolveNote('x (E00-E02)', index)).toEqual({
      targets: [
        { kind: 'code', code: 'E00' },
        { kind: 'code', code: 'E01' },
        { kind: 'code', code: 'E02' },
      ],
      unresolved: [],
    });
  });

  it('resolves "(T40.0-T40.2-)" to T40.0, T40.1 and T40.2', () => {
    expect(resolveNote('x (T40.0-T40.2-)', index).targets.map((target) => (target.kind === 'code' ? target.code : target.id))).toEqual([
      'T400',
      'T401',
      'T402',
    ]);
  });

  it('resolves "(T36-T38) with fifth or sixth character 5" to the known categories T36..T38 when no section has that range', () => {
    expect(resolveNote('adverse effect (T36-T38) with fifth or sixth character 5', index).targets).toEqual([
      { kind: 'code', code: 'T36' },
      { kind: 'code', code: 'T38' },
    ]);
  });

  it('resolves each item of "(F10.1-, F10.2-)" and "(O9A, M1A.-, Z16.-)"', () => {
    expect(resolveNote('x (F10.1-, F10.2-)', index).targets).toEqual([
      { kind: 'code', code: 'F101' },
      { kind: 'code', code: 'F102' },
    ]);
    expect(resolveNote('x (O9A, M1A.-, Z16.-)', index).targets).toEqual([
      { kind: 'code', code: 'O9A' },
      { kind: 'code', code: 'M1A' },
      { kind: 'code', code: 'Z16' },
    ]);
  });

  it('lists as unresolved a code with no known code down to its category, as written', () => {
    expect(resolveNote('x (Q99.8, E02)', index)).toEqual({ targets: [{ kind: 'code', code: 'E02' }], unresolved: ['Q99.8'] });
  });

  it('lists as unresolved a range with no section, chapter or known code, and a reversed range', () => {
    expect(resolveNote('x (A15-A19)', index)).toEqual({ targets: [], unresolved: ['A15-A19'] });
    expect(resolveNote('x (T63.81-R63.83)', index)).toEqual({ targets: [], unresolved: ['T63.81-R63.83'] });
  });

  it('de-duplicates targets named twice, directly or through a range and its parent fallback', () => {
    expect(resolveNote('x (E02, E02) and (E01-E02) and (E02.9)', index).targets).toEqual([
      { kind: 'code', code: 'E02' },
      { kind: 'code', code: 'E01' },
    ]);
    expect(resolveNote('x (E08-E13) or (E08-E13)', index).targets).toEqual([{ kind: 'category', id: 'E08-E13' }]);
  });

  it('gives no targets and nothing unresolved for free text without a reference', () => {
    expect(resolveNote('goiter (nontoxic) (with myxedema)', index)).toEqual({ targets: [], unresolved: [] });
    expect(resolveNote('code to identify:', index)).toEqual({ targets: [], unresolved: [] });
  });
});

describe('createTargetIndex', () => {
  it('answers codesInRange in the order given, each subtree once by its top code, end inclusive of its subtree', () => {
    expect(index.codesInRange('E00', 'E03')).toEqual(['E00', 'E01', 'E02', 'E03']);
    expect(index.codesInRange('E000', 'E001')).toEqual(['E000', 'E001']);
    expect(index.codesInRange('E001', 'E02')).toEqual(['E001', 'E009', 'E01', 'E02']);
    expect(index.codesInRange('E03', 'E00')).toEqual([]);
    expect(index.codesInRange('E04', 'E07')).toEqual([]);
  });

  it('finds sections and chapters only by their exact range', () => {
    expect(index.sectionByRange('E36', 'E36')).toBe('E36');
    expect(index.sectionByRange('E08', 'E11')).toBeNull();
    expect(index.chapterByRange('O00', 'O9A')).toBe('15');
    expect(index.chapterByRange('O00', 'O99')).toBeNull();
    expect(index.hasCode('E119')).toBe(true);
    expect(index.hasCode('E11.9')).toBe(false);
  });
});

describe('ranges in tabular order (issue 16)', () => {
  // Slices of the FY2026 order file, in its order (D3A sits between D36 and D37 there).
  const tabular = createTargetIndex(
    [
      'A15',
      'A150',
      'B50',
      'B500',
      'B508',
      'B509',
      'B51',
      'B510',
      'B52',
      'B53',
      'B530',
      'B54',
      'B55',
      'D06',
      'D060',
      'D07',
      'D070',
      'D073',
      'D0730',
      'D0739',
      'D074',
      'D36',
      'D3A',
      'D3A0',
      'D37',
      'D370',
      'D44',
      'D440',
      'D45',
      'D48',
      'D480',
      'D49',
      'H66',
      'H660',
      'H6601',
      'H6602',
      'H664',
      'H6640',
      'H669',
      'J65',
      'T80',
      'T800',
      'T88',
      'T880',
      'T886',
      'T887',
      'T888',
      'T889',
    ],
    [],
    [],
  );
  const targets = (text: string) => resolveNote(text, tabular).targets.map((target) => (target.kind === 'code' ? target.code : `category ${target.id}`));

  it('includes the shorter upper end: "(B50.0-B54)" reaches B54', () => {
    expect(targets('malaria (B50.0-B54)')).toEqual(['B500', 'B508', 'B509', 'B51', 'B52', 'B53', 'B54']);
  });

  it('includes the shorter upper end: "(H66.01-H66.4)" reaches H66.4', () => {
    expect(targets('suppurative otitis media (H66.01-H66.4)')).toEqual(['H6601', 'H6602', 'H664']);
  });

  it('stops at the end\'s own subtree: "(D06-D07.3)" has D07.3 and not D07.4', () => {
    expect(targets('carcinoma in situ of female genital organs (D06-D07.3)')).toEqual(['D06', 'D070', 'D073']);
  });

  it('does not widen an end to its category: T88.7\'s "(A00-R94 and T80-T88.6, T88.8)" names T88.0-T88.6 and T88.8, not T88', () => {
    const found = targets('specified adverse effects of drugs and medicaments (A00-R94 and T80-T88.6, T88.8)');
    expect(found).toEqual(['T80', 'T880', 'T886', 'T888']);
    expect(found).not.toContain('T88');
    expect(found).not.toContain('T887');
  });

  it('follows tabular, not alphabetical, order: "(D37-D44, D48)" does not reach D3A', () => {
    expect(targets('neoplasms of uncertain behavior (D37-D44, D48)')).toEqual(['D37', 'D44', 'D48']);
  });

  it('takes targets only from the parentheses: "any type in A15 (J65)" targets J65 alone', () => {
    expect(targets('pneumoconiosis with tuberculosis, any type in A15 (J65)')).toEqual(['J65']);
  });
});
