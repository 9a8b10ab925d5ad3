import path from 'node:path';
import { Command } from 'commander';
import neo4j, { routing } from 'neo4j-driver';
import { PROJECT_ROOT } from '../../src/config';
import { startIsolatedNeo4j } from '../../test/support/isolated-neo4j';

/**
 * npm run bench:round-trips: why the executor reads with auto-commit queries in READ sessions rather
 * than executeQuery's managed transactions (src/neo4j/executor.ts). The same indexed lookup, side by
 * side in one run, in alternating rounds, on a Neo4j of its own: latency and this process's CPU per
 * read, sequential; and the synchronous time to start 100 reads at once (what blocks the event loop
 * when a request fans out).
 */
const options = new Command()
  .option('--reads <n>', 'reads per contender and round', '3000')
  .option('--rounds <n>', 'alternating rounds (the first warms up and is not reported)', '3')
  .option('--bolt-port <port>', 'Bolt port of the Neo4j this script starts', process.env.BENCH_ROUND_TRIPS_BOLT_PORT ?? '7691')
  .parse()
  .opts<{ reads: string; rounds: string; boltPort: string }>();

const STATEMENT = 'MATCH (t:RoundTrip {i: $i}) RETURN t.i AS i';

async function main(): Promise<void> {
  const neo = await startIsolatedNeo4j({
    connectTimeoutMs: 2_000,
    queryTimeoutMs: 10_000,
    home: path.join(PROJECT_ROOT, '.data', 'neo4j-bench-round-trips'),
    boltPort: Number(options.boltPort),
  });
  const driver = neo.driver;
  const database = neo.target.database;
  try {
    await driver.executeQuery('CREATE INDEX round_trip_i IF NOT EXISTS FOR (t:RoundTrip) ON (t.i)', {}, { database });
    await driver.executeQuery('UNWIND range(0, 999) AS i MERGE (:RoundTrip {i: i})', {}, { database });
    const contenders: Record<string, (i: number) => Promise<unknown>> = {
      executeQuery: (i) => driver.executeQuery(STATEMENT, { i }, { database, routing: routing.READ, transactionConfig: { timeout: 10_000 } }),
      autoCommit: async (i) => {
        const session = driver.session({ database, defaultAccessMode: neo4j.session.READ, bookmarkManager: driver.executeQueryBookmarkManager });
        try {
          return await session.run(STATEMENT, { i }, { timeout: 10_000 });
        } finally {
          await session.close();
        }
      },
    };
    const reads = Number(options.reads);
    const results: Record<string, { msPerRead: number[]; cpuMsPerRead: number[]; burstStartMs: number[] }> = {};
    for (let round = 0; round < Number(options.rounds); round++) {
      for (const [name, read] of Object.entries(contenders)) {
        const began = performance.now();
        const cpu = process.cpuUsage();
        for (let k = 0; k < reads; k++) await read(k % 1000);
        const used = process.cpuUsage(cpu);
        const burstBegan = performance.now();
        const burst = Array.from({ length: 100 }, (_, k) => read(k));
        const burstStartMs = performance.now() - burstBegan;
        await Promise.all(burst);
        if (round === 0) continue;
        const r = (results[name] ??= { msPerRead: [], cpuMsPerRead: [], burstStartMs: [] });
        r.msPerRead.push((burstBegan - began) / reads);
        r.cpuMsPerRead.push((used.user + used.system) / 1000 / reads);
        r.burstStartMs.push(burstStartMs);
      }
    }
    const mean = (values: number[]) => Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 1000) / 1000;
    const summary = Object.fromEntries(
      Object.entries(results).map(([name, r]) => [
        name,
        { msPerRead: mean(r.msPerRead), nodeCpuMsPerRead: mean(r.cpuMsPerRead), burstOf100StartMs: mean(r.burstStartMs) },
      ]),
    );
    const a = summary.autoCommit;
    const b = summary.executeQuery;
    console.log(
      JSON.stringify(
        {
          date: new Date().toISOString(),
          command: `npm run bench:round-trips -- --reads ${reads} --rounds ${options.rounds}`,
          summary,
          executeQueryOverAutoCommit: {
            latency: Math.round((b.msPerRead / a.msPerRead) * 100) / 100,
            nodeCpu: Math.round((b.nodeCpuMsPerRead / a.nodeCpuMsPerRead) * 100) / 100,
          },
        },
        null,
        2,
      ),
    );
  } finally {
    await neo.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
