import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const CODE_FIELDS = `__typename code systemId display billable kind`;

describe('code(code, system)', () => {
  it.each(['E119', 'e11.9', ' E11.9 '])('finds E11.9 from %j', async (input) => {
    const { data, errors } = await h.run(`query($c: String!) { code(code: $c) { ${CODE_FIELDS} } }`, { c: input });
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      code: {
        __typename: 'Diagnosis',
        code: 'E11.9',
        systemId: 'ICD10CM',
        display: 'Type 2 diabetes mellitus without complications',
        billable: true,
        kind: 'CODE',
      },
    });
  });

  it('walks E11.9 up to chapter 4: parent E11, block E08-E13, chapter "Endocrine, nutritional and metabolic diseases"', async () => {
    const { data } = await h.run(`{ code(code: "E11.9") { parent { code kind billable } ancestors { code } categories { kind code title } } }`);
    expect(data).toEqual({
      code: {
        parent: { code: 'E11', kind: 'CATEGORY', billable: false },
        ancestors: [{ code: 'E11' }],
        categories: [
          { kind: 'CHAPTER', code: '4', title: 'Endocrine, nutritional and metabolic diseases' },
          { kind: 'BLOCK', code: 'E08-E13', title: 'Diabetes mellitus' },
        ],
      },
    });
  });

  it('lists the ancestors of a 7th-character code nearest first', async () => {
    const { data } = await h.run(`{ code(code: "S52521A") { code billable ancestors { code billable kind } } }`);
    expect(data).toEqual({
      code: {
        code: 'S52.521A',
        billable: true,
        ancestors: [
          { code: 'S52.521', billable: false, kind: 'SUBCATEGORY' },
          { code: 'S52.52', billable: false, kind: 'SUBCATEGORY' },
          { code: 'S52.5', billable: false, kind: 'SUBCATEGORY' },
          { code: 'S52', billable: false, kind: 'CATEGORY' },
        ],
      },
    });
  });

  it('lists the children of a header in code order', async () => {
    const { data } = await h.run<{ code: { children: Array<{ code: string }> } }>(`{ code(code: "S52.521") { children { code } } }`);
    expect(data?.code.children.map((c) => c.code)).toEqual(['S52.521A', 'S52.521D', 'S52.521S']);
  });

  it('types CPT, HCPCS and ICD-10-PCS codes as procedures', async () => {
    const { data } = await h.run(
      `{ a: code(code: "99213") { __typename systemId } b: code(code: "J0696") { __typename systemId } c: code(code: "0DTJ4ZZ") { __typename systemId categories { code } } }`,
    );
    expect(data).toEqual({
      a: { __typename: 'Procedure', systemId: 'CPT' },
      b: { __typename: 'Procedure', systemId: 'HCPCS' },
      c: { __typename: 'Procedure', systemId: 'ICD10PCS', categories: [{ code: '0' }, { code: '0D' }, { code: '0DT' }] },
    });
  });

  it('files 99213 under CPT Category I, Evaluation and Management', async () => {
    const { data } = await h.run(
      `{ code(code: "99213") { categories { kind code title rangeStart rangeEnd } system { shortName maintainedBy { abbreviation } } } }`,
    );
    expect(data).toEqual({
      code: {
        categories: [
          { kind: 'CPT_CATEGORY', code: 'CAT1', title: 'Category I', rangeStart: '00100', rangeEnd: '99607' },
          { kind: 'SECTION', code: 'EM', title: 'Evaluation and Management', rangeStart: '99202', rangeEnd: '99499' },
        ],
        system: { shortName: 'CPT', maintainedBy: [{ abbreviation: 'AMA' }] },
      },
    });
  });

  it('returns null for a well-formed code that does not exist', async () => {
    const { data, errors } = await h.run(`{ code(code: "E11.99") { code } }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ code: null });
  });

  it('rejects a malformed code with BAD_USER_INPUT naming the value and the formats', async () => {
    const { errors } = await h.run(`{ code(code: "hello") { code } }`);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toMatch(/^Code "hello" fits no known code format\. Expected one of CPT: /);
    expect(errors?.[0]?.extensions?.value).toBe('hello');
  });

  it('rejects a code that does not fit the system given', async () => {
    const { errors } = await h.run(`{ code(code: "99213", system: ICD10CM) { code } }`);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toContain('is not a valid ICD10CM code');
  });

  it('calls J1100 ambiguous and lists HCPCS J1100 and ICD-10-CM J11.00 as candidates', async () => {
    const { errors } = await h.run(`{ code(code: "J1100") { code } }`);
    expect(errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      candidates: [
        { system: 'HCPCS', code: 'J1100' },
        { system: 'ICD10CM', code: 'J11.00' },
      ],
    });
    expect(errors?.[0]?.message).toContain('Pass system to choose one');
  });

  it('resolves the ambiguity when the system is given', async () => {
    const { data } = await h.run(`{ h: code(code: "J1100", system: HCPCS) { display } i: code(code: "J1100", system: ICD10CM) { code } }`);
    expect(data).toEqual({ h: { display: 'Injection, dexamethasone sodium phosphate, 1 mg' }, i: { code: 'J11.00' } });
  });
});

describe('instructional notes', () => {
  it('shows the Excludes1 notes of E11 with the codes they name', async () => {
    const { data } = await h.run<{ code: { excludes1: Array<{ kind: string; text: string; target: { code: string } }> } }>(
      `{ code(code: "E11") { ... on Diagnosis { excludes1 { kind text target { code } } } } }`,
    );
    expect(data?.code.excludes1).toEqual(expect.arrayContaining([{ kind: 'EXCLUDES1', text: 'type 1 diabetes mellitus (E10.-)', target: { code: 'E10' } }]));
  });

  interface AppliedNote {
    text: string;
    level: string;
    inherited: boolean;
    targets: Array<{ code: string }>;
    statedOnCode: { code: string } | null;
    statedOnCategory: { code: string } | null;
  }
  const APPLIED = 'text level inherited targets { code } statedOnCode { code } statedOnCategory { code }';

  it('shows on E11.9 the notes stated on E11 and on its chapter, each saying where it is stated', async () => {
    const { data } = await h.run<{ code: { excludes1: AppliedNote[]; useAdditional: AppliedNote[] } }>(
      `{ code(code: "E11.9") { ... on Diagnosis { excludes1 { ${APPLIED} } useAdditional { ${APPLIED} } } } }`,
    );
    expect(data?.code.excludes1).toContainEqual({
      text: 'type 1 diabetes mellitus (E10.-)',
      level: 'ANCESTOR',
      inherited: true,
      targets: [{ code: 'E10' }],
      statedOnCode: { code: 'E11' },
      statedOnCategory: null,
    });
    expect(data?.code.excludes1).toContainEqual({
      text: 'transitory endocrine and metabolic disorders specific to newborn (P70-P74)',
      level: 'CHAPTER',
      inherited: true,
      targets: [],
      statedOnCode: null,
      statedOnCategory: { code: '4' },
    });
    expect(data?.code.useAdditional.map((n) => [n.text, n.targets.map((t) => t.code)])).toEqual([
      ['code to identify control using:', []],
      ['insulin (Z79.4)', ['Z79.4']],
    ]);
  });

  it("lists the nearest notes first: the code's own, then those above it, then its chapter's", async () => {
    const { data } = await h.run<{ code: { excludes1: AppliedNote[] } }>(`{ code(code: "E11.9") { ... on Diagnosis { excludes1 { ${APPLIED} } } } }`);
    const levels = data!.code.excludes1.map((n) => n.level);
    expect(levels).toEqual(
      [...levels].sort((a, b) => ['CODE', 'ANCESTOR', 'BLOCK', 'CHAPTER'].indexOf(a) - ['CODE', 'ANCESTOR', 'BLOCK', 'CHAPTER'].indexOf(b)),
    );
    expect(levels.at(-1)).toBe('CHAPTER');
  });

  it('gives only the notes stated on the code itself with inherited: false', async () => {
    const { data } = await h.run<{ e119: { excludes1: AppliedNote[] }; e11: { excludes1: AppliedNote[] } }>(
      `{ e119: code(code: "E11.9") { ... on Diagnosis { excludes1(inherited: false) { ${APPLIED} } } }
         e11: code(code: "E11") { ... on Diagnosis { excludes1(inherited: false) { ${APPLIED} } } } }`,
    );
    expect(data?.e119.excludes1).toEqual([]);
    expect(data?.e11.excludes1.length).toBeGreaterThan(0);
    expect(data?.e11.excludes1.every((n) => n.level === 'CODE' && !n.inherited && n.statedOnCode?.code === 'E11')).toBe(true);
  });

  it('keeps the text of a note that names no code, with no target', async () => {
    const { data } = await h.run<{ code: { useAdditional: Array<{ text: string; targets: unknown[]; target: unknown }> } }>(
      `{ code(code: "E11") { ... on Diagnosis { useAdditional(inherited: false) { text targets { code } target { code } } } } }`,
    );
    expect(data?.code.useAdditional).toContainEqual({ text: 'code to identify control using:', targets: [], target: null });
  });
});

describe('categories', () => {
  it('walks down from ICD-10-CM chapter 4 to the block E08-E13 and its categories', async () => {
    const { data } = await h.run<{ codeSystem: { topCategories: Array<{ code: string; children: Array<{ code: string; codes: Array<{ code: string }> }> }> } }>(
      `{ codeSystem(id: ICD10CM) { topCategories { code children { code codes { code } } } } }`,
    );
    const chapter4 = data?.codeSystem.topCategories.find((c) => c.code === '4');
    const block = chapter4?.children.find((c) => c.code === 'E08-E13');
    expect(block?.codes.map((c) => c.code)).toEqual(expect.arrayContaining(['E08', 'E09', 'E10', 'E11', 'E13']));
  });

  it('rejects a page size over 1000 naming the argument and the value', async () => {
    const { errors } = await h.run(`{ codeSystem(id: CPT) { topCategories { codes(first: 5000) { code } } } }`);
    expect(errors?.[0]).toMatchObject({ message: 'Invalid argument: first must not be greater than 1000, got 5000', extensions: { code: 'BAD_USER_INPUT' } });
  });
});
