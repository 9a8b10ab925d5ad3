import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CYPHER_CATALOGUE, STATEMENT_NAMES } from '../../src/neo4j/cypher-catalogue';
import { CypherLibrary } from '../../src/neo4j/cypher-library';
import { createHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const library = new CypherLibrary();
const typed = STATEMENT_NAMES.filter((name) => CYPHER_CATALOGUE[name].columns.length > 0);

describe('the Cypher catalogue', () => {
  it('names exactly the statements of cypher/', () => {
    expect([...STATEMENT_NAMES].sort()).toEqual(library.names());
  });

  it('declares the row type of some statements (the rest are untyped entries)', () => {
    expect(typed.length).toBeGreaterThan(0);
  });

  it.each(typed)('%s returns every column its row type declares (EXPLAIN)', async (name) => {
    const session = h.driver.session();
    try {
      const returned = await session.run(`EXPLAIN ${library.get(name)}`).keys();
      expect([...CYPHER_CATALOGUE[name].columns].sort()).toEqual([...CYPHER_CATALOGUE[name].columns].filter((column) => returned.includes(column)).sort());
    } finally {
      await session.close();
    }
  });
});
