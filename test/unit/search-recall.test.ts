import { describe, expect, it } from 'vitest';
import { accepts, firstAcceptedRank, percentile, readRecallQueries, recallFigures } from '../../scripts/bench/search-recall';

describe('the search recall set and its figures (issue 17)', () => {
  const queries = readRecallQueries();

  it('holds at least 150 queries of every kind the issue asks for, the "Done when" examples among them', () => {
    expect(queries.length).toBeGreaterThanOrEqual(150);
    const kinds = new Set(queries.map((q) => q.kind));
    for (const kind of ['done-when', 'abbreviation', 'lay', 'inclusion', 'title', 'misspelling', 'code', 'procedure', 'hcpcs']) expect(kinds).toContain(kind);
    const byQuery = new Map(queries.map((q) => [q.query, q.accepted]));
    expect(byQuery.get('high blood pressure')).toEqual(['I10']);
    expect(byQuery.get('appendectomy')).toEqual(['0DTJ*']);
    expect(byQuery.get('diabetis')).toBeDefined();
    expect(byQuery.get('e119')).toEqual(['E11.9']);
  });

  it('accepts a code listed or one starting with a listed prefix*', () => {
    expect(accepts(['0DTJ*'], '0DTJ4ZZ')).toBe(true);
    expect(accepts(['E11.9'], 'E11.90')).toBe(false);
    expect(firstAcceptedRank(['I10'], ['R03.0', 'I10'])).toBe(2);
    expect(firstAcceptedRank(['I10'], ['R03.0'])).toBeNull();
  });

  it('computes hit@k and MRR over the first 10, and nearest-rank percentiles', () => {
    expect(recallFigures([1, 2, null, 11])).toEqual({ queries: 4, hitAt1: 0.25, hitAt5: 0.5, hitAt10: 0.5, mrr: 0.375 });
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([5, 1, 3, 2, 4], 99)).toBe(5);
  });
});
