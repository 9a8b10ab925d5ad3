import { Kind, type DefinitionNode, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/** Structural limits of one GraphQL document, checked before graphql-js validates it. */
export interface ShapeLimits {
  /** Deepest field nesting of an operation, fragments followed (CODESET_MAX_DEPTH). */
  maxDepth: number;
  /** Aliased fields, counted as the operation expands (CODESET_MAX_ALIASES). */
  maxAliases: number;
  /** Directives, counted as the operation expands (CODESET_MAX_DIRECTIVES). */
  maxDirectives: number;
  /** Field selections once every fragment spread is expanded (CODESET_MAX_SELECTIONS). */
  maxSelections: number;
  /** Selections of one response name in one selection set: graphql-js compares every pair (CODESET_MAX_SAME_NAME). */
  maxSameName: number;
  /** Operations and fragments defined in one document. */
  maxDefinitions: number;
  /** Selection sets nested in one another, inline fragments and spreads included (CODESET_MAX_NESTING). */
  maxNesting: number;
}

export const DEFAULT_SHAPE_LIMITS: Readonly<ShapeLimits> = Object.freeze({
  maxDepth: 15,
  maxAliases: 100,
  maxDirectives: 50,
  maxSelections: 5_000,
  maxSameName: 20,
  maxDefinitions: 100,
  maxNesting: 40,
});

/** What one selection set (or fragment) adds up to once expanded; counts saturate at CAP. */
interface Shape {
  depth: number;
  /** Like depth, with inline fragments and fragment spreads counted as levels too. */
  nesting: number;
  aliases: number;
  directives: number;
  selections: number;
}

/** Counts stop growing here: a fan-out of 2^39 selections must not overflow or take time to count. */
const CAP = 1e12;
const add = (a: number, b: number) => Math.min(CAP, a + b);

export type ShapeVerdict = { ok: true; shape: Shape } | { ok: false; limit: keyof ShapeLimits; found: number; allowed: number; where?: string };

/**
 * Measures a parsed document in time linear in its size, whatever it expands to: each fragment is
 * measured once and its shape reused at every spread (fragment fan-out costs nothing extra), a
 * fragment cycle counts as empty (validation refuses it afterwards), and counts saturate. The
 * first limit exceeded is returned, so the caller can refuse the document before graphql-js
 * validation (whose overlapping-fields check is quadratic in repeated fields) ever sees it.
 */
export function measureDocument(document: DocumentNode, limits: ShapeLimits): ShapeVerdict {
  const definitions: readonly DefinitionNode[] = document.definitions;
  if (definitions.length > limits.maxDefinitions) return { ok: false, limit: 'maxDefinitions', found: definitions.length, allowed: limits.maxDefinitions };
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);

  const measured = new Map<string, Shape>();
  const inProgress = new Set<string>();
  let sameName: { found: number; where: string } | null = null;

  const fragmentShape = (name: string): Shape => {
    const known = measured.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment || inProgress.has(name)) return { depth: 0, nesting: 0, aliases: 0, directives: 0, selections: 0 };
    inProgress.add(name);
    const shape = setShape(fragment.selectionSet);
    shape.directives = add(shape.directives, fragment.directives?.length ?? 0);
    inProgress.delete(name);
    measured.set(name, shape);
    return shape;
  };

  /** Response names (and spread fragments) of one selection set, inline fragments included: graphql-js compares them pairwise. */
  const count = (names: Map<string, number>, key: string) => {
    const seen = (names.get(key) ?? 0) + 1;
    names.set(key, seen);
    if (seen > limits.maxSameName && (!sameName || seen > sameName.found)) sameName = { found: seen, where: key };
  };

  const setShape = (set: SelectionSetNode, names = new Map<string, number>()): Shape => {
    const total: Shape = { depth: 0, nesting: 0, aliases: 0, directives: 0, selections: 0 };
    for (const selection of set.selections) {
      let inner: Shape;
      const directives = selection.directives?.length ?? 0;
      if (selection.kind === Kind.FIELD) {
        count(names, selection.alias?.value ?? selection.name.value);
        const below = selection.selectionSet ? setShape(selection.selectionSet) : { depth: 0, nesting: 0, aliases: 0, directives: 0, selections: 0 };
        inner = {
          depth: below.depth + 1,
          nesting: below.nesting + 1,
          aliases: add(below.aliases, selection.alias ? 1 : 0),
          directives: below.directives,
          selections: add(below.selections, 1),
        };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const below = setShape(selection.selectionSet, names);
        inner = { ...below, nesting: below.nesting + 1 };
      } else {
        count(names, `...${selection.name.value}`);
        const below = fragmentShape(selection.name.value);
        inner = { ...below, nesting: below.nesting + 1 };
      }
      total.depth = Math.max(total.depth, inner.depth);
      total.nesting = Math.max(total.nesting, inner.nesting);
      total.aliases = add(total.aliases, inner.aliases);
      total.directives = add(total.directives, add(inner.directives, directives));
      total.selections = add(total.selections, inner.selections);
    }
    return total;
  };

  const worst: Shape = { depth: 0, nesting: 0, aliases: 0, directives: 0, selections: 0 };
  for (const definition of definitions) {
    // Every fragment is measured even when no operation spreads it: validation would walk it too.
    const shape =
      definition.kind === Kind.OPERATION_DEFINITION
        ? setShape(definition.selectionSet)
        : definition.kind === Kind.FRAGMENT_DEFINITION
          ? fragmentShape(definition.name.value)
          : null;
    if (!shape) continue;
    const own =
      definition.kind === Kind.OPERATION_DEFINITION
        ? (definition.directives?.length ?? 0) + (definition.variableDefinitions?.reduce((n, v) => n + (v.directives?.length ?? 0), 0) ?? 0)
        : 0;
    worst.depth = Math.max(worst.depth, shape.depth);
    worst.nesting = Math.max(worst.nesting, shape.nesting);
    worst.aliases = Math.max(worst.aliases, shape.aliases);
    worst.directives = Math.max(worst.directives, add(shape.directives, own));
    worst.selections = Math.max(worst.selections, shape.selections);
  }
  const found = sameName as { found: number; where: string } | null;
  if (found) return { ok: false, limit: 'maxSameName', found: found.found, allowed: limits.maxSameName, where: found.where };
  if (worst.depth > limits.maxDepth) return { ok: false, limit: 'maxDepth', found: worst.depth, allowed: limits.maxDepth };
  if (worst.nesting > limits.maxNesting) return { ok: false, limit: 'maxNesting', found: worst.nesting, allowed: limits.maxNesting };
  if (worst.aliases > limits.maxAliases) return { ok: false, limit: 'maxAliases', found: worst.aliases, allowed: limits.maxAliases };
  if (worst.directives > limits.maxDirectives) return { ok: false, limit: 'maxDirectives', found: worst.directives, allowed: limits.maxDirectives };
  if (worst.selections > limits.maxSelections) return { ok: false, limit: 'maxSelections', found: worst.selections, allowed: limits.maxSelections };
  return { ok: true, shape: worst };
}
