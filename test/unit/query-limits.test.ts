import { getIntrospectionQuery, Kind, parse, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/config';
import { createSchema } from '../../src/schema';
import { checkOperation, UNBOUNDED_LIST_ESTIMATE } from '../../src/security/query-limits';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await createSchema();
});

function check(query: string, variables: Record<string, unknown> = {}, limits = DEFAULT_LIMITS) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return checkOperation(schema, document, operation, variables, limits);
}

describe('checkOperation', () => {
  it('counts depth through fragments and inline fragments', () => {
    const verdict = check('query { code(code: "E11.9") { ...F } } fragment F on Code { parent { ... on Diagnosis { parent { code } } } }');
    expect(verdict).toMatchObject({ ok: true, depth: 4 });
  });

  it('refuses an operation one level deeper than maxDepth, naming the depth', () => {
    const nested = (levels: number): string => (levels === 0 ? 'code' : `parent { ${nested(levels - 1)} }`);
    const atLimit = `{ code(code: "E11.9") { ${nested(DEFAULT_LIMITS.maxDepth - 2)} } }`;
    expect(check(atLimit)).toMatchObject({ ok: true, depth: DEFAULT_LIMITS.maxDepth });
    const over = `{ code(code: "E11.9") { ${nested(DEFAULT_LIMITS.maxDepth - 1)} } }`;
    expect(check(over)).toEqual({ ok: false, reason: 'depth', depth: DEFAULT_LIMITS.maxDepth + 1 });
  });

  it('costs a paged field by its first argument, from a literal or a variable', () => {
    const literal = check('{ search(text: "diabetes", first: 100) { nodes { code display } } }');
    const variable = check('query($n: Int!) { search(text: "diabetes", first: $n) { nodes { code display } } }', { n: 100 });
    // search 1 + 100 x (nodes 1 + code 1 + display 1)
    expect(literal).toEqual({ ok: true, depth: 3, complexity: 1 + 100 * 3 });
    expect(variable).toEqual(literal);
  });

  it('costs a list without first as UNBOUNDED_LIST_ESTIMATE items', () => {
    expect(check('{ code(code: "E11") { children { code } } }')).toEqual({ ok: true, depth: 3, complexity: 1 + 1 + UNBOUNDED_LIST_ESTIMATE * 1 });
  });

  it('refuses nested pages whose estimated cost is over maxComplexity', () => {
    const verdict = check('{ search(text: "a", first: 500) { nodes { children { children { code } } } } }');
    expect(verdict).toMatchObject({ ok: false, reason: 'complexity' });
    if (!verdict.ok && verdict.reason === 'complexity') expect(verdict.complexity).toBeGreaterThan(DEFAULT_LIMITS.maxComplexity);
  });

  it('refuses a first above maxPageSize before looking at the cost', () => {
    expect(check('{ search(text: "a", first: 100000) { totalCount } }', {}, { ...DEFAULT_LIMITS, maxComplexity: 10 })).toEqual({
      ok: false,
      reason: 'page',
      field: 'Query.search',
      first: 100000,
    });
    expect(check('query($n: Int) { search(text: "a", first: $n) { totalCount } }', { n: 1001 })).toMatchObject({ ok: false, reason: 'page', first: 1001 });
  });

  it('lets the standard introspection query through the default limits (it is answered from memory)', () => {
    expect(check(getIntrospectionQuery())).toMatchObject({ ok: true, complexity: 0 });
  });

  it('leaves operations with variables that cannot be coerced to execution, which refuses them before any resolver', () => {
    expect(check('query($n: Int) { search(text: "a", first: $n) { totalCount } }', { n: 'many' })).toMatchObject({ ok: true, complexity: null });
  });
});
