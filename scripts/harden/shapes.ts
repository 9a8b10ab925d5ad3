import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Command } from 'commander';
import { PROJECT_ROOT } from '../../src/config';
import { runSampleImport } from '../../src/import/seed';
import { applySchema } from '../../src/neo4j/migrate';
import { repeat, sampleHostileShapes, type ShapeInput } from '../../test/support/hostile-shapes';
import { startIsolatedNeo4j } from '../../test/support/isolated-neo4j';
import { startContender } from '../bench/contender-process';

/**
 * npm run harden:shapes -- --count 5000: structurally hostile documents (fan-outs, cycles, nesting,
 * alias, directive and field floods, batches, huge variables, at random sizes) sent over HTTP to the
 * service (built and run in a process of its own, as `npm start` runs it, so the figures are the
 * service's and not this client's) on a Neo4j of its own, while a probe asks /health/live every
 * 50 ms. The documents go kind by kind; after each kind the script scrapes /metrics for
 * codeset_event_loop_delay_recent_max_seconds, the longest event-loop block since the previous
 * scrape. Reports the slowest answer, the slowest /health/live, the longest block overall and per
 * kind, and every code seen; fails on any INTERNAL_SERVER_ERROR, 5xx or answer slower than 2 s.
 */
const options = new Command()
  .option('--count <n>', 'how many documents', '5000')
  .option('--seed <n>', 'generator seed', String(Date.now() % 2 ** 31))
  .option('--concurrency <n>', 'requests in flight', '4')
  .option('--bolt-port <port>', 'Bolt port of the Neo4j this script starts', process.env.HARDEN_BOLT_PORT ?? '7692')
  .option('--kinds <list>', 'only these kinds, comma-separated (default: every kind)')
  .option('--cpu-prof <dir>', "write the service's V8 CPU profile to this folder when it stops")
  .option('--port <port>', 'HTTP port of the service this script starts', process.env.HARDEN_PORT ?? '4692')
  .parse()
  .opts<{ count: string; seed: string; concurrency: string; boltPort: string; port: string; kinds?: string; cpuProf?: string }>();

