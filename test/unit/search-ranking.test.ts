import { describe, expect, it } from 'vitest';
import { planSearch, queryVariants, type QueryVariant } from '../../src/modules/search/search-query';
import { editDistance, rankCandidates, rankCodeHit, type SearchCandidate } from '../../src/modules/search/search-ranking';

function candidate(code: string, display: string, more: Partial<SearchCandidate> = {}): SearchCandidate {
  return {
    system: /^[0-9]/.test(code) ? 'ICD10PCS' : 'ICD10CM',
    code,
    display,
    shortDisplay: null,
    includes: null,
    inclusionTerms: null,
    pcsBodyPartTerms: null,
    sequence: null,
    ...more,
  };
}

function variantsOf(text: string): QueryVariant[] {
  const plan = planSearch(text);
  if (plan.mode !== 'text') throw new Error(`expected a text plan for ${text}`);
  return plan.variants;
}

const order = (text: string, candidates: SearchCandidate[]) => rankCandidates(candidates, variantsOf(text)).map((c) => c.code);

describe('search ranking (issue 17)', () => {
  it('puts E11 and E11.9 before E11.3553 for "diab typ 2": the shortest codes whose whole title matches first', () => {
    const ranked = order('diab typ 2', [
      candidate('E11.3553', 'Type 2 diabetes mellitus with stable proliferative diabetic retinopathy, bilateral', { sequence: 30 }),
      candidate('E11.9', 'Type 2 diabetes mellitus without complications', { sequence: 90 }),
      candidate('E11', 'Type 2 diabetes mellitus', { sequence: 1 }),
    ]);
    // E11.9 ("without complications") is the default code, so it may come before its category.
    expect(ranked.slice(0, 2).sort()).toEqual(['E11', 'E11.9']);
    expect(ranked[2]).toBe('E11.3553');
  });

  it('puts the code whose inclusion term is exactly the query first, and says so', () => {
    const ranked = rankCandidates(
      [
        candidate('G0000', 'Blood pressure measurement documented, high'),
        candidate('I10', 'Essential (primary) hypertension', { includes: ['high blood pressure', 'hypertension (arterial) (benign) (essential)'] }),
      ],
      variantsOf('high blood pressure'),
    );
    expect(ranked[0].code).toBe('I10');
    expect(ranked[0].match).toMatchObject({ matchedField: 'INCLUSION_TERM', matchedText: 'high blood pressure', expandedFrom: null });
    expect(ranked[0].match.why).toContain('exact inclusion term');
  });

  it('prefers the default code: "site not specified" and "unspecified" are not extra words, "neonatal" and "other" are', () => {
    expect(
      order('urinary tract infection', [
        candidate('P39.3', 'Neonatal urinary tract infection', { sequence: 1 }),
        candidate('O86.20', 'Urinary tract infection following delivery, unspecified', { sequence: 2 }),
        candidate('N39.0', 'Urinary tract infection, site not specified', { sequence: 3 }),
      ])[0],
    ).toBe('N39.0');
    expect(
      order('copd', [
        candidate('J44', 'Other chronic obstructive pulmonary disease'),
        candidate('J44.9', 'Chronic obstructive pulmonary disease, unspecified'),
      ]),
    ).toEqual(['J44.9', 'J44']);
  });

  it('expands an abbreviation and names it in expandedFrom, ahead of words that merely start with it', () => {
    const ranked = rankCandidates([candidate('G43', 'Migraine'), candidate('I21', 'Acute myocardial infarction')], variantsOf('mi'));
    expect(ranked.map((c) => c.code)).toEqual(['I21', 'G43']);
    expect(ranked[0].match.expandedFrom).toBe('mi');
    expect(ranked[0].match.expandedTo).toBe('acute myocardial infarction');
    expect(ranked[0].match.why[0]).toBe('expanded "mi" to "acute myocardial infarction" (synonyms file)');
  });

  it('tolerates a typo in a word of 5 letters or more, below an exact match', () => {
    const [typo] = rankCandidates([candidate('E11', 'Type 2 diabetes mellitus')], variantsOf('diabetis'));
    const [exact] = rankCandidates([candidate('E11', 'Type 2 diabetes mellitus')], variantsOf('diabetes'));
    expect(typo.match.why).toContain('typo tolerated: "diabetis" ~ "diabetes"');
    expect(typo.match.score).toBeLessThan(exact.match.score);
  });

  it('breaks ties by tabular order', () => {
    // Same words beyond the query, same code length: the order file decides.
    expect(order('fracture', [candidate('S22.4', 'Fracture of ribs', { sequence: 9 }), candidate('S22.3', 'Fracture of rib', { sequence: 8 })])).toEqual([
      'S22.3',
      'S22.4',
    ]);
  });

  it('matches a PCS code through the body-part term its definitions give', () => {
    const [hit] = rankCandidates(
      [candidate('0DTJ4ZZ', 'Resection of Appendix, Percutaneous Endoscopic Approach', { pcsBodyPartTerms: ['Appendiceal orifice', 'Vermiform appendix'] })],
      variantsOf('vermiform appendix'),
    );
    expect(hit.match).toMatchObject({ matchedField: 'PCS_BODY_PART_TERM', matchedText: 'Vermiform appendix' });
  });

  it('ranks the exact code first in a code listing', () => {
    expect(rankCodeHit('E11.9', 'E119').why).toEqual(['exact code']);
    expect(rankCodeHit('E11.9', 'E11').score).toBeLessThan(rankCodeHit('E11', 'E11').score);
  });

  it('counts edits as Lucene does: a transposition is one edit', () => {
    expect(editDistance('pnuemonia', 'pneumonia', 1)).toBe(1);
    expect(editDistance('diabetis', 'diabetes', 1)).toBe(1);
    expect(editDistance('diabetes', 'diabetic', 1)).toBe(2);
  });

  it('tries the query as typed first, then each synonym sense', () => {
    const variants = queryVariants(['heart', 'attack']);
    expect(variants.map((v) => v.words.join(' '))).toEqual(['heart attack', 'acute myocardial infarction', 'myocardial infarction']);
    expect(variants.slice(1).every((v) => v.expandedFrom === 'heart attack')).toBe(true);
  });
});
