import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { embeddedTarget, PROJECT_ROOT, readNeo4jTarget, type Neo4jTarget } from '../src/config';
import { runImport } from '../src/import/import-runner';
import { readSample } from '../src/import/sample-source';
import { CypherLibrary } from '../src/neo4j/cypher-library';
import { createDriver } from '../src/neo4j/driver';
import { startEmbeddedNeo4j, stopEmbeddedNeo4j } from '../src/neo4j/embedded';
import { CypherExecutor } from '../src/neo4j/executor';
import { applySchema } from '../src/neo4j/migrate';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jTarget: Neo4jTarget;
  }
}

/**
 * Integration tests run against a real Neo4j: TEST_NEO4J_URI when set (its database is WIPED),
 * otherwise the embedded Neo4j on its own port (NEO4J_TEST_BOLT_PORT, default 7699) and its own
 * store (.data/neo4j-test), started here when it does not already run and stopped afterwards.
 * The test database is emptied and loaded with the bundled sample once per run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = readNeo4jTarget(process.env, 'TEST_NEO4J');
  const embedded = {
    home: path.join(PROJECT_ROOT, '.data', 'neo4j-test'),
    boltPort: Number(process.env.NEO4J_TEST_BOLT_PORT ?? 7699),
  };
  let ownsNeo4j = false;
  if (!external) {
    const started = await startEmbeddedNeo4j(embedded, { log: (line) => console.log(line) });
    ownsNeo4j = started.startedByUs;
    console.log(`test Neo4j ${started.startedByUs ? 'started' : 'reused'} in ${(started.millis / 1000).toFixed(1)} s on port ${embedded.boltPort}`);
  }
  const target = external ?? embeddedTarget(embedded);
  const driver = createDriver(target, { connectTimeoutMs: 10_000 });
  const stop = async () => {
    if (ownsNeo4j) await stopEmbeddedNeo4j(embedded.home);
  };
  try {
    const executor = new CypherExecutor(driver, target.database, new CypherLibrary(), 60_000);
    const session = driver.session({ database: target.database });
    try {
      await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
    } finally {
      await session.close();
    }
    await applySchema(executor);
    await runImport(executor, readSample());
  } catch (error) {
    await stop();
    throw error;
  } finally {
    await driver.close();
  }
  project.provide('neo4jTarget', target);
  return stop;
}
