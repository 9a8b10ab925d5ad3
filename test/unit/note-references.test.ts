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

  it('reads codes outside parentheses when written with a dot or dash, "classified to A74.-" and "jaw pain R68.84"', () => {
    expect(extractReferences('conditions classified to A74.-')).toEqual([{ kind: 'code', code: 'A74', line: 'A74.-' }]);
    expect(extractReferences('jaw pain R68.84')).toEqual([{ kind: 'code', code: 'R6884', line: 'R68.84' }]);
    expect(extractReferences('leukemia in remission C91.0-C95.9 with 5th character 1')).toEqual([
      { kind: 'range', start: 'C910', end: 'C959', line: 'C91.0-C95.9' },
    ]);
  });

  it('reads bare categories outside parentheses after a cue word or in a list, "see categories E08-E10, E11, E13"', () => {
    expect(extractReferences('diabetic acidosis - see categories E08-E10, E11, E13 with ketoacidosis').map((reference) => reference.line)).toEqual([
      'E08-E10',
      'E11',
      'E13',
    ]);
    expect(extractReferences('from categories E08, E09 and E13 to further identify').map((reference) => reference.line)).toEqual(['E08', 'E09', 'E13']);
    expect(extractReferences('code from category T31 or T32 to identify extent').map((reference) => reference.line)).toEqual(['T31', 'T32']);
    expect(extractReferences('pneumoconiosis with tuberculosis, any type in A15 (J65)').map((reference) => reference.line)).toEqual(['A15', 'J65']);
    expect(extractReferences('Conditions in S00-T88, except T74 and T76').map((reference) => reference.line)).toEqual(['S00-T88', 'T74', 'T76']);
    expect(extractReferences('Any condition listed under K45 specified as gangrenous').map((reference) => reference.line)).toEqual(['K45']);
  });

  it('ignores bare code-shaped words outside parentheses without a cue, "vitamin B12" and "T11-T12 vertebra"', () => {
    expect(extractReferences('vitamin B12 deficiency (E53.8)').map((reference) => reference.line)).toEqual(['E53.8']);
    expect(extractReferences('fracture of T11-T12 vertebra')).toEqual([]);
    expect(extractReferences('complete lesion at T7-T10 level')).toEqual([]);
    expect(extractReferences('Anoctamin-5-related LGMD R12')).toEqual([]);
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

  it('resolves "(T36-T65) with fifth or sixth character 5" to the known categories T36..T65 when no section has that range', () => {
    expect(resolveNote('adverse effect (T36-T65) with fifth or sixth character 5', index).targets).toEqual([
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
  it("answers codesInRange for codes of the start's length only, in order, by binary search", () => {
    expect(index.codesInRange('E00', 'E03')).toEqual(['E00', 'E01', 'E02', 'E03']);
    expect(index.codesInRange('E000', 'E010')).toEqual(['E000', 'E001', 'E009', 'E010']);
    expect(index.codesInRange('E04', 'E07')).toEqual([]);
    expect(index.codesInRange('E03', 'E00')).toEqual([]);
    expect(index.codesInRange('A0000', 'Z9999')).toEqual(['F1010', 'F1020']);
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
