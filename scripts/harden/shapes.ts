import 'reflect-metadata';
import path from 'node:path';
import { Command } from 'commander';
import pino from 'pino';
import { DEFAULT_LIMITS, PROJECT_ROOT } from '../../src/config';
import { runSampleImport } from '../../src/import/seed';
import { applySchema } from '../../src/neo4j/migrate';
import { createSchema } from '../../src/schema';
import { startService } from '../../src/server';
import { sampleHostileShapes } from '../../test/support/hostile-shapes';
import { startIsolatedNeo4j } from '../../test/support/isolated-neo4j';

/**
 * npm run harden:shapes -- --count 5000: structurally hostile documents (fan-outs, cycles, nesting,
 * alias, directive and field floods, batches, huge variables, at random sizes) sent over HTTP to the
 * service on a Neo4j of its own, while a probe asks /health/live every 50 ms. Reports the slowest
 * answer, the slowest /health/live, the longest event-loop block (codeset_event_loop_delay_max_seconds)
 * and every code seen; fails on any INTERNAL_SERVER_ERROR, 5xx or answer slower than 2 s.
 */
const options = new Command()
  .option('--count <n>', 'how many documents', '5000')
  .option('--seed <n>', 'generator seed', String(Date.now() % 2 ** 31))
  .option('--concurrency <n>', 'requests in flight', '4')
  .option('--bolt-port <port>', 'Bolt port of the Neo4j this script starts', process.env.HARDEN_BOLT_PORT ?? '7692')
  .parse()
  .opts<{ count: string; seed: string; concurrency: string; boltPort: string }>();

async function main(): Promise<void> {
  const count = Number(options.count);
  const seed = Number(options.seed);
  const neo = await startIsolatedNeo4j({
    connectTimeoutMs: 2_000,
    queryTimeoutMs: 10_000,
    home: path.join(PROJECT_ROOT, '.data', 'neo4j-harden-shapes'),
    boltPort: Number(options.boltPort),
  });
  // Loaded before the service starts, so the event-loop figure is the service's alone.
  await applySchema(neo.executor);
  await runSampleImport(neo.executor);
  const service = await startService(
    {
      schema: await createSchema(),
      executor: neo.executor,
      logger: pino({ level: 'silent' }),
      databaseReady: async () => true,
      limits: { ...DEFAULT_LIMITS, anonymousRatePerMinute: 0 },
    },
    '127.0.0.1',
    0,
  );
  const base = service.url.replace(/\/graphql$/, '');
  try {
    const inputs = sampleHostileShapes(count, seed);
    const codes: Record<string, number> = {};
    const byKind: Record<string, { n: number; slowestMs: number }> = {};
    const failures: Array<{ kind: string; status: number; text: string }> = [];
    let slowest = { kind: '', ms: 0 };
    let liveSlowestMs = 0;
    let probing = true;
    const probe = (async () => {
      while (probing) {
        const began = performance.now();
        const live = await fetch(`${base}/health/live`);
        await live.text();
        liveSlowestMs = Math.max(liveSlowestMs, performance.now() - began);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    let index = 0;
    const began = performance.now();
    const worker = async () => {
      while (index < inputs.length) {
        const input = inputs[index++];
        const sent = performance.now();
        const response = await fetch(service.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input.body) });
        const text = await response.text();
        const ms = performance.now() - sent;
        let found: string[];
        try {
          const json = JSON.parse(text) as { errors?: Array<{ extensions?: { code?: string } }> };
          found = (json.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE');
        } catch {
          found = [`HTTP_${response.status}`];
        }
        if (found.length === 0) found = ['OK'];
        for (const code of new Set(found)) codes[code] = (codes[code] ?? 0) + 1;
        const kind = (byKind[input.kind] ??= { n: 0, slowestMs: 0 });
        kind.n += 1;
        kind.slowestMs = Math.max(kind.slowestMs, Math.round(ms));
        if (ms > slowest.ms) slowest = { kind: input.kind, ms };
        if (response.status >= 500 || found.includes('INTERNAL_SERVER_ERROR') || ms > 2_000)
          failures.push({ kind: input.kind, status: response.status, text: text.slice(0, 300) });
      }
    };
    await Promise.all(Array.from({ length: Number(options.concurrency) }, worker));
    probing = false;
    await probe;
    const metrics = await (await fetch(`${base}/metrics`)).text();
    const eventLoopMaxMs = Number(/^codeset_event_loop_delay_max_seconds (\S+)$/m.exec(metrics)?.[1]) * 1000;
    const result = {
      date: new Date().toISOString(),
      command: `npm run harden:shapes -- --count ${count} --seed ${seed} --concurrency ${options.concurrency}`,
      documents: inputs.length,
      seconds: Math.round((performance.now() - began) / 100) / 10,
      slowestAnswerMs: Math.round(slowest.ms),
      slowestKind: slowest.kind,
      slowestHealthLiveMs: Math.round(liveSlowestMs),
      eventLoopMaxMs: Math.round(eventLoopMaxMs),
      codes,
      byKind,
      failures: failures.slice(0, 10),
      failureCount: failures.length,
    };
    console.log(JSON.stringify(result, null, 2));
    if (failures.length > 0) process.exitCode = 1;
  } finally {
    await service.stop();
    service.httpServer.close();
    await neo.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
