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
