/**
 * npm run bench:import [-- --dir ../shared/data]
 *
 * The full official load into an empty embedded Neo4j (its own store, .data/neo4j-bench, deleted
 * first): wall time, nodes + relationships per second, peak RSS of the importer and of Neo4j; then
 * the same import again (must report zero changes). Prints a table and writes
 * .data/bench/import.json. Target (issue 3): the full load in under 90 s on a 2-core machine.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import Table from 'cli-table3';
import { machineDescription, runBench, writeBenchResult } from './report';
import { PROJECT_ROOT, embeddedTarget } from '../../src/config';
import { runOfficialImport } from '../../src/import/official/official-import';
import { findReleaseFiles } from '../../src/import/official/release-files';
import { CypherLibrary } from '../../src/neo4j/cypher-library';
import { createDriver } from '../../src/neo4j/driver';
import { runningPid, startEmbeddedNeo4j, stopEmbeddedNeo4j } from '../../src/neo4j/embedded';
import { CypherExecutor } from '../../src/neo4j/executor';
import { applySchema } from '../../src/neo4j/migrate';

const TARGET_SECONDS = 90;

const options = new Command()
  .option('--dir <folder>', 'folder with the official files', process.env.CODESET_DATA_DIR ?? path.resolve(PROJECT_ROOT, '..', 'shared', 'data'))
  .option('--port <port>', 'Bolt port of the benchmark Neo4j', '7697')
  .parse()
  .opts<{ dir: string; port: string }>();

/** Peak resident memory of a process in MB, from /proc (VmHWM), or null where /proc is missing. */
function peakRssMb(pid: number): number | null {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmHWM:'));
    return line ? Math.round(Number(line.split(/\s+/)[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** The ten steps that took longest (seconds, summed over the batches of each step). */
function slowest(steps: ReadonlyArray<{ step: string; millis: number }>): Record<string, number> {
  const bySeconds = [...steps].sort((a, b) => b.millis - a.millis).slice(0, 10);
  return Object.fromEntries(bySeconds.map((s) => [s.step, Number((s.millis / 1000).toFixed(1))]));
}

async function main(): Promise<void> {
  const home = path.join(PROJECT_ROOT, '.data', 'neo4j-bench');
  const instance = { home, boltPort: Number(options.port) };
  if (runningPid(home) !== null) await stopEmbeddedNeo4j(home);
  if (existsSync(home)) rmSync(home, { recursive: true, force: true });
  const { files } = findReleaseFiles(options.dir);
  console.log(
    `files: ${Object.values(files)
      .map((f) => path.basename(f))
      .join(', ')}`,
  );
  const started = await startEmbeddedNeo4j(instance, { log: (line) => console.log(line) });
  console.log(`empty Neo4j started in ${(started.millis / 1000).toFixed(1)} s`);
  const target = embeddedTarget(instance);
  const driver = createDriver(target, { connectTimeoutMs: 10_000 });
  try {
    const executor = new CypherExecutor(driver, target.database, new CypherLibrary(), 600_000);
    await applySchema(executor);
    const began = performance.now();
    let checkedMs = 0;
    const first = await runOfficialImport(executor, files, { onRead: (_what, ms) => (checkedMs += ms) });
    const wallS = (performance.now() - began) / 1000;
    const secondBegan = performance.now();
    const second = await runOfficialImport(executor, files);
    const secondS = (performance.now() - secondBegan) / 1000;
    const neo4jPid = runningPid(home);
    const entities = first.nodesAfter + first.relationshipsAfter;
    const result = {
      date: new Date().toISOString(),
      machine: machineDescription(),
      files: Object.values(files).map((f) => path.basename(f)),
      nodes: first.nodesAfter,
      relationships: first.relationshipsAfter,
      fullLoadSeconds: Number(wallS.toFixed(1)),
      readAndCheckSeconds: Number((checkedMs / 1000).toFixed(1)),
      entitiesPerSecond: Math.round(entities / wallS),
      ratioToTarget: Number((wallS / TARGET_SECONDS).toFixed(2)),
      importerPeakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      neo4jPeakRssMb: neo4jPid ? peakRssMb(neo4jPid) : null,
      secondImportSeconds: Number(secondS.toFixed(1)),
      secondImportChanges: second.changes,
      unresolved: first.unresolved,
      firstImportSlowestSteps: slowest(first.steps),
      secondImportSlowestSteps: slowest(second.steps),
    };
    const table = new Table({ style: { head: [], border: [] } });
    table.push(
      ['nodes + relationships', `${result.nodes} + ${result.relationships}`],
      ['full load (wall)', `${result.fullLoadSeconds} s (target < ${TARGET_SECONDS} s: ratio ${result.ratioToTarget})`],
      ['  of which reading + checking files', `${result.readAndCheckSeconds} s`],
      ['rate', `${result.entitiesPerSecond} nodes+relationships/s`],
      ['importer peak RSS', `${result.importerPeakRssMb} MB`],
      ['Neo4j peak RSS', `${result.neo4jPeakRssMb ?? 'n/a'} MB (heap and page cache as in scripts/neo4j/neo4j.config.json)`],
      ['second import', `${result.secondImportSeconds} s, ${result.secondImportChanges} changes`],
    );
    console.log(`${table.toString()}\n${result.machine}`);
    console.log(`slowest steps, first import: ${JSON.stringify(result.firstImportSlowestSteps)}`);
    console.log(`slowest steps, second import: ${JSON.stringify(result.secondImportSlowestSteps)}`);
    writeBenchResult('import', result);
    if (result.secondImportChanges !== 0) throw new Error(`the second import changed ${result.secondImportChanges} things; expected 0`);
  } finally {
    await driver.close();
    await stopEmbeddedNeo4j(home);
  }
}

runBench(main);
