/**
 * The diagnoses that justify a procedure, as E ∪ (U \ X): explicit codes E, plus, when a default
 * rule grants the status, every loaded code U except those the policy lists (X). Kept in this form
 * because a covering default rule (NCD 190.15) reaches tens of thousands of codes; E ⊆ U and X ⊆ U.
 */
export interface JustifyingSet {
  explicit: ReadonlySet<string>;
  /** null: no default rule, the set is just `explicit`. */
  excluded: ReadonlySet<string> | null;
}

export function has(set: JustifyingSet, code: string): boolean {
  return set.explicit.has(code) || (set.excluded !== null && !set.excluded.has(code));
}

export function size(set: JustifyingSet, universe: number): number {
  if (set.excluded === null) return set.explicit.size;
  let outside = 0;
  for (const code of set.excluded) if (!set.explicit.has(code)) outside++;
  return universe - outside;
}

/** Union of two sets; the result keeps the E ∪ (U \ X) form. */
export function union(a: JustifyingSet, b: JustifyingSet): JustifyingSet {
  const explicit = new Set([...a.explicit, ...b.explicit]);
  if (a.excluded === null) return { explicit, excluded: b.excluded };
  if (b.excluded === null) return { explicit, excluded: a.excluded };
  return { explicit, excluded: new Set([...a.excluded].filter((c) => b.excluded!.has(c))) };
}

export function intersectionSize(a: JustifyingSet, b: JustifyingSet, universe: number): number {
  const count = (finite: JustifyingSet, other: JustifyingSet) => [...finite.explicit].filter((c) => has(other, c)).length;
  if (a.excluded === null) return count(a, b);
  if (b.excluded === null) return count(b, a);
  // Both reach all but a few codes: count the codes missing from either.
  const missing = new Set<string>();
  for (const c of a.excluded) if (!a.explicit.has(c)) missing.add(c);
  for (const c of b.excluded) if (!b.explicit.has(c)) missing.add(c);
  return universe - missing.size;
}

/** Shared diagnoses and the Jaccard index |A ∩ B| / |A ∪ B| (0 when both are empty). */
export function overlap(a: JustifyingSet, b: JustifyingSet, universe: number): { shared: number; jaccard: number } {
  const shared = intersectionSize(a, b, universe);
  const all = size(a, universe) + size(b, universe) - shared;
  return { shared, jaccard: all === 0 ? 0 : shared / all };
}
