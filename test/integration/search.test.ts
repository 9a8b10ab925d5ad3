import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

interface Edge {
  score: number;
  why: string[];
  matchedText: string;
  matchedField: string;
  expandedFrom: string | null;
  expandedTo: string | null;
  node: { code: string; billable: boolean };
}

async function search(text: string, args = ''): Promise<Edge[]> {
  const result = await h.run<{ search: { edges: Edge[] } }>(
    `query($text: String!) { search(text: $text, first: 10${args}) { edges { score why matchedText matchedField expandedFrom expandedTo node { code billable } } } }`,
    { text },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.search.edges;
}

const codes = (edges: Edge[]) => edges.map((e) => e.node.code);

describe('search over the sample (issue 17)', () => {
  it('puts I10 first for "high blood pressure" through its Includes note, and says which text matched', async () => {
    const [first] = await search('high blood pressure');
    expect(first).toMatchObject({ node: { code: 'I10' }, matchedField: 'INCLUSION_TERM', matchedText: 'high blood pressure', expandedFrom: null });
    expect(first.why).toContain('exact inclusion term');
  });

  it('finds an inclusionTerm block: "streptococcal sore throat" is J02.0', async () => {
    const [first] = await search('streptococcal sore throat');
    expect(first).toMatchObject({ node: { code: 'J02.0' }, matchedField: 'INCLUSION_TERM', matchedText: 'Streptococcal sore throat' });
  });

  it('expands abbreviations and shows the expansion: "copd" J44.9, "uti" N39.0, "htn" I10, "gerd" K21.9 first', async () => {
    for (const [text, code, expandedTo] of [
      ['copd', 'J44.9', 'chronic obstructive pulmonary disease'],
      ['uti', 'N39.0', 'urinary tract infection'],
      ['htn', 'I10', 'hypertension'],
      ['gerd', 'K21.9', 'gastro esophageal reflux disease'],
    ] as const) {
      const [first] = await search(text);
      expect(first, text).toMatchObject({ node: { code }, expandedFrom: text, expandedTo });
      expect(first.why[0]).toBe(`expanded "${text}" to "${expandedTo}" (synonyms file)`);
    }
  });

  it('puts E11 and E11.9 in the first five for "diab typ 2", ahead of the more specific E11 codes', async () => {
    const found = codes(await search('diab typ 2'));
    expect(found.slice(0, 5)).toEqual(expect.arrayContaining(['E11', 'E11.9']));
    const specific = found.filter((c) => c.replace('.', '').length >= 5);
    expect(specific.length).toBeGreaterThan(0);
    for (const c of specific) expect(found.indexOf(c)).toBeGreaterThan(Math.max(found.indexOf('E11'), found.indexOf('E11.9')));
  });

  it('gives the most general billable code first with billableOnly', async () => {
    const found = await search('diab typ 2', ', billableOnly: true');
    expect(found.every((e) => e.node.billable)).toBe(true);
    expect(found[0].node.code).toBe('E11.9');
  });

  it('reaches 0DTJ for "appendectomy" (Resection of Appendix) and for the body-part term "vermiform appendix"', async () => {
    const appendectomy = await search('appendectomy');
    expect(appendectomy[0].node.code.startsWith('0DTJ')).toBe(true);
    expect(appendectomy[0].expandedFrom).toBe('appendectomy');
    const vermiform = await search('vermiform appendix');
    expect(vermiform[0]).toMatchObject({ matchedField: 'PCS_BODY_PART_TERM', matchedText: 'Vermiform appendix' });
  });

  it('tolerates a typo in a word of five letters or more, scored below the exact spelling', async () => {
    const typo = await search('hypertenion');
    const exact = await search('hypertension');
    expect(typo[0].node.code).toBe('I10');
    expect(typo[0].why.some((w) => w.startsWith('typo tolerated: "hypertenion"'))).toBe(true);
    expect(typo[0].score).toBeLessThan(exact[0].score);
    expect(codes(await search('diabetis'))).toContain('E11');
  });

  it('lists a code first when it is typed exactly, with or without its dot', async () => {
    for (const text of ['E11.9', 'e119']) {
      const [first] = await search(text);
      expect(first).toMatchObject({ node: { code: 'E11.9' }, matchedField: 'CODE', why: ['exact code'] });
    }
  });
});
