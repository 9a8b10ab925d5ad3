/**
 * npm run bench [-- --connections 8 --duration 5 --rounds 3]
 *
 * Side by side, in one run, on loopback, over the same Neo4j with the full official data
 * (.data/neo4j-bench, imported first; a no-op when it is there):
 *   (a) this service (the build, `node dist/src/index.js`), as shipped: answer cache on,
 *   (a0) the same with CODESET_CACHE_MB=0: every answer from Neo4j (what a cache miss costs),
 *   (b) @neo4j/graphql over the same graph (contenders/generated-api.ts),
 *   (c) the floor: the service's Cypher through neo4j-driver from a bare HTTP handler (contenders/floor.ts).
 * Each contender is its own Node process. For every query of the mix (mix.ts), autocannon runs
 * fixed-connection, fixed-duration slots; slots interleave the contenders (the order rotates each
 * round) and every response time is kept. Every claim-edit family is loaded first (claim-edits.ts),
 * so `validateClaimEdits` reads PTP edits, MUEs and LCD articles beside `validateClaim`. Writes BENCHMARKS.md and BENCHMARKS.json at the
 * repository root, and the full result to .data/bench/bench.json.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Table from 'cli-table3';
import { Command } from 'commander';
import { PROJECT_ROOT } from '../../src/config';
import { openBenchStore } from './bench-store';
import { ensureClaimEdits } from './claim-edits';
import { startContender, type ContenderProcess } from './contender-process';
import { percentile, runSlot, type SlotResult } from './load';
import { buildMix, type ContenderId, type MixQuery } from './mix';
import { renderMarkdown, type BenchReport, type QueryReport } from './bench-report';
import { machineDescription, runBench, writeBenchResult } from './report';

const options = new Command()
  .option('--dir <folder>', 'folder with the official files', process.env.CODESET_DATA_DIR ?? path.resolve(PROJECT_ROOT, '..', 'shared', 'data'))
  .option('--port <port>', 'Bolt port of the benchmark Neo4j', '7697')
  .option('--connections <n>', 'concurrent connections per slot', '8')
  .option('--duration <seconds>', 'length of one measured slot', '5')
  .option('--rounds <n>', 'measured slots per contender and query', '3')
  .option('--warmup <seconds>', 'unmeasured slot per contender and query first', '3')
  .option('--queries <names>', 'only these queries of the mix (comma-separated)')
  .option('--no-write', 'print only; leave BENCHMARKS.md and BENCHMARKS.json as they are')
  .parse()
  .opts<{ dir: string; port: string; connections: string; duration: string; rounds: string; warmup: string; queries?: string; write: boolean }>();

const CONTENDERS: ContenderId[] = ['service', 'uncached', 'generated', 'floor'];

function gitCommit(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${commit} (with uncommitted changes)` : commit;
  } catch {
    return 'unknown';
  }
}

async function startContenders(uri: string): Promise<Record<ContenderId, ContenderProcess>> {
  console.log('building the service (npm run build)');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  // The load generator is one anonymous address: the per-address rate limit would measure itself.
  const env = {
    NEO4J_URI: uri,
    PORT: '0',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    CODESET_ANON_RATE_LIMIT: '0',
    CODESET_WARM_QUERY_PLANS: 'before-serving',
  };
  const tsx = ['--import', 'tsx'];
  const served = /serving GraphQL at http:\/\/[^:]+:(\d+)\//;
  const [service, uncached, generated, floor] = await Promise.all([
    startContender('the service', ['dist/src/index.js'], env, served),
    startContender('the service without its cache', ['dist/src/index.js'], { ...env, CODESET_CACHE_MB: '0' }, served),
    startContender('@neo4j/graphql', [...tsx, 'scripts/bench/contenders/generated-api.ts'], env, /listening (\d+)/),
    startContender('the floor', [...tsx, 'scripts/bench/contenders/floor.ts'], env, /listening (\d+)/),
  ]);
  return { service, uncached, generated, floor };
}

/** Whether a contender has an equivalent of the query (validateClaimEdits is the service's alone). */
const answers = (query: MixQuery, id: ContenderId) => query.request(id, 0) !== null;

