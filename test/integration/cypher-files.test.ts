import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CypherLibrary } from '../../src/neo4j/cypher-library';
import { createHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const library = new CypherLibrary();
const queries = library.names().filter((name) => !name.startsWith('schema/'));

describe('cypher/', () => {
  it.each(queries)('%s compiles in Neo4j (EXPLAIN)', async (name) => {
    const session = h.driver.session();
    try {
      const result = await session.run(`EXPLAIN ${library.get(name)}`);
      const plan = result.summary.plan;
      expect(plan && plan.operatorType).toMatch(/^ProduceResults|^EmptyResult/);
    } finally {
      await session.close();
    }
  });

  it.each(['code/by-keys', 'code/parents', 'code/children', 'code/ancestors', 'code/categories', 'code/notes', 'code-system/code-counts'])(
    '%s starts from the (system, code) uniqueness index, never a label scan',
    async (name) => {
      const session = h.driver.session();
      try {
        const plan = JSON.stringify((await session.run(`EXPLAIN ${library.get(name)}`)).summary.plan);
        expect(plan).toContain('NodeUniqueIndexSeek');
        expect(plan).not.toContain('NodeByLabelScan');
        expect(plan).not.toContain('AllNodesScan');
      } finally {
        await session.close();
      }
    },
  );
});
