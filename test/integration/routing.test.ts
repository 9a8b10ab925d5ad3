import { describe, expect, it, inject } from 'vitest';
import { CypherLibrary } from '../../src/neo4j/cypher-library';
import { createDriver } from '../../src/neo4j/driver';
import { CypherExecutor } from '../../src/neo4j/executor';

describe('a neo4j:// routing URI', () => {
  it('reaches the same server, with reads routed through the routing table', async () => {
    const target = inject('neo4jTarget');
    const routed = { ...target, uri: target.uri.replace(/^bolt:/, 'neo4j:') };
    expect(routed.uri).toMatch(/^neo4j(\+s|\+ssc)?:\/\//);
    const driver = createDriver(routed, { connectTimeoutMs: 10_000 });
    try {
      const executor = new CypherExecutor(driver, routed.database, new CypherLibrary(), 10_000);
      const rows = await executor.read('code/by-keys', { keys: [{ system: 'ICD10CM', code: 'E11.9' }] });
      expect(rows.map((r) => r.key)).toEqual(['ICD10CM|E11.9']);
    } finally {
      await driver.close();
    }
  });
});
