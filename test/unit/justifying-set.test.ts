import { describe, expect, it } from 'vitest';
import { has, intersectionSize, overlap, size, union, type JustifyingSet } from '../../src/modules/pairing/justifying-set';

/** A universe of 10 loaded codes. */
const U = ['A00', 'A01', 'A02', 'A03', 'A04', 'A05', 'A06', 'A07', 'A08', 'A09'];

const finite = (...explicit: string[]): JustifyingSet => ({ explicit: new Set(explicit), excluded: null });
const complement = (explicit: string[], excluded: string[]): JustifyingSet => ({ explicit: new Set(explicit), excluded: new Set(excluded) });

/** The set as the codes of U it holds, decided from the definition E ∪ (U \ X), not from `has`. */
function materialize(set: JustifyingSet): Set<string> {
  return new Set(U.filter((code) => set.explicit.has(code) || (set.excluded !== null && !set.excluded.has(code))));
}

/** Hand-made sets of every shape: empty, finite, a default rule with and without listed codes, everything. */
const CASES: Record<string, JustifyingSet> = {
  empty: finite(),
  oneCode: finite('A03'),
  lowHalf: finite('A00', 'A01', 'A02', 'A03', 'A04'),
  evens: finite('A00', 'A02', 'A04', 'A06', 'A08'),
  everything: complement([], []),
  allButTwo: complement([], ['A00', 'A01']),
  allButThreeOneCovered: complement(['A05'], ['A05', 'A06', 'A07']),
  allButLowHalf: complement(['A02'], ['A00', 'A01', 'A02', 'A03', 'A04']),
  nothingByRule: complement(['A09'], U),
};

const pairs = Object.entries(CASES).flatMap(([nameA, a]) => Object.entries(CASES).map(([nameB, b]) => [`${nameA} × ${nameB}`, a, b] as const));

describe('JustifyingSet', () => {
  it.each(Object.entries(CASES))('%s: has and size agree with the set enumerated over the universe', (_, set) => {
    const members = materialize(set);
    expect(U.filter((code) => has(set, code))).toEqual([...members]);
    expect(size(set, U.length)).toBe(members.size);
  });

  it.each(pairs)('%s: union, intersection size and Jaccard agree with the sets enumerated over the universe', (_, a, b) => {
    const setA = materialize(a);
    const setB = materialize(b);
    const both = [...setA].filter((code) => setB.has(code)).length;
    const either = new Set([...setA, ...setB]).size;

    const joined = union(a, b);
    expect(materialize(joined)).toEqual(new Set([...setA, ...setB]));
    expect(size(joined, U.length)).toBe(either);
    expect(intersectionSize(a, b, U.length)).toBe(both);
    expect(overlap(a, b, U.length)).toEqual({ shared: both, jaccard: either === 0 ? 0 : both / either });
  });

  it('keeps a finite union finite and takes the codes both rules exclude as the union of two complements', () => {
    expect(union(finite('A01'), finite('A02'))).toEqual(finite('A01', 'A02'));
    expect(union(finite('A01'), complement([], ['A01', 'A02'])).excluded).toEqual(new Set(['A01', 'A02']));
    expect(union(complement([], ['A01', 'A02', 'A03']), complement(['A09'], ['A02', 'A03', 'A09']))).toEqual(complement(['A09'], ['A02', 'A03']));
  });

  it('counts a code both listed and excluded as a member: the explicit listing wins over the exclusion', () => {
    const set = complement(['A05'], ['A05', 'A06', 'A07']);
    expect(has(set, 'A05')).toBe(true);
    expect(has(set, 'A06')).toBe(false);
    expect(size(set, 10)).toBe(8);
  });

  it('measures the overlap of two default rules as the universe less the codes either leaves out, and their union less the codes both leave out', () => {
    // A misses A00, A01; B misses A01, A06 (A05 is listed back). Both reach the 7 codes neither
    // misses; together they reach the 9 codes other than A01, which both miss.
    const a = complement([], ['A00', 'A01']);
    const b = complement(['A05'], ['A01', 'A05', 'A06']);
    expect(intersectionSize(a, b, 10)).toBe(7);
    expect(overlap(a, b, 10)).toEqual({ shared: 7, jaccard: 7 / 9 });
  });

  it('measures a finite set against a default rule by the finite codes the rule reaches', () => {
    expect(overlap(finite('A00', 'A02', 'A04'), complement([], ['A00', 'A01']), 10)).toEqual({ shared: 2, jaccard: 2 / 9 });
    expect(overlap(finite('A00', 'A02', 'A04'), finite('A02', 'A04', 'A06', 'A08'), 10)).toEqual({ shared: 2, jaccard: 2 / 5 });
  });

  it('gives a Jaccard index of 0, not NaN, for two empty sets', () => {
    expect(overlap(finite(), finite(), 10)).toEqual({ shared: 0, jaccard: 0 });
    expect(overlap(complement([], U), finite(), 10)).toEqual({ shared: 0, jaccard: 0 });
  });
});
