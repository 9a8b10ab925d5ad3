import 'reflect-metadata';
import path from 'node:path';
import { Command } from 'commander';
import pino from 'pino';
import { PROJECT_ROOT } from '../../src/config';
import { runSampleImport } from '../../src/import/seed';
import { applySchema } from '../../src/neo4j/migrate';
import { createSchema } from '../../src/schema';
import { createApollo } from '../../src/server';
import { graphCounts, runFuzz, type FuzzReport } from '../../test/support/fuzz-runner';
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
  const neo = await startIsolatedNeo4j({
    connectTimeoutMs: 2_000,
    queryTimeoutMs: 10_000,
    home: path.join(PROJECT_ROOT, '.data', 'neo4j-harden-fuzz'),
    boltPort: Number(options.boltPort),
  });
  try {
    await applySchema(neo.executor);
    await runSampleImport(neo.executor);
    const lines: string[] = [];
    const apollo = createApollo(await createSchema(), pino({ level: 'error' }, { write: (line: string) => lines.push(line) }), { introspection: true });
    await apollo.start();
    const before = await graphCounts(neo.driver);
    const inputs = sampleHostileInputs(Math.min(count, 2_000), seed);
    const kinds: Record<string, { n: number; ms: number }> = {};
    if (options.profile) {
      const byKind = new Map<string, typeof inputs>();
      for (const input of inputs) byKind.set(input.kind, [...(byKind.get(input.kind) ?? []), input]);
      for (const [kind, list] of byKind) {
        const r = await runFuzz(apollo, neo.executor, list, { concurrency: Number(options.concurrency) });
        kinds[kind] = { n: list.length, ms: Math.round(r.millis) };
      }
      console.log(JSON.stringify(kinds, null, 2));
    }
    // Generated and run a chunk at a time: 100,000 inputs with their huge strings do not fit in memory at once.
    const CHUNK = 2_000;
    const report = {
      tried: 0,
      codes: {} as Record<string, number>,
      internal: [] as FuzzReport['internal'],
      crashes: [] as FuzzReport['crashes'],
      millis: 0,
      slowest: [] as FuzzReport['slowest'],
    };
    for (let offset = 0; offset < count; offset += CHUNK) {
      const chunk = offset === 0 ? inputs : sampleHostileInputs(Math.min(CHUNK, count - offset), seed + offset);
      const part = await runFuzz(apollo, neo.executor, chunk, { concurrency: Number(options.concurrency) });
      report.tried += part.tried;
      report.millis += part.millis;
      for (const [code, n] of Object.entries(part.codes)) report.codes[code] = (report.codes[code] ?? 0) + n;
      report.internal.push(...part.internal.slice(0, 20 - report.internal.length));
      report.crashes.push(...part.crashes);
      report.slowest = [...report.slowest, ...part.slowest].sort((a, b) => b.ms - a.ms).slice(0, 5);
      if ((offset / CHUNK) % 5 === 4) console.error(`${report.tried} inputs, ${Math.round(report.millis / 1000)} s`);
    }
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
