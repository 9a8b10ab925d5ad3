import 'reflect-metadata';
import path from 'node:path';
import { Command } from 'commander';
import pino from 'pino';
import { PROJECT_ROOT } from '../../src/config';
import { runSampleImport } from '../../src/import/seed';
import { CypherLibrary } from '../../src/neo4j/cypher-library';
import { createDriver } from '../../src/neo4j/driver';
import { CypherExecutor } from '../../src/neo4j/executor';
import { applySchema } from '../../src/neo4j/migrate';
import { createSchema } from '../../src/schema';
import { startService } from '../../src/server';
import { startIsolatedNeo4j } from '../../test/support/isolated-neo4j';
import { runOutage } from '../../test/support/outage';

/**
 * npm run harden:outage -- --cycles 3: the service over HTTP on a Neo4j of its own (sample data),
 * under steady load; Neo4j is stopped, left down, started again, --cycles times. Reports what the
 * clients saw: outcomes while down, the slowest request, /health/ready, and the recovery time.
 */
const options = new Command()
  .option('--cycles <n>', 'stop/start cycles', '3')
  .option('--down <s>', 'seconds Neo4j stays down', '10')
  .option('--concurrency <n>', 'clients in flight', '16')
  .option('--connect-timeout <ms>', 'NEO4J_CONNECT_TIMEOUT_MS of the service', '2000')
  .option('--bolt-port <port>', 'Bolt port of the Neo4j this script starts', process.env.HARDEN_BOLT_PORT ?? '7694')
  .parse()
  .opts<{ cycles: string; down: string; concurrency: string; connectTimeout: string; boltPort: string }>();

async function main(): Promise<void> {
  const neo = await startIsolatedNeo4j({
    connectTimeoutMs: Number(options.connectTimeout),
    queryTimeoutMs: 10_000,
    home: path.join(PROJECT_ROOT, '.data', 'neo4j-harden-outage'),
    boltPort: Number(options.boltPort),
  });
  const service = await startService(
    {
      schema: await createSchema(),
      executor: neo.executor,
      logger: pino({ level: 'silent' }),
      databaseReady: () =>
        neo.driver.getServerInfo().then(
          () => true,
          () => false,
        ),
    },
    '127.0.0.1',
    0,
  );
  try {
    await applySchema(neo.executor);
    await runSampleImport(neo.executor);
    const cycles = [];
    for (let cycle = 1; cycle <= Number(options.cycles); cycle++) {
      const probeDriver = createDriver(neo.target, { connectTimeoutMs: Number(options.connectTimeout) });
      const probe = new CypherExecutor(probeDriver, 'neo4j', new CypherLibrary(), 10_000);
      const report = await runOutage({
        url: service.url,
        stopNeo4j: neo.stop,
        startNeo4j: async () => {
          await neo.start();
        },
        concurrency: Number(options.concurrency),
        steadyMs: 5_000,
        downMs: Number(options.down) * 1000,
        hangMs: 60_000,
        probe: async () => {
          await probe.read('code/by-keys', { keys: [{ system: 'ICD10CM', code: 'E11.9' }] });
        },
      }).finally(() => probeDriver.close());
      console.log(`cycle ${cycle}: ${JSON.stringify(report)}`);
      cycles.push(report);
    }
    const other = cycles.flatMap((c) => Object.keys(c.duringOutage)).filter((k) => k !== 'SERVICE_UNAVAILABLE');
    const summary = {
      date: new Date().toISOString(),
      command: `npm run harden:outage -- --cycles ${options.cycles} --down ${options.down}`,
      faultsSurvived: cycles.filter(
        (c) => c.recoveryAfterServingMs !== null && c.recoveryAfterServingMs < 5_000 && !c.overall.INTERNAL_SERVER_ERROR && !c.overall.HUNG,
      ).length,
      cycles: cycles.length,
      requests: cycles.reduce((a, c) => a + c.requests, 0),
      serviceUnavailableWhileDown: cycles.reduce((a, c) => a + (c.duringOutage.SERVICE_UNAVAILABLE ?? 0), 0),
      otherOutcomesWhileDown: other,
      internalServerErrors: cycles.reduce((a, c) => a + (c.overall.INTERNAL_SERVER_ERROR ?? 0), 0),
      hung: cycles.reduce((a, c) => a + (c.overall.HUNG ?? 0), 0),
      slowestWhileDownMs: Math.max(...cycles.map((c) => c.slowestWhileDownMs)),
      slowestOverallMs: Math.max(...cycles.map((c) => c.slowestOverallMs)),
      readyWhileDown: [...new Set(cycles.flatMap((c) => c.readyWhileDown))],
      recoveryAfterServingMs: cycles.map((c) => c.recoveryAfterServingMs),
      recoveryFromReadyLineMs: cycles.map((c) => c.recoveryMs),
      neo4jWarmupMs: cycles.map((c) => c.neo4jWarmupMs),
    };
    console.log(JSON.stringify(summary, null, 2));
    if (summary.faultsSurvived !== summary.cycles || other.length > 0) process.exitCode = 1;
  } finally {
    await service.stop();
    await neo.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
