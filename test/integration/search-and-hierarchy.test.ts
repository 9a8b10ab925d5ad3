import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('search over the sample', () => {
  it('finds type 2 diabetes codes from word prefixes, ranked, with totalCount and cursors', async () => {
    const result = await h.run<{
      search: { totalCount: number; edges: Array<{ cursor: string; score: number; node: { code: string } }>; pageInfo: { hasNextPage: boolean } };
    }>('{ search(text: "diab typ 2", first: 3) { totalCount edges { cursor score node { code } } pageInfo { hasNextPage } } }');
    expect(result.errors).toBeUndefined();
    const { edges, totalCount, pageInfo } = result.data!.search;
    expect(edges.map((e) => e.node.code).every((c) => c.startsWith('E11'))).toBe(true);
    expect(edges[0].score).toBeGreaterThan(0);
    expect(pageInfo.hasNextPage).toBe(totalCount > 3);
  });

  it('filters by system and billable flag', async () => {
    const result = await h.run<{ search: { nodes: Array<{ systemId: string; billable: boolean }> } }>(
      '{ search(text: "E11", systems: [ICD10CM], billableOnly: true, first: 50) { nodes { systemId billable } } }',
    );
    expect(result.data!.search.nodes.length).toBeGreaterThan(0);
    expect(result.data!.search.nodes.every((n) => n.systemId === 'ICD10CM' && n.billable)).toBe(true);
  });

  it('refuses a cursor it did not make with BAD_USER_INPUT naming the value', async () => {
    const result = await h.run('{ search(text: "diabetes", after: "nope") { totalCount } }');
    expect(result.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(result.errors![0].message).toContain('cursor "nope" is not valid');
  });

  it('refuses a page size outside 1 to 500', async () => {
    const result = await h.run('{ search(text: "diabetes", first: 0) { totalCount } }');
    expect(result.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('descendants, isA and releases over the sample', () => {
  it('lists every code below S52 across all levels, in code order', async () => {
    const result = await h.run<{ code: { descendants: { totalCount: number; nodes: Array<{ code: string }> } } }>(
      '{ code(code: "S52") { descendants(first: 100) { totalCount nodes { code } } } }',
    );
    const codes = result.data!.code.descendants.nodes.map((n) => n.code);
    expect(codes).toContain('S52.521A');
    expect(codes).toEqual([...codes].sort());
    expect(result.data!.code.descendants.totalCount).toBe(codes.length);
  });

  it('answers isA for a code, a block and a chapter, and refuses an ancestor that names nothing', async () => {
    const ok = await h.run('{ code(code: "E11.9") { a: isA(ancestor: "E11") b: isA(ancestor: "e08-e13") c: isA(ancestor: "4") d: isA(ancestor: "I10") } }');
    expect(ok).toEqual({ data: { code: { a: true, b: true, c: true, d: false } } });
    const bad = await h.run('{ code(code: "E11.9") { isA(ancestor: "Q99-Q99") } }');
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].message).toBe(
      'Ancestor "Q99-Q99" names no ICD10CM code or category: expected a code (E11), a block (E08-E13) or a chapter (4) of ICD10CM',
    );
  });

  it('tells which complete release a code is valid in', async () => {
    const result = await h.run(
      '{ code(code: "E11.9") { validIn { key version effectiveFrom effectiveTo } addedIn { key } revisions { from } } codeSystem(id: ICD10CM) { releases { key status: codeCount } } }',
    );
    expect(result.data).toMatchObject({
      code: { validIn: [{ key: 'ICD10CM:2026', version: '2026', effectiveFrom: '2025-10-01', effectiveTo: '2026-09-30' }], addedIn: null, revisions: [] },
    });
  });

  it('answers null for a release that is not loaded', async () => {
    expect(await h.run('{ release(system: ICD10CM, version: "1999") { id } }')).toEqual({ data: { release: null } });
  });
});
