import { rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { embeddedTarget, PROJECT_ROOT, readNeo4jTarget, type Neo4jTarget } from '../src/config';
import { runSampleImport } from '../src/import/seed';
import { CypherLibrary } from '../src/neo4j/cypher-library';
import { createDriver } from '../src/neo4j/driver';
import { runningPid, startEmbeddedNeo4j, stopEmbeddedNeo4j } from '../src/neo4j/embedded';
import { CypherExecutor } from '../src/neo4j/executor';
import { applySchema } from '../src/neo4j/migrate';
import { OFFICIAL_DATA_PRESENT } from './support/official-data';
import { wipeDatabase } from './support/wipe';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jTarget: Neo4jTarget;
    /** A second, empty Neo4j for the tests that load the official releases from ../shared/data. */
    officialNeo4jTarget: Neo4jTarget;
  }
}

async function wipe(target: Neo4jTarget): Promise<void> {
  const driver = createDriver(target, { connectTimeoutMs: 10_000 });
  try {
    await wipeDatabase(driver, target.database);
  } finally {
    await driver.close();
  }
}

/**
 * Integration tests run against a real Neo4j: TEST_NEO4J_URI when set (its database is WIPED),
 * otherwise the embedded Neo4j on its own port (NEO4J_TEST_BOLT_PORT, default 7699) and its own
 * store (.data/neo4j-test), started here when it does not already run and stopped afterwards.
 * The test database is emptied and loaded with the bundled sample once per run. A second instance
 * (TEST_NEO4J_OFFICIAL_URI, or embedded on NEO4J_TEST_OFFICIAL_BOLT_PORT, default 7698) is emptied
 * for the tests that load the official releases; it is not started when those files are missing
 * (their suites are then skipped, see test/support/official-data.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = readNeo4jTarget(process.env, 'TEST_NEO4J');
  const externalOfficial = readNeo4jTarget(process.env, 'TEST_NEO4J_OFFICIAL');
  const embedded = {
    home: path.join(PROJECT_ROOT, '.data', 'neo4j-test'),
    boltPort: Number(process.env.NEO4J_TEST_BOLT_PORT ?? 7699),
  };
  const official = {
    home: path.join(PROJECT_ROOT, '.data', 'neo4j-test-official'),
    boltPort: Number(process.env.NEO4J_TEST_OFFICIAL_BOLT_PORT ?? 7698),
  };
  const owned: string[] = [];
  const start = async (instance: typeof embedded, name: string) => {
    const started = await startEmbeddedNeo4j(instance, { log: (line) => console.log(line) });
    if (started.startedByUs) owned.push(instance.home);
    console.log(`${name} Neo4j ${started.startedByUs ? 'started' : 'reused'} in ${(started.millis / 1000).toFixed(1)} s on port ${instance.boltPort}`);
  };
  const stop = async () => {
    await Promise.all(owned.map((home) => stopEmbeddedNeo4j(home)));
  };
  // The official-data store is rebuilt by its tests: start it empty rather than delete 700k entities.
  const useOfficial = OFFICIAL_DATA_PRESENT;
  if (useOfficial && !externalOfficial && runningPid(official.home) === null) rmSync(official.home, { recursive: true, force: true });
  try {
    await Promise.all([external ? null : start(embedded, 'test'), externalOfficial || !useOfficial ? null : start(official, 'official-data test')]);
  } catch (error) {
    await stop();
    throw error;
  }
  const target = external ?? embeddedTarget(embedded);
  const officialTarget = externalOfficial ?? embeddedTarget(official);
  const driver = createDriver(target, { connectTimeoutMs: 10_000 });
  try {
    const executor = new CypherExecutor(driver, target.database, new CypherLibrary(), 60_000);
    await wipeDatabase(driver, target.database);
    await applySchema(executor);
    await runSampleImport(executor);
    if (useOfficial) await wipe(officialTarget);
  } catch (error) {
    await stop();
    throw error;
  } finally {
    await driver.close();
  }
  project.provide('neo4jTarget', target);
  project.provide('officialNeo4jTarget', officialTarget);
  return stop;
}