/** Every sample once through every contender: all must answer without error (this is also the first warm-up). */
async function checkAnswers(mix: MixQuery[], contenders: Record<ContenderId, ContenderProcess>): Promise<Record<string, Record<ContenderId, number>>> {
  const bytes: Record<string, Record<ContenderId, number>> = {};
  for (const query of mix) {
    bytes[query.name] = { service: 0, uncached: 0, generated: 0, floor: 0 };
    for (const id of CONTENDERS) {
      if (!answers(query, id)) continue;
      for (let i = 0; i < query.samples; i++) {
        const request = query.request(id, i)!;
        const response = await fetch(contenders[id].origin + request.path, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: request.body,
        });
        const text = await response.text();
        if (!response.ok || (id !== 'floor' && text.includes('"errors":')))
          throw new Error(`${id} failed ${query.name} sample ${i}: HTTP ${response.status} ${text.slice(0, 500)}`);
        bytes[query.name][id] += text.length;
      }
      bytes[query.name][id] = Math.round(bytes[query.name][id] / query.samples);
    }
  }
  return bytes;
}

async function main(): Promise<void> {
  const connections = Number(options.connections);
  const seconds = Number(options.duration);
  const rounds = Number(options.rounds);
  const warmup = Number(options.warmup);
  const store = await openBenchStore(options.dir, Number(options.port));
  const edits = await ensureClaimEdits(store.executor, store.driver);
  console.log(`claim edits in place: ${edits.ptpEdits} PTP edits, ${edits.mues} MUEs, ${edits.articles} LCD articles`);
  let contenders: Record<ContenderId, ContenderProcess> | null = null;
  try {
    const only = options.queries?.split(',').map((q) => q.trim());
    const mix = (await buildMix(store.driver)).filter((q) => !only || only.includes(q.name));
    contenders = await startContenders(store.target.uri);
    const running = contenders;
    const rssAtStart = Object.fromEntries(CONTENDERS.map((id) => [id, running[id].rssMb()])) as Record<ContenderId, number>;
    console.log('checking that every contender answers every sample');
    const meanBytes = await checkAnswers(mix, running);

    const peakRss: Record<ContenderId, number> = { service: 0, uncached: 0, generated: 0, floor: 0 };
    const slot = async (query: MixQuery, id: ContenderId, slotSeconds: number): Promise<SlotResult> => {
      const sampler = setInterval(() => (peakRss[id] = Math.max(peakRss[id], running[id].rssMb())), 250);
      try {
        const requests = Array.from({ length: query.samples }, (_, i) => query.request(id, i)!);
        return await runSlot({ origin: running[id].origin, requests, connections, seconds: slotSeconds, graphql: id !== 'floor' });
      } finally {
        clearInterval(sampler);
      }
    };
    const results = new Map<string, SlotResult[]>();
    for (const query of mix) for (const id of CONTENDERS) results.set(`${query.name}|${id}`, []);
    if (warmup > 0) {
      console.log(`warm-up: ${warmup} s per contender and query`);
      for (const query of mix) for (const id of CONTENDERS) if (answers(query, id)) await slot(query, id, warmup);
    }
    for (let round = 0; round < rounds; round++) {
      for (const query of mix) {
        const order = CONTENDERS.map((_, i) => CONTENDERS[(i + round) % CONTENDERS.length]);
        for (const id of order) {
          if (!answers(query, id)) continue;
          const result = await slot(query, id, seconds);
          results.get(`${query.name}|${id}`)!.push(result);
          console.log(
            `round ${round + 1}/${rounds} ${query.name.padEnd(14)} ${id.padEnd(10)} ${(result.requests / seconds).toFixed(0).padStart(6)} req/s${result.failures ? `, ${result.failures} failures: ${result.firstFailure}` : ''}`,
          );
        }
      }
    }
    const rssAtEnd = Object.fromEntries(CONTENDERS.map((id) => [id, running[id].rssMb()])) as Record<ContenderId, number>;

    const queries: QueryReport[] = mix.map((query) => {
      const contenderResults = Object.fromEntries(
        CONTENDERS.map((id) => {
          const slots = results.get(`${query.name}|${id}`)!;
          if (slots.length === 0) return [id, { requests: 0, rps: 0, p50Ms: 0, p99Ms: 0, failures: 0, meanResponseBytes: 0 }];
          const latencies = slots.flatMap((s) => s.latenciesMs).sort((a, b) => a - b);
          const totalSeconds = slots.reduce((sum, s) => sum + s.seconds, 0);
          const round1 = (n: number) => Number(n.toFixed(1));
          return [
            id,
            {
              requests: latencies.length,
              rps: round1(latencies.length / totalSeconds),
              p50Ms: round1(percentile(latencies, 50)),
              p99Ms: round1(percentile(latencies, 99)),
              failures: slots.reduce((sum, s) => sum + s.failures, 0),
              meanResponseBytes: meanBytes[query.name][id],
            },
          ];
        }),
      ) as QueryReport['contenders'];
      return { name: query.name, title: query.title, samples: query.samples, generatedNote: query.generatedNote, contenders: contenderResults };
    });
    const round1 = (n: number) => Number(n.toFixed(1));
    const report: BenchReport = {
      date: new Date().toISOString(),
      commit: gitCommit(),
      machine: machineDescription(),
      settings: { connections, slotSeconds: seconds, rounds, warmupSeconds: warmup },
      rssMb: Object.fromEntries(
        CONTENDERS.map((id) => [id, { start: round1(rssAtStart[id]), peak: round1(peakRss[id]), end: round1(rssAtEnd[id]) }]),
      ) as BenchReport['rssMb'],
      queries,
    };

    const table = new Table({
      head: [
        'query',
        'a req/s',
        'a0 req/s',
        'b req/s',
        'c req/s',
        'a/b req/s',
        'a0/b req/s',
        'a p50',
        'a0 p50',
        'b p50',
        'c p50',
        'a/c p50',
        'a0/c p50',
        'a p99',
        'a0 p99',
        'b p99',
        'a/b p99',
        'a0/b p99',
      ],
      style: { head: [], border: [] },
    });
    const r = (x: number, y: number) => (x / y).toFixed(2);
    for (const q of queries) {
      const { service: a, uncached: a0, generated: b, floor: c } = q.contenders;
      table.push([
        q.name,
        a.rps,
        a0.rps,
        b.rps,
        c.rps,
        r(a.rps, b.rps),
        r(a0.rps, b.rps),
        a.p50Ms,
        a0.p50Ms,
        b.p50Ms,
        c.p50Ms,
        r(a.p50Ms, c.p50Ms),
        r(a0.p50Ms, c.p50Ms),
        a.p99Ms,
        a0.p99Ms,
        b.p99Ms,
        r(a.p99Ms, b.p99Ms),
        r(a0.p99Ms, b.p99Ms),
      ]);
    }
    console.log(table.toString());
    const plain = queries.find((q) => q.name === 'validateClaim');
    const edits = queries.find((q) => q.name === 'validateClaimEdits');
    if (plain && edits)
      for (const id of ['service', 'uncached'] as const)
        console.log(
          `validateClaimEdits / validateClaim p50, ${id}: ${edits.contenders[id].p50Ms} / ${plain.contenders[id].p50Ms} ms = ${r(edits.contenders[id].p50Ms, plain.contenders[id].p50Ms)} (issue 15: at most 1.5)`,
        );
    for (const id of ['service', 'uncached'] as const)
      console.log(`${id} RSS: start ${report.rssMb[id].start} MB, peak ${report.rssMb[id].peak} MB, end ${report.rssMb[id].end} MB`);
    console.log(`full result: ${writeBenchResult('bench', report)}`);
    if (options.write) {
      writeFileSync(path.join(PROJECT_ROOT, 'BENCHMARKS.md'), renderMarkdown(report));
      writeFileSync(path.join(PROJECT_ROOT, 'BENCHMARKS.json'), `${JSON.stringify(report, null, 2)}\n`);
      console.log('wrote BENCHMARKS.md and BENCHMARKS.json');
    }
  } finally {
    if (contenders) await Promise.all(Object.values(contenders).map((c) => c.stop()));
    await store.close();
  }
}

runBench(main);
