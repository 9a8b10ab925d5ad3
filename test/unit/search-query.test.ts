import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { encodeCursor, listOf, offsetAfter } from '../../src/common/cursor';
import { planSearch } from '../../src/modules/search/search-query';

describe('planSearch', () => {
  it('makes every word a boosted exact term or a prefix, all required, and fuzzy from 5 letters (issue 17)', () => {
    const plan = planSearch('diabetis typ 2');
    expect(plan.mode === 'text' && plan.lucene.split(' OR (')[0]).toBe('((diabetis^3 OR diabetis*) AND (typ^3 OR typ*) AND (2^3 OR 2*))');
    expect(plan.mode === 'text' && plan.fuzzyLucene.split(' OR (')[0]).toBe('((diabetis^3 OR diabetis* OR diabetis~1) AND (typ^3 OR typ*) AND (2^3 OR 2*))');
  });

  it('adds each synonym expansion as an alternative (issue 17)', () => {
    const plan = planSearch('copd');
    expect(plan.mode === 'text' && plan.lucene).toBe(
      '((copd^3 OR copd*)) OR ((chronic^3 OR chronic*) AND (obstructive^3 OR obstructive*) AND (pulmonary^3 OR pulmonary*) AND (disease^3 OR disease*))',
    );
  });

  it('searches a code-shaped synonym term as words, and does not require joining words (issue 17)', () => {
    expect(planSearch('dm2').mode).toBe('text');
    const plan = planSearch('nausea and vomiting');
    expect(plan.mode === 'text' && plan.variants[0].words).toEqual(['nausea', 'vomiting']);
  });

  it('drops punctuation so no Lucene syntax reaches the index', () => {
    const plan = planSearch('fracture: "radius" (left)*');
    expect(plan.mode === 'text' && plan.variants[0].words).toEqual(['fracture', 'radius', 'left']);
    expect(plan.mode === 'text' && plan.lucene).not.toMatch(/[":]|\(left\)/);
  });

  it('lists codes by prefix for a code-shaped token, with and without the ICD-10-CM dot', () => {
    expect(planSearch('E11.')).toEqual({ mode: 'code', prefixes: ['E11.'], text: 'E11.' });
    expect(planSearch(' e119 ')).toEqual({ mode: 'code', prefixes: ['E119', 'E11.9'], text: 'E119' });
    expect(planSearch('0DT')).toEqual({ mode: 'code', prefixes: ['0DT'], text: '0DT' });
  });

  it('treats a plain word as text even when it is short', () => {
    expect(planSearch('flu').mode).toBe('text');
  });

  it('refuses empty text, text with no letters or digits, and overlong text with BAD_USER_INPUT', () => {
    for (const text of ['  ', '***', 'x'.repeat(201)]) {
      const error = (() => {
        try {
          planSearch(text);
        } catch (e) {
          return e as GraphQLError;
        }
        return null;
      })();
      expect(error?.extensions.code).toBe('BAD_USER_INPUT');
    }
    expect(() => planSearch('***')).toThrow('Search text "***" has no letters or digits');
  });
});

describe('cursors', () => {
  const list = listOf('search', 'diab', null, false);
  it('round-trip a position and start the next page after it', () => {
    expect(offsetAfter(encodeCursor(19, list), list)).toBe(20);
    expect(offsetAfter(null, list)).toBe(0);
  });

  it('refuse a cursor this API did not make, echoing it', () => {
    expect(() => offsetAfter('bogus', list)).toThrow(
      'Invalid argument after: cursor "bogus" is not valid; expected a cursor this field returned (edges.cursor or pageInfo.endCursor) for the same arguments, or none to start at the top',
    );
    expect(() => offsetAfter(Buffer.from('offset:-1').toString('base64'), list)).toThrow(/is not valid/);
  });
});
