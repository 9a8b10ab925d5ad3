import { getIntrospectionQuery, Kind, parse, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/config';
import { createSchema } from '../../src/schema';
import { checkOperation, INTROSPECTION_COST, OFFSET_ITEMS_PER_COST, UNBOUNDED_LIST_ESTIMATE } from '../../src/security/query-limits';

/** A chain of `levels` fragments, each spreading the one before twice: 2^levels selections once expanded. */
function fanOut(levels: number): string {
  let source = `query FanOut { ...F${levels} }\nfragment F0 on Query { codeSystems { id } }\n`;
  for (let i = 1; i <= levels; i++) source += `fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }\n`;
  return source;
}

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

  it('prices the standard introspection query by the size of its answer, so it passes once but not five times in one request (issue 13)', () => {
    expect(check(getIntrospectionQuery())).toMatchObject({ ok: true, complexity: INTROSPECTION_COST });
    const aliases = Array.from({ length: 5 }, (_, i) => `s${i}: __schema { types { name fields { name } } }`).join(' ');
    expect(check(`{ ${aliases} }`)).toEqual({ ok: false, reason: 'complexity', complexity: 5 * INTROSPECTION_COST });
  });

  it('measures the depth of a 39-level fragment fan-out at once instead of expanding it (issue 13)', () => {
    const began = performance.now();
    expect(check(fanOut(39))).toMatchObject({ ok: false, reason: 'nodes', maxNodes: DEFAULT_LIMITS.maxSelections });
    expect(performance.now() - began).toBeLessThan(2_000);
  });

  it('prices a page after a deep cursor by its offset, so twenty deep justifiedBy pages are refused (issue 13)', () => {
    const after = Buffer.from('offset:74999').toString('base64');
    const page = (i: number) => `p${i}: code(system: CPT, code: "85025") { ... on Procedure { justifiedBy(first: 10, after: "${after}") { totalCount } } }`;
    const one = check(`{ ${page(0)} }`);
    expect(one).toMatchObject({ ok: true });
    expect((one as { complexity: number }).complexity).toBeGreaterThan(75_000 / OFFSET_ITEMS_PER_COST);
    const twenty = Array.from({ length: 20 }, (_, i) => page(i)).join(' ');
    expect(check(`{ ${twenty} }`)).toMatchObject({ ok: false, reason: 'complexity' });
  });

  it('refuses fifty aliases of a whole-graph aggregation by its price (issue 13)', () => {
    const fifty = Array.from({ length: 50 }, (_, i) => `u${i}: unjustifiedDiagnoses(first: 1) { totalCount }`).join(' ');
    expect(check(`{ ${fifty} }`)).toMatchObject({ ok: false, reason: 'complexity' });
  });

  it('leaves operations with variables that cannot be coerced to execution, which refuses them before any resolver', () => {
    expect(check('query($n: Int) { search(text: "a", first: $n) { totalCount } }', { n: 'many' })).toMatchObject({ ok: true, complexity: null });
  });
});
