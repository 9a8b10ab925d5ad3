import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalCode } from '../../src/common/code-format';
import { DEFAULT_LIMITS } from '../../src/config';
import { readSample } from '../../src/import/sample-source';
import { createHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

function countByName(names: string[]): Record<string, number> {
  return names.reduce<Record<string, number>>((acc, name) => ({ ...acc, [name]: (acc[name] ?? 0) + 1 }), {});
}

describe('DataLoader batching', () => {
  it('makes one round trip per relationship level for 50 codes, however many codes there are', async () => {
    const sample = readSample();
    const codes = sample.codeFiles
      .flatMap((f) => f.codes.map((c) => ({ system: f.release.system, code: canonicalCode(f.release.system, c.code) })))
      .slice(0, 50);
    expect(codes).toHaveLength(50);
    const fields = codes
      .map(
        (c, i) =>
          `c${i}: code(code: "${c.code}", system: ${c.system}) { code parent { code } children { code } system { id maintainedBy { id } } categories { id } }`,
      )
      .join('\n');
    const { data, errors } = await h.run<Record<string, { code: string } | null>>(`{ ${fields} }`);
    expect(errors).toBeUndefined();
    expect(Object.values(data ?? {}).map((c) => c?.code)).toEqual(codes.map((c) => c.code));
    expect(countByName(h.roundTrips)).toEqual({
      'code/by-keys': 1,
      'code/parents': 1,
      'code/children': 1,
      'code-system/by-ids': 1,
      'code-system/maintainers': 1,
      'code/categories': 1,
    });
  });

  it('reports the same round trips in extensions.roundTrips for 5 codes as for 50: one per relationship level', async () => {
    const sample = readSample();
    const all = sample.codeFiles.flatMap((f) => f.codes.map((c) => ({ system: f.release.system, code: canonicalCode(f.release.system, c.code) })));
    const query = (n: number) =>
      `{ ${all
        .slice(0, n)
        .map(
          (c, i) =>
            `c${i}: code(code: "${c.code}", system: ${c.system}) { code parent { code } children { code } system { id maintainedBy { id } } categories { id } }`,
        )
        .join('\n')} }`;
    await h.run(query(5));
    const few = h.lastRoundTrips();
    await h.run(query(50));
    const many = h.lastRoundTrips();
    // Levels: the codes; their parent, children, system and categories; the systems' maintainers.
    expect(few?.count).toBe(6);
    expect(many?.count).toBe(6);
    expect(many?.statements).toEqual(few?.statements);
    expect(many?.databaseMillis).toBeGreaterThan(0);
  });

  it("batches nested lists level by level: categories, their codes, the codes' children and their parents", async () => {
    // Every chapter, block, code, child and ancestor: on the full ICD-10-CM this is the whole tree
    // (estimated cost 1.4 million), which the default CODESET_MAX_COMPLEXITY refuses as
    // QUERY_TOO_COMPLEX. Batching is what is tested here, so the limit is raised as an operator could.
    const wide = await createHarness(undefined, { limits: { ...DEFAULT_LIMITS, maxComplexity: 2_000_000 } });
    const { data, errors } = await wide.run<{ codeSystem: { topCategories: Array<{ children: Array<{ codes: Array<{ children: unknown[] }> }> }> } }>(
      `{ codeSystem(id: ICD10CM) { topCategories { children { codes { code children { code parent { code } ancestors { code } } } } } } }`,
    );
    expect(errors).toBeUndefined();
    const categories = data!.codeSystem.topCategories.flatMap((c) => c.children).flatMap((b) => b.codes);
    expect(categories.length).toBeGreaterThan(20);
    const roundTrips = [...wide.roundTrips];
    await wide.close();
    expect(countByName(roundTrips)).toEqual({
      'code-system/by-ids': 1,
      'code-system/top-categories': 1,
      'category/children': 1,
      'category/codes': 1,
      'code/children': 1,
      'code/parents': 1,
      'code/ancestors': 1,
    });
  });
});
