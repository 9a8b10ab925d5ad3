import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/security/document-gate';
import { DEFAULT_SHAPE_LIMITS, measureDocument } from '../../src/security/document-shape';

const repeat = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join(' ');
const measure = (source: string, limits = DEFAULT_SHAPE_LIMITS) => measureDocument(parse(source), limits);

function fanOut(levels: number): string {
  let source = `query FanOut { ...F${levels} }\nfragment F0 on Query { codeSystems { id } }\n`;
  for (let i = 1; i <= levels; i++) source += `fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }\n`;
  return source;
}

describe('measureDocument', () => {
  it('measures a 39-level fragment fan-out in time linear in the document and refuses it (issue 13)', () => {
    const began = performance.now();
    const verdict = measure(fanOut(39));
    expect(performance.now() - began).toBeLessThan(500);
    expect(verdict).toMatchObject({ ok: false, limit: 'maxNesting', found: 42 });
    // With nesting allowed, the expanded count saturates rather than overflowing and is refused.
    expect(measure(fanOut(39), { ...DEFAULT_SHAPE_LIMITS, maxNesting: 100 })).toMatchObject({ ok: false, limit: 'maxSelections', found: 1e12 });
  });

  it('counts the selections a small fan-out expands to exactly', () => {
    expect(measure(fanOut(3))).toEqual({ ok: true, shape: { depth: 2, nesting: 6, aliases: 0, directives: 0, selections: 16 } });
  });

  it('refuses more aliases than allowed, counting those that fragments bring in', () => {
    expect(measure(`query { ${repeat(101, (i) => `a${i}: codeSystems { id }`)} }`)).toMatchObject({ ok: false, limit: 'maxAliases', found: 101, allowed: 100 });
    const viaFragment = `fragment F on Query { ${repeat(30, (i) => `a${i}: codeSystems { id }`)} } query { ...F ... on Query { ...F } x: codeSystems { ...G } } fragment G on CodeSystem { ${repeat(50, (i) => `b${i}: id`)} }`;
    expect(measure(viaFragment)).toMatchObject({ ok: false, limit: 'maxAliases', found: 111 });
  });

  it('refuses a directive flood, on fields and on the operation', () => {
    expect(measure(`query { codeSystems ${repeat(51, () => '@include(if: true)')} { id } }`)).toMatchObject({ ok: false, limit: 'maxDirectives', found: 51 });
    expect(measure(`query Q ${repeat(51, () => '@skip(if: false)')} { codeSystems { id } }`)).toMatchObject({ ok: false, limit: 'maxDirectives', found: 51 });
  });

  it('refuses one response name repeated past the limit in one selection set, inline fragments and spreads included', () => {
    expect(measure(`query { ${repeat(21, () => 'codeSystems { id }')} }`)).toMatchObject({ ok: false, limit: 'maxSameName', found: 21, where: 'codeSystems' });
    expect(measure(`query { ${repeat(21, () => '... on Query { codeSystems { id } }')} }`)).toMatchObject({
      ok: false,
      limit: 'maxSameName',
      where: 'codeSystems',
    });
    expect(measure(`fragment F on CodeSystem { id } query { codeSystems { ${repeat(21, () => '...F')} } }`)).toMatchObject({
      ok: false,
      limit: 'maxSameName',
      where: '...F',
    });
    expect(measure(`query { ${repeat(20, () => 'codeSystems { id }')} }`)).toMatchObject({ ok: true });
  });

  it('refuses deeply nested inline fragments and deep field nesting', () => {
    expect(measure(`query { codeSystems { ${'... on CodeSystem { '.repeat(60)} id ${'}'.repeat(60)} } }`)).toMatchObject({
      ok: false,
      limit: 'maxNesting',
      found: 62,
    });
    expect(measure(`query { ${'code(code: "E11") { parent { '.repeat(8)} code ${'} }'.repeat(8)} }`)).toMatchObject({
      ok: false,
      limit: 'maxDepth',
      found: 17,
    });
  });

  it('counts a fragment cycle as empty rather than looping (validation refuses it afterwards)', () => {
    expect(measure('fragment A on Query { ...B } fragment B on Query { ...A codeSystems { id } } query { ...A }')).toMatchObject({ ok: true });
  });

  it('refuses a document with more definitions than allowed', () => {
    expect(measure(repeat(101, (i) => `query Q${i} { codeSystems { id } }`))).toMatchObject({ ok: false, limit: 'maxDefinitions', found: 101 });
  });
});

describe('checkSource', () => {
  it('names the limit, the value found and the variable that sets it', () => {
    expect(checkSource(`query { ${repeat(150, (i) => `a${i}: codeSystems { id }`)} }`, DEFAULT_SHAPE_LIMITS, 5_000)).toEqual({
      status: 400,
      code: 'QUERY_TOO_COMPLEX',
      message: 'The document has 150 aliased fields once its fragments are expanded; at most 100 are allowed (CODESET_MAX_ALIASES)',
      extensions: { limit: 'CODESET_MAX_ALIASES', found: 150, allowed: 100 },
    });
    expect(checkSource(`query { ${'code(code: "E11") { parent { '.repeat(8)} code ${'} }'.repeat(8)} }`, DEFAULT_SHAPE_LIMITS, 5_000)).toMatchObject({
      code: 'QUERY_TOO_DEEP',
    });
  });

  it('leaves a document that does not parse, or is within every limit, to Apollo', () => {
    expect(checkSource('query { code(', DEFAULT_SHAPE_LIMITS, 5_000)).toBeNull();
    expect(checkSource('{ code(code: "E11.9") { code parent { code } } }', DEFAULT_SHAPE_LIMITS, 5_000)).toBeNull();
  });
});
