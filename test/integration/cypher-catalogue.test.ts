import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CYPHER_CATALOGUE, STATEMENT_NAMES } from '../../src/neo4j/cypher-catalogue';
import { CypherLibrary } from '../../src/neo4j/cypher-library';
import { servedStatements, warmQueryPlans } from '../../src/neo4j/plan-warm-up';
import { createHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const library = new CypherLibrary();
const typed = STATEMENT_NAMES.filter((name) => CYPHER_CATALOGUE[name].typed);

describe('the Cypher catalogue', () => {
  it('names exactly the statements of cypher/', () => {
    expect([...STATEMENT_NAMES].sort()).toEqual(library.names());
  });

  it('declares the parameters and row type of every statement but the schema script (several statements, run by runSchema)', () => {
    expect(STATEMENT_NAMES.filter((name) => !CYPHER_CATALOGUE[name].typed)).toEqual(['schema/constraints']);
  });

  it.each(typed)('%s returns exactly the columns its row type declares (EXPLAIN)', async (name) => {
    const session = h.driver.session();
    try {
      const returned = await session.run(`EXPLAIN ${library.get(name)}`).keys();
      expect([...returned].sort()).toEqual([...CYPHER_CATALOGUE[name].columns].sort());
    } finally {
      await session.close();
    }
  });
});

describe('the query-plan warm-up (CODESET_WARM_QUERY_PLANS)', () => {
  it("plans every read the service serves, and none of the importer's or the curator's writes, without a failure or a change to the graph", async () => {
    const served = servedStatements();
    expect(served).toContain('pairing/justified-by');
    expect(served.filter((name) => name.startsWith('import/') || name.startsWith('schema/'))).toEqual([]);
    expect(served).not.toContain('pairing/curation-add');
    const counts = async () =>
      (await h.driver.executeQuery('MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS n, count(r) AS r')).records[0].toObject();
    const before = await counts();
    const report = await warmQueryPlans(h.executor);
    expect(report.failed).toEqual([]);
    expect(report.planned).toBe(served.length);
    expect(await counts()).toEqual(before);
  });

  it('stops before the next statement once told to', async () => {
    let asked = 0;
    const report = await warmQueryPlans(h.executor, servedStatements(), () => ++asked > 2);
    expect(report.planned).toBe(2);
  });
});
