import 'reflect-metadata';
import path from 'node:path';
import { Command } from 'commander';
import pino from 'pino';
import { PROJECT_ROOT } from '../../src/config';
import { runSampleImport } from '../../src/import/seed';
import { applySchema } from '../../src/neo4j/migrate';
import { createSchema } from '../../src/schema';
import { createApollo } from '../../src/server';
import { graphCounts, runFuzz } from '../../test/support/fuzz-runner';
import { sampleHostileInputs } from '../../test/support/hostile-inputs';
import { startIsolatedNeo4j } from '../../test/support/isolated-neo4j';

/**
 * npm run harden:fuzz -- --count 100000: generated hostile operations (malformed codes, huge and
 * unicode strings, Cypher and GraphQL injection, deep and wide queries, oversized pages, mutations
 * without rights) against the sample graph on a Neo4j of its own. Fails when any answer is
 * INTERNAL_SERVER_ERROR, any request throws, or the graph's counts change.
 */
const options = new Command()
  .option('--count <n>', 'how many inputs', '100000')
  .option('--seed <n>', 'generator seed', String(Date.now() % 2 ** 31))
  .option('--concurrency <n>', 'operations in flight', '8')
  .option('--bolt-port <port>', 'Bolt port of the Neo4j this script starts', process.env.HARDEN_BOLT_PORT ?? '7696')
  .option('--profile', 'print the time taken by each kind of input')
  .parse()
  .opts<{ count: string; seed: string; concurrency: string; boltPort: string; profile?: boolean }>();

async function main(): Promise<void> {
  const count = Number(options.count);
  const seed = Number(options.seed);
  const neo = await startIsolatedNeo4j({ connectTimeoutMs: 2_000, queryTimeoutMs: 10_000, home: path.join(PROJECT_ROOT, '.data', 'neo4j-harden-fuzz'), boltPort: Number(options.boltPort) });
  try {
    await applySchema(neo.executor);
    await runSampleImport(neo.executor);
    const lines: string[] = [];
    const apollo = createApollo(await createSchema(), pino({ level: 'error' }, { write: (line: string) => lines.push(line) }), { introspection: true });
    await apollo.start();
    const before = await graphCounts(neo.driver);
    const inputs = sampleHostileInputs(count, seed);
    const kinds: Record<string, { n: number; ms: number }> = {};
    let report;
    if (options.profile) {
      const byKind = new Map<string, typeof inputs>();
      for (const input of inputs) byKind.set(input.kind, [...(byKind.get(input.kind) ?? []), input]);
      for (const [kind, list] of byKind) {
        const r = await runFuzz(apollo, neo.executor, list, { concurrency: Number(options.concurrency) });
        kinds[kind] = { n: list.length, ms: Math.round(r.millis) };
      }
      console.log(JSON.stringify(kinds, null, 2));
    }
    report = await runFuzz(apollo, neo.executor, inputs, { concurrency: Number(options.concurrency) });
    await apollo.stop();
    const after = await graphCounts(neo.driver);
    const result = {
      date: new Date().toISOString(),
      command: `npm run harden:fuzz -- --count ${count} --seed ${seed}`,
      tried: report.tried,
      seconds: Math.round(report.millis / 100) / 10,
      internalServerErrors: report.codes.INTERNAL_SERVER_ERROR ?? 0,
      crashes: report.crashes.length,
      graphBefore: before,
      graphAfter: after,
      codes: report.codes,
      internalExamples: report.internal.slice(0, 5),
      crashExamples: report.crashes.slice(0, 5),
      slowest: report.slowest,
      errorLog: lines.slice(0, 5),
    };
    console.log(JSON.stringify(result, null, 2));
    const failed = result.internalServerErrors > 0 || result.crashes > 0 || report.internal.length > 0 || JSON.stringify(before) !== JSON.stringify(after);
    if (failed) process.exitCode = 1;
  } finally {
    await neo.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
