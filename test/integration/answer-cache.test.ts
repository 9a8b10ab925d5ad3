import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CacheWatcher } from '../../src/cache/cache-watcher';
import { ReleaseCache } from '../../src/cache/release-cache';
import type { Caller } from '../../src/context';
import { createHarness, type Harness } from '../support/harness';

/**
 * The answer cache against the sample graph: repeated questions make no round trip, a curation
 * made by this process clears it at once, and one made by another process is seen by a watching
 * cache within its check interval.
 */
const WRITER: Caller = { credential: 'valid', name: 'cache-test-curator', role: 'curator', licensed: false };
const DATE = '2026-03-15';
let cache: ReleaseCache;
let h: Harness;

beforeAll(async () => {
  cache = new ReleaseCache(16 * 1024 * 1024);
  h = await createHarness(undefined, { cache });
});
afterAll(async () => {
  await h.close();
});

/** Adds the curated pairing R73.03 -> 93000 through `via` and returns its id; `retire` takes it back. */
async function addPairing(via: Harness, source: string): Promise<string> {
  const added = await via.run<{ addPairing: { id: string } }>(
    'mutation($input: AddPairingInput!) { addPairing(input: $input) { id } }',
    { input: { diagnosis: 'R73.03', procedure: '93000', source } },
    WRITER,
  );
  expect(added.errors).toBeUndefined();
  return added.data!.addPairing.id;
}

async function retire(via: Harness, id: string): Promise<void> {
  const retired = await via.run('mutation($id: String!) { retirePairing(id: $id, reason: "cache test cleanup") { id } }', { id }, WRITER);
  expect(retired.errors).toBeUndefined();
}

const QUESTIONS: Array<[string, string, Record<string, unknown>?]> = [
  ['a lookup with parent and categories', '{ code(code: "E11.9") { code display parent { code } categories { code } } }'],
  ['a search', '{ search(text: "diab typ", first: 5) { totalCount edges { node { code } } } }'],
  ['unjustifiedDiagnoses (whole-graph analytics, issue 13)', `{ unjustifiedDiagnoses(first: 5, asOf: "${DATE}") { totalCount } }`],
  ['a descendants page', '{ code(code: "E11") { descendants(first: 10) { totalCount edges { node { code } } } } }'],
  [
    'justifiedBy',
    `{ code(code: "80061") { ... on Procedure { justifiedBy(first: 20, asOf: "${DATE}") { totalCount nodes { diagnosis { code } status policy { id title } } } } } }`,
  ],
  ['checkPairing', `{ checkPairing(diagnosis: "E11.9", procedure: "83036", dateOfService: "${DATE}") { verdict reasons } }`],
  [
    'checkPairing in a state (LCD articles, issue 15)',
    `{ checkPairing(diagnosis: "I48.91", procedure: "93000", dateOfService: "${DATE}", state: "NY") { verdict reasons } }`,
  ],
  [
    'validateClaim with a state, units and modifiers (every edit family, issue 15)',
    'query($claim: ClaimInput!) { validateClaim(claim: $claim) { outcome lines { outcome findings { code } } } }',
    {
      claim: {
        dateOfService: DATE,
        state: 'NY',
        diagnoses: ['E11.9', 'I48.91'],
        lines: [
          { procedure: '83036', diagnosisPointers: [1], units: 2, modifiers: ['59', 'XU'] },
          { procedure: '93000', diagnosisPointers: [2], modifiers: ['25'] },
        ],
      },
    },
  ],
  [
    'validateClaim',
    'query($claim: ClaimInput!) { validateClaim(claim: $claim) { outcome lines { outcome findings { code } } } }',
    {
      claim: {
        dateOfService: DATE,
        diagnoses: ['E11.9', 'E78.5'],
        lines: [
          { procedure: '83036', diagnosisPointers: [1] },
          { procedure: '80061', diagnosisPointers: [2] },
        ],
      },
    },
  ],
];

describe('the answer cache', () => {
  it.each(QUESTIONS)('answers %s asked again from the cache, identically and with no round trip to Neo4j', async (_name, query, variables) => {
    const first = await h.run(query, variables);
    expect(first.errors).toBeUndefined();
    const again = await h.run(query, variables);
    expect(again).toEqual(first);
    expect(h.lastRoundTrips()).toMatchObject({ count: 0 });
  });

  it('is cleared by a curation made through it, so the new pairing shows at once', async () => {
    const ask = () =>
      h.run<{ code: { justifiedBy: { nodes: Array<{ diagnosis: { code: string }; status: string }> } } }>(
        '{ code(code: "93000") { ... on Procedure { justifiedBy(first: 500) { nodes { diagnosis { code } status } } } } }',
      );
    const hasR7303 = (r: Awaited<ReturnType<typeof ask>>) => r.data!.code.justifiedBy.nodes.some((n) => n.diagnosis.code === 'R73.03');
    expect(hasR7303(await ask())).toBe(false);
    const cleared = cache.stats().invalidations;
    const id = await addPairing(h, 'cache test');
    expect(cache.stats().invalidations).toBe(cleared + 1);
    expect(hasR7303(await ask())).toBe(true);
    await retire(h, id);
    expect(hasR7303(await ask())).toBe(false);
  });

  it("sees another process's curation within its check interval when a watcher reads the graph's generation", async () => {
    const watched = new ReleaseCache(16 * 1024 * 1024);
    const other = await createHarness(undefined, { cache: watched });
    const watcher = new CacheWatcher(other.executor, watched, 100);
    await watcher.check();
    watcher.start();
    try {
      const check = `{ checkPairing(diagnosis: "R73.03", procedure: "93000", dateOfService: "${DATE}") { verdict } }`;
      const verdict = async () => (await other.run<{ checkPairing: { verdict: string } }>(check)).data!.checkPairing.verdict;
      expect(await verdict()).toBe('NO_POLICY');
      await other.run(check);
      expect(other.lastRoundTrips()).toMatchObject({ count: 0 });

      // The write goes through the first harness: for `watched` it is another process's.
      const cleared = watched.stats().invalidations;
      const id = await addPairing(h, 'watcher test');
      const began = Date.now();
      while (watched.stats().invalidations === cleared && Date.now() - began < 5000) await new Promise((r) => setTimeout(r, 25));
      expect(watched.stats().invalidations).toBeGreaterThan(cleared);
      expect(await verdict()).toBe('SUPPORTED');
      await retire(h, id);
    } finally {
      watcher.stop();
      await other.close();
    }
  });
});
