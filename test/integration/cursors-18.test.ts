import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness';

/** Issue 18, item 5: a cursor belongs to the list it came from; reused with other arguments it is refused. */
let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

type Page = { totalCount: number; pageInfo: { endCursor: string | null; hasNextPage: boolean }; nodes: Array<{ code: string }> };

async function endCursor(query: string): Promise<string> {
  const answer = await h.run<Record<string, Page | { [k: string]: Page }>>(query, { after: null });
  expect(answer.errors).toBeUndefined();
  const found = JSON.stringify(answer.data).match(/"endCursor":"([^"]+)"/);
  expect(found, `an endCursor in ${JSON.stringify(answer.data)}`).not.toBeNull();
  return found![1]!;
}

const refusal = async (query: string, after: string) => {
  const answer = await h.run(query, { after });
  expect(answer.errors?.[0]?.extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    argument: 'after',
    value: after,
    expected: expect.stringContaining('same arguments'),
  });
  expect(answer.errors?.[0]?.message).toContain('was returned for other arguments');
};

describe('cursors tied to their arguments (issue 18)', () => {
  it('pages descendants on with the cursor of the same arguments, and refuses it with billableOnly changed', async () => {
    const all = 'query ($after: String) { code(code: "E11") { descendants(first: 2, after: $after) { totalCount nodes { code } pageInfo { endCursor } } } }';
    const billable = all.replace('descendants(first: 2', 'descendants(first: 2, billableOnly: true');
    const cursor = await endCursor(all);
    const next = await h.run<{ code: { descendants: Page } }>(all, { after: cursor });
    expect(next.errors).toBeUndefined();
    expect(next.data!.code.descendants.nodes.length).toBeGreaterThan(0);
    await refusal(billable, cursor);
  });

  it('refuses a justifiedBy cursor on another procedure, with other statuses, or on justifies', async () => {
    const of = (code: string, extra = '') =>
      `query ($after: String) { code(system: CPT, code: "${code}") { ... on Procedure { justifiedBy(first: 2, after: $after${extra}) { totalCount pageInfo { endCursor } } } } }`;
    const cursor = await endCursor(of('80061'));
    expect((await h.run(of('80061'), { after: cursor })).errors).toBeUndefined();
    await refusal(of('83036'), cursor);
    await refusal(of('80061', ', status: [COVERED, DENIED]'), cursor);
    await refusal('query ($after: String) { code(code: "E11.9") { ... on Diagnosis { justifies(after: $after) { totalCount } } } }', cursor);
  });

  it('refuses a search cursor for other words or other systems', async () => {
    const search = (text: string, extra = '') =>
      `query ($after: String) { search(text: "${text}", first: 2, after: $after${extra}) { totalCount pageInfo { endCursor } } }`;
    const cursor = await endCursor(search('diabetes'));
    expect((await h.run(search('diabetes'), { after: cursor })).errors).toBeUndefined();
    await refusal(search('hypertension'), cursor);
    await refusal(search('diabetes', ', systems: [ICD10CM]'), cursor);
  });
});

describe('connections for the lists that had only first (issue 18)', () => {
  /** Every page of a connection, `first` at a time, following endCursor; with each page's totalCount. */
  async function everyPage(query: string, pick: (data: unknown) => Page & { nodes: unknown[] }) {
    const nodes: unknown[] = [];
    const totals = new Set<number>();
    let after: string | null = null;
    for (let i = 0; i < 200; i++) {
      const answer = await h.run(query, { after });
      expect(answer.errors).toBeUndefined();
      const page = pick(answer.data);
      nodes.push(...page.nodes);
      totals.add(page.totalCount);
      if (!page.pageInfo.hasNextPage) return { nodes, totals: [...totals] };
      after = page.pageInfo.endCursor;
    }
    throw new Error('more than 200 pages');
  }

  it('pages Category.codesConnection through the codes Category.codes lists, totalCount their number, and refuses its cursor on another category', async () => {
    const whole = await h.run<{ code: { categories: Array<{ key: string; codes: Array<{ code: string }> }> } }>(
      '{ code(code: "E11.9") { categories { key codes(first: 1000) { code } } } }',
    );
    expect(whole.errors).toBeUndefined();
    const block = whole.data!.code.categories.find((c) => c.codes.length > 1)!;
    expect(block, 'a category of E11.9 with more than one top code').toBeDefined();
    const id = Buffer.from(`Category:${block.key}`).toString('base64');
    const paged = await everyPage(
      `query ($after: String) { node(id: "${id}") { ... on Category { codesConnection(first: 1, after: $after) { totalCount nodes { code } pageInfo { hasNextPage endCursor } } } } }`,
      (data) => (data as { node: { codesConnection: Page } }).node.codesConnection,
    );
    expect(paged.nodes).toEqual(block.codes);
    expect(paged.totals).toEqual([block.codes.length]);
    const first = await h.run<{ node: { codesConnection: Page } }>(
      `{ node(id: "${id}") { ... on Category { codesConnection(first: 1) { pageInfo { endCursor } } } } }`,
    );
    const other = whole.data!.code.categories.find((c) => c.key !== block.key)!;
    await refusal(
      `query ($after: String) { node(id: "${Buffer.from(`Category:${other.key}`).toString('base64')}") { ... on Category { codesConnection(after: $after) { totalCount } } } }`,
      first.data!.node.codesConnection.pageInfo.endCursor!,
    );
  });

  it('pages procedureRankingConnection through the ranking procedureRanking gives, totalCount its length', async () => {
    const whole = await h.run<{ procedureRanking: Array<{ procedure: { code: string }; diagnosesCount: number }> }>(
      '{ procedureRanking(first: 500) { procedure { code } diagnosesCount } }',
    );
    expect(whole.errors).toBeUndefined();
    expect(whole.data!.procedureRanking.length).toBeGreaterThan(2);
    const paged = await everyPage(
      'query ($after: String) { procedureRankingConnection(first: 2, after: $after) { totalCount nodes { procedure { code } diagnosesCount } pageInfo { hasNextPage endCursor } } }',
      (data) => (data as { procedureRankingConnection: Page }).procedureRankingConnection,
    );
    expect(paged.nodes).toEqual(whole.data!.procedureRanking);
    expect(paged.totals).toEqual([whole.data!.procedureRanking.length]);
  });

  it('pages overlappingProceduresConnection through what overlappingProcedures lists, totalCount its length', async () => {
    const whole = await h.run<{ code: { overlappingProcedures: Array<{ procedure: { code: string }; jaccard: number }> } }>(
      '{ code(system: CPT, code: "80061") { ... on Procedure { overlappingProcedures(first: 500) { procedure { code } jaccard } } } }',
    );
    expect(whole.errors).toBeUndefined();
    expect(whole.data!.code.overlappingProcedures.length).toBeGreaterThan(1);
    const paged = await everyPage(
      'query ($after: String) { code(system: CPT, code: "80061") { ... on Procedure { overlappingProceduresConnection(first: 1, after: $after) { totalCount nodes { procedure { code } jaccard } pageInfo { hasNextPage endCursor } } } } }',
      (data) => (data as { code: { overlappingProceduresConnection: Page } }).code.overlappingProceduresConnection,
    );
    expect(paged.nodes).toEqual(whole.data!.code.overlappingProcedures);
    expect(paged.totals).toEqual([whole.data!.code.overlappingProcedures.length]);
  });
});
