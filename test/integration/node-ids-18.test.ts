import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness';

/**
 * Issue 18, item 1: every entity a client caches has a global `id: ID!` (base64 of "<Type>:<key>",
 * graphql-relay's encoding, worked out here with Buffer), and node(id:) / nodes(ids:) find it again.
 */
let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const globalId = (type: string, key: string) => Buffer.from(`${type}:${key}`, 'utf8').toString('base64');

type Answer = Awaited<ReturnType<Harness['run']>>;
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the shape of data it expects
const data = <T>(answer: Answer): T => {
  expect(answer.errors).toBeUndefined();
  return answer.data as T;
};

/** The entity node(id:) returns for `id`, with its typename, id and readable key fields. */
async function roundTrip(id: string): Promise<Record<string, unknown>> {
  const answer = await h.run(
    `query ($id: ID!) { node(id: $id) { __typename id
      ... on Code { code systemId }
      ... on Category { key }
      ... on CodeSystem { systemId }
      ... on Organization { key }
      ... on Release { key }
      ... on Policy { key }
      ... on Pairing { key listedAs }
      ... on Modifier { code system }
      ... on AuditEvent { action actor } } }`,
    { id },
  );
  const node = data<{ node: Record<string, unknown> | null }>(answer).node;
  expect(node, `node(id: ${id})`).not.toBeNull();
  expect(node!.id).toBe(id);
  return node!;
}

