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
      expect(result.summary.plan).not.toBe(false);
    } finally {
      await session.close();
    }
  });

  it('looks codes up through the (system, code) uniqueness index, not a label scan', async () => {
    const session = h.driver.session();
    try {
      const result = await session.run(`EXPLAIN ${library.get('code/by-keys')}`, { keys: [] });
      expect(JSON.stringify(result.summary.plan)).toContain('NodeUniqueIndexSeek');
    } finally {
      await session.close();
    }
  });
});
