import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logger } from '../../src/common/logger';
import { createContext } from '../../src/request-context';
import { CypherLibrary } from '../../src/neo4j/cypher-library';
import { createDriver } from '../../src/neo4j/driver';
import { CypherExecutor } from '../../src/neo4j/executor';
import { createSchema } from '../../src/schema';
import { createApollo } from '../../src/server';

/** A port nothing listens on: found by binding and closing a socket. */
async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('when Neo4j cannot be reached', () => {
  const driverTimeoutMs = 1_000;
  let driver: ReturnType<typeof createDriver>;
  let executor: CypherExecutor;
  beforeAll(async () => {
    driver = createDriver(
      { uri: `bolt://127.0.0.1:${await deadPort()}`, user: 'neo4j', password: '', database: 'neo4j' },
      { connectTimeoutMs: driverTimeoutMs },
    );
    executor = new CypherExecutor(driver, 'neo4j', new CypherLibrary(), 5_000);
  });
  afterAll(() => driver.close());

  it('answers SERVICE_UNAVAILABLE within a few seconds instead of crashing or hanging', async () => {
    const apollo = createApollo(await createSchema(), logger.child({}, { level: 'silent' }));
    await apollo.start();
    const began = Date.now();
    const response = await apollo.executeOperation(
      { query: '{ code(code: "E11.9") { code } codeSystem(id: CPT) { id } }' },
      { contextValue: createContext(executor) },
    );
    const elapsed = Date.now() - began;
    await apollo.stop();
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    const errors = response.body.singleResult.errors ?? [];
    expect(errors.length).toBe(2);
    expect(errors.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE', 'SERVICE_UNAVAILABLE']);
    expect(errors[0]?.message).toBe('The graph database is not reachable right now; retry shortly');
    expect(elapsed).toBeLessThan(10 * driverTimeoutMs);
  });
});
