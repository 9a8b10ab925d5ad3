import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { PROJECT_ROOT, embeddedTarget, type Neo4jTarget } from '../../src/config';
import { runOfficialImport } from '../../src/import/official/official-import';
import { findReleaseFiles } from '../../src/import/official/release-files';
import { CypherLibrary } from '../../src/neo4j/cypher-library';
import { createDriver } from '../../src/neo4j/driver';
import { runningPid, startEmbeddedNeo4j, stopEmbeddedNeo4j } from '../../src/neo4j/embedded';
import { CypherExecutor } from '../../src/neo4j/executor';
import { applySchema } from '../../src/neo4j/migrate';

export const BENCH_HOME = path.join(PROJECT_ROOT, '.data', 'neo4j-bench');

export interface BenchStore {
  target: Neo4jTarget;
  driver: Driver;
  executor: CypherExecutor;
  /** Closes the driver, and stops Neo4j when this store started it. */
  close: () => Promise<void>;
}

/**
 * The benchmarks' Neo4j (.data/neo4j-bench on its own Bolt port) with the full official data:
 * started when it is not running, schema applied, releases imported (a no-op when they already are).
 */
export async function openBenchStore(dataDir: string, boltPort: number): Promise<BenchStore> {
  const instance = { home: BENCH_HOME, boltPort };
  const startedByUs = runningPid(BENCH_HOME) === null;
  if (startedByUs) await startEmbeddedNeo4j(instance, { log: (line) => console.log(line) });
  const target = embeddedTarget(instance);
  const driver = createDriver(target, { connectTimeoutMs: 10_000 });
  const close = async () => {
    await driver.close();
    if (startedByUs) await stopEmbeddedNeo4j(BENCH_HOME);
  };
  try {
    const executor = new CypherExecutor(driver, target.database, new CypherLibrary(), 600_000);
    await applySchema(executor);
    const imported = await runOfficialImport(executor, findReleaseFiles(dataDir).files);
    console.log(`official data in place (${imported.changes} changes made)`);
    return { target, driver, executor, close };
  } catch (error) {
    await close();
    throw error;
  }
}
