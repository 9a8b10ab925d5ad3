import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { embeddedTarget, PROJECT_ROOT, type EmbeddedNeo4jConfig, type Neo4jTarget } from '../../src/config';
import { CypherLibrary } from '../../src/neo4j/cypher-library';
import { createDriver } from '../../src/neo4j/driver';
import { runningPid, startEmbeddedNeo4j, stopEmbeddedNeo4j } from '../../src/neo4j/embedded';
import { CypherExecutor } from '../../src/neo4j/executor';

/**
 * A Neo4j of its own for tests that stop the database or need data nobody else sees (licensed CPT
 * text): NEO4J_TEST_ISOLATED_BOLT_PORT (default 7696; 7697 is the benchmark store), store .data/neo4j-test-isolated, started empty.
 */
export interface IsolatedNeo4j {
  config: EmbeddedNeo4jConfig;
  target: Neo4jTarget;
  driver: Driver;
  executor: CypherExecutor;
  stop: () => Promise<void>;
  start: () => Promise<number>;
  close: () => Promise<void>;
}

export async function startIsolatedNeo4j(options: {
  connectTimeoutMs: number;
  queryTimeoutMs: number;
  home?: string;
  boltPort?: number;
}): Promise<IsolatedNeo4j> {
  const config = {
    home: options.home ?? path.join(PROJECT_ROOT, '.data', 'neo4j-test-isolated'),
    boltPort: options.boltPort ?? Number(process.env.NEO4J_TEST_ISOLATED_BOLT_PORT ?? 7696),
  };
  if (runningPid(config.home) !== null) await stopEmbeddedNeo4j(config.home);
  rmSync(config.home, { recursive: true, force: true });
  await startEmbeddedNeo4j(config);
  const target = embeddedTarget(config);
  const driver = createDriver(target, { connectTimeoutMs: options.connectTimeoutMs });
  const executor = new CypherExecutor(driver, target.database, new CypherLibrary(), options.queryTimeoutMs);
  return {
    config,
    target,
    driver,
    executor,
    stop: async () => {
      await stopEmbeddedNeo4j(config.home);
    },
    start: async () => (await startEmbeddedNeo4j(config)).millis,
    close: async () => {
      await driver.close();
      await stopEmbeddedNeo4j(config.home);
    },
  };
}
