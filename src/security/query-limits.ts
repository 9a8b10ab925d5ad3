import {
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { QueryLimits } from '../config';

/** A list field without a `first` argument (children, ancestors, notes) is estimated at this many items. */
export const UNBOUNDED_LIST_ESTIMATE = 10;

/** The deepest field nesting of one operation, fragments and inline fragments included (introspection too). */
export function operationDepth(operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): number {
  const depthOf = (set: SelectionSetNode | undefined, seen: ReadonlySet<string>): number => {
    if (!set) return 0;
    let deepest = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        deepest = Math.max(deepest, selection.selectionSet ? 1 + depthOf(selection.selectionSet, seen) : 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depthOf(selection.selectionSet, seen));
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // Validation refuses fragment cycles and unknown fragments; `seen` keeps this safe regardless.
        if (fragment && !seen.has(name)) deepest = Math.max(deepest, depthOf(fragment.selectionSet, new Set([...seen, name])));
      }
    }
    return deepest;
  };
  return depthOf(operation.selectionSet, new Set());
}

/**
 * Cost estimate per field (graphql-query-complexity): every field costs 1 (or its `complexity`
 * field extension, set with type-graphql's `@Field({ complexity })` / `@Query({ complexity })`:
 * a number replaces the 1, a function replaces the whole estimate); a field with a `first`
 * argument costs its children times `first` (capped at the page-size limit, which refuses more);
 * other list fields count as UNBOUNDED_LIST_ESTIMATE items, except `edges` and `nodes`, which are
 * the page their connection already counted. Introspection is answered from memory and costs 0.
 */
export function costEstimator(limits: QueryLimits, oversizedPages: Array<{ field: string; first: number }>): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    if (field.name.startsWith('__') || type.name.startsWith('__')) return 0;
    const declared = field.extensions?.complexity;
    if (typeof declared === 'function') return (declared as (options: { args: Record<string, unknown>; childComplexity: number }) => number)({ args, childComplexity });
    const own = typeof declared === 'number' ? declared : 1;
    const first = typeof args.first === 'number' ? args.first : undefined;
    if (first !== undefined) {
      if (first > limits.maxPageSize) oversizedPages.push({ field: `${type.name}.${field.name}`, first });
      return own + Math.min(Math.max(first, 0), limits.maxPageSize) * Math.max(childComplexity, 1);
    }
    const list = isListType(getNullableType(field.type));
    if (list && !isLeafType(getNamedType(field.type)) && field.name !== 'edges' && field.name !== 'nodes') {
      return own + UNBOUNDED_LIST_ESTIMATE * childComplexity;
    }
    return own + childComplexity;
  };
}

export type LimitVerdict =
  | { ok: true; depth: number; complexity: number | null }
  | { ok: false; reason: 'depth'; depth: number }
  | { ok: false; reason: 'page'; field: string; first: number }
  | { ok: false; reason: 'complexity'; complexity: number };

/**
 * Checks one validated operation against the limits, without touching the database. Complexity is
 * null when the variables cannot be coerced: execution then refuses the operation before any resolver.
 */
export function checkOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  limits: QueryLimits,
): LimitVerdict {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const depth = operationDepth(operation, fragments);
  if (depth > limits.maxDepth) return { ok: false, reason: 'depth', depth };
  const oversized: Array<{ field: string; first: number }> = [];
  let complexity: number;
  try {
    complexity = getComplexity({
      schema,
      query: { kind: Kind.DOCUMENT, definitions: [operation, ...fragments.values()] },
      variables: variables ?? {},
      estimators: [costEstimator(limits, oversized)],
    });
  } catch {
    return { ok: true, depth, complexity: null };
  }
  const page = oversized[0];
  if (page) return { ok: false, reason: 'page', ...page };
  if (complexity > limits.maxComplexity) return { ok: false, reason: 'complexity', complexity };
  return { ok: true, depth, complexity };
}