async function main(): Promise<void> {
  const count = Number(options.count);
  const seed = Number(options.seed);
  const neo = await startIsolatedNeo4j({
    connectTimeoutMs: 2_000,
    queryTimeoutMs: 10_000,
    home: path.join(PROJECT_ROOT, '.data', 'neo4j-harden-shapes'),
    boltPort: Number(options.boltPort),
  });
  await applySchema(neo.executor);
  await runSampleImport(neo.executor);
  // The service as `npm start` runs it: built, then plain node (tsx's source maps make every error's stack costly).
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  const service = await startContender(
    'the service',
    [...(options.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProf}`] : []), 'dist/src/index.js'],
    {
      NEO4J_URI: `bolt://127.0.0.1:${options.boltPort}`,
      NEO4J_USER: 'neo4j',
      NEO4J_PASSWORD: '',
      HOST: '127.0.0.1',
      PORT: options.port,
      LOG_LEVEL: 'warn',
      CODESET_ANON_RATE_LIMIT: '0',
      // Plans made before the clock starts, so no background planning shares Neo4j with the run.
      CODESET_WARM_QUERY_PLANS: 'before-serving',
    },
    /serving GraphQL at http:\/\/localhost:(\d+)\/graphql/,
  );
  const base = service.origin;
  const url = `${base}/graphql`;
  /** The longest event-loop block since the previous call (the gauge resets on each scrape). */
  const recentBlockMs = async () => {
    const metrics = await (await fetch(`${base}/metrics`)).text();
    return Math.round(Number(/^codeset_event_loop_delay_recent_max_seconds (\S+)$/m.exec(metrics)?.[1]) * 1000);
  };
  const post = (body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  try {
    const only = options.kinds ? new Set(options.kinds.split(',')) : null;
    const inputs = sampleHostileShapes(count, seed).filter((input) => !only || only.has(input.kind));
    const codes: Record<string, number> = {};
    const byKind: Record<string, { n: number; slowestMs: number; eventLoopMaxMs: number }> = {};
    const failures: Array<{ kind: string; status: number; text: string }> = [];
    let slowest = { kind: '', ms: 0 };
    let liveSlowestMs = 0;
    // Warm up (JIT, Cypher plans, the driver's pool) with plain lookups, then start the clock.
    for (let i = 0; i < 50; i++) await (await post({ query: '{ codeSystems { id } code(code: "E11.9") { code display } }' })).text();
    const startupBlockMs = await recentBlockMs();
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
    const send = async (input: ShapeInput) => {
      const sent = performance.now();
      const response = await post(input.body);
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
      const kind = (byKind[input.kind] ??= { n: 0, slowestMs: 0, eventLoopMaxMs: 0 });
      kind.n += 1;
      kind.slowestMs = Math.max(kind.slowestMs, Math.round(ms));
      if (ms > slowest.ms) slowest = { kind: input.kind, ms };
      if (response.status >= 500 || found.includes('INTERNAL_SERVER_ERROR') || ms > 2_000)
        failures.push({ kind: input.kind, status: response.status, text: text.slice(0, 300) });
    };
    const began = performance.now();
    let eventLoopMaxMs = 0;
    // Kind by kind, so each kind's longest block is its own.
    for (const kindName of [...new Set(inputs.map((input) => input.kind))]) {
      const ofKind = inputs.filter((input) => input.kind === kindName);
      let index = 0;
      const worker = async () => {
        while (index < ofKind.length) await send(ofKind[index++]);
      };
      await Promise.all(Array.from({ length: Number(options.concurrency) }, worker));
      const blockMs = await recentBlockMs();
      byKind[kindName].eventLoopMaxMs = blockMs;
      eventLoopMaxMs = Math.max(eventLoopMaxMs, blockMs);
    }
    // Other callers: the p50 of plain lookups alone, then while the costly shapes of issue 13 arrive
    // (fifty aliases of unjustifiedDiagnoses, twenty deep-offset justifiedBy pages, and the largest
    // single ones the prices allow), side by side in this run.
    const neighbours = await neighbourP50s(post, Number(options.concurrency));
    probing = false;
    await probe;
    const result = {
      date: new Date().toISOString(),
      command: `npm run harden:shapes -- --count ${count} --seed ${seed} --concurrency ${options.concurrency}${options.kinds ? ` --kinds ${options.kinds}` : ''}`,
      documents: inputs.length,
      seconds: Math.round((performance.now() - began) / 100) / 10,
      slowestAnswerMs: Math.round(slowest.ms),
      slowestKind: slowest.kind,
      slowestHealthLiveMs: Math.round(liveSlowestMs),
      eventLoopMaxMs,
      startupAndWarmUpBlockMs: startupBlockMs,
      neighbours,
      codes,
      byKind,
      failures: failures.slice(0, 10),
      failureCount: failures.length,
    };
    console.log(JSON.stringify(result, null, 2));
    if (failures.length > 0) process.exitCode = 1;
  } finally {
    await service.stop();
    await neo.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function neighbourP50s(post: (body: unknown) => Promise<Response>, attackers: number) {
  // Priced by its offset and refused before it runs: a forged cursor does for that.
  const deep = Buffer.from('offset:74999').toString('base64');
  // Allowed and run: a real cursor (they are tied to the list they came from), 2,000 rows down.
  const page = async (after: string | null) => {
    const answer = (await (
      await post({
        query:
          'query ($after: String) { code(system: CPT, code: "80061") { ... on Procedure { justifiedBy(first: 1000, after: $after) { pageInfo { endCursor } } } } }',
        variables: { after },
      })
    ).json()) as { data: { code: { justifiedBy: { pageInfo: { endCursor: string } } } } };
    return answer.data.code.justifiedBy.pageInfo.endCursor;
  };
  const cursor2000 = await page(await page(null));
  const costly = [
    `{ ${repeat(50, (i) => `u${i}: unjustifiedDiagnoses(first: 1) { totalCount }`)} }`,
    `{ ${repeat(20, (i) => `p${i}: code(system: CPT, code: "80061") { ... on Procedure { justifiedBy(first: 10, after: "${deep}") { totalCount } } }`)} }`,
    '{ unjustifiedDiagnoses(first: 50) { totalCount } }',
    `{ code(system: CPT, code: "80061") { ... on Procedure { justifiedBy(first: 10, after: "${cursor2000}") { totalCount } } } }`,
  ];
  const codes = ['E11.9', 'I10', 'J02.9', 'E78.5', 'N39.0', 'K21.9', 'I48.91', 'J44.9', 'E11.65', 'I50.9'];
  const lookups = async (n: number) => {
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const began = performance.now();
      await (await post({ query: `{ code(code: "${codes[i % codes.length]}") { code display parent { code } } }` })).text();
      times.push(performance.now() - began);
    }
    return Math.round(median(times) * 10) / 10;
  };
  const alone = await lookups(300);
  let attacking = true;
  let costlySent = 0;
  const costlyAnswers: Record<string, { n: number; slowestMs: number }> = {};
  const attack = async (k: number) => {
    while (attacking) {
      const which = (costlySent++ + k) % costly.length;
      const began = performance.now();
      const json = (await (await post({ query: costly[which] })).json()) as { errors?: Array<{ extensions?: { code?: string } }> };
      const key = `${['fiftyUnjustified', 'twentyDeepPages', 'oneUnjustified', 'oneDeepPage'][which]} ${json.errors?.[0]?.extensions?.code ?? 'OK'}`;
      const seen = (costlyAnswers[key] ??= { n: 0, slowestMs: 0 });
      seen.n += 1;
      seen.slowestMs = Math.max(seen.slowestMs, Math.round(performance.now() - began));
    }
  };
  const running = Array.from({ length: attackers }, (_, k) => attack(k));
  const underAttack = await lookups(300);
  attacking = false;
  await Promise.all(running);
  return { lookupP50AloneMs: alone, lookupP50UnderAttackMs: underAttack, ratio: Math.round((underAttack / alone) * 100) / 100, costlyAnswers };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
