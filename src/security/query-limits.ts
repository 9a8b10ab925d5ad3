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

/**
 * What `__schema` costs, whatever it selects: the full introspection answer is about 123 KB, so a
 * request holds at most 4 of them (20,000) rather than the 1.5 MB a 7 KB request could ask before.
 */
export const INTROSPECTION_COST = 5_000;
/** What `__type(name:)` costs: one type's fields, a few KB. */
export const INTROSPECTION_TYPE_COST = 50;

/**
 * Rows skipped per unit of cost. PROFILE of justifiedBy on 85025 (a 75,900-row default rule):
 * the page after offset 75,000 took 2.3 s against 30 ms for the first, linear in the offset; at
 * 50 rows a unit that page costs 1,500, so a request holds at most 13 of them (20,000).
 */
export const OFFSET_ITEMS_PER_COST = 50;

function offsetCost(after: unknown): number {
  if (typeof after !== 'string') return 0;
  const decoded = /^offset:(\d{1,10})(?::[\w-]+)?$/.exec(Buffer.from(after, 'base64').toString('utf8'));
  return decoded ? Math.ceil(Number(decoded[1]) / OFFSET_ITEMS_PER_COST) : 0;
}

/**
 * The deepest field nesting of one operation, fragments and inline fragments included (introspection
 * too). Each fragment is measured once and reused at every spread, so a fragment fan-out (a chain of
 * fragments each spreading the previous one twice) costs time linear in the document, not in its
 * expansion (issue 13: 39 levels pinned the event loop for good).
 */
export function operationDepth(operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): number {
  const measured = new Map<string, number>();
  const inProgress = new Set<string>();
  const fragmentDepth = (name: string): number => {
    const known = measured.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    // Validation refuses fragment cycles and unknown fragments; counting them as empty keeps this safe regardless.
    if (!fragment || inProgress.has(name)) return 0;
    inProgress.add(name);
    const depth = depthOf(fragment.selectionSet);
    inProgress.delete(name);
    measured.set(name, depth);
    return depth;
  };
  const depthOf = (set: SelectionSetNode | undefined): number => {
    if (!set) return 0;
    let deepest = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) deepest = Math.max(deepest, selection.selectionSet ? 1 + depthOf(selection.selectionSet) : 1);
      else if (selection.kind === Kind.INLINE_FRAGMENT) deepest = Math.max(deepest, depthOf(selection.selectionSet));
      else deepest = Math.max(deepest, fragmentDepth(selection.name.value));
    }
    return deepest;
  };
  return depthOf(operation.selectionSet);
}

/**
 * Cost estimate per field (graphql-query-complexity): every field costs 1 (or its `complexity`
 * field extension, set with type-graphql's `@Field({ complexity })` / `@Query({ complexity })`:
 * a number replaces the 1, a function replaces the whole estimate); a field with a `first`
 * argument costs its children times `first` (capped at the page-size limit, which refuses more);
 * other list fields count as UNBOUNDED_LIST_ESTIMATE items, except `edges` and `nodes`, which are
 * the page their connection already counted. A page that starts past an `after` cursor also costs
 * its offset / OFFSET_ITEMS_PER_COST (the database walks every skipped row). Introspection is priced
 * by the size of its answer: `__schema` INTROSPECTION_COST, `__type` INTROSPECTION_TYPE_COST.
 */
export function costEstimator(limits: QueryLimits, oversizedPages: Array<{ field: string; first: number }>): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    // Introspection is answered from memory; what it costs is the size of its answer, priced per root field.
    if (field.name === '__typename' || type.name.startsWith('__')) return 0;
    if (field.name === '__schema') return INTROSPECTION_COST;
    if (field.name === '__type') return INTROSPECTION_TYPE_COST;
    const declared = field.extensions?.complexity;
    if (typeof declared === 'function')
      return (declared as (options: { args: Record<string, unknown>; childComplexity: number }) => number)({ args, childComplexity });
    const own = typeof declared === 'number' ? declared : 1;
    const first = typeof args.first === 'number' ? args.first : undefined;
    if (first !== undefined) {
      if (first > limits.maxPageSize) oversizedPages.push({ field: `${type.name}.${field.name}`, first });
      return own + offsetCost(args.after) + Math.min(Math.max(first, 0), limits.maxPageSize) * Math.max(childComplexity, 1);
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
  | { ok: false; reason: 'complexity'; complexity: number }
  | { ok: false; reason: 'nodes'; maxNodes: number };

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
      maxQueryNodes: limits.maxSelections,
    });
  } catch (error) {
    // graphql-query-complexity stops counting past its node limit: such a document is refused, not let through.
    if (error instanceof Error && error.message.includes('maximum allowed number of nodes'))
      return { ok: false, reason: 'nodes', maxNodes: limits.maxSelections };
    return { ok: true, depth, complexity: null };
  }
  const page = oversized[0];
  if (page) return { ok: false, reason: 'page', ...page };
  if (complexity > limits.maxComplexity) return { ok: false, reason: 'complexity', complexity };
  return { ok: true, depth, complexity };
}