describe('global ids and node(id:) (issue 18)', () => {
  it('gives a code, its category, system, organization and release ids as base64 of "<Type>:<key>", and node(id:) finds each again', async () => {
    const answer = await h.run<{
      code: {
        __typename: string;
        id: string;
        categories: Array<{ id: string; key: string }>;
        system: { id: string; systemId: string; maintainedBy: Array<{ id: string; key: string }> };
        validIn: Array<{ id: string; key: string }>;
      };
    }>('{ code(system: ICD10CM, code: "E11.9") { __typename id categories { id key } system { id systemId maintainedBy { id key } } validIn { id key } } }');
    const code = data<typeof answer.data>(answer)!.code;
    const category = code.categories[0]!;
    const release = code.validIn[0]!;
    expect(code.__typename).toBe('Diagnosis');
    expect(code.id).toBe(globalId('Code', 'ICD10CM:E11.9'));
    expect(category.id).toBe(globalId('Category', category.key));
    expect(code.system.id).toBe(globalId('CodeSystem', 'ICD10CM'));
    expect(code.system.systemId).toBe('ICD10CM');
    expect(release.id).toBe(globalId('Release', release.key));
    expect(code.system.maintainedBy.length).toBeGreaterThan(0);

    expect(await roundTrip(code.id)).toMatchObject({ __typename: 'Diagnosis', code: 'E11.9', systemId: 'ICD10CM' });
    expect(await roundTrip(category.id)).toMatchObject({ __typename: 'Category', key: category.key });
    expect(await roundTrip(code.system.id)).toMatchObject({ __typename: 'CodeSystem', systemId: 'ICD10CM' });
    expect(await roundTrip(release.id)).toMatchObject({ __typename: 'Release', key: release.key });
    for (const organization of code.system.maintainedBy) {
      expect(organization.id).toBe(globalId('Organization', organization.key));
      expect(await roundTrip(organization.id)).toMatchObject({ __typename: 'Organization', key: organization.key });
    }
  });

  it('finds a procedure by its id as a Procedure', async () => {
    const id = globalId('Code', 'CPT:83036');
    expect(await roundTrip(id)).toMatchObject({ __typename: 'Procedure', code: '83036', systemId: 'CPT' });
  });

  it('gives policy and pairing ids that node(id:) finds again, policy listings and curated pairings alike', async () => {
    const answer = await h.run<{
      code: { justifiedBy: { nodes: Array<{ id: string; key: string; listedAs: string | null; policy: { id: string; key: string } | null }> } };
    }>('{ code(system: CPT, code: "83036") { ... on Procedure { justifiedBy(first: 200) { nodes { id key listedAs policy { id key } } } } } }');
    const pairings = data<typeof answer.data>(answer)!.code.justifiedBy.nodes;
    const listed = pairings.find((p) => p.policy !== null);
    const curated = pairings.find((p) => p.policy === null);
    expect(listed, 'a policy pairing of 83036').toBeDefined();
    expect(curated, 'a curated pairing of 83036 (E11.9, data/sample/pairings.json)').toBeDefined();
    for (const pairing of [listed!, curated!]) {
      expect(pairing.id).toBe(globalId('Pairing', pairing.key));
      expect(await roundTrip(pairing.id)).toMatchObject({ __typename: 'Pairing', key: pairing.key, listedAs: pairing.listedAs });
    }
    expect(listed!.policy!.id).toBe(globalId('Policy', listed!.policy!.key));
    expect(await roundTrip(listed!.policy!.id)).toMatchObject({ __typename: 'Policy', key: listed!.policy!.key });
  });

  it('gives modifier ids that node(id:) finds again (audit event ids: pairings.test.ts, which adds a pairing)', async () => {
    const modifiers = data<{ modifiers: Array<{ id: string; code: string }> }>(await h.run('{ modifiers { id code } }')).modifiers;
    expect(modifiers.length).toBeGreaterThan(0);
    for (const modifier of modifiers.slice(0, 3)) {
      expect(modifier.id).toBe(globalId('Modifier', `HCPCS:${modifier.code}`));
      expect(await roundTrip(modifier.id)).toMatchObject({ __typename: 'Modifier', code: modifier.code, system: 'HCPCS' });
    }
  });

  it('takes a policy or category by its global id as well as its key, and refuses an id of another type', async () => {
    const byId = await h.run<{ policy: { key: string } | null }>('query ($id: String!) { policy(id: $id) { key } }', { id: globalId('Policy', '190.23B') });
    expect(data<{ policy: { key: string } | null }>(byId).policy).toEqual({ key: '190.23B' });
    const pages = data<{ a: { justifiedBy: { totalCount: number } }; b: { justifiedBy: { totalCount: number } } }>(
      await h.run(
        `query ($policy: String!, $chapter: String!) { a: code(system: CPT, code: "80061") { ... on Procedure { justifiedBy(policy: "190.23B", chapter: "ICD10CM:4") { totalCount } } }
           b: code(system: CPT, code: "80061") { ... on Procedure { justifiedBy(policy: $policy, chapter: $chapter) { totalCount } } } }`,
        { policy: globalId('Policy', '190.23B'), chapter: globalId('Category', 'ICD10CM:4') },
      ),
    );
    expect(pages.a.justifiedBy.totalCount).toBeGreaterThan(0);
    expect(pages.b.justifiedBy.totalCount).toBe(pages.a.justifiedBy.totalCount);
    const wrong = await h.run('query ($id: String!) { policy(id: $id) { key } }', { id: globalId('Code', 'CPT:80061') });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id', value: globalId('Code', 'CPT:80061') });
  });

  it('answers null for a well-formed id of an entity the graph does not hold', async () => {
    for (const id of [globalId('Code', 'ICD10CM:Z99.999'), globalId('Policy', '999.99'), globalId('Pairing', 'curated:nope'), globalId('CodeSystem', 'NOPE')]) {
      expect(data<{ node: unknown }>(await h.run('query ($id: ID!) { node(id: $id) { id } }', { id })).node).toBeNull();
    }
  });

  it('rejects an id this service does not give out with BAD_USER_INPUT naming the value and what was expected', async () => {
    for (const id of ['E11.9', globalId('Widget', 'x'), 'not base64!', globalId('Code', '')]) {
      const answer = await h.run('query ($id: ID!) { node(id: $id) { id } }', { id });
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id', value: id });
      expect(answer.errors?.[0]?.message).toContain(JSON.stringify(id));
      expect(String(answer.errors?.[0]?.extensions?.expected)).toContain('base64 of "<Type>:<key>"');
    }
  });

  it('nodes(ids:) answers in the order asked, null where nothing is held, and names the index of a bad id', async () => {
    const ids = [globalId('Code', 'CPT:83036'), globalId('Code', 'ICD10CM:Z99.999'), globalId('CodeSystem', 'HCPCS')];
    const nodes = data<{ nodes: Array<{ __typename: string; id: string } | null> }>(
      await h.run('query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }', { ids }),
    ).nodes;
    expect(nodes).toEqual([{ __typename: 'Procedure', id: ids[0] }, null, { __typename: 'CodeSystem', id: ids[2] }]);

    const bad = await h.run('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [ids[0], 'oops'] });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'ids[1]', value: 'oops' });
  });

  it('nodes(ids:) refuses more than 100 ids with BAD_USER_INPUT before reading the graph', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => globalId('Code', `CPT:${80000 + i}`));
    const answer = await h.run('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'ids', value: 101 });
    expect(h.roundTrips).toEqual([]);
  });

  it('gives one id per entity however it is reached, so a normalised client cache (__typename + id) merges them', async () => {
    const answer = data<{ a: { id: string; categories: Array<{ id: string }> }; b: { children: Array<{ id: string; categories: Array<{ id: string }> }> } }>(
      await h.run(
        '{ a: code(system: ICD10CM, code: "E11.9") { id categories { id } } b: code(system: ICD10CM, code: "E11") { children { id categories { id } } } }',
      ),
    );
    const child = answer.b.children.find((c) => c.id === answer.a.id);
    expect(child, 'E11.9 among the children of E11, with the same id').toBeDefined();
    expect(child!.categories.map((c) => c.id)).toEqual(answer.a.categories.map((c) => c.id));
    const ids = new Set<string>();
    for (const c of answer.b.children) ids.add(c.id);
    expect(ids.size).toBe(answer.b.children.length);
  });
});
